// run
// exitcode: 2

// An atomic operation on a nil address panics with gc's nil dereference error.

package main

import (
	"fmt"
	"sync/atomic"
)

func main() {
	var p *int64
	fmt.Println("before")
	atomic.AddInt64(p, 1)
	fmt.Println("after")
}
