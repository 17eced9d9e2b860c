// exitcode: 1

// os.Exit(1) from deep in the call stack ends the program immediately.

package main

import (
	"fmt"
	"os"
)

func descend(n int) int {
	if n == 0 {
		fmt.Println("bottom reached")
		os.Exit(1)
	}
	return descend(n-1) + 1
}

func main() {
	fmt.Println(descend(50))
}
