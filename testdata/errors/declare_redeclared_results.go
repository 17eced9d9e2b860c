// errorcheck

// Redeclaration in :=, placement of labeled fallthrough, and map keys whose type
// was still being declared where the map was written.

package main

func two() (int, *int) { return 0, nil }

type S struct{ m map[S]int } // ERROR "invalid map key type S"

type K struct{ n int }

type OK struct{ m map[K]int }

func main() {
	x := 1
	y, x := two() // ERROR "cannot use two\(\) \(value of type \*int\) as int value in assignment"
	_, _ = x, y
	type L struct{ m map[L]int } // ERROR "invalid map key type L"
	switch 1 {
	case 1:
	lab:
		fallthrough // ERROR "fallthrough statement out of place"
		goto lab
	case 2:
		if x > 0 {
			goto lab2
		}
	lab2:
		fallthrough
	case 3:
		_ = 0
	}
}

func local() {
	type T = T // ERROR "invalid recursive type: T refers to itself"
	type U = []U // ERROR "invalid recursive type: U refers to itself"
	type V []V
	var _ V
}
