// errorcheck

// gc reports at most 10 errors, then stops with "too many errors".

package main

func main() {
	_ = a1 // ERROR "undefined: a1"
	_ = a2 // ERROR "undefined: a2"
	_ = a3 // ERROR "undefined: a3"
	_ = a4 // ERROR "undefined: a4"
	_ = a5 // ERROR "undefined: a5"
	_ = a6 // ERROR "undefined: a6"
	_ = a7 // ERROR "undefined: a7"
	_ = a8 // ERROR "undefined: a8"
	_ = a9 // ERROR "undefined: a9"
	_ = a10 // ERROR "undefined: a10" "too many errors"
	_ = a11
	_ = a12
}
