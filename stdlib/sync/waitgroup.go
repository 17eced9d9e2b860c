// WaitGroup: a counter of pending tasks and a semaphore for those waiting.
//
// state packs the task count (high 32 bits) and the number of goroutines
// blocked in Wait (low 32 bits) into one word, so that Add can see both at
// once. When the count drops to zero with waiters, the Add that dropped it
// clears state and releases sema once per waiter.
//
// Invariants:
//  1. The waiter count only grows while the task count is positive.
//  2. state is zero when Wait returns after blocking; a Wait that finds it
//     otherwise means the group was reused too early, as gc reports.

package sync

import "sync/atomic"

// A WaitGroup waits for a set of tasks to finish: Add (or Go) counts tasks in,
// Done counts one out, and Wait blocks until none is left. It must not be
// copied once used.
type WaitGroup struct {
	noCopy noCopy
	state  atomic.Uint64
	sema   uint32
}

// Add adds delta, which may be negative, to the count of tasks, and releases
// the waiters when the count reaches zero. A negative count panics.
func (wg *WaitGroup) Add(delta int) {
	s := wg.state.Add(uint64(delta) << 32)
	tasks, waiters := int32(s>>32), uint32(s)
	if tasks < 0 {
		panic("sync: negative WaitGroup counter")
	}
	if waiters != 0 && delta > 0 && tasks == int32(delta) {
		panic("sync: WaitGroup misuse: Add called concurrently with Wait")
	}
	if tasks > 0 || waiters == 0 {
		return
	}
	// The last task is done and goroutines wait: nothing else may change state
	// now (invariant 1), unless Add and Wait race, which gc reports too.
	if wg.state.Load() != s {
		panic("sync: WaitGroup misuse: Add called concurrently with Wait")
	}
	wg.state.Store(0)
	for ; waiters > 0; waiters-- {
		runtime_Semrelease(&wg.sema, false, 0)
	}
}

// Done counts one task out: Add(-1).
func (wg *WaitGroup) Done() { wg.Add(-1) }

// Go runs f in a new goroutine, counted as a task of wg until f returns.
func (wg *WaitGroup) Go(f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}

// Wait blocks until the count of tasks is zero.
func (wg *WaitGroup) Wait() {
	for {
		s := wg.state.Load()
		if s>>32 == 0 {
			return
		}
		if wg.state.CompareAndSwap(s, s+1) {
			runtime_Semacquire(&wg.sema)
			if wg.state.Load() != 0 {
				panic("sync: WaitGroup is reused before previous Wait has returned")
			}
			return
		}
	}
}
