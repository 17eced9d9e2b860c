// run

// Recursive functions that use neither the goroutine nor the heap: LLVM drops their
// hidden G* parameter (and no call becomes a jump: gc keeps every frame), so stack
// growth must find the running goroutine without it, as gc's morestack does.
package main

import "fmt"

func depth(n int) int {
	if n == 0 {
		return 0
	}
	return depth(n-1) + 1
}

func sumTo(n int64, acc int64) int64 {
	if n == 0 {
		return acc
	}
	return sumTo(n-1, acc+n)
}

func main() {
	fmt.Println(depth(1000000))
	fmt.Println(sumTo(1000000, 0))
	done := make(chan int)
	for i := 0; i < 4; i++ {
		go func(i int) { done <- depth(100000 * (i + 1)) }(i)
	}
	total := 0
	for i := 0; i < 4; i++ {
		total += <-done
	}
	fmt.Println(total)
}
