// The runtime beneath package sync: semaphores and notify lists of gojit's C++
// runtime (runtime/sema.h), reached as natives (stdlib/sync_natives.cc).

package sync

import "unsafe"

// runtime_Semacquire blocks until *s is positive, then decrements it.
func runtime_Semacquire(s *uint32)

// runtime_SemacquireMutex is runtime_Semacquire for a waiter on a lock; lifo puts
// it at the head of the queue (a waiter that has already waited once). skipframes
// is for gc's contention profile, which gojit does not keep.
func runtime_SemacquireMutex(s *uint32, lifo bool, skipframes int)

// runtime_Semrelease increments *s and wakes one goroutine blocked on it.
func runtime_Semrelease(s *uint32, handoff bool, skipframes int)

// notifyList is runtime/sema.h's NotifyList, word for word: a ticket-ordered
// queue of goroutines waiting on a Cond.
type notifyList struct {
	wait   uint32 // the next ticket to hand out
	notify uint32 // the next ticket to wake
	lock   uintptr
	head   unsafe.Pointer
	tail   unsafe.Pointer
}

// runtime_notifyListAdd takes a ticket; the caller then releases its lock and
// waits with runtime_notifyListWait.
func runtime_notifyListAdd(l *notifyList) uint32

// runtime_notifyListWait parks until ticket t has been notified (at once if it
// already was).
func runtime_notifyListWait(l *notifyList, t uint32)

// runtime_notifyListNotifyAll wakes every ticket handed out so far.
func runtime_notifyListNotifyAll(l *notifyList)

// runtime_notifyListNotifyOne wakes the oldest ticket not yet woken.
func runtime_notifyListNotifyOne(l *notifyList)

// runtime_canSpin reports whether a lock waiter should spin once more (the
// iter'th time) rather than sleep: several CPUs, other Ps running, and none idle.
func runtime_canSpin(iter int) bool

// runtime_doSpin busy-waits for a few dozen cycles.
func runtime_doSpin()

// schedPoints: gojit run --sched is on, and each lock operation is a point where
// the runtime may switch goroutines (runtime_schedPoint; the runtime's
// deterministic_sched.h), as channel operations are.
var schedPoints = runtime_deterministic()

func runtime_deterministic() bool

func runtime_schedPoint()

// runtime_nanotime is the runtime's monotonic clock.
func runtime_nanotime() int64

// fatal ends the program with "fatal error: msg", which recover cannot stop.
func fatal(msg string)
