// run

// A slice converts to a pointer to an array sharing its elements; too short a slice
// panics with gc's message.

package main

import "fmt"

func main() {
	s := []byte{1, 2, 3, 4}
	p := (*[4]byte)(s)
	p[0] = 9
	fmt.Println(s, *p)
	defer func() { fmt.Println(recover()) }()
	q := (*[8]byte)(s)
	fmt.Println(q)
}
