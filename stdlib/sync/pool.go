// Pool: a cache of reusable objects.
//
// gojit's Pool is one free list under a Mutex. gc keeps a lock-free list per P
// and drops the items at each collection (with a victim cache); the contract is
// the same: Get returns some item that was Put, or, failing that, New().

package sync

// A Pool holds objects for reuse. An object Put in it may be dropped at any
// time, so a Pool suits caches, not data. It must not be copied once used.
type Pool struct {
	mu    Mutex
	items []any

	// New, when set, makes the value Get returns when the Pool is empty. It
	// must not change while Get may run.
	New func() any
}

// Put adds x to p (a nil x is dropped).
func (p *Pool) Put(x any) {
	if x == nil {
		return
	}
	p.mu.Lock()
	p.items = append(p.items, x)
	p.mu.Unlock()
}

// Get removes some item from p and returns it; when p is empty, it returns
// New() (nil when New is unset).
func (p *Pool) Get() any {
	p.mu.Lock()
	if n := len(p.items); n > 0 {
		x := p.items[n-1]
		p.items[n-1] = nil
		p.items = p.items[:n-1]
		p.mu.Unlock()
		return x
	}
	p.mu.Unlock()
	if p.New != nil {
		return p.New()
	}
	return nil
}
