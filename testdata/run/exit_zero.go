// run

// os.Exit(0) ends the program at once with status 0.

package main

import (
	"fmt"
	"os"
)

func finish(code int) {
	fmt.Println("finishing with", code)
	os.Exit(code)
}

func main() {
	fmt.Println("start")
	for i := 0; ; i++ {
		if i == 3 {
			finish(0)
		}
		fmt.Println("tick", i)
	}
}
