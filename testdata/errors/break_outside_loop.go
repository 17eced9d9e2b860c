// errorcheck

// break and continue need an enclosing loop (break: or switch/select).

package main

func main() {
	x := 1
	if x > 0 {
		break // ERROR "break is not in a loop, switch, or select"
	}
	continue // ERROR "continue is not in a loop"
}
