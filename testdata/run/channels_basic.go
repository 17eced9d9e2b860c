// run

// Goroutines, unbuffered and buffered channels, close, range over a channel, select.

package main

import "fmt"

func producer(n int, out chan<- int) {
	for i := 0; i < n; i++ {
		out <- i
	}
	close(out)
}

func main() {
	c := make(chan int)
	go producer(5, c)
	sum := 0
	for v := range c {
		sum += v
	}
	fmt.Println("sum", sum)
	done := make(chan bool, 1)
	res := make(chan string)
	go func() {
		defer close(res)
		res <- "a"
		res <- "b"
	}()
	for {
		select {
		case s, ok := <-res:
			if !ok {
				done <- true
				fmt.Println("closed")
				goto out
			}
			fmt.Println("got", s)
		}
	}
out:
	fmt.Println(<-done, len(done), cap(done))
}
