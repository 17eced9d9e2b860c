// run

// reflect's TypeFor, TypeAssert, Value.Addr, Bytes and SetBytes, the Can* and
// Overflow* checks, Append and AppendSlice, with gc's panics.

package main

import (
	"fmt"
	"reflect"
)

type S struct {
	N    int
	B    []byte
	A    [3]byte
	hide int
}

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panics:", r)
		}
	}()
	f()
}

func main() {
	fmt.Println(reflect.TypeFor[int](), reflect.TypeFor[error](), reflect.TypeFor[error]().Kind(), reflect.TypeFor[[]S]())
	v := reflect.ValueOf(42)
	n, ok := reflect.TypeAssert[int](v)
	s, ok2 := reflect.TypeAssert[string](v)
	fmt.Println(n, ok, s == "", ok2)

	var x S
	rv := reflect.ValueOf(&x).Elem()
	p := rv.Field(0).Addr()
	fmt.Println(p.Type(), p.Kind())
	*p.Interface().(*int) = 7
	fmt.Println(x.N, rv.Addr().Interface() == &x)
	try("Addr", func() { reflect.ValueOf(3).Addr() })

	rv.Field(1).SetBytes([]byte("hi"))
	fmt.Printf("%q %q\n", x.B, rv.Field(1).Bytes())
	copy(rv.Field(2).Bytes(), "abc")
	fmt.Printf("%q\n", x.A)
	try("Bytes", func() { reflect.ValueOf([2]byte{}).Bytes() })
	try("Bytes", func() { reflect.ValueOf([]int{1}).Bytes() })
	try("TypeAssert", func() { reflect.TypeAssert[int](rv.Field(3)) })

	i8 := reflect.ValueOf(int8(0))
	u16 := reflect.ValueOf(uint16(0))
	f32 := reflect.ValueOf(float32(0))
	fmt.Println(i8.CanInt(), i8.CanUint(), u16.CanUint(), f32.CanFloat(), f32.CanComplex())
	fmt.Println(i8.OverflowInt(127), i8.OverflowInt(128), i8.OverflowInt(-129), u16.OverflowUint(65536))
	fmt.Println(f32.OverflowFloat(1e38), f32.OverflowFloat(1e39), f32.OverflowFloat(-1e39), reflect.ValueOf(0.0).OverflowFloat(1e308))
	try("OverflowInt", func() { u16.OverflowInt(1) })

	sl := reflect.ValueOf([]string{"a"})
	sl = reflect.Append(sl, reflect.ValueOf("b"), reflect.ValueOf("c"))
	sl = reflect.AppendSlice(sl, reflect.ValueOf([]string{"d", "e"}))
	fmt.Println(sl.Interface(), sl.Len(), sl.Cap() >= 5)
	small := make([]int, 1, 4)
	grown := reflect.Append(reflect.ValueOf(small), reflect.ValueOf(9))
	fmt.Println(grown.Interface(), small[:2])
	try("AppendSlice", func() { reflect.AppendSlice(sl, reflect.ValueOf([]int{1})) })
}
