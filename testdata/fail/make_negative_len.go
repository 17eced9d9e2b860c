// exitcode: 2

// make with a negative length known only at run time panics.

package main

func main() {
	n := -1
	println(len(make([]int, n)))
}
