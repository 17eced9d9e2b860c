// run

// Generic functions: explicit and inferred instantiation, constraints with type
// sets, untyped constant arguments, constraint type inference, function values.

package main

import (
	"fmt"
	"strings"
)

type Number interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~float32 | ~float64
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[S ~[]E, E any](s S, keep func(E) bool) S {
	var out S
	for _, e := range s {
		if keep(e) {
			out = append(out, e)
		}
	}
	return out
}

func Max[T int | float64 | string](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Keys[K comparable, V any](m map[K]V) int {
	n := 0
	for range m {
		n++
	}
	return n
}

func Index[T comparable](xs []T, x T) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

func Pair[A any, B any](a A, b B) string { return fmt.Sprintf("(%v, %v)", a, b) }

func Zero[T any]() T {
	var z T
	return z
}

type MyInts []int
type Celsius float64

func Describe[T fmt.Stringer](xs []T) string {
	var parts []string
	for _, x := range xs {
		parts = append(parts, x.String())
	}
	return strings.Join(parts, "+")
}

type Dir int

func (d Dir) String() string { return [...]string{"N", "E", "S", "W"}[d] }

func Apply[T any](x T, fs ...func(T) T) T {
	for _, f := range fs {
		x = f(x)
	}
	return x
}

func main() {
	fmt.Println(Sum([]int{1, 2, 3}), Sum([]float64{1.5, 2.25}), Sum[int8]([]int8{100, 27}))
	fmt.Println(Sum([]Celsius{10, 20.5}))
	strs := Map([]int{1, 2, 3}, func(i int) string { return strings.Repeat("x", i) })
	fmt.Println(strs, len(strs))
	evens := Filter(MyInts{1, 2, 3, 4, 5, 6}, func(i int) bool { return i%2 == 0 })
	fmt.Printf("%T %v\n", evens, evens)
	fmt.Println(Max(3, 7), Max(2.5, 1.0), Max("abc", "abd"), Max[float64](1, 2.5))
	fmt.Println(Keys(map[string]bool{"a": true, "b": false}))
	fmt.Println(Index([]string{"x", "y", "z"}, "z"), Index([]Dir{1, 2}, 3))
	fmt.Println(Pair(1, "one"), Pair[string, float64]("pi", 3.14))
	fmt.Printf("%q %v %v\n", Zero[string](), Zero[*int]() == nil, Zero[[2]bool]())
	fmt.Println(Describe([]Dir{0, 1, 2, 3}))
	double := func(i int) int { return i * 2 }
	fmt.Println(Apply(3, double, double), Apply("s"))
	f := Sum[float64]
	fmt.Printf("%T %v\n", f, f([]float64{0.5, 0.25}))
	fmt.Println(Max[string]("a", "b") + Max("c", "b"))
}
