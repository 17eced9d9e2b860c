// Package greet is imported by the module's main package; it may use the
// module's internal packages.
package greet

import (
	"strings"

	"example.com/layout/internal/util"
)

var calls int

func init() { calls = 10 }

// Hello greets name in capitals.
func Hello(name string) string {
	calls++
	return "hello, " + util.Shout(strings.TrimSpace(name))
}

// Count says how often Hello ran, plus what init set.
func Count() int { return calls }

// Crash faults inside another package, for the trace's frames.
func Crash() {
	var c *util.Counter
	util.Bump(c)
}
