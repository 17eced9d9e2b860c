// run

// After a crowd of parked goroutines has gone, a collection gives their stack
// memory back to the OS: the resident set shrinks (gojit: the compact stacks of
// runtime/stack.cc's "Parked stacks" and the free 32 KiB stacks; gc: its stack
// spans, through debug.FreeOSMemory).
package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
)

// rssKB reads VmRSS from /proc/self/status.
func rssKB() int {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			f := strings.Fields(line)
			n, _ := strconv.Atoi(f[1])
			return n
		}
	}
	return -1
}

func main() {
	const n = 50000
	gate := make(chan struct{})
	var started, done sync.WaitGroup
	started.Add(n)
	done.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			started.Done()
			<-gate
			done.Done()
		}()
	}
	started.Wait()
	peak := rssKB()
	close(gate)
	done.Wait()
	debug.FreeOSMemory()
	after := rssKB()
	// 50,000 parked goroutines hold at least 50 MB of stack; at least half of it
	// must be back with the OS.
	fmt.Println("released:", peak-after > 25000)
}
