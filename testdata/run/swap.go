// run

// Multiple assignment evaluates every right-hand side before assigning.

package main

import "fmt"

func three() (int, string, bool) {
	return 3, "three", true
}

func main() {
	a, b := 1, 2
	a, b = b, a
	fmt.Println(a, b)

	x, y, z := 1, 2, 3
	x, y, z = z, x, y
	fmt.Println(x, y, z)

	i, j := 0, 1
	for k := 0; k < 10; k++ {
		i, j = j, i+j
	}
	fmt.Println(i, j)

	n, s, ok := three()
	fmt.Println(n, s, ok)
	_, s2, _ := three()
	fmt.Println(s2)

	var p, q int
	p, q = 10, p+5 // q uses the old p
	fmt.Println(p, q)

	m := 5
	m, w := m*2, m*3
	fmt.Println(m, w)
}
