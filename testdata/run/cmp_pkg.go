// run

// Package cmp (Go 1.21, Or 1.22): Ordered as a constraint, Compare and Less with NaNs and -0.0, Or.

package main

import (
	"cmp"
	"fmt"
	"math"
	"sort"
)

type Celsius float64

type Name string

// largest works for any ordered type through cmp.Ordered.
func largest[T cmp.Ordered](xs ...T) T {
	var m T
	for i, x := range xs {
		if i == 0 || cmp.Less(m, x) {
			m = x
		}
	}
	return m
}

type point struct{ x, y int }

func main() {
	nan := math.NaN()
	inf := math.Inf(1)
	negZero := math.Copysign(0, -1)

	fmt.Println("== Compare")
	fmt.Println(cmp.Compare(1, 2), cmp.Compare(2, 2), cmp.Compare(3, 2))
	fmt.Println(cmp.Compare("a", "b"), cmp.Compare("ab", "a"), cmp.Compare("", ""), cmp.Compare("B", "a"))
	fmt.Println(cmp.Compare(int8(-128), int8(127)), cmp.Compare(uint64(math.MaxUint64), 0), cmp.Compare(uintptr(1), 1))
	fmt.Println(cmp.Compare(nan, nan), cmp.Compare(nan, -inf), cmp.Compare(-inf, nan), cmp.Compare(nan, 0.0))
	fmt.Println(cmp.Compare(negZero, 0.0), cmp.Compare(0.0, negZero), cmp.Compare(-inf, inf), cmp.Compare(inf, inf))
	fmt.Println(cmp.Compare(float32(nan), float32(1)), cmp.Compare(float32(1.5), float32(1.25)))
	fmt.Println(cmp.Compare(Celsius(-3), Celsius(2)), cmp.Compare(Name("bob"), Name("ann")))

	fmt.Println("== Less")
	fmt.Println(cmp.Less(1, 2), cmp.Less(2, 2), cmp.Less(3, 2), cmp.Less("a", "ab"))
	fmt.Println(cmp.Less(nan, -inf), cmp.Less(-inf, nan), cmp.Less(nan, nan), cmp.Less(nan, 1.0))
	fmt.Println(cmp.Less(negZero, 0.0), cmp.Less(0.0, negZero), cmp.Less(Celsius(nan), Celsius(0)))
	// The operators disagree with Compare and Less where NaNs are involved.
	fmt.Println(nan < 1, nan == nan, 1 < nan)

	fmt.Println("== Ordered as a constraint")
	fmt.Println(largest(3, 9, 2), largest("x", "xy", "w"), largest(Celsius(1.5), Celsius(-2)), largest[int]())
	fmt.Println(largest(1.0, nan, 3.0), largest(nan, 1.0))
	// cmp.Compare orders a sort with NaNs first and all NaNs equal.
	fs := []float64{2, nan, -1, inf, nan, -inf}
	sort.Slice(fs, func(i, j int) bool { return cmp.Compare(fs[i], fs[j]) < 0 })
	fmt.Println(fs)
	compareInt := cmp.Compare[int]
	fmt.Printf("%T %d\n", compareInt, compareInt(5, 4))

	fmt.Println("== Or")
	fmt.Printf("%q %q %q\n", cmp.Or("", "b", "c"), cmp.Or("", ""), cmp.Or[string]())
	fmt.Println(cmp.Or(0, 0, 3, 4), cmp.Or(-1, 2), cmp.Or[int]())
	fmt.Println(cmp.Or(point{}, point{0, 2}, point{3, 4}), cmp.Or(point{}))
	var p1, p2 *int
	x := 7
	fmt.Println(cmp.Or(p1, p2) == nil, *cmp.Or(p1, &x, p2))
	// Or compares with ==: a NaN is not the zero value, and -0.0 is.
	fmt.Println(cmp.Or(nan, 1.0), math.Signbit(cmp.Or(negZero, 0.0)), cmp.Or(negZero, 2.5))
	var e1, e2 error
	fmt.Println(cmp.Or(e1, e2) == nil, cmp.Or[any](nil, 0, "s"))
}
