// A panic in a goroutine other than main crashes the program; with
// GOTRACEBACK=all the blocked main goroutine is shown too. The goroutine waits a
// little before panicking, so that main is blocked by then (with two Ps it could
// otherwise still be running, and be listed as such).
package main

import "time"

func blockMain(c chan int) {
	<-c
}

func main() {
	c := make(chan int)
	go func() {
		time.Sleep(50 * time.Millisecond)
		panic("boom")
	}()
	blockMain(c)
}
