// run

// `type T[P *C] E` reads as an array type or as a generic type; as the spec and
// go/parser decide, it is a type parameter list only with a top-level comma or a
// type literal or ~ after `P *`; otherwise the brackets hold an array length.
package main

import (
	"fmt"
	"unsafe"
)

const C = 4

type I int

type A [C * C]byte                // an array of 16 bytes
type B [C*C + 1]int16             // an array, too
type G[P *[]int] struct{ p P }     // a type parameter constrained by *[]int
type H[P *I,] struct{ p P }       // the comma makes it a type parameter list
type K[P *struct{ x int }] []P    // a struct literal after the star
type U[P *I | ~int] struct{ p P } // a ~ term

func main() {
	var a A
	var b B
	fmt.Println(len(a), unsafe.Sizeof(a), len(b), unsafe.Sizeof(b))
	s := []int{1, 2, 3}
	g := G[*[]int]{p: &s}
	fmt.Println(len(*g.p))
	i := I(7)
	h := H[*I]{p: &i}
	fmt.Println(*h.p)
	k := K[*struct{ x int }]{&struct{ x int }{5}}
	fmt.Println(k[0].x)
	u := U[int]{p: 9}
	fmt.Println(u.p)
}
