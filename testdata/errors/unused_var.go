// errorcheck

// Local variables that are declared and never used.

package main

func main() {
	x := 1 // ERROR "declared and not used: x"
	var s string // ERROR "declared and not used: s"
	a, b := 1, 2 // ERROR "declared and not used: a"
	_ = b
	y := 2 // ERROR "declared and not used: y"
	y = 3 // assigning is not a use
}
