package main

import (
	"fmt"
	"time"
)

// Under --sched time is virtual: an hour's sleep takes no real time, the wall
// clock starts at the Go playground's epoch, and timers fire in `when` order.
func main() {
	start := time.Now()
	fmt.Println("start:", start.UTC().Format(time.RFC3339))
	done := make(chan string)
	for _, d := range []time.Duration{3 * time.Hour, time.Second, time.Hour} {
		go func() {
			time.Sleep(d)
			done <- d.String()
		}()
	}
	for range 3 {
		fmt.Println("woke:", <-done)
	}
	select {
	case <-time.After(24 * time.Hour):
		fmt.Println("a day later:", time.Since(start).Round(time.Minute))
	}
	fmt.Println("now:", time.Now().UTC().Round(time.Minute).Format(time.RFC3339))
}
