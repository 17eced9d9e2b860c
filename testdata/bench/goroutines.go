// bench: goroutine create/finish: 1,000,000 goroutines, started in waves of 10,000
// (main waits for each wave) that each send one value on a buffered channel and exit;
// main sums what they send.
// quick: 10000
// variant: sched --sched=seed:1

package main

import (
	"fmt"
	"os"
	"strconv"
)

const defaultN = 1000000 // size: goroutines in all (os.Args[1] overrides)

// wave: goroutines alive at once. gojit's fixed stacks cap live goroutines near
// 32,000 today (parked.go measures that), so the waves stay well below.
const wave = 10000

func size(def int) int {
	if len(os.Args) > 1 {
		if n, err := strconv.Atoi(os.Args[1]); err == nil {
			return n
		}
	}
	return def
}

func main() {
	n := size(defaultN)
	done := make(chan int, wave)
	total, started := 0, 0
	for started < n {
		k := wave
		if n-started < k {
			k = n - started
		}
		for i := 0; i < k; i++ {
			go func(v int) { done <- v }(started + i)
		}
		for i := 0; i < k; i++ {
			total += <-done
		}
		started += k
	}
	fmt.Println("goroutines:", started, "sum", total)
}
