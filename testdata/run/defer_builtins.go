// run

// defer works with the built-ins copy and delete, which take their arguments when
// the defer statement runs, as gc's do (clear: defer_clear_go122.go).

package main

import (
	"fmt"
	"sync"
)

func deleted() map[string]int {
	m := map[string]int{"a": 1, "b": 2, "c": 3}
	key := "b"
	defer delete(m, key)
	key = "c" // too late: the deferred delete has its key
	return m
}

func copied() []int {
	dst := make([]int, 3)
	src := []int{7, 8, 9}
	defer copy(dst, src)
	src = []int{0, 0, 0} // the deferred copy keeps the first slice
	return dst
}

func main() {
	m := deleted()
	fmt.Println(len(m), m["a"], m["b"], m["c"])
	d := copied()
	fmt.Println(d)

	var wg sync.WaitGroup
	wg.Add(1)
	big := make([]byte, 4)
	go func() {
		defer wg.Done()
		defer copy(big, "gone")
	}()
	wg.Wait()
	fmt.Println(string(big))
}
