// Package util is internal to the module: greet and main may import it.
package util

import "strings"

// Counter counts.
type Counter struct{ N int }

// Shout upper-cases s and adds an exclamation mark.
func Shout(s string) string { return strings.ToUpper(s) + "!" }

// Bump adds one to c, which must not be nil.
func Bump(c *Counter) { c.N++ }
