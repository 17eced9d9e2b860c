// run

// Shifts and bitwise operators: & | ^ &^ unary ^, signed and unsigned shifts.

package main

import "fmt"

func popcount(x int) int {
	n := 0
	for x != 0 {
		x &= x - 1
		n++
	}
	return n
}

func main() {
	a, b := 0b1100, 0b1010
	fmt.Println(a&b, a|b, a^b, a&^b, ^a)
	fmt.Printf("%b %b %b %b\n", a&b, a|b, a^b, a&^b)

	x := 1
	for s := 0; s < 64; s += 9 {
		fmt.Print(x<<s, " ")
	}
	fmt.Println()

	var big uint = 1 << 63
	fmt.Println(big, big>>63, big<<1)

	n := -16
	fmt.Println(n>>2, n>>60, n>>100, n<<2)

	var s uint = 70
	fmt.Println(1<<s, 5>>s, -5>>s)

	var u8 uint8 = 0xF0
	fmt.Println(u8<<1, u8>>4, ^u8)

	fmt.Println(popcount(255), popcount(0), popcount(1<<40|1<<3), popcount(-1))
	fmt.Printf("%x %X %o %#x\n", 48879, 48879, 8, 255)
}
