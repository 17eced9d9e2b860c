// run
// gojit-timeout: 180

// reflect's iteration: Seq and Seq2 over slices, strings (rune starts and runes),
// array pointers with an early break, unsigned counts of a defined type;
// Type.Methods, Ins, Outs, Fields and Value.Methods; CanSeq and CanSeq2.

package main

import (
	"fmt"
	"reflect"
)

type T struct{ A, B int }

func (T) M1() {}
func (T) M2() {}

func main() {
	for i := range reflect.ValueOf([]string{"a", "b"}).Seq() {
		fmt.Print(i, " ")
	}
	for i, c := range reflect.ValueOf("héllo").Seq2() {
		fmt.Print(i, ":", c, " ")
	}
	arr := [3]int{7, 8, 9}
	for i, x := range reflect.ValueOf(&arr).Seq2() {
		fmt.Print(i, "=", x, " ")
		if i.Int() == 1 {
			break
		}
	}
	for i := range reflect.ValueOf("héllo").Seq() {
		fmt.Print(i, " ")
	}
	for i := range reflect.ValueOf(uint8(3)).Seq() {
		fmt.Print(i.Type(), i, " ")
	}
	fmt.Println()
	for m := range reflect.TypeOf(T{}).Methods() {
		fmt.Print(m.Name, " ")
	}
	for m, f := range reflect.ValueOf(T{}).Methods() {
		fmt.Print(m.Name, f.Type(), " ")
	}
	for in := range reflect.TypeOf(fmt.Sprintf).Ins() {
		fmt.Print(in, " ")
	}
	for out := range reflect.TypeOf(fmt.Sprintf).Outs() {
		fmt.Print(out, " ")
	}
	for f := range reflect.TypeOf(T{}).Fields() {
		fmt.Print(f.Name, " ")
		break
	}
	fmt.Println(reflect.TypeOf(func(func(int) bool) {}).CanSeq(), reflect.TypeOf(3.5).CanSeq(), reflect.TypeOf(map[int]int{}).CanSeq2())
}
