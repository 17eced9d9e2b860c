// run

// Floating-point sums in loops keep Go's left-to-right order: the JIT vectorises
// such loops as ordered (strict) reductions (jit/jit.cc), which must give the same
// bits as the scalar loop. The values span many magnitudes and signs, so any
// reassociation of the additions would change the printed results.
package main

import "fmt"

func dot(x, y []float64) float64 {
	s := 0.0
	for i := range x {
		s += x[i] * y[i]
	}
	return s
}

func harmonic(n int) float64 {
	s := 0.0
	for i := 1; i <= n; i++ {
		s += 1 / float64(i*i%97+1)
	}
	return s
}

func sum32(x []float32) float32 {
	var s float32
	for _, v := range x {
		s += v
	}
	return s
}

func alternating(x []float64) float64 {
	s := 1.0
	for _, v := range x {
		s -= v / 3
	}
	return s
}

func main() {
	const n = 1003
	x := make([]float64, n)
	y := make([]float64, n)
	f := make([]float32, n)
	for i := range x {
		m := float64(int64(1) << (i % 53))
		if i%3 == 0 {
			m = -m
		}
		x[i] = m + 0.1*float64(i)
		y[i] = 1 / float64(i%7+1)
		f[i] = float32(x[i]) * 1e-7
	}
	fmt.Println(dot(x, y))
	fmt.Println(dot(y, y))
	fmt.Println(harmonic(100003))
	fmt.Println(sum32(f))
	fmt.Println(alternating(x))
}
