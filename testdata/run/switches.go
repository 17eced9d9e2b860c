// run

// switch: tag and tagless, init statements, lists, fallthrough, default anywhere.

package main

import "fmt"

func kind(c byte) string {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return "vowel"
	case ' ':
		return "space"
	default:
		return "other"
	case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return "digit"
	}
}

func falls(n int) string {
	s := ""
	switch n {
	case 0:
		s += "zero "
		fallthrough
	case 1:
		s += "one "
		fallthrough
	case 2:
		s += "two "
	case 3:
		s += "three "
	default:
		s += "many "
	}
	return s
}

func calls() int {
	fmt.Println("calls evaluated once")
	return 2
}

func main() {
	fmt.Println(kind('a'), kind('7'), kind(' '), kind('x'))
	for i := 0; i < 5; i++ {
		fmt.Println(i, falls(i))
	}
	switch x := 5; {
	case x > 3:
		fmt.Println("x > 3")
	case x > 1:
		fmt.Println("x > 1")
	}
	switch calls() {
	case 1:
		fmt.Println("one")
	case 2:
		fmt.Println("two")
	}
	switch s := "go"; s + "pher" {
	case "gopher":
		fmt.Println("gopher!")
	}
	switch {
	}
	switch x := 3; x {
	case 1, 2, 3:
		if x == 3 {
			break
		}
		fmt.Println("not reached")
	}
	fmt.Println("done")
}
