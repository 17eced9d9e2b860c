// Package notests has no test files.
package notests

// X is untested.
const X = 1
