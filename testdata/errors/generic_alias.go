// errorcheck

// A generic alias is used with all its type arguments, which satisfy its constraints.

package main

type Set[T comparable] = map[T]bool

type Pair[A, B any] = struct {
	a A
	b B
}

var _ Set[int]
var _ Set // ERROR "cannot use generic type Set\[T comparable\] without instantiation"
var _ Pair[int] // ERROR "not enough type arguments for type Pair: have 1, want 2"
var _ Set[[]int] // ERROR "\[\]int does not satisfy comparable"

func main() {}
