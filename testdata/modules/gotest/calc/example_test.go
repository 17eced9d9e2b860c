package calc_test

import (
	"fmt"

	"example.com/gotest/calc"
)

func ExampleAdd() {
	fmt.Println(calc.Add(2, 3))
	// Output: 5
}

func ExampleFib() {
	for i := 0; i < 5; i++ {
		fmt.Print(calc.Fib(i), " ")
	}
	fmt.Println()
	// Output:
	// 0 1 1 2 3
}

func Example_unordered() {
	for _, s := range []string{"c", "a", "b"} {
		fmt.Println(s)
	}
	// Unordered output:
	// a
	// b
	// c
}

// Compiled but not run: no output comment.
func Example_notRun() {
	panic("never runs")
}
