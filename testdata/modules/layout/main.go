// The main package of a module of three packages: it imports greet, which
// imports the module's internal/util. `gojit run .` runs it.
package main

import (
	"fmt"
	"os"

	"example.com/layout/greet"
)

func main() {
	fmt.Println(greet.Hello("world"))
	fmt.Println(greet.Count(), len(os.Args[1:]))
	if len(os.Args) > 1 && os.Args[1] == "panic" {
		greet.Crash()
	}
}
