// run

// Numeric conversions: float64 to int truncates toward zero; sizes truncate bits.

package main

import "fmt"

func main() {
	f := 3.99
	g := -3.99
	fmt.Println(int(f), int(g), int64(f*100), float64(int(f)))
	n := 1000
	fmt.Println(uint8(n), int64(n)*int64(n)*int64(n)*int64(n), float64(n)/3)
	var i64 int64 = 1<<40 + 7
	fmt.Println(int(i64), uint8(i64), rune(i64))
	var b uint8 = 200
	fmt.Println(int(b)*2, b*2, int64(b)-300)
	fmt.Println(float64(1<<53)+1 == float64(1<<53))
	x := 7
	y := 2
	fmt.Println(x/y, float64(x)/float64(y), float64(x/y))
	fmt.Printf("%.1f %d\n", float64(x), int(2.0*float64(y)))
	fmt.Println(string(rune(65+x)), int('a'))
}
