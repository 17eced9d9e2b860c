// run

// Package-level variables initialised by composite literals are static data
// (ir/static_init.cc): nested structs, slices, arrays with keys, &T{...}, and
// the program can still write into them and hang heap objects off them.

package main

import (
	"fmt"
	"runtime"
)

type R struct {
	Lo, Hi uint16
	Stride int
}
type T struct {
	Name  string
	Rs    []R
	Next  *T
	Flags [3]bool
	F     float64
}

var tbl = &T{Name: "a", Rs: []R{{1, 2, 3}, {4, 5, 6}}, Next: &T{Name: "b"}, Flags: [3]bool{true, false, true}, F: 1.5}
var words = []string{"x", "y", "z"}
var arr = [5]int{1: 10, 3: 30}
var notStatic = map[string]int{"a": 1}
var empty = []int{}

func main() {
	fmt.Println(tbl.Name, tbl.Rs, tbl.Next.Name, tbl.Flags, tbl.F, words, arr, notStatic, empty == nil, len(empty))
	tbl.Rs[0].Hi = 99
	words = append(words, "w")
	fmt.Println(tbl.Rs, words)
	for i := 0; i < 3; i++ {
		tbl.Next = &T{Name: fmt.Sprint("heap", i)}
	}
	// tbl points at static data, which now holds the only pointer to a heap
	// object: collections with garbage in between must keep it.
	tbl.Rs = append(tbl.Rs, R{7, 8, 9})
	for i := 0; i < 5; i++ {
		garbage := make([][]byte, 0)
		for j := 0; j < 1000; j++ {
			garbage = append(garbage, make([]byte, 100))
		}
		_ = garbage
		runtime.GC()
	}
	fmt.Println(tbl.Next.Name, tbl.Rs)
}
