// run

// sync/atomic's And and Or (Go 1.23): the functions return the old value, the typed
// values' methods too; Go's own sync/atomic over gojit's atomic intrinsics (ir/atomic.cc).

package main

import (
	"fmt"
	"sync/atomic"
)

func main() {
	var x int32 = 0b1111
	old := atomic.AndInt32(&x, 0b0101)
	var y atomic.Uint64
	y.Store(8)
	o2 := y.Or(3)
	var b atomic.Bool
	b.Store(true)
	fmt.Println(old, x, o2, y.Load(), b.Load())
}
