// run

// The atomic types of Go 1.19 (Bool, Int32, Int64, Uint32, Uint64, Uintptr): zero
// values, every method, fields of structs, method values.

package main

import (
	"fmt"
	"sync/atomic"
)

type stats struct {
	hits   atomic.Int64
	misses atomic.Uint32
	done   atomic.Bool
}

func main() {
	var b atomic.Bool
	fmt.Println(b.Load())
	b.Store(true)
	fmt.Println(b.Load(), b.Swap(false), b.Load())
	fmt.Println(b.CompareAndSwap(true, true), b.CompareAndSwap(false, true), b.Load())

	var i32 atomic.Int32
	fmt.Println(i32.Add(-4), i32.Load(), i32.Swap(8), i32.CompareAndSwap(8, 2), i32.Load())
	i32.Store(100)
	fmt.Println(i32.Load())

	var i64 atomic.Int64
	fmt.Println(i64.Add(1<<50), i64.Swap(-1), i64.CompareAndSwap(0, 1), i64.Load())
	i64.Store(-5)
	fmt.Println(i64.Load())

	var u32 atomic.Uint32
	fmt.Println(u32.Add(^uint32(0)), u32.Swap(1), u32.CompareAndSwap(1, 3), u32.Load())
	u32.Store(6)
	fmt.Println(u32.Load())

	var u64 atomic.Uint64
	fmt.Println(u64.Add(1<<63), u64.Add(1<<63), u64.Swap(2), u64.CompareAndSwap(3, 4), u64.Load())
	u64.Store(18446744073709551615)
	fmt.Println(u64.Load())

	var up atomic.Uintptr
	fmt.Println(up.Add(4096), up.Swap(7), up.CompareAndSwap(7, 8), up.Load())
	up.Store(1)
	fmt.Println(up.Load())

	s := &stats{}
	for i := 0; i < 10; i++ {
		if i%3 == 0 {
			s.misses.Add(1)
		} else {
			s.hits.Add(1)
		}
	}
	s.done.Store(true)
	fmt.Println(s.hits.Load(), s.misses.Load(), s.done.Load())

	inc := s.hits.Add
	inc(10)
	load := s.hits.Load
	fmt.Println(load())
}
