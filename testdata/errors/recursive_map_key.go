// errorcheck

// A map keyed by an invalid recursive type: the recursion is reported once, and
// the key's comparability is not looked for forever (gojit hung on the array form
// and overflowed its stack on the struct form).

package main

type m map[k]int
type k [1]k // ERROR "invalid recursive type: k refers to itself"

type T1 struct{ T1 } // ERROR "invalid recursive type: T1 refers to itself"
type M map[T1]int

func main() {}
