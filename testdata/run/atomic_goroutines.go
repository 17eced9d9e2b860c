// run

// Goroutines sharing counters through sync/atomic: adds from many goroutines sum
// exactly, a CAS spin lock guards a plain variable, and a Bool flag publishes a
// result. Joined with channels (no sync.WaitGroup needed).

package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

type spinLock struct{ state int32 }

func (l *spinLock) lock() {
	for !atomic.CompareAndSwapInt32(&l.state, 0, 1) {
		runtime.Gosched()
	}
}

func (l *spinLock) unlock() { atomic.StoreInt32(&l.state, 0) }

func main() {
	const workers = 8
	const perWorker = 10000
	var counter int64
	var typed atomic.Uint64
	var lk spinLock
	plain := 0
	done := make(chan bool)
	for w := 0; w < workers; w++ {
		go func(w int) {
			for i := 0; i < perWorker; i++ {
				atomic.AddInt64(&counter, 1)
				typed.Add(uint64(w))
				if i%100 == 0 {
					lk.lock()
					p := plain
					runtime.Gosched()
					plain = p + 1
					lk.unlock()
				}
			}
			done <- true
		}(w)
	}
	for w := 0; w < workers; w++ {
		<-done
	}
	fmt.Println(atomic.LoadInt64(&counter), typed.Load(), plain)

	// Publish a value with a flag; the reader spins until it sees it.
	var ready atomic.Bool
	var value int64
	result := make(chan int64)
	go func() {
		for !ready.Load() {
			runtime.Gosched()
		}
		result <- atomic.LoadInt64(&value)
	}()
	atomic.StoreInt64(&value, 1234)
	ready.Store(true)
	fmt.Println(<-result)

	// Swap hands out distinct tickets.
	var ticket uint32
	seen := make(chan uint32, workers)
	for w := 0; w < workers; w++ {
		go func() {
			for {
				old := atomic.LoadUint32(&ticket)
				if atomic.CompareAndSwapUint32(&ticket, old, old+1) {
					seen <- old
					return
				}
			}
		}()
	}
	sum := uint32(0)
	for w := 0; w < workers; w++ {
		sum += <-seen
	}
	fmt.Println(sum, atomic.SwapUint32(&ticket, 0), ticket)
}
