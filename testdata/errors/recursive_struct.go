// errorcheck

// A struct or array that contains itself by value, directly or through other types,
// has no size: gc's invalid recursive type. Through a pointer or a slice it is fine.

package main

type T struct { // ERROR "invalid recursive type: T refers to itself"
	n int
	a T
}

type A struct { // ERROR "invalid recursive type A\n\t.*: A refers to B\n\t.*: B refers to A$"
	b [2]B
}

type B struct {
	a A
}

type L struct { // a list through a pointer is fine
	next *L
	kids []L
}

func main() {
	var l L
	_ = l
}
