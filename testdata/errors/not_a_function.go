// errorcheck

// Calling something that is not a function.

package main

func main() {
	x := 5
	x() // ERROR "invalid operation: cannot call non-function x \(variable of type int\)"
	s := "str"
	_ = s(1) // ERROR "cannot call non-function s"
}
