// errorcheck

// Generics used without instantiation, wrong numbers of type arguments, and
// constraint interfaces used as types.

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
	var c Box // ERROR "cannot use generic type Box\[T Number\] without instantiation"
	f := Zero // ERROR "cannot use generic function Zero without instantiation"
	_ = Sum[int, int] // ERROR "got 2 type arguments but want 1"
	var d Box[int, int] // ERROR "too many type arguments for type Box: have 2, want 1"
	var x Number // ERROR "cannot use type Number outside a type constraint: interface contains type constraints"
	_, _, _, _ = c, d, f, x
}
