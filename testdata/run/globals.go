// run

// Package-level variables are initialised in dependency order before main runs.

package main

import "fmt"

var (
	total = a + b
	a     = double(b)
	b     = seed()
)

var counter int
var label = "count"

func seed() int {
	fmt.Println("seed called")
	return 21
}

func double(n int) int {
	return 2 * n
}

func bump() int {
	counter++
	return counter
}

func main() {
	fmt.Println(a, b, total)
	bump()
	bump()
	fmt.Println(label, bump())
	label = "changed"
	fmt.Println(label, counter)
}
