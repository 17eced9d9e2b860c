// errorcheck

// new(expr) takes one single-valued, typed or default-typed expression.

package main

func f() (int, int) { return 1, 2 }

func main() {
	_ = new(nil)    // ERROR "use of untyped nil in argument to new"
	_ = new(f())    // ERROR "multiple-value f\(\) \(value of type \(int, int\)\) in single-value context"
	_ = new(1 << 70) // ERROR "cannot use 1 << 70 \(untyped int constant 1180591620717411303424\) as int value in argument to new \(overflows\)"
	_ = new(undefinedName) // ERROR "undefined: undefinedName"
	_ = new(int, 1) // ERROR "too many arguments"
}
