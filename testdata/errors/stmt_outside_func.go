// errorcheck

// A short variable declaration is a statement and cannot appear at package level.

package main

x := 1 // ERROR "syntax error: non-declaration statement outside function body"

func main() {
}
