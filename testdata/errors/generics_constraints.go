// errorcheck

// Generic calls and types whose type arguments fail their constraints, or
// cannot be inferred.

package main

import "fmt"

type Number interface{ ~int | ~float64 }

func Sum[T Number](xs []T) T { var s T; return s }

func Eq[T comparable](a, b T) bool { return a == b }

func Show[T fmt.Stringer](x T) string { return x.String() }

func Zero[T any]() T { var z T; return z }

type Box[T Number] struct{ v T }

func Conv[To, From Number](f From) To { return To(f) }

func main() {
	_ = Sum([]string{"a"}) // ERROR "string does not satisfy Number .string missing in ~int \| ~float64."
	_ = Eq([]int{}, nil) // ERROR "\[\]int does not satisfy comparable"
	_ = Show(3) // ERROR "int does not satisfy fmt.Stringer .missing method String."
	_ = Zero() // ERROR "in call to Zero, cannot infer T \(declared at .*generics_constraints.go:18:11\)"
	_ = Conv(1) // ERROR "in call to Conv, cannot infer To \(declared at .*generics_constraints.go:22:11\)"
	_ = Sum[string] // ERROR "string does not satisfy Number .string missing in ~int \| ~float64."
	var b Box[string] // ERROR "string does not satisfy Number .string missing in ~int \| ~float64."
	_ = b
}

