// exitcode: 2

// Rand.Shuffle with n < 0 panics with gc's text; n == 0 is fine.

package main

import (
	"fmt"
	"math/rand"
)

func main() {
	r := rand.New(rand.NewSource(1))
	r.Shuffle(0, func(i, j int) { panic("not called") })
	fmt.Println("n=0 ok")
	r.Shuffle(-1, func(i, j int) {})
}
