// run

// A call returning several values may be the sole argument of a built-in, which
// then takes its results as arguments (copy(f()), complex(f()), append(f()),
// print(f())), also under defer; f runs once, when the statement does.

package main

import "fmt"

var calls int

func parts() (float64, float64) { calls++; return 1.5, -2 }

func slices() ([]int, []int) { calls++; return make([]int, 2), []int{7, 8, 9} }

func grow() ([]string, string, string) { calls++; return []string{"a"}, "b", "c" }

func triple() (int16, float64, string) { calls++; return 1, 2.5, "three" }

func pair() (map[string]int, string) {
	calls++
	return map[string]int{"gone": 1, "kept": 2}, "gone"
}

func deferred() (m map[string]int) {
	m = map[string]int{"x": 1, "y": 2}
	defer delete(func() (map[string]int, string) { calls++; return m, "x" }())
	return m
}

func main() {
	c := complex(parts())
	fmt.Println(c, real(c), imag(c))
	dst, src := slices()
	n := copy(slices())
	fmt.Println(n, dst, src)
	fmt.Println(append(grow()))
	println(triple())
	m, _ := pair()
	delete(pair())
	fmt.Println(len(m))
	fmt.Println(deferred())
	defer println(triple())
	fmt.Println("calls:", calls)
}
