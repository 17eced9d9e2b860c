// bench: goroutine create/finish: rounds of 100,000 goroutines that each send one
// value on a buffered channel and exit; main sums what they send.
// quick: 1000

package main

import (
	"fmt"
	"os"
	"strconv"
)

const defaultN = 100000 // size: goroutines per round (os.Args[1] overrides)

const rounds = 10

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
	done := make(chan int, 1024)
	total := 0
	for r := 0; r < rounds; r++ {
		for i := 0; i < n; i++ {
			go func(i int) { done <- i }(i)
		}
		for i := 0; i < n; i++ {
			total += <-done
		}
	}
	fmt.Println("goroutines:", rounds*n, "sum", total)
}
