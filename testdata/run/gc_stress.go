// run

// Races allocation, channel traffic and runtime.GC on GOMAXPROCS=2: workers build
// trees, slices, maps, strings and closures, send them through channels to a
// checker, and a collector goroutine calls runtime.GC meanwhile. Every value is
// checked after it crossed a collection; the sums must come out the same as gc's.

package main

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
)

type tree struct {
	left, right *tree
	val         int
	name        string
}

func build(d, v int) *tree {
	if d == 0 {
		return &tree{val: v, name: strconv.Itoa(v)}
	}
	return &tree{build(d-1, 2*v), build(d-1, 2*v+1), v, "n" + strconv.Itoa(v)}
}

func (t *tree) check() int {
	if t.left == nil {
		if t.name != strconv.Itoa(t.val) {
			panic("leaf corrupted: " + t.name)
		}
		return t.val
	}
	if t.name != "n"+strconv.Itoa(t.val) {
		panic("node corrupted: " + t.name)
	}
	return t.val + t.left.check() + t.right.check()
}

type item struct {
	id    int
	tree  *tree
	words []string
	index map[string]int
	sum   func() int
	iface any
}

func makeItem(id int) item {
	t := build(6, id)
	words := make([]string, 0, 4)
	for i := 0; i < 40; i++ {
		words = append(words, strings.Repeat("x", i%7)+strconv.Itoa(id*i))
	}
	index := make(map[string]int)
	for i, w := range words {
		index[w] = i
	}
	total := 0
	for _, w := range words {
		total += len(w)
	}
	return item{id, t, words, index, func() int { return total + id }, &[3]int{id, id + 1, id + 2}}
}

func (it item) verify() int {
	s := it.tree.check()
	for i, w := range it.words {
		if it.index[w] != i && strings.Repeat("x", i%7)+strconv.Itoa(it.id*i) != w {
			panic("words corrupted")
		}
	}
	total := 0
	for _, w := range it.words {
		total += len(w)
	}
	if it.sum() != total+it.id {
		panic("closure corrupted")
	}
	a := it.iface.(*[3]int)
	if a[0] != it.id || a[2] != it.id+2 {
		panic("interface corrupted")
	}
	return s + len(it.index)
}

func main() {
	runtime.GOMAXPROCS(2)
	const workers = 4
	const perWorker = 300
	ch := make(chan item, 16)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < perWorker; i++ {
				ch <- makeItem(w*perWorker + i)
			}
		}(w)
	}
	done := make(chan bool)
	go func() {
		for {
			select {
			case <-done:
				return
			default:
				runtime.GC()
				runtime.Gosched()
			}
		}
	}()
	go func() {
		wg.Wait()
		close(ch)
	}()
	total := 0
	count := 0
	var kept []item
	for it := range ch {
		total += it.verify()
		count++
		if it.id%50 == 0 {
			kept = append(kept, it)
		}
	}
	close(done)
	runtime.GC()
	for _, it := range kept {
		total += it.verify()
	}
	fmt.Println(count, len(kept), total)
}
