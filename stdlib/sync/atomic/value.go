// atomic.Value (Go's value.go, same API and panics), built differently: gc writes
// the interface's two words separately, with a "first store in progress" marker and
// preemption disabled in between; here v points to an immutable box holding the
// interface, and every update installs a new box with one CompareAndSwapPointer. A
// reader that loads the pointer sees a whole interface, whichever goroutine or
// thread wrote it, and no runtime support is needed. The cost is one allocation per
// Store, Swap and successful CompareAndSwap.
package atomic

import "unsafe"

// A Value provides an atomic load and store of a consistently typed value.
// The zero value for a Value returns nil from Load.
// Once Store has been called, a Value must not be copied.
type Value struct {
	v unsafe.Pointer // *box; nil before the first store
}

// box is never written after it is published.
type box struct {
	x any
}

// typeOf returns the type word of x's interface value (nil for a nil interface).
func typeOf(x any) unsafe.Pointer {
	return (*[2]unsafe.Pointer)(unsafe.Pointer(&x))[0]
}

// Load returns the value set by the most recent Store.
// It returns nil if there has been no call to Store for this Value.
func (v *Value) Load() (val any) {
	p := LoadPointer(&v.v)
	if p == nil {
		return nil
	}
	return (*box)(p).x
}

// Store sets the value of the Value v to val.
// All calls to Store for a given Value must use values of the same concrete type.
// Store of an inconsistent type panics, as does Store(nil).
func (v *Value) Store(val any) {
	if val == nil {
		panic("sync/atomic: store of nil value into Value")
	}
	v.swap(val, "sync/atomic: store of inconsistently typed value into Value")
}

// Swap stores new into Value and returns the previous value. It returns nil if
// the Value is empty.
//
// All calls to Swap for a given Value must use values of the same concrete
// type. Swap of an inconsistent type panics, as does Swap(nil).
func (v *Value) Swap(new any) (old any) {
	if new == nil {
		panic("sync/atomic: swap of nil value into Value")
	}
	return v.swap(new, "sync/atomic: swap of inconsistently typed value into Value")
}

// swap installs a box holding new (not nil) and returns the previous value,
// panicking with inconsistent if new's type is not the stored one.
func (v *Value) swap(new any, inconsistent string) (old any) {
	nb := unsafe.Pointer(&box{new})
	for {
		p := LoadPointer(&v.v)
		if p != nil {
			old = (*box)(p).x
			if typeOf(old) != typeOf(new) {
				panic(inconsistent)
			}
		}
		if CompareAndSwapPointer(&v.v, p, nb) {
			return old
		}
	}
}

// CompareAndSwap executes the compare-and-swap operation for the Value.
//
// All calls to CompareAndSwap for a given Value must use values of the same
// concrete type. CompareAndSwap of an inconsistent type panics, as does
// CompareAndSwap(old, nil).
func (v *Value) CompareAndSwap(old, new any) (swapped bool) {
	if new == nil {
		panic("sync/atomic: compare and swap of nil value into Value")
	}
	if old != nil && typeOf(old) != typeOf(new) {
		panic("sync/atomic: compare and swap of inconsistently typed values")
	}
	nb := unsafe.Pointer(&box{new})
	for {
		p := LoadPointer(&v.v)
		if p == nil {
			if old != nil {
				return false
			}
			if CompareAndSwapPointer(&v.v, nil, nb) {
				return true
			}
			continue
		}
		cur := (*box)(p).x
		if typeOf(cur) != typeOf(new) {
			panic("sync/atomic: compare and swap of inconsistently typed value into Value")
		}
		// Compared as Go compares interfaces: an uncomparable type panics, as in gc.
		if cur != old {
			return false
		}
		if CompareAndSwapPointer(&v.v, p, nb) {
			return true
		}
	}
}
