// Once and the functions built on it (OnceFunc, OnceValue, OnceValues).
//
// A Once is a flag and a Mutex: the flag is read without the lock on every
// call, and only its first setter runs f, under the lock, so that callers that
// arrive meanwhile wait for f to finish. The flag is set after f returns, or
// panics, so that no caller sees it set before f's effects.

package sync

import "sync/atomic"

// A Once runs one function once. It must not be copied once used.
type Once struct {
	_    noCopy
	done atomic.Uint32 // 1 once f has returned or panicked
	m    Mutex
}

// Do calls f if and only if no call of Do on o has called a function before.
// Every call returns after that one call of f has returned (or panicked). If f
// calls o.Do, it deadlocks.
func (o *Once) Do(f func()) {
	if o.done.Load() == 0 {
		o.doFirst(f)
	}
}

func (o *Once) doFirst(f func()) {
	o.m.Lock()
	defer o.m.Unlock()
	if o.done.Load() != 0 {
		return
	}
	defer o.done.Store(1)
	f()
}

// OnceFunc returns a function that calls f the first time it is called and
// does nothing after. If f panics, every call panics with f's value.
func OnceFunc(f func()) func() {
	var (
		once     Once
		finished bool
		failure  any
	)
	call := func() {
		defer func() {
			if !finished {
				failure = recover()
				panic(failure)
			}
		}()
		f()
		f = nil // f and what it holds may be collected
		finished = true
	}
	return func() {
		once.Do(call)
		if !finished {
			panic(failure)
		}
	}
}

// OnceValue returns a function that calls f the first time it is called and
// returns f's result then and after. If f panics, every call panics with f's
// value.
func OnceValue[T any](f func() T) func() T {
	var result T
	first := OnceFunc(func() { result = f() })
	return func() T {
		first()
		return result
	}
}

// OnceValues is OnceValue for a function of two results.
func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) {
	var r1 T1
	var r2 T2
	first := OnceFunc(func() { r1, r2 = f() })
	return func() (T1, T2) {
		first()
		return r1, r2
	}
}
