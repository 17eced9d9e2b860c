// exitcode: 3

// os.Exit with a non-zero status: output so far is kept, the status is the program's.

package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("about to exit")
	os.Exit(3)
	fmt.Println("not reached")
}
