// run

// Package reflect over gojit's type descriptors: types, values, settable values
// through pointers, maps, DeepEqual (cycles, NaN, nil vs empty) and gc's panics.
package main

import (
	"fmt"
	"math"
	"reflect"
	"sort"
)

type Celsius float64

type Point struct {
	X, Y int
	name string
}

type Named struct {
	Point
	Label string
	Tags  []string
	Attrs map[string]int
	Next  *Named
	Any   interface{}
}

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }
func (p Point) Norm() int      { return p.X*p.X + p.Y*p.Y }
func (p *Point) scale(k int)   { p.X *= k; p.Y *= k }

type Shape interface {
	Area() float64
}

func catch(f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			fmt.Println("panic:", e.Error())
			return
		}
		fmt.Println("panic:", r)
	}()
	f()
}

func types() {
	var s Shape
	values := []interface{}{
		1, int8(2), uint16(3), 4.5, float32(1), complex(1, 2), "s", true, 'r', byte(7),
		Celsius(21.5), Point{1, 2, "p"}, &Point{}, []int{1}, [3]string{}, map[string]bool{},
		make(chan int, 2), func(int) string { return "" }, &s, struct{ A int }{1}, uintptr(9),
		[]Point(nil), map[Point][]*Named{},
	}
	for _, v := range values {
		t := reflect.TypeOf(v)
		fmt.Printf("%-28s kind=%-10s name=%q pkg=%q size=%d\n", t.String(), t.Kind(), t.Name(), t.PkgPath(), t.Size())
	}
	fmt.Println(reflect.TypeOf(nil) == nil)
	tp := reflect.TypeOf(&s).Elem()
	fmt.Println(tp.Kind(), tp.Name(), tp.NumMethod())
	fmt.Println(reflect.TypeOf([]int{}).Elem().Kind(), reflect.TypeOf(map[string]float64{}).Key(), reflect.TypeOf([4]int{}).Len())
	fmt.Println(reflect.TypeOf(make(chan<- int)).ChanDir(), reflect.TypeOf(make(<-chan int)).ChanDir())
	nt := reflect.TypeOf(Named{})
	for i := 0; i < nt.NumField(); i++ {
		f := nt.Field(i)
		fmt.Println(i, f.Name, f.Type, f.Offset, f.Anonymous, f.IsExported(), f.Index)
	}
	if f, ok := nt.FieldByName("Y"); ok {
		fmt.Println("FieldByName Y:", f.Name, f.Index, f.Type)
	}
	_, ok := nt.FieldByName("Missing")
	fmt.Println("Missing:", ok)
	fmt.Println(reflect.TypeOf(Point{}).NumMethod(), reflect.TypeOf(&Point{}).NumMethod())
	fmt.Println(reflect.TypeOf(Point{}).Comparable(), reflect.TypeOf([]int{}).Comparable())
	for k := reflect.Invalid; k <= reflect.UnsafePointer; k++ {
		fmt.Print(k, " ")
	}
	fmt.Println()
}

