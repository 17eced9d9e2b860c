// exitcode: 2

// Slicing past a slice's capacity, with a bound known only at run time, panics
// with the bound and the capacity.

package main

func main() {
	s := []int{1, 2, 3}
	n := 5
	println(len(s[1:n]))
}
