// run

// runtime.SetFinalizer: finalizers run on their own goroutine once their object
// is unreachable, with a pointer, an interface or an empty-interface parameter
// and with results (ignored); an object reachable from a finalized one is not
// finalized before that finalizer has run; SetFinalizer(x, nil) removes a
// finalizer; the finalizer goroutine is not counted by NumGoroutine. (Whether the
// child is finalized soon after is not checked: gojit scans stacks conservatively,
// and a stale copy of its pointer may keep it a while.)

package main

import (
	"fmt"
	"runtime"
	"sort"
	"time"
)

type res struct {
	id    int
	child *res
	data  []int
}

type closer interface{ Close() int }

func (r *res) Close() int { return r.id }

var done = make(chan int, 100)

func big(r *res) (out [40]int) {
	done <- r.id
	out[0] = r.id
	return
}

//go:noinline
func makeGarbage() {
	for i := 0; i < 5; i++ {
		r := &res{id: i, data: make([]int, 100)}
		runtime.SetFinalizer(r, func(r *res) { done <- r.id })
	}
	x := &res{id: 100}
	runtime.SetFinalizer(x, func(c closer) { done <- c.Close() })
	y := &res{id: 200}
	runtime.SetFinalizer(y, func(a any) { done <- a.(*res).id })
	z := &res{id: 300}
	runtime.SetFinalizer(z, big)
	// The child is reachable from its parent: it is finalized only after the
	// parent's finalizer ran and dropped it.
	parent := &res{id: 400, child: &res{id: 401}}
	runtime.SetFinalizer(parent.child, func(r *res) { done <- r.id })
	runtime.SetFinalizer(parent, func(r *res) { done <- r.id })
	w := &res{id: 500}
	runtime.SetFinalizer(w, func(r *res) { done <- r.id })
	runtime.SetFinalizer(w, nil)
}

// collect gathers finalized ids until it has every one of want (401 aside), and
// reports whether 401 came before 400.
func collect(want int) (ids []int, childFirst bool) {
	timeout := time.After(5 * time.Second)
	parentSeen := false
	for len(ids) < want {
		runtime.GC()
		select {
		case id := <-done:
			switch id {
			case 400:
				parentSeen = true
			case 401:
				childFirst = childFirst || !parentSeen
				continue
			case 500:
				fmt.Println("removed finalizer ran")
			}
			ids = append(ids, id)
		case <-time.After(10 * time.Millisecond):
		case <-timeout:
			return ids, childFirst
		}
	}
	return ids, childFirst
}

func main() {
	makeGarbage()
	ids, childFirst := collect(9)
	sort.Ints(ids)
	fmt.Println("finalized:", ids)
	fmt.Println("child before parent:", childFirst)
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
