// run

// String comparison is lexicographic by bytes.

package main

import "fmt"

func cmp(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func main() {
	fmt.Println(cmp("a", "b"), cmp("b", "a"), cmp("a", "a"))
	fmt.Println(cmp("abc", "abd"), cmp("abc", "ab"), cmp("", "a"), cmp("", ""))
	fmt.Println(cmp("Z", "a"), cmp("zebra", "apple"), cmp("é", "z"))
	a, b := "go", "gopher"
	fmt.Println(a < b, a <= b, a > b, a >= b, a == b)
	fmt.Println("abc" == "ab"+"c", "abc" != "abc")
}
