// run

// reflect.Value's Clear (maps and slices), SetZero, SetLen, SetCap, Equal and
// Comparable, with gc's panics for the cases they refuse.

package main

import (
	"fmt"
	"reflect"
)

type P struct {
	X, Y int
	S    string
}

func try(f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("panic:", r)
		}
	}()
	f()
}

func main() {
	m := map[string]int{"a": 1, "b": 2}
	reflect.ValueOf(m).Clear()
	fmt.Println(len(m), m)
	s := []int{1, 2, 3}
	reflect.ValueOf(s).Clear()
	fmt.Println(s)
	var nilm map[int]int
	reflect.ValueOf(nilm).Clear()
	try(func() { reflect.ValueOf(3).Clear() })

	p := P{1, 2, "x"}
	reflect.ValueOf(&p).Elem().Field(1).SetZero()
	fmt.Println(p)
	reflect.ValueOf(&p).Elem().SetZero()
	fmt.Println(p)
	try(func() { reflect.ValueOf(p).SetZero() })

	sl := make([]int, 2, 10)
	v := reflect.ValueOf(&sl).Elem()
	v.SetLen(5)
	fmt.Println(len(sl), cap(sl))
	v.SetCap(7)
	fmt.Println(len(sl), cap(sl))
	try(func() { v.SetLen(8) })
	try(func() { v.SetCap(4) })

	var a, b any = P{1, 2, "s"}, P{1, 2, "s"}
	fmt.Println(reflect.ValueOf(a).Equal(reflect.ValueOf(b)), reflect.ValueOf(1).Equal(reflect.ValueOf(2)))
	fmt.Println(reflect.ValueOf([2]string{"a", "b"}).Equal(reflect.ValueOf([2]string{"a", "b"})))
	fmt.Println(reflect.ValueOf(1).Equal(reflect.ValueOf(int64(1))), reflect.Value{}.Equal(reflect.Value{}))
	try(func() { reflect.ValueOf([]int{}).Equal(reflect.ValueOf([]int{})) })
	var e any = []int{1}
	fmt.Println(reflect.ValueOf(&e).Elem().Comparable(), reflect.ValueOf(p).Comparable(), reflect.ValueOf(m).Comparable())
	fmt.Println(reflect.ValueOf([1]any{[]int{}}).Comparable(), reflect.ValueOf([1]any{3}).Comparable())
}
