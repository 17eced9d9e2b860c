// Package secret is internal to lib.
package secret

// Word is secret.
const Word = "xyzzy"
