// run

// runtime.GOMAXPROCS(n) changes the number of Ps (stopping the world) and returns
// the previous setting; work spread over several Ps gives the same results.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func sum(from, to int) int {
	s := 0
	for i := from; i < to; i++ {
		s += i % 13
	}
	return s
}

func run() int {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			s := sum(w*1000000, (w+1)*1000000)
			mu.Lock()
			total += s
			mu.Unlock()
		}(w)
	}
	wg.Wait()
	return total
}

func main() {
	runtime.GOMAXPROCS(1)
	fmt.Println("GOMAXPROCS(3) was", runtime.GOMAXPROCS(3))
	fmt.Println("now", runtime.GOMAXPROCS(0))
	a := run()
	fmt.Println("GOMAXPROCS(2) was", runtime.GOMAXPROCS(2))
	b := run()
	fmt.Println("GOMAXPROCS(1) was", runtime.GOMAXPROCS(1))
	c := run()
	fmt.Println(a, a == b, b == c)
	fmt.Println("NumCPU > 0:", runtime.NumCPU() > 0)
}
