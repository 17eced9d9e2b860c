// run

// Runes and bytes: conversions between rune, byte (uint8), int and string.

package main

import "fmt"

func main() {
	var r rune = 'A'
	fmt.Println(r, string(r), r+1, string(r+1))
	var b byte = 'z'
	fmt.Println(b, string(rune(b)), int(b)-int('a'))
	fmt.Println(string(rune(0x4e16)), string(rune(0x754c)), len(string(rune(0x4e16))))
	fmt.Println('\n', '\t', '\\', '\'', '\x41', '\u00e9', '\U0001F600')
	s := "Go"
	fmt.Println(s[0] == 'G', s[1]+1, rune(s[1]))
	fmt.Printf("%c %c %q %d\n", r, b, r, '0')
	digit := '7' - '0'
	fmt.Println(digit, digit*6)
	var u uint8 = 255
	fmt.Println(int(u)+1, u+1, int64(u)<<40)
	fmt.Println(string(rune(-1)) == "\uFFFD")
}
