// run

// Untyped float constants that are integers up to the rounding of earlier
// arithmetic convert to integers (as go/constant's ToInt), and imaginary literals
// take every integer and float literal form.

package main

import "fmt"

const (
	ms       = 0.0005 * 1e9
	third    = 1.0 / 3
	nine     = third * 27
	hexImag  = 0x_cafei
	octImag  = 0o17i
	binImag  = 0b101i
	leadImag = 0123i
	hexFloat = 0x1p-2i
)

var table = [...]int64{ms, nine, 1e3 * 0.001}

func main() {
	var a [ms / 1e5]byte
	fmt.Println(table, len(a))
	fmt.Println(hexImag, octImag, binImag, leadImag, hexFloat)
	var n int = 0.1 * 30
	fmt.Println(n)
}
