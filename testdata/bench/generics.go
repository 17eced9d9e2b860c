// bench: generic code: a generic heap sort, sum, map and stack instantiated for
// int, float64 and string (gojit instantiates each; gc shares code by GC shape with
// dictionaries).
// quick: 1000

package main

import (
	"fmt"
	"os"
	"strconv"
)

const defaultN = 1000000 // size: elements sorted per type (os.Args[1] overrides)

type Ordered interface {
	~int | ~int64 | ~float64 | ~string
}

type Number interface {
	~int | ~int64 | ~float64
}

func siftDown[T Ordered](xs []T, root, end int) {
	for {
		child := 2*root + 1
		if child >= end {
			return
		}
		if child+1 < end && xs[child] < xs[child+1] {
			child++
		}
		if !(xs[root] < xs[child]) {
			return
		}
		xs[root], xs[child] = xs[child], xs[root]
		root = child
	}
}

// HeapSort sorts xs in increasing order.
func HeapSort[T Ordered](xs []T) {
	for i := len(xs)/2 - 1; i >= 0; i-- {
		siftDown(xs, i, len(xs))
	}
	for end := len(xs) - 1; end > 0; end-- {
		xs[0], xs[end] = xs[end], xs[0]
		siftDown(xs, 0, end)
	}
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(x T) { s.items = append(s.items, x) }

func (s *Stack[T]) Pop() T {
	x := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return x
}

func (s *Stack[T]) Len() int { return len(s.items) }

func IsSorted[T Ordered](xs []T) bool {
	for i := 1; i < len(xs); i++ {
		if xs[i] < xs[i-1] {
			return false
		}
	}
	return true
}

func size(def int) int {
	if len(os.Args) > 1 {
		if n, err := strconv.Atoi(os.Args[1]); err == nil {
			return n
		}
	}
	return def
}

func main() {
	n := size(defaultN)
	seed := uint64(42)
	next := func() uint64 {
		seed = seed*6364136223846793005 + 1442695040888963407
		return seed >> 33
	}
	ints := make([]int, n)
	for i := range ints {
		ints[i] = int(next() % 1000000)
	}
	floats := Map(ints, func(x int) float64 { return float64(x) / 7 })
	strs := Map(ints[:n/10], func(x int) string { return strconv.Itoa(x) })
	HeapSort(ints)
	HeapSort(floats)
	HeapSort(strs)
	var st Stack[int]
	for _, x := range ints {
		st.Push(x % 1000)
	}
	popped := 0
	for st.Len() > 0 {
		popped += st.Pop()
	}
	fmt.Println(IsSorted(ints), IsSorted(floats), IsSorted(strs))
	fmt.Println(Sum(ints), int64(Sum(floats)), popped, strs[0], strs[len(strs)-1])
}
