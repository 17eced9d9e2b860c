// run

// Go 1.21's clear: a deferred
// clear takes its operand when the defer statement runs and clears it on return.

package main

import "fmt"

func cleared() (m map[int]bool, s []int) {
	m = map[int]bool{1: true, 2: true}
	s = []int{4, 5, 6}
	defer clear(m)
	defer clear(s[1:])
	s = append(s, 7) // a new array: the deferred clear keeps the old slice
	return m, s
}

func main() {
	m, s := cleared()
	fmt.Println(len(m), s)
}
