// run
// exitcode: 2

// `go f(x)` of a nil func value: the arguments are evaluated by the go statement,
// and the nil call panics in the new goroutine (gc wraps the call in a closure).

package main

import "fmt"

func arg() int {
	fmt.Println("arguments evaluated first")
	return 1
}

func main() {
	var f func(int)
	go f(arg())
	select {}
}
