// run

// The AsyncPreempt scenario of gc's runtime/testdata/testprog/preempt.go: on one P,
// a loop with no synchronous safe points, a frameless function's loop and an empty
// loop must all be stopped for runtime.GC's stop-the-world. (gc's version also
// calls debug.SetGCPercent(-1) to rule out background GC work; gojit has none.)
package main

import (
	"runtime"
	"sync/atomic"
)

func main() {
	runtime.GOMAXPROCS(1)
	runtime.GC()

	// Start a goroutine with no sync safe-points.
	var ready, ready2 uint32
	go func() {
		for {
			atomic.StoreUint32(&ready, 1)
			dummy()
			dummy()
		}
	}()
	// Also start one with a frameless function.
	go func() {
		atomic.AddUint32(&ready2, 1)
		frameless()
	}()
	// Also test empty infinite loop.
	go func() {
		atomic.AddUint32(&ready2, 1)
		for {
		}
	}()

	// Wait for the goroutines to stop passing through sync safe-points.
	for atomic.LoadUint32(&ready) == 0 || atomic.LoadUint32(&ready2) < 2 {
		runtime.Gosched()
	}

	// Run a GC, which will have to stop the goroutines for STW. If this doesn't
	// work, the test deadlocks and times out.
	runtime.GC()

	println("OK")
}

//go:noinline
func frameless() {
	for i := int64(0); i < 1<<62; i++ {
		out += i * i * i * i * i * 12345
	}
}

var out int64

//go:noinline
func dummy() {}
