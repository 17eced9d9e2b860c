// run
// gojit-timeout: 120

// Sscanf's handling of spaces, newlines, literals, %% and widths in the format, with two, one and no operands.

package main

import "fmt"

func main() {
	cases := [][2]string{
		{"5", "%d,%d"}, {"5,", "%d,%d"}, {"", "x%d"}, {"x", "x%d"}, {"5 ", "%d "}, {"5", "%d "}, {"5\n", "%d "}, {"5 6", "%d  \n %d"},
		{"5\n\n6", "%d\n%d"}, {"5\n6", "%d \n%d"}, {"5 \n6", "%d\n %d"}, {"5\n 6", "%d\n%d"}, {"5\n 6", "%d\n %d"}, {"5\r\n6", "%d %d"},
		{"5\r6", "%d %d"}, {"5", "%d\n\n"}, {"5\n", "%d\n\n"}, {" 5", " %d"}, {"5", " %d"}, {"\n5", " %d"}, {"\n5", "\n%d"}, {"5", "\n%d"},
		{"a b", "%c%c"}, {"a b", "%c %c"}, {"ab", "%c %c"}, {"a\nb", "%c%c"}, {"a\nb", "%c\n%c"}, {"5 6", "%d %d "}, {"5 6\n", "%d %d "},
		{"5 6 x", "%d %d "}, {"5 x", "%d x"}, {"5x", "%d x"}, {"5  x", "%d x"}, {"5\tx", "%d x"}, {"5 \t x", "%d\tx"}, {"5\u00a0x", "%d x"},
		{"5\n", "%d\n%d"}, {"5\n\n", "%d\n\n%d"}, {"5 \r\n 6", "%d \n %d"}, {"5 % 6", "%d %% %d"}, {"5%6", "%d%%%d"}, {"5 6", "%d%%%d"},
		{"héllo", "h%cllo"}, {"hello", "h%c%c"}, {"12", "%1d%1d"}, {"1 2", "%1d%1d"}, {"abc", "%2s%s"}, {"ab c", "%5s"}, {"5", "%3c"},
		{"5", "%-d"}, {"5", "%+d"}, {"5", "%#d"}, {"5", "%0d"}, {"05", "%d"}, {"5", "%.2d"}, {"x", "%p"}, {"x", "%T"}, {"5", "%d%"},
		{"abc", "a%sc"}, {"a\n", "a\n"}, {"a", "a\n"}, {"a b", "a\nb"}, {"a\nb", "a b"}, {"ab", "a b"},
	}
	for _, c := range cases {
		var a, b int
		n, err := fmt.Sscanf(c[0], c[1], &a, &b)
		var r1, r2 rune
		n2, err2 := fmt.Sscanf(c[0], c[1], &r1, &r2)
		var s1, s2 string
		n3, err3 := fmt.Sscanf(c[0], c[1], &s1, &s2)
		fmt.Printf("%q %q: %d %v %d %d | %d %v %q %q | %d %v %q %q\n", c[0], c[1], n, err, a, b, n2, err2, r1, r2, n3, err3, s1, s2)
		var only int
		n, err = fmt.Sscanf(c[0], c[1], &only)
		fmt.Printf("   one: %d %v %d\n", n, err, only)
		n, err = fmt.Sscanf(c[0], c[1])
		fmt.Printf("   none: %d %v\n", n, err)
	}
}
