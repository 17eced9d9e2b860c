// Package calc is tested by internal tests (calc_test.go) and external ones
// with examples (example_test.go).
package calc

// Add returns a+b.
func Add(a, b int) int { return a + b }

// Fib returns the n'th Fibonacci number.
func Fib(n int) int {
	if n < 2 {
		return n
	}
	return Fib(n-1) + Fib(n-2)
}
