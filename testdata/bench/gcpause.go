// bench: GC pause with a 1 GB live heap: builds about 1 GB of pointer-linked
// records that stay live, then forces collections; under GODEBUG=gctrace=1 each
// forced cycle's line shows the pause (tools/gc_pause.sh reports it).
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
}
