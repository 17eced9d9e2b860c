// run

// Generic types that refer to themselves in their type parameter lists: the
// constraint of T mentions the type being declared, instantiated with T.

package main

import "fmt"

type Ordered[T Ordered[T]] interface {
	Less(T) bool
}

type Num int

func (a Num) Less(b Num) bool { return a < b }

type Word string

func (a Word) Less(b Word) bool { return len(a) < len(b) }

func Min[T Ordered[T]](xs ...T) T {
	m := xs[0]
	for _, x := range xs[1:] {
		if x.Less(m) {
			m = x
		}
	}
	return m
}

type Node[N Node[N]] interface {
	Children() []N
}

type Dir struct {
	name string
	subs []*Dir
}

func (d *Dir) Children() []*Dir { return d.subs }

func Count[N Node[N]](n N) int {
	total := 1
	for _, c := range n.Children() {
		total += Count(c)
	}
	return total
}

func main() {
	fmt.Println(Min[Num](3, 1, 2), Min(Word("pear"), Word("fig"), Word("apple")))
	root := &Dir{"/", []*Dir{{"a", nil}, {"b", []*Dir{{"c", nil}}}}}
	fmt.Println(Count(root))
}
