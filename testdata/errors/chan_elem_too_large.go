// errorcheck

// A channel's element is at most 64 kB: gc reports the limit where it lays the
// channel type out, at each named type, function (for its parameters and
// results) and local variable of such a type; smaller elements are fine.

package main

type T chan [70000]byte // ERROR "channel element type too large \(>64kB\)"

type Small chan [100]byte

func f(c chan [70000]byte) {} // ERROR "channel element type too large \(>64kB\)"

func main() {
	var t T                         // ERROR "channel element type too large \(>64kB\)"
	x := make(chan [70000]byte, 1)  // ERROR "channel element type too large \(>64kB\)"
	var s Small
	_, _, _ = t, x, s
}
