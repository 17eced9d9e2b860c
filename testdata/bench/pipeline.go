// bench: fan-out/fan-in pipeline: a generator feeds 8 workers over one channel; each
// worker squares what it receives (mod 1,000,003) and sends it to one merge channel.
// quick: 1000
// variant: sched --sched=seed:1

package main

import (
	"fmt"
	"os"
	"strconv"
)

const defaultN = 3000000 // size: items through the pipeline (os.Args[1] overrides)

const workers = 8

func size(def int) int {
	if len(os.Args) > 1 {
		if n, err := strconv.Atoi(os.Args[1]); err == nil {
			return n
		}
	}
	return def
}

func generate(n int, out chan<- int) {
	for i := 0; i < n; i++ {
		out <- i
	}
	close(out)
}

func work(in <-chan int, out chan<- int, done chan<- bool) {
	for v := range in {
		out <- v * v % 1000003
	}
	done <- true
}

func main() {
	n := size(defaultN)
	items := make(chan int, 64)
	results := make(chan int, 64)
	done := make(chan bool)
	go generate(n, items)
	for w := 0; w < workers; w++ {
		go work(items, results, done)
	}
	go func() {
		for w := 0; w < workers; w++ {
			<-done
		}
		close(results)
	}()
	sum, count := 0, 0
	for v := range results {
		sum += v
		count++
	}
	fmt.Println("items:", count, "sum", sum)
}
