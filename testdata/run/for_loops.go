// run

// The three for forms, with break and continue.

package main

import "fmt"

func main() {
	sum := 0
	for i := 0; i < 10; i++ {
		if i%2 == 1 {
			continue
		}
		sum += i
	}
	fmt.Println("even sum:", sum)

	n := 1
	for n < 1000 {
		n *= 2
	}
	fmt.Println("first power of two >= 1000:", n)

	count := 0
	for {
		count++
		if count == 7 {
			break
		}
	}
	fmt.Println("count:", count)

	for i, j := 0, 10; i < j; i, j = i+1, j-1 {
		fmt.Print(i, ":", j, " ")
	}
	fmt.Println()

	k := 0
	for ; k < 3; {
		k++
	}
	fmt.Println("k:", k)

	for i := 10; i > 0; i -= 3 {
		fmt.Print(i, " ")
	}
	fmt.Println()

	var i int
	for i = 0; i < 5; i++ {
	}
	fmt.Println("i after loop:", i)
}
