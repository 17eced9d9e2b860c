// errorcheck

// A named type declared as itself, directly or through other names, is an invalid
// recursive type, reported once per cycle from its first declaration.

package main

type T T // ERROR "invalid recursive type: T refers to itself"

type A B // ERROR "invalid recursive type A\n\t.*: A refers to B\n\t.*: B refers to A$"
type B A

func main() {
	type L L // ERROR "invalid recursive type: L refers to itself"
}
