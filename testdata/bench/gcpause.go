// bench: GC pause with a 1 GB live heap: builds about 1 GB of pointer-linked
// records that stay live, then forces collections, and reports its longest
// pause (runtime.MemStats.PauseNs) on stderr; under GODEBUG=gctrace=1 each
// forced cycle's line shows the pause too (tools/gc_pause.sh reports it).
// quick: 16

package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
)

const defaultN = 1024 // size: megabytes of live heap (os.Args[1] overrides)

type record struct {
	next    *record
	payload [7]*int
	id      int
	pad     [7]int
}

func size(def int) int {
	if len(os.Args) > 1 {
		if n, err := strconv.Atoi(os.Args[1]); err == nil {
			return n
		}
	}
	return def
}

func main() {
	mb := size(defaultN)
	// A record is 128 bytes and points at one 8-byte int: 136 bytes per record.
	n := mb << 20 / 136
	lists := make([]*record, 64)
	for i := 0; i < n; i++ {
		v := i
		r := &record{next: lists[i%64], id: i}
		r.payload[i%7] = &v
		lists[i%64] = r
	}
	for i := 0; i < 3; i++ {
		runtime.GC()
	}
	sum := 0
	count := 0
	for _, r := range lists {
		for ; r != nil; r = r.next {
			sum += *r.payload[r.id%7] - r.id
			count++
		}
	}
	fmt.Println("records:", count == n, "intact:", sum == 0)
	reportLongestPause()
}

// reportLongestPause writes the longest collector pause of the run to stderr,
// for the benchmark driver: the largest of the last 256 cycles' PauseNs.
func reportLongestPause() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	cycles := int(ms.NumGC)
	if cycles > len(ms.PauseNs) {
		cycles = len(ms.PauseNs)
	}
	var longest uint64
	for _, ns := range ms.PauseNs[:cycles] {
		if ns > longest { // no max builtin: gccgo-12 speaks Go 1.18
			longest = ns
		}
	}
	fmt.Fprintln(os.Stderr, "bench: longest-gc-pause-ns", longest)
}
