// exitcode: 2

// A negative index into a string panics too.

package main

import "fmt"

func main() {
	s := "gopher"
	i := 2
	for {
		fmt.Println(string(rune(s[i])))
		i--
	}
}
