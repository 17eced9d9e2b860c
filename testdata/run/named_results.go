// run

// Named results: zero-initialised, assignable, returned by a bare return.

package main

import "fmt"

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a - q*b
	return
}

func classify(n int) (kind string, even bool) {
	even = n%2 == 0
	if n < 0 {
		kind = "negative"
		return
	}
	if n == 0 {
		return "zero", true
	}
	kind = "positive"
	return
}

func zero() (i int, s string, b bool, f float64) {
	return
}

func sumTo(n int) (total int) {
	for i := 1; i <= n; i++ {
		total += i
	}
	return total
}

func main() {
	fmt.Println(divmod(17, 5))
	fmt.Println(classify(-3))
	fmt.Println(classify(0))
	fmt.Println(classify(8))
	i, s, b, f := zero()
	fmt.Printf("%d %q %t %v\n", i, s, b, f)
	fmt.Println(sumTo(100))
}
