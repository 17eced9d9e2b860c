// run

// unsafe.String, unsafe.StringData and unsafe.SliceData (Go 1.20): a string over
// bytes without copying, and the data pointers of strings and slices.

package main

import (
	"fmt"
	"unsafe"
)

func main() {
	b := []byte("hello, world")
	s := unsafe.String(&b[0], 5)
	fmt.Println(s, len(s))
	b[0] = 'j' // shared, not copied
	fmt.Println(s)
	fmt.Println(unsafe.String(unsafe.SliceData(b[7:]), uint8(5)))
	var nilp *byte
	fmt.Println(unsafe.String(nilp, 0) == "")

	str := "gopher"
	p := unsafe.StringData(str)
	fmt.Println(*p == 'g', *(*byte)(unsafe.Add(unsafe.Pointer(p), 5)) == 'r')
	back := unsafe.Slice(p, len(str))
	fmt.Println(string(back[2:]))

	xs := []int{4, 5, 6}
	fmt.Println(*unsafe.SliceData(xs), unsafe.SliceData(xs) == &xs[0])
	var none []int
	fmt.Println(unsafe.SliceData(none) == nil)
}
