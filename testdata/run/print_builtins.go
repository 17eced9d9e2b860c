// run

// The print and println builtins write to standard error, in their own formats.

package main

import "fmt"

func main() {
	fmt.Println("stdout first")
	println("hello", 42, -7, true, false)
	println()
	print("no", "spaces", 1, 2, "\n")
	println(1.5, -0.25, 1e100, 0.0)
	println('a', "x"+"y", 9223372036854775807)
	var u uint8 = 255
	var i64 int64 = -1
	println(u, i64)
	print("end\n")
	fmt.Println("stdout last")
}
