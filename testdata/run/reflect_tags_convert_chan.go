// run
// gojit-timeout: 180

// html/template's contextual escaping, and reflect: struct tags and PkgPath,
// Slice, Swapper, Convert, channels, MakeMap, Seq and Seq2, Fields, VisibleFields,
// Grow, SliceOf, FieldByIndex.

package main

import (
	"html/template"
	"os"
	"reflect"
	"fmt"
	"sort"
)

type Page struct {
	Title string
	Items []string
	URL   string
	JS    string
}

type S struct {
	A int
	b string
	C []int `k:"v" other:"x y"`
}

func main() {
	t := template.Must(template.New("p").Parse(`<h1>{{.Title}}</h1><ul>{{range .Items}}<li>{{.}}</li>{{end}}</ul><a href="{{.URL}}">x</a><script>var s = {{.JS}};</script>
`))
	t.Execute(os.Stdout, Page{"A & B <c>", []string{"<x>", "y"}, "http://e.com/?q=a b&c=\"", "it's </script>"})

	// reflect corners.
	v := reflect.ValueOf(&S{A: 1, b: "x", C: []int{3, 1, 2}}).Elem()
	f, _ := v.Type().FieldByName("C")
	fmt.Println(f.Tag.Get("k"), f.Tag.Get("other"), f.PkgPath == "", v.Type().Field(1).PkgPath, v.Type().Field(1).IsExported())
	fmt.Println(v.Field(2).Slice(1, 3), v.Field(2).Slice3(0, 1, 2).Cap())
	sw := reflect.Swapper(v.Field(2).Interface())
	sw(0, 2)
	fmt.Println(v.Field(2))
	type MyInt int
	x := reflect.ValueOf(65).Convert(reflect.TypeOf(MyInt(0)))
	fmt.Println(x.Type(), x.Int(), reflect.ValueOf(65).Convert(reflect.TypeOf("")), reflect.ValueOf("hé").Convert(reflect.TypeOf([]rune(nil))))
	fmt.Println(reflect.ValueOf(3.9).Convert(reflect.TypeOf(int8(0))), reflect.ValueOf(uint8(200)).Convert(reflect.TypeOf(float32(0))))
	fmt.Println(reflect.TypeOf(1).ConvertibleTo(reflect.TypeOf("")), reflect.TypeOf("").ConvertibleTo(reflect.TypeOf(1)))
	e := reflect.ValueOf(fmt.Errorf("boom")).Convert(reflect.TypeOf((*error)(nil)).Elem())
	fmt.Println(e.Type(), e.Interface())
	arr := reflect.ValueOf([]int{1, 2, 3}).Convert(reflect.TypeOf([2]int{}))
	fmt.Println(arr, arr.Type())
	ch := reflect.MakeChan(reflect.TypeOf(make(chan string)), 1)
	fmt.Println(ch.TrySend(reflect.ValueOf("a")), ch.TrySend(reflect.ValueOf("b")))
	r, ok := ch.Recv()
	fmt.Println(r, ok)
	r, ok = ch.TryRecv()
	fmt.Println(r.IsValid(), ok)
	go func() { ch.Send(reflect.ValueOf("late")); ch.Close() }()
	for x := range ch.Seq() {
		fmt.Println("got", x)
	}
	m := reflect.MakeMap(reflect.TypeOf(map[string]int{}))
	m.SetMapIndex(reflect.ValueOf("k"), reflect.ValueOf(5))
	fmt.Println(m.Interface())
	var keys []string
	for k, v := range reflect.ValueOf(map[string]int{"a": 1, "b": 2}).Seq2() {
		keys = append(keys, fmt.Sprint(k, "=", v))
	}
	sort.Strings(keys)
	fmt.Println(keys)
	for i := range reflect.ValueOf(MyInt(3)).Seq() {
		fmt.Print(i.Type(), i, " ")
	}
	fmt.Println()
	for f, fv := range v.Fields() {
		fmt.Println(f.Name, f.Index, fv.Type())
	}
	type Inner struct{ X, Y int }
	type Outer struct {
		Inner
		Y string
		Z bool
	}
	for _, f := range reflect.VisibleFields(reflect.TypeOf(Outer{})) {
		fmt.Println(f.Name, f.Index, f.Type)
	}
	sl := reflect.ValueOf([]int{1})
	p := reflect.New(sl.Type())
	p.Elem().Set(sl)
	p.Elem().Grow(10)
	fmt.Println(p.Elem().Cap() >= 11, p.Elem().Len())
	fmt.Println(reflect.SliceOf(reflect.TypeOf(MyInt(0))), reflect.TypeOf(int8(0)).OverflowInt(200))
	st := reflect.TypeOf(Outer{})
	fmt.Println(st.FieldByIndex([]int{0, 1}).Name, reflect.ValueOf(Outer{Inner{1, 2}, "s", true}).FieldByIndex([]int{0, 1}))
	fn := reflect.ValueOf(func(yield func(int, string) bool) { _ = yield(1, "a") && yield(2, "b") })
	for a, b := range fn.Seq2() {
		fmt.Println(a, b)
	}
}
