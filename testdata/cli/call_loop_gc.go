// Goroutines loop calling a function (a prologue check per call) while main asks
// for a stop-the-world: cooperative preemption stops them at a prologue.
package main

import (
	"fmt"
	"runtime"
	"time"
)

var sink int

func work(i int) int {
	if i%1000000 == 7 {
		return work(i+1) + 1
	}
	return i * 2
}

func main() {
	for i := 0; i < runtime.GOMAXPROCS(0); i++ {
		go func() {
			for j := 0; ; j++ {
				sink += work(j)
			}
		}()
	}
	time.Sleep(20 * time.Millisecond)
	runtime.GC()
	fmt.Println("runtime.GC returned")
}
