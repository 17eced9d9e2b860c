// Cond: goroutines waiting for an event, over the runtime's notify list.
//
// Wait takes a ticket before it unlocks L, so a Signal or Broadcast that
// comes between the unlock and the sleep still wakes it: the notify list
// remembers which tickets have been notified.

package sync

// A Cond is a condition variable: goroutines wait on it for an event, holding
// L (a *Mutex or *RWMutex, usually) when they check for it. It must not be
// copied once used.
type Cond struct {
	noCopy noCopy

	// L is held while the condition is checked or changed.
	L Locker

	notify  notifyList
	checker uintptr // gc's copy detector; unused here, kept for gc's shape
}

// NewCond returns a new Cond over l.
func NewCond(l Locker) *Cond {
	return &Cond{L: l}
}

// Wait unlocks c.L, sleeps until a Signal or Broadcast wakes it, and locks
// c.L again before it returns. The condition must therefore be checked again,
// in a loop, after Wait returns.
func (c *Cond) Wait() {
	ticket := runtime_notifyListAdd(&c.notify)
	c.L.Unlock()
	runtime_notifyListWait(&c.notify, ticket)
	c.L.Lock()
}

// Signal wakes one goroutine waiting on c, if there is one.
func (c *Cond) Signal() { runtime_notifyListNotifyOne(&c.notify) }

// Broadcast wakes every goroutine waiting on c.
func (c *Cond) Broadcast() { runtime_notifyListNotifyAll(&c.notify) }
