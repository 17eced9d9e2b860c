// exitcode: 2

// Integer division by a zero divisor known only at run time panics.

package main

import "fmt"

func div(a, b int) int {
	return a / b
}

func main() {
	fmt.Println("10 / 2 =", div(10, 2))
	fmt.Println("1 / 0 =", div(1, 0))
	fmt.Println("not reached")
}
