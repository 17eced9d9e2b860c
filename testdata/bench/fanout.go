// bench: work-stealing fan-out: one goroutine starts 20,000 tasks of very uneven size
// (the work of task i grows with i % 97) that all run on whichever P steals them;
// results come back on a channel.
// quick: 200

package main

import (
	"fmt"
	"os"
	"strconv"
)

const defaultN = 20000 // size: tasks (os.Args[1] overrides)

func size(def int) int {
	if len(os.Args) > 1 {
		if n, err := strconv.Atoi(os.Args[1]); err == nil {
			return n
		}
	}
	return def
}

func task(i int) int {
	s := 0
	for k := 0; k < (i%97+1)*2000; k++ {
		s += (k * i) % 11
	}
	return s
}

func main() {
	n := size(defaultN)
	results := make(chan int, 256)
	go func() {
		for i := 0; i < n; i++ {
			go func(i int) { results <- task(i) }(i)
		}
	}()
	total := 0
	for i := 0; i < n; i++ {
		total += <-results
	}
	fmt.Println(total)
}
