// run

// Early returns from loops, nested ifs and switches.

package main

import "fmt"

func find(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func sign(n int) string {
	if n < 0 {
		return "-"
	} else if n == 0 {
		return "0"
	}
	return "+"
}

func grade(score int) string {
	switch {
	case score >= 90:
		return "A"
	case score >= 80:
		return "B"
	case score >= 70:
		return "C"
	}
	return "F"
}

func firstSquareAbove(n int) int {
	for i := 0; ; i++ {
		if i*i > n {
			return i * i
		}
	}
}

func main() {
	fmt.Println(find("gopher", 'p'), find("gopher", 'z'), find("", 'a'))
	fmt.Println(sign(-5), sign(0), sign(5))
	fmt.Println(grade(95), grade(85), grade(75), grade(10))
	fmt.Println(firstSquareAbove(50), firstSquareAbove(0))
}
