// errorcheck

// A switch tag must be comparable or nil-able, and a slice, map or func tag can only
// be compared with nil.

package main

type T struct{ f []int }

func main() {
	var t T
	switch t { // ERROR "cannot switch on t \(variable of struct type T\) \(T is not comparable\)"
	}
	f := func() {}
	switch f {
	case f: // ERROR "invalid case f in switch on f \(func can only be compared to nil\)"
	}
	var s []int
	switch s {
	case []int{}: // ERROR "invalid case \[\]int{} in switch on s \(slice can only be compared to nil\)"
	case nil:
	}
	switch 1 {
	case 1, 1: // ERROR "duplicate case 1 .*"
	}
}
