// errorcheck

// Checks types2 makes that gojit once skipped (found by differential fuzzing
// against gc): a second default in any switch or select, duplicate type switch
// cases, overlapping union terms, init and main declared as non-functions, a typed
// float as array length, constant slice indices out of range or order (and composite_indices.go), and
// parameter names declared twice in a function type.

package main

var init = 1 // ERROR "cannot declare init - must be func"

type U interface{ ~int | ~int } // ERROR "overlapping terms ~int and ~int"

type A [float64(10)]int // ERROR "array length float64\(10\) \(constant 10 of type float64\) must be integer"

type F func(i, i int) // ERROR "i redeclared in this block"

func f(x any, c chan int) {
	select {
	default:
	default: // ERROR "multiple defaults \(first at .*statement_checks.go:21:2\)"
	}
	switch x.(type) {
	case nil, nil: // ERROR "duplicate case nil in type switch"
	case int, string, int: // ERROR "duplicate case int in type switch"
	}
	s := []int{1, 2, 3}
	_ = s[2:1] // ERROR "invalid slice indices: 1 < 2"
	var b [1]int
	_ = b[2:] // ERROR "invalid argument: index 2 out of bounds \[0:2\]"
}

func main() {}
