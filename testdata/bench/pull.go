// bench: iter.Pull: 1,000,000 values through a pulled iterator, each next() a
// coroutine switch into the sequence and each yield a switch back.
// quick: 1000

package main

import (
	"fmt"
	"iter"
	"os"
	"strconv"
)

const defaultN = 1000000 // size: values pulled (os.Args[1] overrides)

func size(def int) int {
	if len(os.Args) > 1 {
		if n, err := strconv.Atoi(os.Args[1]); err == nil {
			return n
		}
	}
	return def
}

func naturals(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func main() {
	n := size(defaultN)
	next, stop := iter.Pull(naturals(n))
	defer stop()
	sum, count := 0, 0
	for {
		v, ok := next()
		if !ok {
			break
		}
		sum += v
		count++
	}
	fmt.Println("pulled", count, "values, sum", sum)
}
