// exitcode: 2

// Unlocking a Mutex that is not locked is a fatal error, which recover cannot
// stop; so is RUnlock of an RWMutex with no reader (rwmutex_runlock_unlocked).
package main

import "sync"

func main() {
	var m sync.Mutex
	defer func() { recover() }()
	m.Lock()
	m.Unlock()
	m.Unlock()
}
