package main

import (
	"fmt"
	"sync"
)

// A check-then-act race: the check and the act hold different locks, so two
// goroutines can both see the key missing and both insert it.
var (
	checkMu, actMu sync.Mutex
	seen           = map[string]int{}
	inserts        int
)

func register(key string) {
	checkMu.Lock()
	_, ok := seen[key]
	checkMu.Unlock()
	if ok {
		return
	}
	actMu.Lock()
	seen[key]++
	inserts++
	actMu.Unlock()
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			register("config")
		}()
	}
	wg.Wait()
	if inserts != 1 {
		panic(fmt.Sprintf("config registered %d times", inserts))
	}
	fmt.Println("registered once")
}
