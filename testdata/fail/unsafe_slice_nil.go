// run
// exitcode: 2

// unsafe.Slice of a nil pointer with a non-zero length panics as gc's runtime does.

package main

import "unsafe"

func main() {
	var p *int
	n := 3
	_ = unsafe.Slice(p, n)
}
