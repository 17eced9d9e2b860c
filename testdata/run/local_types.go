// run

// Types declared inside functions are distinct even when they share a name: maps,
// interfaces and %T keep them apart (each has its own type descriptor).

package main

import "fmt"

func a() any {
	type T [3]byte
	return T{1, 2, 3}
}

func b() any {
	type T struct{ s string }
	return T{"x"}
}

func main() {
	x, y := a(), b()
	fmt.Printf("%T %v %T %v\n", x, x, y, y)
	{
		type K [200]byte
		m := map[K]int{{1}: 1, {2}: 2}
		fmt.Println(len(m), m[K{2}])
	}
	{
		type K [1]byte
		m := map[K]string{{1}: "one"}
		fmt.Println(len(m), m[K{1}])
	}
}
