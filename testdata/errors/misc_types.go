// errorcheck

// Operators applied to operand types that do not support them.

package main

func main() {
	s := "abc"
	b := true
	_ = -s // ERROR "invalid operation: operator - not defined on s \(variable of type string\)"
	_ = !s // ERROR "invalid operation: operator ! not defined on s \(variable of type string\)"
	_ = b + b // ERROR "invalid operation: operator \+ not defined on b \(variable of type bool\)"
	f := 1.5
	_ = f % 2 // ERROR "invalid operation: operator % not defined on f \(variable of type float64\)"
	_ = f << 1 // ERROR "invalid operation: shifted operand f \(variable of type float64\) must be integer"
	s[0] = 'x' // ERROR "cannot assign to s\[0\] \(neither addressable nor a map index expression\)"
}
