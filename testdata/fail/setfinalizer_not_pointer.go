// exitcode: 2

// runtime.SetFinalizer with a first argument that is not a pointer is a fatal
// error, as in gc.

package main

import "runtime"

func main() {
	runtime.SetFinalizer(42, func(int) {})
}
