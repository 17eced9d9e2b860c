// run

// Greatest common divisor: recursive, iterative, and extended Euclid with three results.

package main

import "fmt"

func gcdRec(a, b int) int {
	if b == 0 {
		return a
	}
	return gcdRec(b, a%b)
}

func gcdIter(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// extGCD returns g, x, y with a*x + b*y == g.
func extGCD(a, b int) (int, int, int) {
	if b == 0 {
		return a, 1, 0
	}
	g, x, y := extGCD(b, a%b)
	return g, y, x - (a/b)*y
}

func lcm(a, b int) int {
	return a / gcdIter(a, b) * b
}

func main() {
	fmt.Println(gcdRec(1071, 462), gcdIter(1071, 462))
	fmt.Println(gcdRec(17, 5), gcdIter(0, 9), gcdIter(9, 0))
	g, x, y := extGCD(240, 46)
	fmt.Printf("gcd=%d x=%d y=%d check=%d\n", g, x, y, 240*x+46*y)
	l := 1
	for i := 1; i <= 20; i++ {
		l = lcm(l, i)
	}
	fmt.Println("lcm(1..20) =", l)
}
