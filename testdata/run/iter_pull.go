// run

// iter.Pull and Pull2 over gojit's coroutines (runtime/coro.h): early stop, zipped
// sequences, a panicking sequence whose panic comes out of next, many switches.

package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
)

func Count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer fmt.Println("count cleanup")
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

// Zip pairs two sequences, pulling from both.
func Zip[A, B any](a iter.Seq[A], b iter.Seq[B]) iter.Seq2[A, B] {
	return func(yield func(A, B) bool) {
		na, stopA := iter.Pull(a)
		defer stopA()
		nb, stopB := iter.Pull(b)
		defer stopB()
		for {
			x, ok1 := na()
			y, ok2 := nb()
			if !ok1 || !ok2 || !yield(x, y) {
				return
			}
		}
	}
}

func main() {
	next, stop := iter.Pull(Count(5))
	for {
		v, ok := next()
		if !ok {
			break
		}
		fmt.Println("pulled", v)
		if v == 2 {
			stop()
		}
	}
	v, ok := next()
	fmt.Println("after stop:", v, ok)
	stop()

	for a, b := range Zip(slices.Values([]string{"x", "y", "z"}), Count(10)) {
		fmt.Println(a, b)
	}
	m := map[string]int{"a": 1}
	next2, stop2 := iter.Pull2(maps.All(m))
	k, val, ok := next2()
	fmt.Println(k, val, ok)
	k, val, ok = next2()
	fmt.Println(k, val, ok)
	stop2()

	// A panicking sequence: the panic comes out of next.
	bad := func(yield func(int) bool) {
		yield(1)
		panic("seq failed")
	}
	n3, s3 := iter.Pull(iter.Seq[int](bad))
	defer s3()
	fmt.Println(n3())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		n3()
	}()
	fmt.Println(n3())

	// Many values through one pulled iterator.
	sum := 0
	n4, s4 := iter.Pull(func(yield func(int) bool) {
		for i := range 100000 {
			if !yield(i) {
				return
			}
		}
	})
	for {
		v, ok := n4()
		if !ok {
			break
		}
		sum += v
	}
	s4()
	fmt.Println("sum", sum)
}
