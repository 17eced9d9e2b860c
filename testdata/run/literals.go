// run

// Literal forms: hex, octal, binary, underscores, floats, runes, raw and escaped strings.

package main

import "fmt"

func main() {
	fmt.Println(0x1F, 0X1f, 0o17, 017, 0b1011, 1_000_000, 0x_FF_FF)
	fmt.Println(1.5e3, .25, 1., 0x1p-2, 6.02214076e23, 1_000.5)
	fmt.Println('a', '\000', '\x7f', '\u12e4', '"')
	fmt.Println("tab:\t|", "quote:\"", "backslash:\\", "hex:\x41\x42", "oct:\101")
	fmt.Println(`raw \n string with "quotes"`)
	raw := `two
lines`
	fmt.Println(raw, len(raw))
	fmt.Println("\u00e9" == "é", "\xe2\x82\xac", len("€"))
	fmt.Printf("%q\n", "bell\a nul\x00 del\x7f")
}