func values() {
	v := reflect.ValueOf(42)
	fmt.Println(v.Kind(), v.Int(), v.Type(), v.CanSet(), v.CanAddr(), v.String(), v.IsZero())
	fmt.Println(reflect.ValueOf(uint8(200)).Uint(), reflect.ValueOf(float32(0.5)).Float(), reflect.ValueOf(3+4i).Complex())
	fmt.Println(reflect.ValueOf("héllo").Len(), reflect.ValueOf("héllo").Index(1).Uint(), reflect.ValueOf("x").String())
	s := []int{10, 20, 30}
	sv := reflect.ValueOf(s)
	fmt.Println(sv.Len(), sv.Cap(), sv.Index(2).Int(), sv.Index(1).CanSet())
	sv.Index(1).SetInt(99)
	fmt.Println(s)
	p := &Point{3, 4, "hidden"}
	pv := reflect.ValueOf(p).Elem()
	fmt.Println(pv.Kind(), pv.NumField(), pv.Field(0).Int(), pv.Field(2).String(), pv.Field(0).CanSet(), pv.Field(2).CanSet())
	pv.Field(0).SetInt(30)
	pv.FieldByName("Y").SetInt(40)
	fmt.Println(*p, pv.Interface(), pv.Field(0).Interface())
	x := 1.5
	reflect.ValueOf(&x).Elem().SetFloat(2.25)
	fmt.Println(x)
	var str string
	reflect.ValueOf(&str).Elem().SetString("set")
	fmt.Println(str)
	var any interface{} = Point{7, 8, ""}
	iv := reflect.ValueOf(&any).Elem()
	fmt.Println(iv.Kind(), iv.Elem().Kind(), iv.Elem().Type(), iv.Elem().Field(1).Int())
	iv.Set(reflect.ValueOf(3.5))
	fmt.Println(any)
	n := &Named{Label: "root", Tags: []string{"a"}, Attrs: map[string]int{"k": 1}, Any: 5}
	n.Next = n
	nv := reflect.ValueOf(n).Elem()
	fmt.Println(nv.Field(0).Type(), nv.FieldByName("X").Int(), nv.Field(4).Elem().Field(1).String())
	fmt.Println(nv.Field(5).Elem().Int(), nv.Field(4).IsNil(), nv.Field(3).Len())
	var np *Point
	fmt.Println(reflect.ValueOf(np).IsNil(), reflect.ValueOf(np).Elem().IsValid(), reflect.ValueOf([]int(nil)).IsNil())
	fmt.Println(reflect.ValueOf(Point{}).IsZero(), reflect.ValueOf(Point{X: 1}).IsZero(), reflect.ValueOf([2]int{}).IsZero())
	fmt.Println(reflect.ValueOf(s).Pointer() != 0, reflect.ValueOf(p).Pointer() != 0)
	fmt.Println(reflect.Indirect(reflect.ValueOf(p)).Field(1).Int(), reflect.Zero(reflect.TypeOf(Point{})).Field(0).Int())
	fmt.Println(reflect.ValueOf(make(chan int, 5)).Cap(), reflect.Value{}.IsValid(), reflect.Value{}.String())
	ms := reflect.MakeSlice(reflect.TypeOf([]string{}), 2, 5)
	ms.Index(1).SetString("made")
	fmt.Println(ms.Len(), ms.Cap(), ms.Interface(), reflect.TypeOf(int16(0)).Bits(), reflect.TypeOf(1i).Bits())
	dst := make([]int, 2)
	fmt.Println(reflect.Copy(reflect.ValueOf(dst), reflect.ValueOf([]int{5, 6, 7})), dst)
}

func maps() {
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	mv := reflect.ValueOf(m)
	var keys []string
	for _, k := range mv.MapKeys() {
		keys = append(keys, k.String())
	}
	sort.Strings(keys)
	fmt.Println(keys, mv.Len(), mv.MapIndex(reflect.ValueOf("b")).Int(), mv.MapIndex(reflect.ValueOf("z")).IsValid())
	mv.SetMapIndex(reflect.ValueOf("d"), reflect.ValueOf(4))
	mv.SetMapIndex(reflect.ValueOf("a"), reflect.Value{})
	fmt.Println(m)
	sum := 0
	it := mv.MapRange()
	for it.Next() {
		sum += int(it.Value().Int()) + len(it.Key().String())
	}
	fmt.Println(sum)
	var nilmap map[int]int
	fmt.Println(reflect.ValueOf(nilmap).Len(), len(reflect.ValueOf(nilmap).MapKeys()), reflect.ValueOf(nilmap).MapIndex(reflect.ValueOf(1)).IsValid())
	im := map[interface{}]string{1: "int", "s": "string"}
	fmt.Println(reflect.ValueOf(im).MapIndex(reflect.ValueOf(1)).String(), reflect.ValueOf(im).MapIndex(reflect.ValueOf("s")).String())
	pm := map[Point]*int{}
	one := 1
	reflect.ValueOf(pm).SetMapIndex(reflect.ValueOf(Point{1, 1, ""}), reflect.ValueOf(&one))
	fmt.Println(*pm[Point{1, 1, ""}], *(reflect.ValueOf(pm).MapIndex(reflect.ValueOf(Point{1, 1, ""})).Interface().(*int)))
}

