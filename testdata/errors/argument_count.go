// errorcheck

// Argument and result count errors: the position types2 gives (the call without
// arguments, else the last argument, or the first extra one) and its summary of the
// operands' types (untyped numbers are "number"; other untyped kinds are named).

package main

func H(a int, b string) {}

func R() (int, string) {
	return 1 // ERROR "not enough return values\n\thave \(number\)\n\twant \(int, string\)"
}

func Q() int {
	return 1, "x", nil // ERROR "too many return values\n\thave \(number, string, nil\)\n\twant \(int\)"
}

func main() {
	H()                // ERROR "not enough arguments in call to H\n\thave \(\)\n\twant \(int, string\)"
	H(1 + 2)           // ERROR "not enough arguments in call to H\n\thave \(number\)\n\twant \(int, string\)"
	H(true, "a", nil)  // ERROR "too many arguments in call to H\n\thave \(bool, string, nil\)\n\twant \(int, string\)"
}
