// run

// reflect over func types: NumIn/In/NumOut/Out/IsVariadic, Value.Call and
// CallSlice (variadic packing, multiple results, a nil error result), methods of
// value and pointer receivers (Type.Method with the receiver first, Method.Func,
// Value.Method bound and turned back into a func), Implements, MakeFunc, and
// gc's panic for too few arguments.

package main

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
)

type T struct{ n int }

func (t T) Add(x int) int           { return t.n + x }
func (t *T) Inc()                    { t.n++ }
func (t T) Pair(a string, b ...int) (string, int) { return strings.Repeat(a, len(b)), t.n }
func (t T) String() string           { return fmt.Sprint("T", t.n) }

type Adder interface{ Add(int) int }

func sum(xs ...int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

func div(a, b float64) (float64, error) {
	if b == 0 {
		return 0, errors.New("div by zero")
	}
	return a / b, nil
}

func main() {
	ft := reflect.TypeOf(div)
	fmt.Println(ft, ft.NumIn(), ft.In(0), ft.NumOut(), ft.Out(1), ft.IsVariadic())
	out := reflect.ValueOf(div).Call([]reflect.Value{reflect.ValueOf(7.0), reflect.ValueOf(2.0)})
	fmt.Println(out[0].Float(), out[1].IsNil())
	out = reflect.ValueOf(div).Call([]reflect.Value{reflect.ValueOf(7.0), reflect.ValueOf(0.0)})
	fmt.Println(out[0], out[1])
	fmt.Println(reflect.ValueOf(sum).Call([]reflect.Value{reflect.ValueOf(1), reflect.ValueOf(2), reflect.ValueOf(3)})[0])
	fmt.Println(reflect.ValueOf(sum).CallSlice([]reflect.Value{reflect.ValueOf([]int{4, 5})})[0])
	fmt.Println(reflect.TypeOf(sum).IsVariadic(), reflect.TypeOf(sum))

	t := T{n: 10}
	v := reflect.ValueOf(t)
	fmt.Println(v.NumMethod(), reflect.TypeOf(&t).NumMethod())
	for i := 0; i < v.NumMethod(); i++ {
		m := v.Type().Method(i)
		fmt.Println(i, m.Name, m.Type, m.Index)
	}
	fmt.Println(v.MethodByName("Add").Call([]reflect.Value{reflect.ValueOf(5)})[0].Int())
	r := v.MethodByName("Pair").Call([]reflect.Value{reflect.ValueOf("ab"), reflect.ValueOf(1), reflect.ValueOf(2)})
	fmt.Println(r[0], r[1])
	pv := reflect.ValueOf(&t)
	pv.MethodByName("Inc").Call(nil)
	fmt.Println(t.n, pv.MethodByName("String").Call(nil)[0])
	add := v.MethodByName("Add").Interface().(func(int) int)
	fmt.Println(add(100))
	m, ok := reflect.TypeOf(t).MethodByName("Add")
	fmt.Println(ok, m.Func.Call([]reflect.Value{reflect.ValueOf(T{3}), reflect.ValueOf(4)})[0])

	adderT := reflect.TypeOf((*Adder)(nil)).Elem()
	fmt.Println(reflect.TypeOf(t).Implements(adderT), reflect.TypeOf(1).Implements(adderT), adderT.NumMethod(), adderT.Method(0).Name, adderT.Method(0).Type)
	var a Adder = t
	fmt.Println(reflect.ValueOf(&a).Elem().Method(0).Call([]reflect.Value{reflect.ValueOf(1)})[0])

	swap := func(in []reflect.Value) []reflect.Value { return []reflect.Value{in[1], in[0]} }
	var intSwap func(int, int) (int, int)
	fn := reflect.MakeFunc(reflect.TypeOf(intSwap), swap)
	reflect.ValueOf(&intSwap).Elem().Set(fn)
	fmt.Println(intSwap(1, 2))
	var strSwap func(string, string) (string, string)
	reflect.ValueOf(&strSwap).Elem().Set(reflect.MakeFunc(reflect.TypeOf(strSwap), swap))
	fmt.Println(strSwap("a", "b"))

	defer func() { fmt.Println("recovered:", recover()) }()
	reflect.ValueOf(div).Call([]reflect.Value{reflect.ValueOf(1)})
}
