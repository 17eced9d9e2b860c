// exitcode: 2

// Integer remainder by zero panics like division does.

package main

import "fmt"

func main() {
	n := 0
	for i := 3; i >= 0; i-- {
		fmt.Println(100 % (i * 1))
		n = i
	}
	fmt.Println(n)
}
