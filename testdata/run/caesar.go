// run

// A Caesar cipher over ASCII letters, built byte by byte.

package main

import "fmt"

func shift(c byte, k int) byte {
	switch {
	case c >= 'a' && c <= 'z':
		return byte((int(c-'a')+k+26)%26) + 'a'
	case c >= 'A' && c <= 'Z':
		return byte((int(c-'A')+k+26)%26) + 'A'
	}
	return c
}

func encode(s string, k int) string {
	out := ""
	for i := 0; i < len(s); i++ {
		out += string(rune(shift(s[i], k)))
	}
	return out
}

func main() {
	msg := "The Quick Brown Fox Jumps Over The Lazy Dog!"
	enc := encode(msg, 13)
	fmt.Println(enc)
	fmt.Println(encode(enc, 13))
	fmt.Println(encode(msg, 3) == encode(encode(msg, 1), 2))
	fmt.Println(encode("xyz", -3), encode("abc", 25))
}
