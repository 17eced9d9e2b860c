// errorcheck

// Struct literals as types2 checks them: keys must name accessible fields ("_"
// never does; unexported fields of another package are out of reach; a name
// differing in case is pointed out), no field twice, keys must be names, field
// values may not elide their type, and unkeyed literals may not set another
// package's unexported fields.

package main

import "strings"

type T struct {
	F int
	g int
	_ int
	m map[string]string
}

var _ = T{_: 1}                    // ERROR "unknown field _ in struct literal of type T$"
var _ = T{F: 1, F: 2}              // ERROR "duplicate field name F in struct literal"
var _ = T{f: 1}                    // ERROR "unknown field f in struct literal of type T, but does have F"
var _ = T{F: 1, 1: 2}              // ERROR "invalid field name 1 in struct literal"
var _ = T{m: {"a": "b"}}           // ERROR "missing type in composite literal"
var _ = strings.Builder{addr: nil} // ERROR "cannot refer to unexported field addr in struct literal of type strings.Builder"
var _ = strings.Reader{"s", 0, 0}  // ERROR "unexported field s in struct literal of type strings.Reader" "unexported field i in" "unexported field prevRune in"

var ok = []T{{F: 1}, {g: 2, m: map[string]string{"a": "b"}}}

func main() {}
