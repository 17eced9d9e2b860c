// run
// exitcode: 2

// An iterator that recovers the loop body's panic and calls yield again.

package main

import "fmt"

func again(yield func(int) bool) {
	defer func() {
		recover()
		yield(2)
	}()
	yield(1)
}

func main() {
	for x := range again {
		fmt.Println(x)
		panic("first")
	}
}
