// exitcode: 2

// rand.Intn with n <= 0 panics with gc's text, after the output so far.

package main

import (
	"fmt"
	"math/rand"
)

func main() {
	rand.Seed(3)
	for _, n := range []int{5, 1, 0} {
		fmt.Println(n, rand.Intn(n) < n)
	}
}
