// exitcode: 2

// RUnlock with no reader inside is a fatal error, as in gc.
package main

import "sync"

func main() {
	var rw sync.RWMutex
	rw.RLock()
	rw.RUnlock()
	rw.RUnlock()
}
