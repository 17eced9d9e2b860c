// run
// exitcode: 2

// runtime.Breakpoint traps; with no debugger the process dies of SIGTRAP with
// gc's report: the signal, the goroutines, the registers.

package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println("before")
	runtime.Breakpoint()
	fmt.Println("after")
}
