// run
// exitcode: 2

// A panic value whose Error method panics: gc's preprintpanics calls the method
// before printing and makes its panic a fatal error.

package main

type E struct{}

func (E) Error() string { panic("boom") }

func main() {
	panic(E{})
}
