// run

// unsafe.Sizeof, Alignof and Offsetof are gc's amd64 constants, and the layout the
// compiled code uses agrees with them (addresses of fields and array elements).

package main

import (
	"fmt"
	"unsafe"
)

type small struct {
	a bool
	b int64
	c uint16
}

type inner struct {
	x int8
	y complex64
}

type outer struct {
	flag bool
	inner
	s    string
	tail [3]int16
}

type trailing struct {
	n int32
	z struct{}
}

type mixed struct {
	b  byte
	f  float32
	i  interface{}
	sl []int
	m  map[int]int
	ch chan int
	fn func()
	p  *int
	u  unsafe.Pointer
	c  complex128
	e  [0]int64
}

func main() {
	var (
		b   bool
		i8  int8
		i16 int16
		i32 int32
		i64 int64
		n   int
		up  uintptr
		f32 float32
		f64 float64
		c64 complex64
		c   complex128
		s   string
		sl  []byte
		m   map[string]int
		ch  chan bool
		fn  func(int) int
		it  interface{ M() }
		e   any
		p   unsafe.Pointer
		a   [5]int16
		es  struct{}
	)
	fmt.Println(unsafe.Sizeof(b), unsafe.Sizeof(i8), unsafe.Sizeof(i16), unsafe.Sizeof(i32), unsafe.Sizeof(i64), unsafe.Sizeof(n), unsafe.Sizeof(up))
	fmt.Println(unsafe.Sizeof(f32), unsafe.Sizeof(f64), unsafe.Sizeof(c64), unsafe.Sizeof(c), unsafe.Sizeof(s), unsafe.Sizeof(sl))
	fmt.Println(unsafe.Sizeof(m), unsafe.Sizeof(ch), unsafe.Sizeof(fn), unsafe.Sizeof(it), unsafe.Sizeof(e), unsafe.Sizeof(p), unsafe.Sizeof(a), unsafe.Sizeof(es))
	fmt.Println(unsafe.Alignof(b), unsafe.Alignof(i16), unsafe.Alignof(c64), unsafe.Alignof(c), unsafe.Alignof(s), unsafe.Alignof(a), unsafe.Alignof(es))

	var sm small
	fmt.Println(unsafe.Sizeof(sm), unsafe.Alignof(sm), unsafe.Offsetof(sm.a), unsafe.Offsetof(sm.b), unsafe.Offsetof(sm.c))
	var o outer
	fmt.Println(unsafe.Sizeof(o), unsafe.Offsetof(o.inner), unsafe.Offsetof(o.y), unsafe.Offsetof(o.inner.y), unsafe.Offsetof(o.s), unsafe.Offsetof(o.tail))
	var t trailing
	fmt.Println(unsafe.Sizeof(t), unsafe.Offsetof(t.z))
	var mx mixed
	fmt.Println(unsafe.Sizeof(mx), unsafe.Offsetof(mx.f), unsafe.Offsetof(mx.i), unsafe.Offsetof(mx.sl), unsafe.Offsetof(mx.m), unsafe.Offsetof(mx.u), unsafe.Offsetof(mx.c), unsafe.Offsetof(mx.e))
	po := &o
	fmt.Println(unsafe.Offsetof(po.tail), unsafe.Sizeof(po), unsafe.Sizeof(*po))

	// Constants: usable in constant expressions and array lengths.
	const words = unsafe.Sizeof(o) / 8
	var buf [unsafe.Sizeof(sm)]byte
	fmt.Println(words, len(buf))

	// The compiled layout agrees.
	base := uintptr(unsafe.Pointer(&o))
	fmt.Println(uintptr(unsafe.Pointer(&o.y))-base == unsafe.Offsetof(o.y),
		uintptr(unsafe.Pointer(&o.s))-base == unsafe.Offsetof(o.s),
		uintptr(unsafe.Pointer(&o.tail[2]))-base == unsafe.Offsetof(o.tail)+4)
	mb := uintptr(unsafe.Pointer(&mx))
	fmt.Println(uintptr(unsafe.Pointer(&mx.c))-mb == unsafe.Offsetof(mx.c),
		uintptr(unsafe.Pointer(&mx.u))-mb == unsafe.Offsetof(mx.u))
	ts := make([]trailing, 3)
	fmt.Println(uintptr(unsafe.Pointer(&ts[1]))-uintptr(unsafe.Pointer(&ts[0])) == unsafe.Sizeof(t))
	os := make([]outer, 2)
	fmt.Println(uintptr(unsafe.Pointer(&os[1]))-uintptr(unsafe.Pointer(&os[0])) == unsafe.Sizeof(o))
}
