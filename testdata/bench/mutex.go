// bench: contended sync.Mutex: 8 goroutines each lock, increment and unlock a shared
// counter 1,000,000 times on all Ps.
// quick: 1000

package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
)

const defaultN = 1000000 // size: increments per goroutine (os.Args[1] overrides)

func size(def int) int {
	if len(os.Args) > 1 {
		if n, err := strconv.Atoi(os.Args[1]); err == nil {
			return n
		}
	}
	return def
}

func main() {
	n := size(defaultN)
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter := 0
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < n; i++ {
				mu.Lock()
				counter++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println(counter)
}
