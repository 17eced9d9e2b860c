// run

// unsafe.Pointer: conversions between *T, unsafe.Pointer and uintptr, comparison
// and nil, reinterpreting memory, unsafe.Add and unsafe.Slice.

package main

import (
	"fmt"
	"unsafe"
)

type header struct {
	tag  uint32
	size uint32
	data [4]int64
}

func bits(f float64) uint64 { return *(*uint64)(unsafe.Pointer(&f)) }

func main() {
	fmt.Printf("%#x %#x\n", bits(1.0), bits(-2.5))
	x := 42
	p := unsafe.Pointer(&x)
	q := (*int)(p)
	*q = 43
	fmt.Println(x, p == unsafe.Pointer(&x), p != nil)
	var np unsafe.Pointer
	fmt.Println(np == nil, uintptr(np), (*int)(np) == nil)

	// Through uintptr and back.
	u := uintptr(p)
	fmt.Println(*(*int)(unsafe.Pointer(u)), u != 0)

	// Reinterpret a struct's bytes.
	h := header{tag: 0x01020304, size: 5}
	b := (*[8]byte)(unsafe.Pointer(&h))
	fmt.Println(b[0], b[3], b[4])

	// unsafe.Add walks an array; negative offsets go back.
	arr := [5]int32{10, 20, 30, 40, 50}
	p2 := unsafe.Add(unsafe.Pointer(&arr[0]), 2*unsafe.Sizeof(arr[0]))
	fmt.Println(*(*int32)(p2), *(*int32)(unsafe.Add(p2, -4)), *(*int32)(unsafe.Add(p2, uint8(8))))
	for i := 0; i < len(arr); i++ {
		v := (*int32)(unsafe.Add(unsafe.Pointer(&arr), i*4))
		*v *= 2
	}
	fmt.Println(arr)

	// unsafe.Slice views memory as a slice sharing it.
	s := unsafe.Slice(&h.data[0], 4)
	s[1] = 7
	fmt.Println(len(s), cap(s), h.data, s)
	s2 := unsafe.Slice(&arr[1], uint64(3))
	fmt.Println(s2, len(s2))
	var nilp *int
	s3 := unsafe.Slice(nilp, 0)
	fmt.Println(s3 == nil, len(s3))
	bytes := unsafe.Slice((*byte)(unsafe.Pointer(&h.tag)), unsafe.Sizeof(h.tag))
	fmt.Println(bytes)

	// unsafe.Pointer in interfaces and maps.
	var e interface{} = p
	fmt.Println(e == interface{}(unsafe.Pointer(&x)), e != nil)
	m := map[unsafe.Pointer]string{p: "x", unsafe.Pointer(&h): "h"}
	fmt.Println(m[unsafe.Pointer(&x)], m[unsafe.Pointer(&h)], len(m))
	type ptr unsafe.Pointer
	var pp ptr = ptr(&x)
	fmt.Println(*(*int)(pp), unsafe.Pointer(pp) == p)
	fmt.Println(np)
}
