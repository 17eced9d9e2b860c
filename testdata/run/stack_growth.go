// run

// Goroutine stacks grow by copying: a 64 KiB local array on a fresh goroutine, a
// recursion 1,000,000 calls deep, pointers into the stack (defer records, locals
// reached through a pointer) that must follow the move, and many goroutines
// growing at once.
package main

import "fmt"

//go:noinline
func bigFrame(n int) int {
	var a [8192]int // 64 KiB
	for i := range a {
		a[i] = i * n
	}
	s := 0
	for i := 0; i < len(a); i += 1024 {
		s += a[i]
	}
	return s
}

var buf [64]int

// depth recurses for real: after the call it still needs its own frame's local,
// so LLVM cannot turn the recursion into a loop. (buf is written racily by the
// goroutines below and never printed.)
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

// deferAcross grows the stack while a deferred call (whose record lives in this
// frame) is pending and while a pointer into an array local is live.
func deferAcross(n int) (r int) {
	var local [4]int
	p := &local[2]
	*p = n
	defer func() { r += *p }()
	r = depth(n)
	return r
}

func main() {
	done := make(chan int)
	go func() { done <- bigFrame(3) }()
	fmt.Println("64 KiB frame:", <-done)

	fmt.Println("depth 1,000,000:", depth(1000000))

	fmt.Println("defer across growth:", deferAcross(200000))

	const n = 200
	for i := 0; i < n; i++ {
		go func(i int) { done <- depth(1000*(i%50) + 1) }(i)
	}
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-done
	}
	fmt.Println("200 goroutines growing:", sum)
}
