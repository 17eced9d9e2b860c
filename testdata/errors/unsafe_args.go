// errorcheck

// Misuse of package unsafe: the arguments of Add and Slice, and unsafe.Pointer
// converts only to and from pointers and uintptr.

package main

import "unsafe"

func main() {
	var x int
	var f float64
	p := &x
	_ = unsafe.Add(p, 1)       // ERROR "cannot use p \(variable of type \*int\) as unsafe.Pointer value in argument to unsafe.Add"
	_ = unsafe.Add(nil, f)     // ERROR "invalid argument: length f \(variable of type float64\) must be integer"
	_ = unsafe.Slice(x, 1)     // ERROR "invalid argument: x \(variable of type int\) is not a pointer"
	_ = unsafe.Slice(p, -1)    // ERROR "invalid argument: length -1 \(constant of type int\) must not be negative"
	_ = unsafe.Slice(p, "a")   // ERROR "cannot convert .a. \(untyped string constant\) to type int"
	_ = unsafe.Pointer(x)      // ERROR "cannot convert x \(variable of type int\) to type unsafe.Pointer"
	_ = unsafe.Pointer(0)      // ERROR "cannot convert 0 \(untyped int constant\) to type unsafe.Pointer"
	_ = float64(unsafe.Pointer(p)) // ERROR "cannot convert unsafe.Pointer\(p\) \(value of type unsafe.Pointer\) to type float64"
	var u unsafe.Pointer = p   // ERROR "cannot use p \(variable of type \*int\) as unsafe.Pointer value in variable declaration"
	_ = u
	_ = f
}
