// run

// Range over functions in generic code, methods, goroutines and deep recursion.

package main

import (
	"fmt"
	"iter"
	"sync"
)

func Filter[T any](seq iter.Seq[T], keep func(T) bool) iter.Seq[T] {
	return func(yield func(T) bool) {
		for v := range seq {
			if keep(v) && !yield(v) {
				return
			}
		}
	}
}

func Map[T, U any](seq iter.Seq[T], f func(T) U) iter.Seq[U] {
	return func(yield func(U) bool) {
		for v := range seq {
			if !yield(f(v)) {
				return
			}
		}
	}
}

func Ints(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

type List[T any] struct {
	items []T
}

func (l *List[T]) All() iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i, x := range l.items {
			if !yield(i, x) {
				return
			}
		}
	}
}

func Sum[T int | float64](seq iter.Seq[T]) (s T) {
	for v := range seq {
		s += v
	}
	return
}

func main() {
	evens := Filter(Ints(20), func(x int) bool { return x%2 == 0 })
	for s := range Map(evens, func(x int) string { return fmt.Sprint("<", x, ">") }) {
		fmt.Print(s)
	}
	fmt.Println()
	l := &List[string]{items: []string{"a", "b"}}
	for i, s := range l.All() {
		fmt.Println(i, s)
	}
	fmt.Println(Sum(Ints(101)))
	var wg sync.WaitGroup
	results := make([]int, 4)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for v := range Ints(1000) {
				results[g] += v * g
			}
		}()
	}
	wg.Wait()
	fmt.Println(results)
	f := func() (out []int) {
		for v := range Ints(10) {
			defer func() { out = append(out, v) }()
			if v == 3 {
				return []int{-1}
			}
		}
		return nil
	}
	fmt.Println(f())
	// Deep recursion through yield grows the stack while bodies hold state.
	var deep func(n int) iter.Seq[int]
	deep = func(n int) iter.Seq[int] {
		return func(yield func(int) bool) {
			if n == 0 {
				yield(0)
				return
			}
			var pad [64]int
			pad[n%64] = n
			for v := range deep(n - 1) {
				if !yield(v + pad[n%64] - n + 1) {
					return
				}
			}
		}
	}
	for v := range deep(2000) {
		fmt.Println("deep", v)
	}
}
