// errorcheck

// Using a name that is declared nowhere.

package main

func main() {
	x := y + 1 // ERROR "undefined: y"
	_ = x
	undefinedFunc() // ERROR "undefined: undefinedFunc"
}
