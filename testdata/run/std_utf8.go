// run

// unicode/utf8: encoding and decoding valid, invalid, short and surrogate
// sequences, rune counts, validity, RuneLen, AppendRune, FullRune, RuneStart.
package main

import (
	"fmt"
	"unicode/utf8"
)

func main() {
	fmt.Println(utf8.RuneError, utf8.RuneSelf, utf8.MaxRune, utf8.UTFMax)
	for _, r := range []rune{0, 'a', 0x7f, 0x80, 'é', 0x7ff, 0x800, '世', 0xd7ff, 0xd800, 0xdfff, 0xe000, 0xfffd, 0xffff, 0x10000, '😀', 0x10ffff, 0x110000, -1} {
		buf := make([]byte, 4)
		n := utf8.EncodeRune(buf, r)
		fmt.Printf("%U len=%d enc=% x valid=%v append=%x\n", r, utf8.RuneLen(r), buf[:n], utf8.ValidRune(r), utf8.AppendRune([]byte("<"), r))
	}
	inputs := []string{
		"", "a", "é", "世界", "😀x", "\x80", "\xc0\x80", "\xc2", "\xc2\x7f", "\xe0\x80\x80",
		"\xe0\xa0\x80", "\xed\xa0\x80", "\xed\x9f\xbf", "\xf0\x8f\xbf\xbf", "\xf0\x90\x80\x80",
		"\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xff", "\xe4\xb8", "a\xe4\xb8",
		"héllo, 世界!", "x\xffy\xfe",
	}
	for _, s := range inputs {
		r, size := utf8.DecodeRuneInString(s)
		lr, lsize := utf8.DecodeLastRuneInString(s)
		br, bsize := utf8.DecodeRune([]byte(s))
		blr, blsize := utf8.DecodeLastRune([]byte(s))
		fmt.Printf("%+q: first=%U/%d last=%U/%d bytes=%U/%d,%U/%d count=%d,%d valid=%v,%v full=%v,%v\n",
			s, r, size, lr, lsize, br, bsize, blr, blsize,
			utf8.RuneCountInString(s), utf8.RuneCount([]byte(s)),
			utf8.ValidString(s), utf8.Valid([]byte(s)),
			utf8.FullRuneInString(s), utf8.FullRune([]byte(s)))
	}
	for _, b := range []byte{0, 0x41, 0x80, 0xbf, 0xc0, 0xe4, 0xff} {
		fmt.Print(utf8.RuneStart(b), " ")
	}
	fmt.Println()
	s := "añb世c😀"
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		fmt.Printf("%d:%c(%d) ", i, r, w)
		i += w
	}
	fmt.Println()
	for j := len(s); j > 0; {
		r, w := utf8.DecodeLastRuneInString(s[:j])
		fmt.Printf("%c", r)
		j -= w
	}
	fmt.Println()
}
