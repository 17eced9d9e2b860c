// run

// Integer overflow wraps around silently, for every size and signedness.

package main

import "fmt"

func main() {
	var i int = 9223372036854775807
	i++
	fmt.Println(i)
	i--
	fmt.Println(i)

	var i64 int64 = -9223372036854775808
	i64--
	fmt.Println(i64)
	fmt.Println(-i64 - 1)

	var u uint8 = 250
	for k := 0; k < 10; k++ {
		u++
	}
	fmt.Println(u)
	u = 3
	u -= 5
	fmt.Println(u)
	var m uint8 = 16
	m *= 17
	fmt.Println(m)

	var r rune = 2147483647
	r++
	fmt.Println(r)

	x := 1
	for k := 0; k < 70; k++ {
		x *= 3
	}
	fmt.Println(x)

	var n int = -9223372036854775808
	fmt.Println(-n, n/-1, n%-1)
}
