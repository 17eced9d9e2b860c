// Package calc has a type error.
package calc

// Double doubles x.
func Double(x int) int { return x + "x" }
