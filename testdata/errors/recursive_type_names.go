// errorcheck

// A named type declared as itself, directly or through other names, is an invalid
// recursive type, reported once per cycle from its first declaration.

package main

type T T // ERROR "invalid recursive type T"

type A B // ERROR "invalid recursive type A"
type B A

func main() {
	type L L // ERROR "invalid recursive type L"
}
