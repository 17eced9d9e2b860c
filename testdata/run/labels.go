// run

// Labeled break and continue out of nested loops and a switch.

package main

import "fmt"

func main() {
outer:
	for i := 0; i < 5; i++ {
		for j := 0; j < 5; j++ {
			if j > i {
				continue outer
			}
			if i == 4 {
				break outer
			}
			fmt.Print(i, j, " ")
		}
	}
	fmt.Println()

	// Find a pythagorean triple with a labeled break.
	a, b, c := 0, 0, 0
search:
	for x := 1; x < 30; x++ {
		for y := x; y < 30; y++ {
			for z := y; z < 30; z++ {
				if x*x+y*y == z*z && x+y+z > 20 {
					a, b, c = x, y, z
					break search
				}
			}
		}
	}
	fmt.Println(a, b, c)

	n := 0
loop:
	for {
		switch {
		case n >= 3:
			break loop
		default:
			n++
		}
	}
	fmt.Println("n:", n)
}
