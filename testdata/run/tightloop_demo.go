// run

// The Go 1.14 tight-loop example (README, "Scheduling, stacks, preemption"): a
// goroutine prints 1 2 3 and then spins in `for {}`, which contains no function
// call and so no safepoint, while main asks for a garbage collection. With
// asynchronous preemption (Go 1.14+, gojit's default) the spinner is stopped by a
// signal and the program finishes; with GODEBUG=asyncpreemptoff=1 (Go 1.13) the
// stop-the-world waits forever, and gojit's watchdog says why after a second.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	started := make(chan bool)
	go func() {
		for i := 1; i <= 3; i++ {
			fmt.Println(i)
		}
		started <- true
		for {
		}
	}()
	<-started
	time.Sleep(10 * time.Millisecond)
	runtime.GC()
	fmt.Println("runtime.GC returned")
}
