// run

// runtime/debug: SetGCPercent, SetMaxStack, SetMaxThreads and SetMemoryLimit
// return the previous setting; FreeOSMemory and SetTraceback return normally.
package main

import (
	"fmt"
	"runtime/debug"
)

func main() {
	fmt.Println(debug.SetGCPercent(50), debug.SetGCPercent(-5), debug.SetGCPercent(100))
	fmt.Println(debug.SetMaxStack(1<<20), debug.SetMaxStack(1000000000))
	fmt.Println(debug.SetMaxThreads(500), debug.SetMaxThreads(10000))
	fmt.Println(debug.SetMemoryLimit(-1) == 1<<63-1)
	debug.FreeOSMemory()
	debug.SetTraceback("single")
	fmt.Println(len(debug.Stack()) > 0)
}
