// run

// Multiple results: passed straight through as arguments and returned again.

package main

import "fmt"

func minmax(a, b int) (int, int) {
	if a < b {
		return a, b
	}
	return b, a
}

func add(a, b int) int { return a + b }

func pair() (string, int) { return "answer", 42 }

func swap(a, b int) (int, int) { return b, a }

func passThrough() (int, int) { return swap(minmax(9, 4)) }

func split(sum int) (x, y int) {
	x = sum * 4 / 9
	y = sum - x
	return
}

func main() {
	lo, hi := minmax(10, 3)
	fmt.Println(lo, hi)
	fmt.Println(add(minmax(5, 6)))
	fmt.Println(pair())
	fmt.Println(passThrough())
	fmt.Println(split(17))
	_, h := minmax(-1, -2)
	fmt.Println(h)
}
