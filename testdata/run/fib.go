// run

// Fibonacci numbers, recursively and iteratively, up to the largest that fits an int.

package main

import "fmt"

func fibRec(n int) int {
	if n < 2 {
		return n
	}
	return fibRec(n-1) + fibRec(n-2)
}

func fibIter(n int) int {
	a, b := 0, 1
	for i := 0; i < n; i++ {
		a, b = b, a+b
	}
	return a
}

func main() {
	for n := 0; n <= 25; n++ {
		if fibRec(n) != fibIter(n) {
			fmt.Println("mismatch at", n)
		}
	}
	fmt.Println(fibRec(25))
	fmt.Println(fibIter(50))
	fmt.Println(fibIter(92))
	fmt.Println(fibIter(93)) // wraps around
}
