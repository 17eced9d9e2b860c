// Recursion 10,000,000 calls deep on a growing goroutine stack (about 500 MB; gc's
// own frames for this function are larger and overflow its 1 GB limit, so this is
// a CLI test rather than a golden compared with gc).
package main

import "fmt"

var buf [64]int

func depth(n int) int {
	if n == 0 {
		return 0
	}
	var local [2]int
	local[n&1] = n
	r := depth(n-1) + 1
	buf[n%64] += local[n&1]
	return r
}

func main() {
	fmt.Println("depth", depth(10000000))
}
