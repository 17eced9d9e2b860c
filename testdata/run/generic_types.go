// run

// Generic types: structs, methods with value and pointer receivers, recursive
// types, instances as interface values, %T of instances, and embedding.

package main

import (
	"errors"
	"fmt"
)

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(x T) { s.items = append(s.items, x) }

func (s *Stack[T]) Pop() (T, error) {
	var zero T
	if len(s.items) == 0 {
		return zero, errors.New("empty stack")
	}
	x := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return x, nil
}

func (s Stack[T]) Len() int { return len(s.items) }

type List[T any] struct {
	head *node[T]
	size int
}

type node[T any] struct {
	val  T
	next *node[T]
}

func (l *List[T]) PushFront(v T) {
	l.head = &node[T]{v, l.head}
	l.size++
}

func (l *List[T]) Each(f func(T)) {
	for n := l.head; n != nil; n = n.next {
		f(n.val)
	}
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(x T)           { s[x] = struct{}{} }
func (s Set[T]) Has(x T) bool      { _, ok := s[x]; return ok }
func NewSet[T comparable]() Set[T] { return make(Set[T]) }

type Tree[T interface{ ~int | ~string }] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) Insert(v T) *Tree[T] {
	if t == nil {
		return &Tree[T]{Val: v}
	}
	if v < t.Val {
		t.Left = t.Left.Insert(v)
	} else {
		t.Right = t.Right.Insert(v)
	}
	return t
}

func (t *Tree[T]) Walk(f func(T)) {
	if t == nil {
		return
	}
	t.Left.Walk(f)
	f(t.Val)
	t.Right.Walk(f)
}

type Named struct {
	Pair[string, int]
	Note string
}

type Opt[T any] struct {
	v  T
	ok bool
}

func Some[T any](v T) Opt[T] { return Opt[T]{v, true} }

func (o Opt[T]) Get() (T, bool) { return o.v, o.ok }

func main() {
	var s Stack[string]
	s.Push("a")
	s.Push("b")
	fmt.Println(s.Len())
	for {
		x, err := s.Pop()
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Println(x)
	}
	ints := &Stack[int]{}
	ints.Push(42)
	fmt.Printf("%T %T %v\n", s, ints, *ints)

	var l List[float64]
	for i := 0; i < 4; i++ {
		l.PushFront(float64(i) / 2)
	}
	l.Each(func(f float64) { fmt.Print(f, " ") })
	fmt.Println(l.size)

	p := Pair[string, int]{"x", 1}
	var st fmt.Stringer = p
	fmt.Println(st, p)
	fmt.Printf("%v %+v %T\n", p, p, p)

	set := NewSet[int]()
	set.Add(3)
	fmt.Println(set.Has(3), set.Has(4), len(set))

	var t *Tree[string]
	for _, w := range []string{"m", "c", "x", "a"} {
		t = t.Insert(w)
	}
	t.Walk(func(s string) { fmt.Print(s) })
	fmt.Println()

	n := Named{Pair[string, int]{"k", 9}, "note"}
	fmt.Println(n.Key, n.Val, n.String())

	v, ok := Some(2.5).Get()
	fmt.Println(v, ok)
	var none Opt[[]int]
	fmt.Println(none.Get())
}
