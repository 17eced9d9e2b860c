// run
// exitcode: 2

// unsafe.Slice with a negative length panics as gc's runtime does.

package main

import (
	"fmt"
	"unsafe"
)

func main() {
	var x [4]int
	n := -1
	fmt.Println(len(unsafe.Slice(&x[0], 2)))
	_ = unsafe.Slice(&x[0], n)
}
