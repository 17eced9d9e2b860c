// bench: startup, end to end: hello world from source (gc side: `go run`, warm cache).
// quick: 0
// mode: e2e

package main

import "fmt"

func main() {
	fmt.Println("hello, world")
}
