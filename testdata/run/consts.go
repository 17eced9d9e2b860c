// run

// Untyped constants are exact: huge intermediate values and exact fractions.

package main

import "fmt"

const big = 1 << 100
const huge = big * big
const third = 1.0 / 3

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
	TB
)

const typed int64 = 1 << 40
const greeting = "hello" + ", " + "consts"

func main() {
	fmt.Println(big >> 98)
	fmt.Println(huge >> 195)
	fmt.Println(big/(1<<90), big%7)
	fmt.Println(third*3 == 1)
	fmt.Println(KB, MB, GB, TB)
	fmt.Println(typed, typed/KB)
	fmt.Println(greeting, len(greeting))
	const f = 1e300 * 1e300 / 1e300
	fmt.Println(f)
	const c = 'a' + 1
	fmt.Println(c, string(rune(c)))
	var x float64 = big >> 50
	fmt.Println(x)
	const maxU = 1<<64 - 1
	fmt.Println(uint64(maxU))
	fmt.Printf("%T %T %T %T\n", big>>98, third, c, greeting)
}
