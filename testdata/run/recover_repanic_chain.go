// run

// A deferred call that recovers a panic and then panics anew, recovered further up:
// the first panic's record must leave the chain with the frames the recovery
// abandons, or later panics find a stale chain (issue 21, item 1).

package main

import "fmt"

func lvl(s string) {
	defer func() {
		recover()
		panic("second " + s)
	}()
	panic("first " + s)
}

func replaced() (msg any) {
	defer func() { msg = recover() }()
	defer func() { panic("replacement") }()
	panic("original")
}

func main() {
	defer func() { fmt.Println("main recovered:", recover()) }()
	for i := 0; i < 3; i++ {
		func() {
			defer func() { fmt.Println("caught:", recover()) }()
			lvl(fmt.Sprint(i))
		}()
	}
	fmt.Println(replaced())
	fmt.Println(replaced())
	var a []int
	_ = a[5]
}
