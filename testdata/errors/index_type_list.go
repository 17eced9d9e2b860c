// errorcheck

// After the first comma in x[a, b], gc parses type arguments: a token that no type
// can contain is a syntax error there, even where x is an array.

package main

func main() {
	var a [3][3]int
	i, j := 0, 1
	_ = a[i, j+1] // ERROR "syntax error: unexpected \+, expected \]"
	_ = a[i, "s"] // ERROR "syntax error: unexpected literal .s., expected \]"
	_ = a[i, -j]  // ERROR "syntax error: unexpected -, expected \]"
}
