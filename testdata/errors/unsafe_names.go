// errorcheck

// Package unsafe's names: only its own exist, and its functions must be called,
// for a result that is used.

package main

import "unsafe"

func main() {
	var x int
	_ = unsafe.Foo             // ERROR "undefined: unsafe.Foo"
	_ = unsafe.Sizeof          // ERROR "unsafe.Sizeof \(built-in\) must be called"
	go unsafe.Sizeof(x)        // ERROR "go discards result of unsafe.Sizeof\(x\) \(constant 8 of type uintptr\)"
}