type cycle struct {
	next *cycle
	v    int
}

func deepEqual() {
	a := &cycle{v: 1}
	a.next = a
	b := &cycle{v: 1}
	b.next = b
	c := &cycle{v: 2}
	c.next = c
	nan := math.NaN()
	cases := []struct {
		x, y interface{}
	}{
		{1, 1}, {1, 2}, {1, int64(1)}, {"a", "a"}, {[]int{1, 2}, []int{1, 2}}, {[]int{1}, []int{2}},
		{[]int(nil), []int{}}, {map[string]int{"a": 1}, map[string]int{"a": 1}},
		{map[string]int{"a": 1}, map[string]int{"a": 2}}, {map[int]int(nil), map[int]int{}},
		{Point{1, 2, "x"}, Point{1, 2, "x"}}, {Point{1, 2, "x"}, Point{1, 2, "y"}},
		{&Point{1, 2, ""}, &Point{1, 2, ""}}, {a, b}, {a, c}, {nan, nan}, {[]float64{nan}, []float64{nan}},
		{nil, nil}, {nil, 1}, {[2]interface{}{1, "x"}, [2]interface{}{1, "x"}},
		{func() {}, func() {}}, {(func())(nil), (func())(nil)}, {Celsius(1), 1.0},
		{map[Point][]string{{1, 1, ""}: {"a"}}, map[Point][]string{{1, 1, ""}: {"a"}}},
		{[]interface{}{[]int{1}, map[string]bool{"t": true}}, []interface{}{[]int{1}, map[string]bool{"t": true}}},
		{error(nil), nil},
	}
	for i, c := range cases {
		fmt.Print(i, ":", reflect.DeepEqual(c.x, c.y), " ")
	}
	fmt.Println()
}

func panics() {
	catch(func() { reflect.ValueOf(1).SetInt(2) })
	catch(func() { reflect.ValueOf("s").Int() })
	catch(func() { reflect.Value{}.Type() })
	catch(func() { reflect.ValueOf([]int{1}).Index(5) })
	catch(func() { reflect.TypeOf(1).Elem() })
	catch(func() { reflect.ValueOf(&Point{}).Elem().Field(2).SetString("x") })
	catch(func() { reflect.ValueOf(&Point{}).Elem().Field(2).Interface() })
	catch(func() { reflect.ValueOf(1).Len() })
	catch(func() { reflect.ValueOf(&Point{}).Elem().Set(reflect.ValueOf(1)) })
	catch(func() { reflect.TypeOf("").Bits() })
	catch(func() { reflect.MakeSlice(reflect.TypeOf(1), 1, 1) })
}

// fmt prints the value a reflect.Value holds (print.go's case reflect.Value);
// deeper down, a Value is a Stringer like any other.
func printing() {
	type holder struct{ V reflect.Value }
	var nilp *int
	fmt.Println(reflect.ValueOf(3), reflect.ValueOf("s"), reflect.ValueOf([]int{1, 2}), reflect.ValueOf(Point{1, 2, ""}))
	fmt.Printf("%v %d %s %T %x\n", reflect.ValueOf(42), reflect.ValueOf(42), reflect.ValueOf("x"), reflect.ValueOf(1), reflect.ValueOf(255))
	fmt.Println(reflect.Value{}, holder{reflect.ValueOf(5)}, reflect.ValueOf(nilp), reflect.ValueOf(map[string]int{"a": 1}))
	fmt.Printf("%+v %v\n", reflect.ValueOf(struct{ A int }{1}), reflect.ValueOf(&Point{}).Elem().Field(2))
}

func main() {
	printing()
	types()
	values()
	maps()
	deepEqual()
	panics()
}
