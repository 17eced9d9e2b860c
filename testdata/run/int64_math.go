// run

// int64 and uint8 arithmetic side by side with int: factorials, checksums, mixing.

package main

import "fmt"

func factorial(n int64) int64 {
	if n <= 1 {
		return 1
	}
	return n * factorial(n-1)
}

func checksum(s string) uint8 {
	var sum uint8
	for i := 0; i < len(s); i++ {
		sum += s[i]
		sum = sum<<1 | sum>>7
	}
	return sum
}

func hash(s string) int64 {
	var h int64 = 1469598103934665603
	for i := 0; i < len(s); i++ {
		h ^= int64(s[i])
		h *= 1099511628211
	}
	return h
}

func main() {
	for n := int64(0); n <= 21; n += 3 {
		fmt.Println(n, factorial(n))
	}
	fmt.Println(checksum("hello"), checksum("gojit"), checksum(""))
	fmt.Println(hash("a"), hash("gopher"))
	var m int64 = 1 << 62
	fmt.Println(m*2, m*4, -m*2)
}
