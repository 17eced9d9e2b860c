// errorcheck

// Binary operators need operands of identical types.

package main

func main() {
	x := 1
	s := "a"
	f := 1.5
	_ = x + s // ERROR "invalid operation: x \+ s \(mismatched types int and string\)"
	_ = x * f // ERROR "invalid operation: x \* f \(mismatched types int and float64\)"
	_ = x == s // ERROR "invalid operation: x == s \(mismatched types int and string\)"
	var i64 int64 = 3
	_ = x < i64 // ERROR "mismatched types int and int64"
}
