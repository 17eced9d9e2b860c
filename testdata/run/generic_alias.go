// run

// Go 1.24 generic type aliases: an alias with type parameters names the aliased type
// with the arguments substituted, so values of the alias and of the type it names
// are interchangeable.

package main

import (
	"fmt"
	"sort"
)

type Set[T comparable] = map[T]struct{}

type Pair[A, B any] struct {
	First  A
	Second B
}

type IntPair[B any] = Pair[int, B]

type List[T any] = []T

type Mapper[T, U any] = func(T) U

func keys[K comparable](s Set[K]) []K {
	var out []K
	for k := range s {
		out = append(out, k)
	}
	return out
}

func apply[T, U any](xs List[T], f Mapper[T, U]) List[U] {
	var out []U
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func main() {
	s := Set[string]{"b": {}, "a": {}}
	var m map[string]struct{} = s // the same type
	ks := keys(m)
	sort.Strings(ks)
	fmt.Println(ks, len(s))
	p := IntPair[string]{1, "x"}
	var q Pair[int, string] = p
	fmt.Printf("%v %T\n", q, p)
	l := List[float64]{1.5, 2.5}
	fmt.Println(apply(l, func(f float64) string { return fmt.Sprint(f * 2) }))
	fmt.Printf("%T\n", apply[int, bool])
}
