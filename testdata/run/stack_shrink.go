// run

// Stacks shrink at runtime.GC: goroutines grow their stacks deep, come back up and
// park (in a channel receive whose destination is a stack slot, in a select, on a
// mutex), main calls runtime.GC (which halves the stacks they barely use), and
// then they resume and finish with their locals and received values intact.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

var buf [64]int

func deep(n int) int {
	if n == 0 {
		return 0
	}
	var local [4]int
	local[n&3] = n
	r := deep(n-1) + 1
	buf[n%64] += local[n&3]
	return r
}

func main() {
	const workers = 8
	in := make(chan [4]int)
	sel := make(chan int)
	var mu sync.Mutex
	results := make(chan int, workers*3)
	var ready sync.WaitGroup
	ready.Add(3 * workers)
	mu.Lock()
	for i := 0; i < workers; i++ {
		go func(i int) {
			d := deep(20000 + i) // grows the stack to about 2 MiB
			var got [4]int
			p := &got[1]
			ready.Done()
			got = <-in // parked with the element's destination on this stack
			*p += d
			results <- got[0] + got[1] + got[2] + got[3]
		}(i)
		go func(i int) {
			d := deep(15000)
			ready.Done()
			select {
			case v := <-sel:
				results <- v + d + i
			}
		}(i)
		go func(i int) {
			d := deep(10000)
			ready.Done()
			mu.Lock()
			results <- d + i
			mu.Unlock()
		}(i)
	}
	ready.Wait()
	for i := 0; i < 10; i++ {
		runtime.Gosched() // let the last ones park
	}
	for i := 0; i < 3; i++ {
		runtime.GC() // shrinks the parked goroutines' stacks, more each time
	}
	for i := 0; i < workers; i++ {
		in <- [4]int{i, 1, 2, 3}
		sel <- 100 * i
	}
	mu.Unlock()
	total := 0
	for i := 0; i < workers*3; i++ {
		total += <-results
	}
	fmt.Println("total:", total)
}
