// run

// An alias may name a constraint interface (golang.org/x/exp/constraints has
// `type Ordered = cmp.Ordered`), and the alias then constrains as the original.

package main

import (
	"cmp"
	"fmt"
)

type Ordered = cmp.Ordered

type Number = interface{ ~int | ~float64 }

func Max[T Ordered](a, b T) T { return max(a, b) }

func Sum[T Number](xs ...T) (s T) {
	for _, x := range xs {
		s += x
	}
	return s
}

type Celsius float64

func main() {
	fmt.Println(Max(3, 7), Max("b", "a"), Max(Celsius(1.5), -2))
	fmt.Println(Sum(1, 2, 3), Sum(Celsius(0.5), 0.25))
}
