// Like thirdparty, but go.sum is missing: the go command refuses to use a
// module whose hash it cannot check.
package main

import (
	"fmt"

	"rsc.io/quote"
)

func main() {
	fmt.Println(quote.Go())
	fmt.Println(quote.Glass())
}
