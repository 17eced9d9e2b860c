// errorcheck

// Constant values must fit their type; exact arithmetic finds the overflow.

package main

const big = 1 << 100

func main() {
	var x int = big // ERROR "cannot use big \(untyped int constant 1267650600228229401496703205376\) as int value in variable declaration \(overflows\)"
	var b uint8 = 256 // ERROR "cannot use 256 \(untyped int constant\) as uint8 value in variable declaration \(overflows\)"
	_ = 1 / 0 // ERROR "invalid operation: division by zero"
	_, _ = x, b
}
