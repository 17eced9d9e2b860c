// run

// atomic.Value: Load before any Store, Store/Load/Swap/CompareAndSwap with values of
// several types, the panics of gc (recovered), and sync/atomic's Pointer functions.

package main

import (
	"fmt"
	"sync/atomic"
	"unsafe"
)

type config struct {
	name  string
	limit int
}

func try(what string, f func()) {
	defer func() { fmt.Println(what, "->", recover()) }()
	f()
}

func main() {
	var v atomic.Value
	fmt.Println(v.Load())
	v.Store(config{"a", 1})
	fmt.Println(v.Load(), v.Load().(config).limit)
	fmt.Println(v.Swap(config{"b", 2}), v.Load())
	fmt.Println(v.CompareAndSwap(config{"x", 0}, config{"c", 3}), v.Load())
	fmt.Println(v.CompareAndSwap(config{"b", 2}, config{"c", 3}), v.Load())

	try("store nil", func() { v.Store(nil) })
	try("store int", func() { v.Store(1) })
	try("swap nil", func() { v.Swap(nil) })
	try("swap string", func() { v.Swap("s") })
	try("cas nil", func() { v.CompareAndSwap(config{}, nil) })
	try("cas mixed", func() { v.CompareAndSwap(1, config{}) })
	try("cas int", func() { v.CompareAndSwap(1, 2) })

	var w atomic.Value
	fmt.Println(w.CompareAndSwap(1, 2), w.Load())
	fmt.Println(w.CompareAndSwap(nil, 2), w.Load())
	fmt.Println(w.Swap(5), w.Load())
	var e atomic.Value
	fmt.Println(e.Swap([]int{1}), e.Load())
	try("cas uncomparable", func() { e.CompareAndSwap([]int{1}, []int{2}) })

	// A pointer type in a Value, and the Pointer functions.
	var pv atomic.Value
	x, y := 1, 2
	pv.Store(&x)
	fmt.Println(*pv.Load().(*int), pv.CompareAndSwap(&y, &y), pv.CompareAndSwap(&x, &y), *pv.Load().(*int))

	var p unsafe.Pointer
	fmt.Println(atomic.LoadPointer(&p) == nil)
	atomic.StorePointer(&p, unsafe.Pointer(&x))
	fmt.Println(*(*int)(atomic.LoadPointer(&p)))
	old := atomic.SwapPointer(&p, unsafe.Pointer(&y))
	fmt.Println(*(*int)(old), *(*int)(p))
	fmt.Println(atomic.CompareAndSwapPointer(&p, unsafe.Pointer(&x), nil), atomic.CompareAndSwapPointer(&p, unsafe.Pointer(&y), nil), p == nil)

	// Readers on other goroutines see whole values.
	var cur atomic.Value
	cur.Store(config{"v0", 0})
	done := make(chan bool)
	for r := 0; r < 4; r++ {
		go func() {
			for i := 0; i < 1000; i++ {
				c := cur.Load().(config)
				if c.name != fmt.Sprint("v", c.limit) {
					fmt.Println("torn read", c)
				}
			}
			done <- true
		}()
	}
	for i := 1; i <= 100; i++ {
		cur.Store(config{fmt.Sprint("v", i), i})
	}
	for r := 0; r < 4; r++ {
		<-done
	}
	fmt.Println(cur.Load())
}
