// bench: unbuffered ping-pong: 10 rounds of 100,000 round trips of a counter between
// two goroutines over two unbuffered channels (every send waits for its receiver).
// quick: 1000
// variant: sched --sched=seed:1

package main

import (
	"fmt"
	"os"
	"strconv"
)

const defaultN = 100000 // size: round trips per round (os.Args[1] overrides)

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
	n := size(defaultN) * rounds
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	v := 0
	for i := 0; i < n; i++ {
		ping <- v
		v = <-pong
	}
	close(ping)
	_, ok := <-pong
	fmt.Println("round trips:", n, "counter", v, "closed", !ok)
}
