// Package panicking has a test that panics: the test binary dies with the
// panic, and the package fails.
package panicking
