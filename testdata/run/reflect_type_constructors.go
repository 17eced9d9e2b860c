// run
// gojit-timeout: 180

// reflect's type constructors: MapOf, ArrayOf, ChanOf, SliceOf and FuncOf give the
// program's own descriptor when it has the type (identity holds), and one made at
// run time otherwise, usable for maps, arrays of pointers the collector scans,
// channels and slices; MapOf of an incomparable key panics as gc's does.

package main

import (
	"fmt"
	"reflect"
)

type Key struct{ A, B int }

func main() {
	mt := reflect.MapOf(reflect.TypeOf(""), reflect.TypeOf(0))
	fmt.Println(mt, mt == reflect.TypeOf(map[string]int{}))
	m := reflect.MakeMap(reflect.MapOf(reflect.TypeOf(Key{}), reflect.TypeOf([]string{})))
	m.SetMapIndex(reflect.ValueOf(Key{1, 2}), reflect.ValueOf([]string{"x"}))
	m.SetMapIndex(reflect.ValueOf(Key{3, 4}), reflect.ValueOf([]string{"y", "z"}))
	fmt.Println(m.Type(), m.Len(), m.MapIndex(reflect.ValueOf(Key{3, 4})))
	at := reflect.ArrayOf(3, reflect.TypeOf(""))
	a := reflect.New(at).Elem()
	a.Index(1).SetString("mid")
	fmt.Printf("%v %q %d %v\n", at, a.Interface(), at.Size(), at.Comparable())
	big := reflect.New(reflect.ArrayOf(1000, reflect.TypeOf((*int)(nil)))).Elem()
	for i := 0; i < 1000; i++ {
		n := i
		big.Index(i).Set(reflect.ValueOf(&n))
	}
	s := 0
	for i := 0; i < 1000; i++ {
		s += *big.Index(i).Interface().(*int)
	}
	fmt.Println(s)
	ct := reflect.ChanOf(reflect.BothDir, reflect.TypeOf(1.5))
	c := reflect.MakeChan(ct, 2)
	c.Send(reflect.ValueOf(2.5))
	x, ok := c.Recv()
	fmt.Println(ct, x, ok, reflect.ChanOf(reflect.RecvDir, ct), reflect.ChanOf(reflect.BothDir, reflect.ChanOf(reflect.RecvDir, ct)))
	fmt.Println(reflect.SliceOf(reflect.TypeOf(Key{})), reflect.SliceOf(reflect.TypeOf(0)) == reflect.TypeOf([]int{}))
	ft := reflect.FuncOf([]reflect.Type{reflect.TypeOf(0)}, []reflect.Type{reflect.TypeOf("")}, false)
	fmt.Println(ft, ft == reflect.TypeOf(func(int) string { return "" }))
	sl := reflect.MakeSlice(reflect.SliceOf(reflect.MapOf(reflect.TypeOf(""), reflect.TypeOf(true))), 2, 2)
	sl.Index(0).Set(reflect.MakeMap(sl.Type().Elem()))
	sl.Index(0).SetMapIndex(reflect.ValueOf("k"), reflect.ValueOf(true))
	fmt.Println(sl.Interface(), sl.Type())
	defer func() { fmt.Println("recovered:", recover()) }()
	reflect.MapOf(reflect.TypeOf([]int{}), reflect.TypeOf(0))
}
