// run

// if/else chains with init statements whose variables live across the chain.

package main

import "fmt"

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func describe(n int) string {
	if m := n % 3; m == 0 {
		return fmt.Sprintf("%d is a multiple of 3", n)
	} else if m == 1 {
		return fmt.Sprintf("%d leaves 1", n)
	} else {
		return fmt.Sprintf("%d leaves %d", n, m)
	}
}

func main() {
	for i := 5; i <= 8; i++ {
		fmt.Println(describe(i))
	}
	fmt.Println(abs(-9), abs(9), abs(0))
	if a, b := 3, 4; a*a+b*b == 25 {
		fmt.Println("right triangle")
	}
	x := 10
	if x > 5 {
		if x > 8 {
			fmt.Println("big")
		} else {
			fmt.Println("medium")
		}
	} else {
		fmt.Println("small")
	}
}
