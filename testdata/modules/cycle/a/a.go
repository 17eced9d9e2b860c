// Package a imports b.
package a

import "example.com/cycle/b"

var A = b.B + 1
