// run

// sync/atomic's functions on every integer type: Add (wrapping, negative deltas),
// Load, Store, Swap, CompareAndSwap (success and failure), on locals, globals,
// fields and slice elements.

package main

import (
	"fmt"
	"sync/atomic"
)

var g32 int32
var g64 uint64

type pair struct {
	a int64
	b uint32
}

func main() {
	var i32 int32 = 10
	fmt.Println(atomic.AddInt32(&i32, 5), atomic.AddInt32(&i32, -20), i32)
	i32 = 2147483647
	fmt.Println(atomic.AddInt32(&i32, 1))
	fmt.Println(atomic.SwapInt32(&i32, 7), atomic.LoadInt32(&i32))
	fmt.Println(atomic.CompareAndSwapInt32(&i32, 8, 9), i32)
	fmt.Println(atomic.CompareAndSwapInt32(&i32, 7, 9), i32)
	atomic.StoreInt32(&i32, -3)
	fmt.Println(i32)

	var i64 int64 = 1 << 40
	fmt.Println(atomic.AddInt64(&i64, 1<<40), atomic.AddInt64(&i64, -(1 << 41)-1))
	fmt.Println(atomic.SwapInt64(&i64, -9223372036854775808), atomic.LoadInt64(&i64))
	fmt.Println(atomic.AddInt64(&i64, -1))
	fmt.Println(atomic.CompareAndSwapInt64(&i64, 0, 1), atomic.CompareAndSwapInt64(&i64, 9223372036854775807, 1), i64)
	atomic.StoreInt64(&i64, 42)
	fmt.Println(atomic.LoadInt64(&i64))

	var u32 uint32
	fmt.Println(atomic.AddUint32(&u32, ^uint32(0)), atomic.AddUint32(&u32, 2))
	fmt.Println(atomic.AddUint32(&u32, ^uint32(1-1)))
	fmt.Println(atomic.SwapUint32(&u32, 4000000000), atomic.LoadUint32(&u32))
	fmt.Println(atomic.CompareAndSwapUint32(&u32, 4000000000, 1), u32)
	atomic.StoreUint32(&u32, 77)
	fmt.Println(u32)

	var u64 uint64 = 1<<64 - 1
	fmt.Println(atomic.AddUint64(&u64, 1), atomic.AddUint64(&u64, 1<<63))
	fmt.Println(atomic.SwapUint64(&u64, 5), atomic.LoadUint64(&u64))
	fmt.Println(atomic.CompareAndSwapUint64(&u64, 6, 1), atomic.CompareAndSwapUint64(&u64, 5, 1), u64)
	atomic.StoreUint64(&u64, 1<<63)
	fmt.Println(u64)

	var up uintptr = 100
	fmt.Println(atomic.AddUintptr(&up, 28), atomic.AddUintptr(&up, ^uintptr(0)))
	fmt.Println(atomic.SwapUintptr(&up, 3), atomic.LoadUintptr(&up))
	fmt.Println(atomic.CompareAndSwapUintptr(&up, 3, 4), up)
	atomic.StoreUintptr(&up, 1<<63)
	fmt.Println(up)

	// Globals, fields, slice and array elements.
	atomic.AddInt32(&g32, 3)
	atomic.AddUint64(&g64, 4)
	fmt.Println(g32, g64)
	p := &pair{}
	atomic.AddInt64(&p.a, 11)
	atomic.StoreUint32(&p.b, 12)
	fmt.Println(*p)
	s := make([]int64, 4)
	for i := range s {
		atomic.AddInt64(&s[i], int64(i*i))
	}
	fmt.Println(s)
	var arr [3]uint32
	atomic.StoreUint32(&arr[1], 9)
	fmt.Println(arr, atomic.LoadUint32(&arr[1]))

	// A CAS loop, as code built on atomics writes them.
	var max int64
	for _, v := range []int64{3, 9, 4, 12, 1} {
		for {
			old := atomic.LoadInt64(&max)
			if v <= old || atomic.CompareAndSwapInt64(&max, old, v) {
				break
			}
		}
	}
	fmt.Println(max)

	// Function values of atomic functions.
	add := atomic.AddInt64
	fmt.Println(add(&max, 1))
}
