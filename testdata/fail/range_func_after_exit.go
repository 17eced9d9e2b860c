// run
// exitcode: 2

// An iterator that keeps yield and calls it after the loop has ended.

package main

import "fmt"

var saved func(int) bool

func keep(yield func(int) bool) {
	saved = yield
	yield(1)
}

func main() {
	for x := range keep {
		fmt.Println(x)
	}
	saved(2)
}
