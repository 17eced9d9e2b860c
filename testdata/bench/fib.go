// bench: fib(35) recursive, computed 5 times: calls and integer arithmetic.
// quick: 25
// variant: polled --safepoints=loops

package main

import (
	"fmt"
	"os"
	"strconv"
)

const defaultN = 35 // size: the argument of fib (os.Args[1] overrides)

// rounds: how many times fib(n) is computed, so a run lasts long enough to time.
const rounds = 5

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
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
	n := size(defaultN)
	sum := 0
	for r := 0; r < rounds; r++ {
		sum += fib(n)
	}
	fmt.Println("fib", n, "=", fib(n), "rounds sum", sum)
}
