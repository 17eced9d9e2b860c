// run

// A program that allocates about 2 GB over its life in short-lived slices, maps
// and strings, with a small live set, runs in bounded memory: the collector frees
// the garbage, so the heap the runtime holds stays far below the total. (The bound
// is loose for gc's sake: its concurrent collector, starved of CPU on a loaded
// 2-core machine, once let HeapInuse pass 64 MB.)

package main

import (
	"fmt"
	"runtime"
	"strconv"
)

func main() {
	var live [][]byte
	total := 0
	for i := 0; i < 20000; i++ {
		b := make([]byte, 64<<10)
		b[i%len(b)] = byte(i)
		total += len(b)
		m := map[int]string{}
		for j := 0; j < 20; j++ {
			m[j] = strconv.Itoa(i * j)
			total += len(m[j])
		}
		if i%1000 == 0 {
			live = append(live, b)
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("allocated over 1 GB:", total > 1<<30)
	fmt.Println("heap in use stayed under 128 MB:", ms.HeapInuse < 128<<20)
	fmt.Println("collected:", ms.NumGC > 10, len(live))
}
