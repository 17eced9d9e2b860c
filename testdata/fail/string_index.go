// exitcode: 2

// Indexing a string past its end panics with the index and the length.

package main

import "fmt"

func at(s string, i int) byte {
	return s[i]
}

func main() {
	s := "hello"
	fmt.Println(at(s, 4))
	fmt.Println(at(s, 10))
}
