// run

// Typed constants keep their type; untyped ones take the type their context needs.

package main

import "fmt"

const boiling float64 = 100
const limit int64 = 1 << 33
const ratio = 3 / 2
const fratio = 3 / 2.0
const yes = 1 < 2

func half(f float64) float64 { return f / 2 }

func main() {
	fmt.Println(boiling, limit, ratio, fratio, yes)
	fmt.Printf("%T %T %T %T %T\n", boiling, limit, ratio, fratio, yes)
	fmt.Println(half(3), half(ratio), half(fratio))
	var b byte = 'A' + 2
	var r = 'A' + 2
	fmt.Printf("%v %T %v %T\n", b, b, r, r)
	const s = "typed?"
	var t string = s
	fmt.Println(t, len(s))
	const shifted = 1 << 62 >> 60
	fmt.Println(shifted)
	x := 10
	fmt.Println(x*ratio, float64(x)*fratio)
}
