// run

// Go 1.21 inference: a generic function passed as an argument or assigned to a
// function-typed variable takes its type arguments from that type; a partial type
// argument list completed by constraint type inference (E from S ~[]E).

package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

func Compare[T int | string](x, y T) int {
	if x < y {
		return -1
	}
	if x > y {
		return +1
	}
	return 0
}

func SortFunc[S ~[]E, E any](s S, cmp func(a, b E) int) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && cmp(s[j], s[j-1]) < 0; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func Index[S ~[]E, E comparable](s S, v E) int {
	for i := range s {
		if s[i] == v {
			return i
		}
	}
	return -1
}

func Apply[T any](x T, f func(T) T) T { return f(x) }

func Double[T int | float64](x T) T { return 2 * x }

func main() {
	xs := []int{3, 1, 2}
	SortFunc(xs, Compare)
	fmt.Println(xs)
	var f func(a, b string) int = Compare
	fmt.Println(f("a", "b"))
	g := Index[[]int]
	fmt.Println(g([]int{0, 7}, 7))
	words := []string{"pear", "Apple", "fig"}
	slices.SortFunc(words, strings.Compare)
	fmt.Println(words)
	ns := []float64{2.5, -1, 0}
	slices.SortFunc(ns, cmp.Compare)
	fmt.Println(ns)
	fmt.Println(Apply(21, Double), Apply(1.25, Double))
}
