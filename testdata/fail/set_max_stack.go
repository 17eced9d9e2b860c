// exitcode: 2

// debug.SetMaxStack lowers the stack limit: the recursion dies at 1 MiB with gc's
// message naming the new limit.
package main

import "runtime/debug"

var sink int

func f(n int) int {
	var pad [4]int
	pad[n%4] = n
	r := f(n + 1)
	sink += pad[r%4]
	return r
}

func main() {
	debug.SetMaxStack(1 << 20)
	f(0)
}
