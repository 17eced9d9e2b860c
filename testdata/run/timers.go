// run

// time.Sleep, Timer, Ticker, After and AfterFunc over the runtime's timers.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	time.Sleep(20 * time.Millisecond)
	fmt.Println("slept at least 20ms:", time.Since(start) >= 20*time.Millisecond)

	t := time.NewTimer(10 * time.Millisecond)
	<-t.C
	fmt.Println("timer fired; Stop after firing:", t.Stop())
	t.Reset(5 * time.Millisecond)
	<-t.C
	fmt.Println("reset timer fired")

	long := time.NewTimer(time.Hour)
	fmt.Println("Stop of a pending timer:", long.Stop(), "then:", long.Stop())

	select {
	case <-time.After(5 * time.Millisecond):
		fmt.Println("After")
	case <-time.After(time.Hour):
		fmt.Println("wrong timer")
	}

	done := make(chan string)
	time.AfterFunc(5*time.Millisecond, func() { done <- "AfterFunc ran" })
	fmt.Println(<-done)
	stopped := time.AfterFunc(time.Hour, func() { fmt.Println("must not run") })
	fmt.Println("AfterFunc stopped:", stopped.Stop())

	tk := time.NewTicker(2 * time.Millisecond)
	n := 0
	for range tk.C {
		n++
		if n == 5 {
			break
		}
	}
	tk.Stop()
	fmt.Println("ticks:", n)

	// Sleepers wake in deadline order, whatever order they slept in.
	order := make(chan int, 3)
	for i := 0; i < 3; i++ {
		go func(i int) {
			time.Sleep(time.Duration(3-i) * 15 * time.Millisecond)
			order <- i
		}(i)
	}
	fmt.Println(<-order, <-order, <-order)
	fmt.Println("zero and negative sleeps return at once")
	time.Sleep(0)
	time.Sleep(-time.Second)
}
