// run

// runtime.AddCleanup runs a cleanup once its object is unreachable, and
// Cleanup.Stop cancels it. Whether a given object is collected in a given cycle
// is up to the collector, so this counts over many objects.

package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"time"
)

type blob struct{ data [64]byte }

var ran, stoppedRan atomic.Int32

//go:noinline
func allocate(n int, stop bool) {
	for i := 0; i < n; i++ {
		b := &blob{}
		b.data[0] = byte(i)
		c := runtime.AddCleanup(b, func(k int) {
			if stop {
				stoppedRan.Add(1)
			} else {
				ran.Add(1)
			}
		}, i)
		if stop {
			c.Stop()
		}
	}
}

func main() {
	allocate(1000, true)
	allocate(1000, false)
	deadline := time.Now().Add(5 * time.Second)
	for ran.Load() == 0 && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	fmt.Println("cleanups ran:", ran.Load() > 0, "stopped ones ran:", stoppedRan.Load())

	defer func() { fmt.Println("recovered:", recover()) }()
	runtime.AddCleanup((*blob)(nil), func(int) {}, 0)
}
