// run

// container/heap, container/list and container/ring from Go's tree: a priority
// queue with Fix and Remove, a list spliced and walked both ways, a ring moved,
// linked and unlinked.
package main

import (
	"container/heap"
	"container/list"
	"container/ring"
	"fmt"
	"strings"
)

type item struct {
	name     string
	priority int
	index    int
}

type queue []*item

func (q queue) Len() int            { return len(q) }
func (q queue) Less(i, j int) bool  { return q[i].priority > q[j].priority }
func (q queue) Swap(i, j int)       { q[i], q[j] = q[j], q[i]; q[i].index = i; q[j].index = j }
func (q *queue) Push(x any)         { it := x.(*item); it.index = len(*q); *q = append(*q, it) }
func (q *queue) Pop() any           { old := *q; it := old[len(old)-1]; *q = old[:len(old)-1]; it.index = -1; return it }

type ints []int

func (h ints) Len() int           { return len(h) }
func (h ints) Less(i, j int) bool { return h[i] < h[j] }
func (h ints) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *ints) Push(x any)        { *h = append(*h, x.(int)) }
func (h *ints) Pop() any          { old := *h; x := old[len(old)-1]; *h = old[:len(old)-1]; return x }

func listString(l *list.List) string {
	var b strings.Builder
	for e := l.Front(); e != nil; e = e.Next() {
		fmt.Fprint(&b, e.Value, " ")
	}
	b.WriteString("| ")
	for e := l.Back(); e != nil; e = e.Prev() {
		fmt.Fprint(&b, e.Value, " ")
	}
	return b.String()
}

func main() {
	h := &ints{5, 2, 8, 1, 9, 3}
	heap.Init(h)
	heap.Push(h, 0)
	(*h)[3] = -1
	heap.Fix(h, 3)
	removed := heap.Remove(h, 2)
	var out []int
	for h.Len() > 0 {
		out = append(out, heap.Pop(h).(int))
	}
	fmt.Println(out, removed)

	q := queue{}
	for i, n := range []string{"low", "high", "mid", "urgent"} {
		heap.Push(&q, &item{name: n, priority: []int{1, 5, 3, 9}[i]})
	}
	q[len(q)-1].priority = 10
	heap.Fix(&q, len(q)-1)
	for q.Len() > 0 {
		it := heap.Pop(&q).(*item)
		fmt.Printf("%s:%d ", it.name, it.priority)
	}
	fmt.Println()

	l := list.New()
	e4 := l.PushBack(4)
	e1 := l.PushFront(1)
	l.InsertBefore(3, e4)
	l.InsertAfter(2, e1)
	fmt.Println(listString(l), l.Len())
	l.MoveToBack(e1)
	l.MoveToFront(e4)
	l.MoveAfter(l.Front(), l.Back())
	fmt.Println(listString(l))
	other := list.New()
	other.PushBack("a")
	other.PushBack("b")
	l.PushBackList(other)
	l.PushFrontList(other)
	fmt.Println(listString(l), l.Len())
	fmt.Println(l.Remove(e4), l.Remove(e4), l.Len())
	var zero list.List
	zero.PushBack("lazy")
	fmt.Println(listString(&zero))

	r := ring.New(5)
	for i := 0; i < r.Len(); i++ {
		r.Value = i * i
		r = r.Next()
	}
	r.Do(func(v any) { fmt.Print(v, " ") })
	fmt.Println()
	r = r.Move(2)
	s := ring.New(2)
	s.Value, s.Next().Value = "x", "y"
	r.Link(s)
	r.Do(func(v any) { fmt.Print(v, " ") })
	fmt.Println(r.Len())
	gone := r.Unlink(3)
	gone.Do(func(v any) { fmt.Print(v, " ") })
	fmt.Println(gone.Len(), r.Len(), r.Prev().Value)
}
