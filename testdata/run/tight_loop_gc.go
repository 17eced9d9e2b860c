// run

// The Go 1.14 tight-loop example: a goroutine spins in a loop without function
// calls while main asks for a stop-the-world (runtime.GC). Asynchronous
// preemption (SIGURG) stops the spinner, so GC returns. With
// GODEBUG=asyncpreemptoff=1 it never does (testdata/cli: cli_tight_loop_hangs).
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	for i := 0; i < runtime.GOMAXPROCS(0); i++ {
		go func() {
			for {
			}
		}()
	}
	time.Sleep(20 * time.Millisecond)
	runtime.GC()
	fmt.Println("runtime.GC returned while goroutines spin")
	runtime.GOMAXPROCS(1)
	fmt.Println("GOMAXPROCS(1) returned too")
	time.Sleep(20 * time.Millisecond)
	fmt.Println("main still gets the CPU on one P")
}
