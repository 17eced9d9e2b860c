// bench: allocation churn (memory): 20 GB allocated over the program's life in
// short-lived slices, maps and strings with a small live set; peak RSS shows whether
// the collector keeps memory bounded.
// quick: 20

package main

import (
	"fmt"
	"os"
	"strconv"
)

const defaultN = 20000 // size: megabytes to allocate in total (os.Args[1] overrides)

func size(def int) int {
	if len(os.Args) > 1 {
		if n, err := strconv.Atoi(os.Args[1]); err == nil {
			return n
		}
	}
	return def
}

func main() {
	totalMB := size(defaultN)
	var window [16][]byte
	allocated := 0
	check := 0
	for i := 0; allocated < totalMB<<20; i++ {
		// A slice of 4 KiB to 256 KiB, kept alive for 16 rounds.
		n := 4096 << uint(i%7)
		b := make([]byte, n)
		b[0], b[n-1] = byte(i), byte(i>>8)
		window[i%16] = b
		allocated += n
		// A small map of strings, garbage at the end of the round.
		m := make(map[int]string, 8)
		for j := 0; j < 8; j++ {
			s := strconv.Itoa(i + j)
			m[j] = s
			allocated += len(s) + 16
		}
		allocated += 8 * 32
		check += len(m[i%8]) + len(window[(i+1)%16])
	}
	fmt.Println("allocated MB:", allocated>>20 >= totalMB, "check:", check > 0)
}
