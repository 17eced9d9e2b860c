// Mutex: a lock over one state word and a semaphore.
//
// state holds three things:
//
//	bit 0 (mutexLocked)   the mutex is held
//	bit 1 (mutexWaking)   a waiter was woken and has not yet tried again, so an
//	                      Unlock need not wake another one
//	bits 2.. (mutexWaiter) the number of goroutines asleep on sema
//
// Lock takes a free mutex with one compare-and-swap. A contended Lock spins
// while that is worthwhile (runtime_canSpin), then counts itself a waiter and
// sleeps on sema. Unlock clears mutexLocked and, when there are sleepers and
// no woken one is pending, wakes one, which then competes with newcomers for
// the lock. A waiter that loses goes back to sleep at the head of the queue.
//
// Invariants:
//  1. Only the goroutine that set mutexLocked clears it (Unlock by another
//     goroutine is allowed, as in Go, but must follow a Lock).
//  2. mutexWaking is set only by an Unlock that wakes a sleeper, and cleared
//     by that sleeper's next successful compare-and-swap on state.
//  3. Every waiter counted in state sleeps on sema or is about to; an Unlock
//     that finds the mutex free, with waiters and no waking one, wakes one.
//
// gc's Mutex also switches to a strictly first-in first-out handoff when a
// waiter has waited over a millisecond; gojit's does not, so a waiter can
// lose to newcomers repeatedly under heavy contention.

package sync

import "sync/atomic"

// A Locker can be locked and unlocked.
type Locker interface {
	Lock()
	Unlock()
}

// A Mutex is a mutual exclusion lock. Its zero value is unlocked. It must not
// be copied once used.
//
// The fields are shaped as gc's (a Mutex prints as {{} {0 0}} with %v there
// too): the lock itself is mu.
type Mutex struct {
	_  noCopy
	mu lockWords
}

// lockWords is a Mutex's state word and semaphore.
type lockWords struct {
	state int32
	sema  uint32
}

// noCopy marks a type whose values must not be copied once used (go vet's
// copylocks check looks for its Lock and Unlock methods).
type noCopy struct{}

func (*noCopy) Lock()   {}
func (*noCopy) Unlock() {}

const (
	mutexLocked = 1 << 0
	mutexWaking = 1 << 1
	mutexWaiter = 1 << 2 // one waiter, in the count that starts at bit 2
)

// Lock locks m, waiting until it is free.
func (m *Mutex) Lock() {
	if schedPoints {
		runtime_schedPoint()
	}
	if atomic.CompareAndSwapInt32(&m.mu.state, 0, mutexLocked) {
		return
	}
	m.lockContended()
}

// TryLock locks m if it is free and reports whether it did.
func (m *Mutex) TryLock() bool {
	for {
		s := atomic.LoadInt32(&m.mu.state)
		if s&mutexLocked != 0 {
			return false
		}
		if atomic.CompareAndSwapInt32(&m.mu.state, s, s|mutexLocked) {
			return true
		}
	}
}

func (m *Mutex) lockContended() {
	woken := false // Unlock woke this goroutine: it owns mutexWaking
	slept := false
	spins := 0
	for {
		s := atomic.LoadInt32(&m.mu.state)
		next := s
		if woken {
			next &^= mutexWaking
		}
		if s&mutexLocked == 0 {
			if atomic.CompareAndSwapInt32(&m.mu.state, s, next|mutexLocked) {
				return
			}
			continue
		}
		if runtime_canSpin(spins) {
			runtime_doSpin()
			spins++
			continue
		}
		if !atomic.CompareAndSwapInt32(&m.mu.state, s, next+mutexWaiter) {
			continue
		}
		runtime_SemacquireMutex(&m.mu.sema, slept, 1)
		woken, slept, spins = true, true, 0
	}
}

// Unlock unlocks m. Unlocking a mutex that is not locked is a fatal error.
func (m *Mutex) Unlock() {
	if schedPoints {
		runtime_schedPoint()
	}
	s := atomic.AddInt32(&m.mu.state, -mutexLocked)
	if s != 0 {
		m.wakeWaiter(s)
	}
}

// wakeWaiter finishes an Unlock that left state s behind it.
func (m *Mutex) wakeWaiter(s int32) {
	if (s+mutexLocked)&mutexLocked == 0 {
		fatal("sync: unlock of unlocked mutex")
	}
	for s >= mutexWaiter && s&(mutexLocked|mutexWaking) == 0 {
		if atomic.CompareAndSwapInt32(&m.mu.state, s, (s-mutexWaiter)|mutexWaking) {
			runtime_Semrelease(&m.mu.sema, false, 1)
			return
		}
		s = atomic.LoadInt32(&m.mu.state)
	}
}
