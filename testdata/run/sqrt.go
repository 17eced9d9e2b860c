// run

// Newton's method for square roots, and integer square roots by bisection.

package main

import "fmt"

func sqrt(x float64) (float64, int) {
	z := x / 2
	iters := 0
	for {
		next := z - (z*z-x)/(2*z)
		iters++
		if next == z || iters > 100 {
			return next, iters
		}
		z = next
	}
}

func isqrt(n int) int {
	lo, hi := 0, n+1
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if mid*mid <= n {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

func main() {
	r, n := sqrt(2)
	fmt.Printf("sqrt(2) = %.12f after %d iterations\n", r, n)
	r, _ = sqrt(144)
	fmt.Println(r)
	fmt.Printf("%.6f %.6f\n", r*r, 1/r)
	fmt.Println(isqrt(0), isqrt(15), isqrt(16), isqrt(1000000007))
}
