// run

// Fast exponentiation by squaring, modular arithmetic and a Fermat test.

package main

import "fmt"

func power(b, e int) int {
	r := 1
	for e > 0 {
		if e&1 == 1 {
			r *= b
		}
		b *= b
		e >>= 1
	}
	return r
}

func powMod(b, e, m int) int {
	r := 1
	b %= m
	for e > 0 {
		if e%2 == 1 {
			r = r * b % m
		}
		b = b * b % m
		e /= 2
	}
	return r
}

func fermat(n int) bool {
	for a := 2; a < 5 && a < n; a++ {
		if powMod(a, n-1, n) != 1 {
			return false
		}
	}
	return true
}

func main() {
	fmt.Println(power(2, 10), power(3, 13), power(7, 0), power(2, 62), power(2, 64))
	fmt.Println(powMod(2, 1000, 1000000007), powMod(3, 200, 13))
	s := ""
	for n := 2; n < 60; n++ {
		if fermat(n) {
			s += fmt.Sprintf("%d ", n)
		}
	}
	fmt.Println(s)
	fmt.Println(fermat(561), fermat(1000003))
}
