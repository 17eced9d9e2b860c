// Package c, below b, is tested too.
package c

// Two is 2.
const Two = 2
