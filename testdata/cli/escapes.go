package main

import "fmt"

func main() {
	n := 1
	p := &n
	m := 2
	f := func() int { return m }
	k := 3
	fmt.Println(*p, f(), n+m+k)
}
