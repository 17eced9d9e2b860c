// run

// On one P, runtime.Gosched puts the yielding goroutine on the global queue and runs
// the goroutine just started (it waits in runnext), as gc does: the new goroutine's
// write and its output come before main goes on.

package main

import (
	"fmt"
	"runtime"
)

var x int

func main() {
	runtime.GOMAXPROCS(1)
	for i := 1; i <= 3; i++ {
		go func() {
			x = i
			fmt.Println("goroutine", i)
		}()
		runtime.Gosched()
		fmt.Println("main sees", x)
	}
}
