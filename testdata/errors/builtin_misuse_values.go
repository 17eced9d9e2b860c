// errorcheck

// `...` goes with append alone among the built-ins; a call of no value is no
// argument, even to a variadic ...any parameter; ~ applies to no interface.

package main

func f() {}

func g(xs ...any) {}

type I interface{ M() }

func main() {
	print([]int{1}...)   // ERROR "invalid operation: invalid use of ... with built-in print"
	_ = len([]int{1}...) // ERROR "invalid operation: invalid use of ... with built-in len"
	_ = append([]int{}, []int{1}...)
	g(f())               // ERROR "f\(\) \(no value\) used as value"
	g(print(1))          // ERROR "print\(1\) \(no value\) used as value"
	g(1, f())            // ERROR "f\(\) \(no value\) used as value"
	g()
}

type A interface{ ~int | ~any } // ERROR "invalid use of ~ \(any is an interface\)"
type B interface{ ~int | ~I }   // ERROR "invalid use of ~ \(I is an interface\)"
