// bench: loop-heavy integer code (a sieve of Eratosthenes over 20,000,000 numbers,
// then nested counting loops): the cost of --safepoints=loops, which polls the
// preemption flag on every loop back-edge, shows as loops_polled against loops.
// quick: 100000
// variant: polled --safepoints=loops

package main

import (
	"fmt"
	"os"
	"strconv"
)

const defaultN = 20000000 // size: sieve bound (os.Args[1] overrides)

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
	composite := make([]bool, n+1)
	count := 0
	for i := 2; i <= n; i++ {
		if composite[i] {
			continue
		}
		count++
		for j := i * i; j <= n; j += i {
			composite[j] = true
		}
	}
	sum := 0
	for i := 0; i < n/1000; i++ {
		for j := 0; j < 1000; j++ {
			sum += (i ^ j) & 7
		}
	}
	fmt.Println(count, sum)
}
