// The tight-loop hang with the spinner a named function started by `go spin(c)`:
// gojit wraps the call in main.main.gowrap1, LLVM inlines spin into it, and the
// watchdog must still name main.spin and its line (the safepoint lab's finding).
package main

import (
	"fmt"
	"runtime"
	"time"
)

func spin(started chan bool) {
	started <- true
	n := 0
	for {
		n++
	}
}

func main() {
	started := make(chan bool)
	go spin(started)
	<-started
	time.Sleep(10 * time.Millisecond)
	runtime.GC()
	fmt.Println("runtime.GC returned")
}
