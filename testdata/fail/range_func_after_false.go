// run
// exitcode: 2

// An iterator that calls yield again after it returned false (the loop body broke
// out) gets gc's run-time error.

package main

import "fmt"

func bad(yield func(int) bool) {
	yield(1)
	yield(2)
}

func main() {
	for x := range bad {
		fmt.Println(x)
		break
	}
}
