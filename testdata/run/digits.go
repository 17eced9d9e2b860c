// run

// Digit manipulation: sums, Armstrong numbers, base conversion by hand.

package main

import "fmt"

func digitSum(n int) int {
	s := 0
	for ; n > 0; n /= 10 {
		s += n % 10
	}
	return s
}

func pow(b, e int) int {
	r := 1
	for i := 0; i < e; i++ {
		r *= b
	}
	return r
}

func numDigits(n int) int {
	if n < 10 {
		return 1
	}
	return 1 + numDigits(n/10)
}

func isArmstrong(n int) bool {
	k := numDigits(n)
	s := 0
	for m := n; m > 0; m /= 10 {
		s += pow(m%10, k)
	}
	return s == n
}

func toBase(n, base int) string {
	const digits = "0123456789abcdefghijklmnopqrstuvwxyz"
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	s := ""
	for n > 0 {
		s = string(rune(digits[n%base])) + s
		n /= base
	}
	if neg {
		s = "-" + s
	}
	return s
}

func main() {
	fmt.Println(digitSum(12345), digitSum(999999999))
	for n := 1; n < 100000; n++ {
		if isArmstrong(n) {
			fmt.Print(n, " ")
		}
	}
	fmt.Println()
	fmt.Println(toBase(255, 2), toBase(255, 16), toBase(-35, 36), toBase(0, 8))
	fmt.Println(toBase(1<<62, 32))
}
