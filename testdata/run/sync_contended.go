// run

// gojit's own package sync under contention on several Ps: a Mutex and an
// RWMutex keep their invariants with many goroutines, WaitGroup.Go counts its
// tasks, Once runs once and Cond wakes every waiter; OnceFunc, OnceValue and
// OnceValues repeat a panic; Map's methods agree with a plain map; the types
// print in gc's shapes.

package main

import (
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
)

func main() {
	const workers, rounds = 8, 2000

	var mu sync.Mutex
	counter, inside := 0, int32(0)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Go(func() {
			for i := 0; i < rounds; i++ {
				mu.Lock()
				if atomic.AddInt32(&inside, 1) != 1 {
					panic("two goroutines inside the Mutex")
				}
				counter++
				atomic.AddInt32(&inside, -1)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	fmt.Println("mutex counter:", counter, "TryLock on free:", mu.TryLock(), "on held:", mu.TryLock())
	mu.Unlock()

	var rw sync.RWMutex
	var readers, writers int32
	shared := 0
	for w := 0; w < workers; w++ {
		w := w
		wg.Go(func() {
			for i := 0; i < rounds/4; i++ {
				if (w+i)%4 == 0 {
					rw.Lock()
					if atomic.AddInt32(&writers, 1) != 1 || atomic.LoadInt32(&readers) != 0 {
						panic("writer not alone")
					}
					shared++
					atomic.AddInt32(&writers, -1)
					rw.Unlock()
				} else {
					rw.RLock()
					atomic.AddInt32(&readers, 1)
					if atomic.LoadInt32(&writers) != 0 {
						panic("reader beside a writer")
					}
					_ = shared
					atomic.AddInt32(&readers, -1)
					rw.RUnlock()
				}
			}
		})
	}
	wg.Wait()
	fmt.Println("rwmutex writes:", shared)
	rw.RLock()
	fmt.Println("TryLock under a reader:", rw.TryLock(), "TryRLock:", rw.TryRLock())
	rw.RUnlock()
	rw.RUnlock()
	l := rw.RLocker()
	l.Lock()
	l.Unlock()

	var once sync.Once
	var runs int32
	for w := 0; w < workers; w++ {
		wg.Go(func() { once.Do(func() { atomic.AddInt32(&runs, 1) }) })
	}
	wg.Wait()
	fmt.Println("once ran:", runs)

	c := sync.NewCond(&mu)
	ready := 0
	var woken int32
	for w := 0; w < workers; w++ {
		wg.Go(func() {
			mu.Lock()
			ready++
			c.Broadcast() // main waits for the last one; other workers recheck and sleep again
			for ready <= workers {
				c.Wait()
			}
			mu.Unlock()
			atomic.AddInt32(&woken, 1)
		})
	}
	mu.Lock()
	for ready < workers {
		c.Wait()
	}
	ready++
	c.Broadcast()
	mu.Unlock()
	wg.Wait()
	fmt.Println("cond woke:", woken)

	calls := 0
	f := sync.OnceFunc(func() { calls++; panic("first") })
	for i := 0; i < 2; i++ {
		func() {
			defer func() { fmt.Println("OnceFunc panic:", recover(), "calls:", calls) }()
			f()
		}()
	}
	v := sync.OnceValue(func() int { calls++; return 42 })
	fmt.Println("OnceValue:", v(), v(), "calls:", calls)
	a, err := sync.OnceValues(func() (string, error) { return "x", fmt.Errorf("e") })()
	fmt.Println("OnceValues:", a, err)

	var m sync.Map
	for w := 0; w < workers; w++ {
		w := w
		wg.Go(func() {
			for i := 0; i < 100; i++ {
				m.Store(w*1000+i, i)
			}
		})
	}
	wg.Wait()
	n := 0
	m.Range(func(k, v any) bool { n++; return true })
	act, loaded := m.LoadOrStore(3, "new")
	act2, loaded2 := m.LoadOrStore("k", "new")
	prev, ok := m.Swap("k", "newer")
	fmt.Println("map entries:", n, act, loaded, act2, loaded2, prev, ok)
	fmt.Println("CompareAndSwap:", m.CompareAndSwap("k", "newer", "newest"), m.CompareAndSwap("k", "x", "y"))
	fmt.Println("CompareAndDelete:", m.CompareAndDelete("k", "x"), m.CompareAndDelete("k", "newest"))
	val, loaded := m.LoadAndDelete(5)
	m.Delete(6)
	_, ok6 := m.Load(6)
	fmt.Println("LoadAndDelete:", val, loaded, "Load after Delete:", ok6)
	var keys []int
	m.Range(func(k, v any) bool {
		if k.(int) < 10 {
			keys = append(keys, k.(int))
		}
		m.Delete(k) // allowed inside Range
		return true
	})
	sort.Ints(keys)
	fmt.Println("small keys:", keys)
	m.Store(1, 1)
	m.Clear()
	_, ok = m.Load(1)
	fmt.Println("after Clear:", ok)

	var pool sync.Pool
	pool.New = func() any { return "fresh" }
	fmt.Println("pool:", pool.Get())

	var zm sync.Mutex
	var zw sync.WaitGroup
	var zo sync.Once
	fmt.Printf("%v %+v\n%+v\n%+v\n", zm, zm, zw, zo)
}
