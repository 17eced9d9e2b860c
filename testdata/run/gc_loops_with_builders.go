// run

// runtime.GC in loops on several goroutines while others build and walk trees
// (issue: runs took 0.7-57 s where gc takes 0.2 s). Concurrent callers share a
// cycle that completed after they called, as gc's GC does; the checksums say
// nothing was lost, and the harness's timeout bounds the run.

package main

import (
	"fmt"
	"runtime"
	"sync"
)

type node struct{ l, r *node }

func build(d int) *node {
	if d == 0 {
		return &node{}
	}
	return &node{build(d - 1), build(d - 1)}
}

func (n *node) count() int {
	if n.l == nil {
		return 1
	}
	return 1 + n.l.count() + n.r.count()
}

func main() {
	var wg sync.WaitGroup
	sums := make([]int, 8)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				runtime.GC()
			}
		}()
	}
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				sums[g] += build(14).count()
			}
		}(g)
	}
	wg.Wait()
	fmt.Println(sums)
}
