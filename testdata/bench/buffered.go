// bench: buffered channel throughput: one producer sends ints through a channel of
// capacity 128 to one consumer, which sums them.
// quick: 10000

package main

import (
	"fmt"
	"os"
	"strconv"
)

const defaultN = 10000000 // size: values sent (os.Args[1] overrides)

const capacity = 128

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
	c := make(chan int, capacity)
	result := make(chan int)
	go func() {
		sum := 0
		for v := range c {
			sum += v
		}
		result <- sum
	}()
	for i := 0; i < n; i++ {
		c <- i
	}
	close(c)
	fmt.Println("sent:", n, "sum", <-result)
}
