// exitcode: 2
package main

import "sync"

func main() {
	var wg sync.WaitGroup
	c := make(chan int)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c <- 1
		}()
	}
	wg.Wait()
}
