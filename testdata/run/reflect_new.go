// run

// reflect.New and reflect.PointerTo: the *T a program has is the one they give
// (so its methods work through interfaces), and a *T it lacks is made once.

package main

import (
	"fmt"
	"reflect"
	"strconv"
)

type Celsius float64

func (c *Celsius) String() string { return strconv.FormatFloat(float64(*c), 'f', 1, 64) + "C" }

type Point struct{ X, Y int }

func main() {
	var c Celsius = 21.5
	var s fmt.Stringer = &c
	typ := reflect.TypeOf(s)
	z := reflect.New(typ.Elem())
	fmt.Println(z.Type(), z.Type() == typ, z.Interface().(fmt.Stringer).String())

	p := reflect.New(reflect.TypeOf(Point{}))
	p.Elem().Field(1).SetInt(7)
	fmt.Println(p.Type(), p.Kind(), p.Interface())

	pf := reflect.PointerTo(reflect.TypeOf(2.5))
	fmt.Println(pf, pf == reflect.PointerTo(reflect.TypeOf(0.0)), pf == reflect.TypeOf(new(float64)))
	pp := reflect.PtrTo(reflect.TypeOf([]uint8(nil)))
	fmt.Println(pp, pp.Elem(), reflect.New(pp.Elem()).Elem().Len())

	q := reflect.New(reflect.TypeOf("")).Interface().(*string)
	*q = "set through reflect.New"
	fmt.Println(*q)
	defer func() { fmt.Println("recovered:", recover()) }()
	reflect.New(nil)
}
