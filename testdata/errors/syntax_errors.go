// errorcheck

// Syntax errors stop compilation before type checking.

package main

func main() {
	x := (1 + 2 // ERROR "syntax error: unexpected newline, expected \)"
}

func f() {
	for i := 0; i < 3; i++ // ERROR "syntax error: unexpected newline, expected { after for clause"
	{
	}
}

func g() {
	if true {
	} else if
	{ // ERROR "syntax error: missing condition in if statement"
	}
}

func h() {
	var := 1 // ERROR "syntax error: unexpected :=, expected name"
}
