// run

// Objects that only a goroutine's stack slot or register references survive
// collections (the classic missed-root bug): each goroutine keeps pointers in
// locals across runtime.GC and a burst of allocation that reuses freed memory,
// then checks every byte.

package main

import (
	"fmt"
	"runtime"
	"sync"
)

type payload struct {
	tag  int
	data [64]int
	next *payload
}

func fill(tag int) *payload {
	p := &payload{tag: tag}
	for i := range p.data {
		p.data[i] = tag*1000 + i
	}
	return p
}

func (p *payload) ok(tag int) bool {
	if p.tag != tag {
		return false
	}
	for i := range p.data {
		if p.data[i] != tag*1000+i {
			return false
		}
	}
	return true
}

// churn allocates garbage of the payload's size class, so that a wrongly freed
// payload is overwritten.
func churn(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		q := &payload{tag: -1}
		for j := range q.data {
			q.data[j] = -7
		}
		s += q.data[i%64]
	}
	return s
}

//go:noinline
func hold(tag int, rounds int) bool {
	a := fill(tag)
	b := fill(tag + 1)
	a.next = b
	b = nil
	c := []*payload{fill(tag + 2)}
	m := map[int]*payload{tag: fill(tag + 3)}
	var iface any = fill(tag + 4)
	str := fmt.Sprint("s", tag)
	for r := 0; r < rounds; r++ {
		runtime.GC()
		churn(2000)
	}
	return a.ok(tag) && a.next.ok(tag+1) && c[0].ok(tag+2) && m[tag].ok(tag+3) &&
		iface.(*payload).ok(tag+4) && str == fmt.Sprint("s", tag)
}

func main() {
	runtime.GOMAXPROCS(2)
	var wg sync.WaitGroup
	results := make([]bool, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			results[g] = hold(g*10, 5)
		}(g)
	}
	wg.Wait()
	fmt.Println(results)
	fmt.Println(hold(1000, 3))
}
