// errorcheck

// Calling something that is not a function.

package main

func main() {
	x := 5
	x() // ERROR "invalid operation: cannot call x \(variable of type int\): int is not a function"
	s := "str"
	_ = s(1) // ERROR "invalid operation: cannot call s \(variable of type string\): string is not a function"
}
