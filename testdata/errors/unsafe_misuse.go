// errorcheck

// Misuse of package unsafe: Offsetof needs a field selector, the constant functions
// take one value.

package main

import "unsafe"

type S struct {
	a int8
	b int64
}

func (S) M() {}

func main() {
	var x int
	var s S
	var f float64
	p := &x
	_ = unsafe.Offsetof(x)     // ERROR "invalid argument: x is not a selector expression"
	_ = unsafe.Offsetof(s.a + 1) // ERROR "invalid argument: s.a \+ 1 is not a selector expression"
	_ = unsafe.Offsetof(s.c)   // ERROR "invalid argument: .*S has no single field c"
	_ = unsafe.Offsetof(s.M)   // ERROR "invalid argument: s.M is a method value"
	_ = unsafe.Sizeof()        // ERROR "invalid operation: not enough arguments for unsafe.Sizeof\(\) \(expected 1, found 0\)"
	_ = unsafe.Alignof(1, 2)   // ERROR "invalid operation: too many arguments for unsafe.Alignof\(1, 2\) \(expected 1, found 2\)"
	_ = unsafe.Sizeof(int)     // ERROR "int \(type\) is not an expression"
	_ = unsafe.Sizeof(nil)     // ERROR "use of untyped nil in argument to unsafe.Sizeof"
	unsafe.Sizeof(x)           // ERROR "unsafe.Sizeof\(x\) \(constant 8 of type uintptr\) is not used"
	_, _ = f, p
}
