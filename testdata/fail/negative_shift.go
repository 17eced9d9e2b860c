// exitcode: 2

// Shifting by a negative signed count panics at run time.

package main

import "fmt"

func shl(x, s int) int {
	return x << s
}

func main() {
	fmt.Println(shl(1, 3))
	fmt.Println(shl(1, -1))
}
