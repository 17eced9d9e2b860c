// run

// Recursion: Ackermann, Towers of Hanoi, mutual recursion and deep recursion.

package main

import "fmt"

func ack(m, n int) int {
	if m == 0 {
		return n + 1
	}
	if n == 0 {
		return ack(m-1, 1)
	}
	return ack(m-1, ack(m, n-1))
}

func hanoi(n int, from, to, via string) int {
	if n == 0 {
		return 0
	}
	moves := hanoi(n-1, from, via, to)
	if n == 4 {
		fmt.Println("move disk 4 from", from, "to", to)
	}
	return moves + 1 + hanoi(n-1, via, to, from)
}

func isEven(n int) bool {
	if n == 0 {
		return true
	}
	return isOdd(n - 1)
}

func isOdd(n int) bool {
	if n == 0 {
		return false
	}
	return isEven(n - 1)
}

func depth(n int) int {
	if n == 0 {
		return 0
	}
	return 1 + depth(n-1)
}

func main() {
	fmt.Println(ack(2, 3), ack(3, 3))
	fmt.Println(hanoi(10, "A", "C", "B"))
	fmt.Println(isEven(10), isOdd(7), isEven(7))
	fmt.Println(depth(100000))
}
