// run

// Reversing strings and numbers; palindromes.

package main

import "fmt"

func reverse(s string) string {
	r := ""
	for i := len(s) - 1; i >= 0; i-- {
		r += string(rune(s[i]))
	}
	return r
}

func isPalindrome(s string) bool {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		if s[i] != s[j] {
			return false
		}
	}
	return true
}

func reverseNum(n int) int {
	r := 0
	for n > 0 {
		r = r*10 + n%10
		n /= 10
	}
	return r
}

func main() {
	fmt.Println(reverse("gopher"), reverse(""), reverse("a"))
	fmt.Println(isPalindrome("racecar"), isPalindrome("gopher"), isPalindrome(""))
	fmt.Println(reverseNum(12345), reverseNum(1200))
	count := 0
	for n := 1; n < 10000; n++ {
		if n == reverseNum(n) {
			count++
		}
	}
	fmt.Println("numeric palindromes below 10000:", count)
}
