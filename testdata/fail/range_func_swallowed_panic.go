// run
// exitcode: 2

// An iterator that recovers the loop body's panic and returns normally: the loop
// re-raises it as gc's "did not resume panicking" error.

package main

import "fmt"

func seq(yield func(int) bool) {
	defer func() { recover() }()
	yield(1)
}

func main() {
	for x := range seq {
		fmt.Println(x)
		panic("boom")
	}
}
