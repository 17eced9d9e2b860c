package main

import (
	"fmt"
	"sync"
)

// A producer sends into a bounded queue while holding the lock that the
// consumer takes to drain it. The program deadlocks only when the producer gets
// a whole buffer (16 items) ahead of the consumer: a long run of one goroutine,
// which uniformly random switching rarely gives and PCT's priorities often do.
func main() {
	const items = 48
	var mu sync.Mutex
	queue := make(chan int, 16)
	done := make(chan int)
	go func() {
		for i := 0; i < items; i++ {
			mu.Lock()
			queue <- i
			mu.Unlock()
		}
	}()
	go func() {
		sum := 0
		for got := 0; got < items; {
			mu.Lock()
			select {
			case v := <-queue:
				sum += v
				got++
			default:
			}
			mu.Unlock()
		}
		done <- sum
	}()
	fmt.Println("sum:", <-done)
}
