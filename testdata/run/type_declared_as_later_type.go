// run

// A type declared as another named type whose own declaration refers back to it
// (type T2 T1 with T1 holding a *T2) gets T1's underlying struct type, however long
// the chain of names.

package main

import "fmt"

type T1 struct {
	Next *T2
	V    int
}

type T2 T1

type T3 struct {
	Next *T4
	V    string
}

type T4 T5
type T5 T6
type T6 T3

func main() {
	a := &T1{Next: &T2{V: 2}, V: 1}
	fmt.Println(a.V, a.Next.V, a.Next.Next == nil)
	b := T3{Next: &T4{V: "four"}, V: "three"}
	c := T6(*b.Next)
	fmt.Println(b.V, b.Next.V, c.V, c.Next == nil)
	fmt.Printf("%T %T %+v\n", *a.Next, c, T5{V: "five"})
}
