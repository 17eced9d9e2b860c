// run

// Collatz sequences: the longest chain below a bound, and one sequence printed.

package main

import "fmt"

func steps(n int) int {
	s := 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		s++
	}
	return s
}

func main() {
	best, bestN := 0, 0
	for n := 1; n < 100000; n++ {
		if s := steps(n); s > best {
			best, bestN = s, n
		}
	}
	fmt.Println("longest below 100000:", bestN, "with", best, "steps")

	n := 27
	out := fmt.Sprint(n)
	for n != 1 && len(out) < 60 {
		if n%2 == 0 {
			n = n / 2
		} else {
			n = 3*n + 1
		}
		out = out + "," + fmt.Sprint(n)
	}
	fmt.Println(out)
}
