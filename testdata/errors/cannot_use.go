// errorcheck

// Assigning, passing or returning a value of the wrong type.

package main

func takesInt(n int) {}

func returnsString() string {
	return 1 // ERROR "cannot use 1 \(untyped int constant\) as string value in return statement"
}

func main() {
	var n int
	n = "hello" // ERROR "cannot use .hello. \(untyped string constant\) as int value in assignment"
	takesInt("x") // ERROR "cannot use .x. \(untyped string constant\) as int value in argument to takesInt"
	var f float64 = 1.5
	n = f // ERROR "cannot use f \(variable of type float64\) as int value in assignment"
	var b bool = n // ERROR "cannot use n \(variable of type int\) as bool value in variable declaration"
	_ = b
	_ = returnsString()
}
