// run

// Boolean operators short-circuit; comparisons produce bools.

package main

import "fmt"

var calls = 0

func t(name string) bool {
	calls++
	fmt.Print(name, " ")
	return true
}

func f(name string) bool {
	calls++
	fmt.Print(name, " ")
	return false
}

func main() {
	fmt.Println(f("a") && t("b"))
	fmt.Println(t("a") || f("b"))
	fmt.Println(t("a") && f("b") || t("c"))
	fmt.Println(!f("a") && !f("b"))
	fmt.Println("calls:", calls)

	x, y := 3, 5
	b := x < y
	fmt.Println(b, x == y, x != y, x >= y, !b)
	var z bool
	fmt.Println(z, z == false, true != z)
	eq := (x < y) == (y > x)
	fmt.Println(eq)
}
