// run

// Strings: concatenation, len, indexing bytes, comparison and building in a loop.

package main

import "fmt"

func repeat(s string, n int) string {
	r := ""
	for i := 0; i < n; i++ {
		r += s
	}
	return r
}

func count(s string, c byte) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
		}
	}
	return n
}

func main() {
	s := "hello"
	t := s + ", " + "world"
	fmt.Println(t, len(t))
	fmt.Println(s[0], s[4], t[len(t)-1])
	fmt.Println(repeat("ab", 5), len(repeat("xyz", 100)))
	fmt.Println(count("mississippi", 's'), count("mississippi", 'p'), count("", 'a'))
	u := "héllo" // é is two bytes in UTF-8
	fmt.Println(len(u), u[1], u[2])
	var empty string
	fmt.Println(empty == "", len(empty))
	x := "abc"
	x += "def"
	fmt.Println(x, x == "abcdef", x != "abcdef")
}
