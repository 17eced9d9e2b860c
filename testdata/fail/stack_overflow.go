// exitcode: 2

// Unbounded recursion: the stack grows by copying up to gc's 1 GB limit, then
// dies with gc's message. (The work after the call keeps LLVM from turning the
// recursion into a loop.)
package main

var sink int

func f(n int) int {
	var pad [4]int
	pad[n%4] = n
	r := f(n + 1)
	sink += pad[r%4]
	return r
}

func main() {
	f(0)
}
