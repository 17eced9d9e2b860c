// weak.Make, whose runtime half (weak.runtime_registerWeakPointer, linked to the
// collector's weak handles) gojit's runtime does not provide yet:
// cli_missing_native_named checks the error that names it.
package main

import (
	"fmt"
	"weak"
)

func main() {
	x := new(int)
	p := weak.Make(x)
	fmt.Println(p.Value() == x)
}
