// run

// sync/atomic's generic Pointer[T]: Load, Store, Swap, CompareAndSwap, shared by
// goroutines.

package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type config struct {
	name    string
	version int
}

func main() {
	var p atomic.Pointer[config]
	fmt.Println(p.Load() == nil)
	c1 := &config{"a", 1}
	p.Store(c1)
	fmt.Println(*p.Load())
	c2 := &config{"b", 2}
	old := p.Swap(c2)
	fmt.Println(old == c1, *p.Load())
	fmt.Println(p.CompareAndSwap(c1, c1), p.CompareAndSwap(c2, c1), p.Load().name)

	var counter atomic.Pointer[int]
	zero := 0
	counter.Store(&zero)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 1000; j++ {
				for {
					cur := counter.Load()
					next := *cur + 1
					if counter.CompareAndSwap(cur, &next) {
						break
					}
				}
			}
		}()
	}
	wg.Wait()
	fmt.Println(*counter.Load())
	fmt.Printf("%T\n", p)
}
