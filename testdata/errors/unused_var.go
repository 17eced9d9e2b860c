// errorcheck

// Local variables that are declared and never used.

package main

func main() {
	x := 1 // ERROR "x declared but not used"
	var s string // ERROR "s declared but not used"
	a, b := 1, 2 // ERROR "a declared but not used"
	_ = b
	y := 2 // ERROR "y declared but not used"
	y = 3 // assigning is not a use
}
