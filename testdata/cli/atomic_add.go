// sync/atomic's functions are LLVM atomics inlined into the caller (ir/atomic.cc).
package main

import (
	"fmt"
	"sync/atomic"
)

var n int64

func main() { fmt.Println(atomic.AddInt64(&n, 2)) }
