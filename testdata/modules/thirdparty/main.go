// A module depending on a real third-party module from the Go module proxy:
// rsc.io/quote, which needs rsc.io/sampler and golang.org/x/text (whose files
// still carry `// +build` lines). go.sum pins all three.
package main

import (
	"fmt"

	"rsc.io/quote"
)

func main() {
	fmt.Println(quote.Go())
	fmt.Println(quote.Glass())
}
