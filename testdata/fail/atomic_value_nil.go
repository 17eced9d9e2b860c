// run
// exitcode: 2

// atomic.Value's Store(nil) panics with gc's message.

package main

import "sync/atomic"

func main() {
	var v atomic.Value
	v.Store(nil)
}
