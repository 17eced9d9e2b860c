// Package deadlock has a test that blocks forever: the runtime finds every
// goroutine asleep, and the test binary dies with the deadlock error.
package deadlock
