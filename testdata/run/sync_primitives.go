// run

// sync's primitives under real contention (several Ps): Mutex, RWMutex,
// WaitGroup, Once, Cond, Pool, Map and sync/atomic counters agree on the totals.
package main

import (
	"fmt"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
)

func main() {
	runtime.GOMAXPROCS(4)
	const workers, iters = 8, 20000

	// Mutex: a plain counter.
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter := 0
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < iters; i++ {
				mu.Lock()
				counter++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println("mutex counter:", counter)

	// TryLock.
	mu.Lock()
	fmt.Println("TryLock while locked:", mu.TryLock())
	mu.Unlock()
	fmt.Println("TryLock while unlocked:", mu.TryLock())
	mu.Unlock()

	// RWMutex: readers see a consistent pair written by writers.
	var rw sync.RWMutex
	a, b := 0, 0
	var bad int64
	for w := 0; w < workers; w++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := 0; i < iters/10; i++ {
				rw.Lock()
				a++
				b++
				rw.Unlock()
			}
		}()
		go func() {
			defer wg.Done()
			for i := 0; i < iters/10; i++ {
				rw.RLock()
				if a != b {
					atomic.AddInt64(&bad, 1)
				}
				rw.RUnlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println("rwmutex:", a, b, "inconsistent reads:", atomic.LoadInt64(&bad))

	// Atomics.
	var n atomic.Int64
	var plain int64
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < iters; i++ {
				n.Add(1)
				atomic.AddInt64(&plain, 2)
			}
		}()
	}
	wg.Wait()
	fmt.Println("atomic:", n.Load(), atomic.LoadInt64(&plain))

	// Once: one call however many goroutines race.
	var once sync.Once
	var calls int32
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { atomic.AddInt32(&calls, 1) })
		}()
	}
	wg.Wait()
	fmt.Println("once calls:", calls)

	// Cond: a bounded queue with producers and consumers.
	var qmu sync.Mutex
	notEmpty := sync.NewCond(&qmu)
	notFull := sync.NewCond(&qmu)
	var queue []int
	sum := 0
	const items = 5000
	var cwg sync.WaitGroup
	for c := 0; c < 4; c++ {
		cwg.Add(1)
		go func() {
			defer cwg.Done()
			for {
				qmu.Lock()
				for len(queue) == 0 {
					notEmpty.Wait()
				}
				v := queue[0]
				queue = queue[1:]
				if v >= 0 {
					sum += v
				}
				notFull.Signal()
				qmu.Unlock()
				if v < 0 {
					return
				}
			}
		}()
	}
	for p := 0; p < 2; p++ {
		wg.Add(1)
		go func(p int) {
			defer wg.Done()
			for i := 0; i < items; i++ {
				qmu.Lock()
				for len(queue) >= 16 {
					notFull.Wait()
				}
				queue = append(queue, i)
				notEmpty.Signal()
				qmu.Unlock()
			}
		}(p)
	}
	wg.Wait()
	qmu.Lock()
	for c := 0; c < 4; c++ {
		queue = append(queue, -1)
	}
	notEmpty.Broadcast()
	qmu.Unlock()
	cwg.Wait()
	fmt.Println("cond sum:", sum)

	// Pool: New when empty, a Put value comes back.
	pool := sync.Pool{New: func() any { return "new" }}
	fmt.Println("pool empty:", pool.Get())
	pool.Put("reused")
	fmt.Println("pool after put:", pool.Get())

	// Map.
	var m sync.Map
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			m.Store(w, w*w)
		}(w)
	}
	wg.Wait()
	v, ok := m.Load(3)
	fmt.Println("map load:", v, ok)
	act, loaded := m.LoadOrStore(3, 0)
	fmt.Println("map LoadOrStore:", act, loaded)
	m.Delete(3)
	_, ok = m.Load(3)
	fmt.Println("after delete:", ok)
	var keys []int
	m.Range(func(k, v any) bool {
		keys = append(keys, k.(int))
		return true
	})
	sort.Ints(keys)
	fmt.Println("keys:", keys)
}
