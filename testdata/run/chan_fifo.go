// run

// Blocked senders and receivers are served in FIFO order (chan.go's sendq/recvq).
// With GOMAXPROCS(1) the blocking order is deterministic without relying on
// scheduling order: each goroutine starts the next one and then blocks (a new
// goroutine does not run before its creator blocks), and the last one tells main
// that all are queued.
package main

import (
	"fmt"
	"runtime"
)

func sender(c chan int, i, n int, ready chan bool) {
	if i+1 < n {
		go sender(c, i+1, n, ready)
	} else {
		ready <- true
	}
	c <- i
}

func receiver(d chan int, i, n int, ready, done chan bool) {
	if i+1 < n {
		go receiver(d, i+1, n, ready, done)
	} else {
		ready <- true
	}
	v := <-d
	fmt.Println("receiver", i, "got", v)
	done <- true
}

func main() {
	runtime.GOMAXPROCS(1)
	ready := make(chan bool, 1)

	c := make(chan int)
	go sender(c, 0, 5, ready)
	<-ready
	for i := 0; i < 5; i++ {
		fmt.Println("received from sender", <-c)
	}

	d := make(chan int)
	done := make(chan bool)
	go receiver(d, 0, 5, ready, done)
	<-ready
	for i := 0; i < 5; i++ {
		d <- i * 10
		<-done
	}

	// A buffered channel: blocked senders queue behind the full buffer.
	b := make(chan int, 2)
	b <- 100
	b <- 101
	go sender(b, 0, 3, ready)
	<-ready
	for i := 0; i < 5; i++ {
		fmt.Println("buffered", <-b)
	}
}
