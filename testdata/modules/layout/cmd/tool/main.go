// A second command of the module, run as ./cmd/tool or by its import path: it
// prints its name (os.Args[0]'s base) and its arguments.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"example.com/layout/greet"
)

func main() {
	fmt.Println(filepath.Base(os.Args[0]), os.Args[1:], greet.Hello("tool"))
}
