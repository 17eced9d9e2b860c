// errorcheck

// An interface that embeds itself, directly or through others, and aliases that
// name each other with no type definition between them: gc's invalid recursive
// type. A cycle through a type definition is fine.

package main

type I interface{ I } // ERROR "invalid recursive type: I refers to itself"

type J interface{ K } // ERROR "invalid recursive type J\n\t.*: J refers to K\n\t.*: K refers to J$"
type K interface {
	M()
	J
}

type A = B // ERROR "invalid recursive type A\n\t.*: A refers to B\n\t.*: B refers to A$"
type B = A

type C = *C // ERROR "invalid recursive type: C refers to itself"

type D = []E // ERROR "invalid recursive type D\n\t.*: D refers to E\n\t.*: E refers to D$"
type E = struct{ d D }

type P = *T // through the definition of T: fine
type T struct {
	p P
	n int
}

type R interface{ Next() R } // an interface naming itself in a method: fine

func main() {}
