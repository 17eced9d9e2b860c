// run

// Division truncates toward zero; the remainder takes the sign of the dividend.

package main

import "fmt"

func dm(a, b int) (int, int) {
	return a / b, a % b
}

func main() {
	fmt.Println(dm(7, 2))
	fmt.Println(dm(-7, 2))
	fmt.Println(dm(7, -2))
	fmt.Println(dm(-7, -2))
	fmt.Println(dm(0, 5))
	fmt.Println(dm(6, 3))
	fmt.Println(dm(-1, 1000))

	var u uint8 = 200
	var v uint8 = 7
	fmt.Println(u/v, u%v)

	var a int64 = -100
	fmt.Println(a/8, a%8, a>>3)

	const c = -7 / 2
	const d = -7 % 2
	fmt.Println(c, d, -7.0/2)
}
