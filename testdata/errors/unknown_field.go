// errorcheck

// Selecting a field or method a type does not have, or an unexported one of
// another package, is an error.

package main

import "strings"

type T struct{ a int }

func main() {
	var t T
	var b strings.Builder
	t.foo = 1 // ERROR "t.foo undefined \(type T has no field or method foo\)"
	t.bar()   // ERROR "t.bar undefined \(type T has no field or method bar\)"
	_ = b.buf // ERROR "b.buf undefined \(cannot refer to unexported field buf\)"
	_ = t.a
}
