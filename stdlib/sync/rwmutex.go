// RWMutex: many readers or one writer.
//
// readerCount counts the readers inside. A writer first takes w (so writers
// queue on a Mutex), then subtracts writerPresent from readerCount: from then
// on it is negative and new readers sleep on readerSem. The readers that were
// already inside (readerCount's value before) are added to readerWait, and the
// writer sleeps on writerSem until the last of them leaves. Unlock adds
// writerPresent back and wakes, on readerSem, every reader that arrived
// meanwhile (readerCount's value then), before it releases w.
//
// Invariants:
//  1. readerCount < 0 iff a writer holds the lock or is waiting for readers to
//     leave; readerCount + writerPresent is then the number of readers inside
//     or asleep on readerSem.
//  2. readerWait is non-zero only while a writer waits; it reaches zero exactly
//     when the last reader that was inside at Lock leaves.

package sync

import (
	"sync/atomic"
	_ "unsafe" // go:linkname
)

// An RWMutex is a reader/writer mutual exclusion lock: any number of readers
// or a single writer. Its zero value is unlocked. It must not be copied once
// used. A reader must not count on taking the lock again recursively while a
// writer may be waiting: the writer blocks new readers.
//
// The fields are in gc's order and of gc's types, so that %v prints the same.
type RWMutex struct {
	w           Mutex
	writerSem   uint32
	readerSem   uint32
	readerCount atomic.Int32 // the readers inside or queued (see above)
	readerWait  atomic.Int32 // the readers the waiting writer still waits for
}

// writerPresent is subtracted from readers while a writer holds or awaits
// the lock; it bounds the number of readers.
const writerPresent = 1 << 30

// RLock locks rw for reading.
func (rw *RWMutex) RLock() {
	if schedPoints {
		runtime_schedPoint()
	}
	if rw.readerCount.Add(1) < 0 {
		runtime_SemacquireMutex(&rw.readerSem, false, 0)
	}
}

// TryRLock locks rw for reading if no writer holds or awaits it, and reports
// whether it did.
func (rw *RWMutex) TryRLock() bool {
	for {
		n := rw.readerCount.Load()
		if n < 0 {
			return false
		}
		if rw.readerCount.CompareAndSwap(n, n+1) {
			return true
		}
	}
}

// RUnlock undoes one RLock.
func (rw *RWMutex) RUnlock() {
	if schedPoints {
		runtime_schedPoint()
	}
	n := rw.readerCount.Add(-1)
	if n >= 0 {
		return
	}
	if n+1 == 0 || n+1 == -writerPresent {
		fatal("sync: RUnlock of unlocked RWMutex")
	}
	if rw.readerWait.Add(-1) == 0 {
		runtime_Semrelease(&rw.writerSem, false, 1)
	}
}

// Lock locks rw for writing, waiting for every reader inside to leave.
func (rw *RWMutex) Lock() {
	rw.w.Lock()
	inside := rw.readerCount.Add(-writerPresent) + writerPresent
	if inside != 0 && rw.readerWait.Add(inside) != 0 {
		runtime_SemacquireMutex(&rw.writerSem, false, 0)
	}
}

// TryLock locks rw for writing if nobody holds it, and reports whether it did.
func (rw *RWMutex) TryLock() bool {
	if !rw.w.TryLock() {
		return false
	}
	if !rw.readerCount.CompareAndSwap(0, -writerPresent) {
		rw.w.Unlock()
		return false
	}
	return true
}

// Unlock unlocks rw for writing and lets in the readers that queued meanwhile.
func (rw *RWMutex) Unlock() {
	queued := rw.readerCount.Add(writerPresent)
	if queued >= writerPresent {
		fatal("sync: Unlock of unlocked RWMutex")
	}
	for ; queued > 0; queued-- {
		runtime_Semrelease(&rw.readerSem, false, 0)
	}
	rw.w.Unlock()
}

// RLocker returns a Locker whose Lock and Unlock are rw's RLock and RUnlock.
func (rw *RWMutex) RLocker() Locker { return readLocker{rw} }

type readLocker struct{ rw *RWMutex }

func (r readLocker) Lock()   { r.rw.RLock() }
func (r readLocker) Unlock() { r.rw.RUnlock() }

// waitingReaders is package syscall's hasWaitingReaders, which its forkExec asks
// while it holds ForkLock for writing: whether readers queue behind that writer
// (by invariant 1, readerCount + writerPresent of them, as no reader is inside
// once the writer holds the lock).
//
//go:linkname waitingReaders syscall.hasWaitingReaders
func waitingReaders(rw *RWMutex) bool {
	n := rw.readerCount.Load()
	return n < 0 && n+writerPresent > 0
}
