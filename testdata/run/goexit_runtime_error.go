// run

// runtime.Goexit runs deferred calls (recover sees no panic); runtime errors are
// runtime.Error values.

package main

import (
	"fmt"
	"runtime"
)

func main() {
	done := make(chan bool)
	go func() {
		defer func() {
			fmt.Println("deferred, recover:", recover())
			done <- true
		}()
		runtime.Goexit()
		fmt.Println("not reached")
	}()
	<-done
	func() {
		defer func() {
			r := recover()
			_, ok := r.(runtime.Error)
			fmt.Println("runtime.Error:", ok, r)
		}()
		var m map[int]int
		m[1] = 2
	}()
}
