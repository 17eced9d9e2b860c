// bench: parked goroutines (memory): 100,000 goroutines all blocked at once on one
// channel, then released by closing it; each reports back on a buffered channel.
// quick: 1000
// size-variant: 1m 1000000 1

package main

import (
	"fmt"
	"os"
	"strconv"
)

const defaultN = 100000 // size: goroutines parked at the same time (os.Args[1] overrides)

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
	gate := make(chan struct{})
	done := make(chan int, n)
	for i := 0; i < n; i++ {
		go func(i int) {
			<-gate
			done <- i
		}(i)
	}
	close(gate)
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-done
	}
	fmt.Println("parked:", n, "sum", sum)
}
