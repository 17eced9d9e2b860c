// run

// Scopes: shadowing in blocks, if/for/switch init statements and function parameters.

package main

import "fmt"

var x = "package"

func show(x int) int {
	{
		x := x * 10
		x++
		fmt.Println("inner block:", x)
	}
	return x
}

func main() {
	fmt.Println(x)
	x := 1
	fmt.Println(x)
	if x := "if"; x != "" {
		fmt.Println(x)
		x := 2.5
		fmt.Println(x)
	} else {
		fmt.Println("unreachable", x)
	}
	for x := 0; x < 2; x++ {
		x := x + 100
		fmt.Println("loop", x)
	}
	switch x := x * 7; x {
	case 7:
		fmt.Println("switch", x)
	}
	fmt.Println(show(x), x)
	{
		x = 42 // assigns the outer x
		var x = "block"
		_ = x
	}
	fmt.Println(x)
	fmt := "shadowed package name"
	println(fmt)
}
