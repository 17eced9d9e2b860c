// run

// N-queens solutions counted with bitmasks and recursion, no arrays needed.

package main

import "fmt"

func solve(n, row, cols, diag1, diag2 int) int {
	if row == n {
		return 1
	}
	count := 0
	all := 1<<n - 1
	free := all &^ (cols | diag1 | diag2)
	for free != 0 {
		bit := free & -free
		free ^= bit
		count += solve(n, row+1, cols|bit, (diag1|bit)<<1&all, (diag2|bit)>>1)
	}
	return count
}

func main() {
	for n := 1; n <= 10; n++ {
		fmt.Printf("%2d queens: %d solutions\n", n, solve(n, 0, 0, 0, 0))
	}
}
