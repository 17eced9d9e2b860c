// run

// Hello, world: the smallest program that exercises fmt, functions and a loop.

package main

import "fmt"

func greet(name string) string {
	return "hello, " + name
}

func main() {
	fmt.Println(greet("world"))
	for i := 1; i <= 3; i++ {
		fmt.Printf("%d squared is %d\n", i, i*i)
	}
}
