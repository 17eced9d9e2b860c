// exitcode: 2

// panic with a string value prints it verbatim after "panic: ".

package main

import "fmt"

func check(n int) {
	if n > 2 {
		panic("boom")
	}
	fmt.Println("ok", n)
}

func main() {
	for i := 0; i < 5; i++ {
		check(i)
	}
}
