// bench: stop-the-world with spinning goroutines: one goroutine per P spins in a
// loop without calls while main calls runtime.GC() 50 times; each call must stop
// every spinner (by signal: async preemption) and collect a small heap. gc's
// collection is concurrent (two short stops), gojit's marks with the world stopped.
// quick: 5

package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync/atomic"
)

const defaultN = 50 // size: runtime.GC calls (os.Args[1] overrides)

func size(def int) int {
	if len(os.Args) > 1 {
		if n, err := strconv.Atoi(os.Args[1]); err == nil {
			return n
		}
	}
	return def
}

func main() {
	n := size(defaultN)
	var stop int32
	for i := 0; i < runtime.GOMAXPROCS(0); i++ {
		go func() {
			x := 0
			for atomic.LoadInt32(&stop) == 0 {
				x++
			}
			_ = x
		}()
	}
	for i := 0; i < n; i++ {
		runtime.GC()
	}
	atomic.StoreInt32(&stop, 1)
	fmt.Println("stopped the world", n, "times")
}
