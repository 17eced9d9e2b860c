// errorcheck

// Constant switch cases may not repeat.

package main

import "fmt"

func main() {
	x := 2
	switch x {
	case 1:
		fmt.Println("one")
	case 2, 1: // ERROR "duplicate case 1 \(constant of type int\) in expression switch"
		fmt.Println("two")
	}
	s := "a"
	switch s {
	case "a", "b":
	case "a": // ERROR "duplicate case .a. \(constant of type string\) in expression switch"
	}
}
