// errorcheck

// Package unsafe's names: only its own exist, its functions must be called for a
// result that is used, and an unsafe.Pointer is not ordered.

package main

import "unsafe"

func main() {
	var x int
	var u unsafe.Pointer
	_ = u < u                  // ERROR "invalid operation: u < u \(operator < not defined on unsafe.Pointer\)"
	_ = unsafe.Foo             // ERROR "undefined: unsafe.Foo"
	_ = unsafe.Sizeof          // ERROR "unsafe.Sizeof \(built-in\) must be called"
	go unsafe.Sizeof(x)        // ERROR "go discards result of unsafe.Sizeof\(x\) \(constant 8 of type uintptr\)"
}
