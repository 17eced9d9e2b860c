// Package failing has tests that fail, and an example whose output is wrong.
package failing

// Double returns 2*x, wrongly for negative x.
func Double(x int) int {
	if x < 0 {
		return x
	}
	return 2 * x
}
