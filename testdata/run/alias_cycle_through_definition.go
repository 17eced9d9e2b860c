// run

// An alias on a cycle that passes through a type definition names a type: here A is
// *T while T's declaration, which uses A, is still being resolved.

package main

import "fmt"

type A = *T

type T struct {
	a A
	n int
}

type Chain = []Link

type Link struct {
	next Chain
	name string
}

func main() {
	t := &T{n: 1}
	t.a = &T{n: 2}
	fmt.Println(t.a.n, t.a.a == nil)
	c := Chain{{name: "x", next: Chain{{name: "y"}}}}
	fmt.Printf("%s %s %T\n", c[0].name, c[0].next[0].name, c)
}
