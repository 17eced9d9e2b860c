// Package buildfail's test file does not compile.
package buildfail

// F returns one.
func F() int { return 1 }
