// run

// 100,000 goroutines blocked at once on a channel, then released by close, each
// reporting back; they start on small stacks that grow only when needed.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	const n = 100000
	start := make(chan struct{})
	var ready, done sync.WaitGroup
	var mu sync.Mutex
	sum := 0
	ready.Add(n)
	done.Add(n)
	for i := 0; i < n; i++ {
		go func(i int) {
			ready.Done()
			<-start
			mu.Lock()
			sum += i
			mu.Unlock()
			done.Done()
		}(i)
	}
	ready.Wait()
	fmt.Println("goroutines blocked:", runtime.NumGoroutine()-1 >= n-100)
	close(start)
	done.Wait()
	fmt.Println("sum:", sum, "want:", n*(n-1)/2)
}
