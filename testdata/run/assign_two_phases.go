// run

// A tuple assignment runs in the spec's two phases: the operands of the left's index
// expressions and pointer indirections and the right's values first, then each
// assignment left to right, so a later one that panics (nil pointer, index out of
// range, nil map) leaves the earlier ones done.

package main

import "fmt"

type T struct{ i int }

func try(name string, f func()) {
	defer func() { fmt.Println(name, "->", recover()) }()
	f()
}

func main() {
	m := map[int]int{}
	var p *int
	try("map then nil deref", func() { m[2], *p = 42, 2 })
	fmt.Println(len(m), m[2])

	m2 := map[int]int{}
	s := []int{}
	try("map then index", func() { m2[2], s[1] = 2, 2 })
	fmt.Println(len(m2), m2[2])

	var a int
	q := &a
	var nilMap map[int]int
	try("deref then nil map", func() { *q, nilMap[2] = 5, 2 })
	fmt.Println(a)

	var x T
	r := &x
	r, r.i = new(T), 4 // r.i's operand r is the old r
	fmt.Println(x.i, r.i)

	i := 0
	arr := [3]int{}
	arr[i], i = 7, 2 // the index is taken before i changes
	fmt.Println(arr, i)

	k, v := 1, 2
	k, v = v, k
	fmt.Println(k, v)
}
