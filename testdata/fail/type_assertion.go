// exitcode: 2

// A failed type assertion without comma-ok panics with both dynamic types.

package main

func main() {
	var i interface{} = "x"
	println(i.(int))
}
