// run

// Approximating pi with three series, in float64 arithmetic.

package main

import "fmt"

func leibniz(terms int) float64 {
	sum := 0.0
	sign := 1.0
	for k := 0; k < terms; k++ {
		sum += sign / float64(2*k+1)
		sign = -sign
	}
	return 4 * sum
}

func nilakantha(terms int) float64 {
	pi := 3.0
	sign := 1.0
	for k := 1; k <= terms; k++ {
		n := float64(2 * k)
		pi += sign * 4 / (n * (n + 1) * (n + 2))
		sign = -sign
	}
	return pi
}

func wallis(terms int) float64 {
	p := 1.0
	for k := 1; k <= terms; k++ {
		n := float64(4 * k * k)
		p *= n / (n - 1)
	}
	return 2 * p
}

func main() {
	fmt.Printf("%.6f\n", leibniz(1000000))
	fmt.Printf("%.10f\n", nilakantha(1000))
	fmt.Printf("%.4f\n", wallis(100000))
	fmt.Println(nilakantha(10))
}
