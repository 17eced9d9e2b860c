// run

// A defined pointer type (type P *T) selects T's fields through the pointer, as
// (*p).f; it has no methods of its own or of T.
package main

import "fmt"

type T struct {
	x    int
	next P
}

func (t *T) Get() int { return t.x }

type P *T

func main() {
	var p P = &T{x: 5}
	p.x = 7
	p.next = &T{x: 9}
	fmt.Println(p.x, p.next.x, (*T)(p).Get())
}
