// Package a is tested under ./tree/...
package a

// One is 1.
const One = 1
