// run

// The ok of a comma-ok assignment (map index, type assertion, receive, in
// select too) is an untyped bool: it may go to an interface or a defined bool
// type, in assignments and in var declarations with a type.

package main

import "fmt"

type B bool

func main() {
	m := map[string]int{"a": 1}
	var ok any
	var v any
	v, ok = m["a"]
	fmt.Println(v, ok)
	var b B
	_, b = m["z"]
	fmt.Println(b)
	var x any = 3
	var s fmt.Stringer
	_, ok = x.(int)
	fmt.Printf("%v %T\n", ok, ok)
	s, ok = x.(fmt.Stringer)
	fmt.Println(s, ok)
	var w, ok2 any = m["a"]
	fmt.Printf("%v %T %v %T\n", w, w, ok2, ok2)
	c := make(chan int, 1)
	c <- 5
	select {
	case v, ok = <-c:
		fmt.Println(v, ok)
	}
	close(c)
	select {
	case v, b = <-c:
		fmt.Println(v, b)
	}
}
