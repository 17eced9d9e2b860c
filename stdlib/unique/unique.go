// Package unique canonicalizes comparable values: Make returns the same Handle for
// equal values, and comparing two Handles is comparing two pointers.
//
// gojit's unique keeps, for each distinct value, a weak pointer to the one copy
// its Handles point to, in a map under a lock. Go's stores them in
// internal/sync's hash trie, which reads map types' hash functions in
// internal/abi's layout (gojit's type descriptors are not laid out so yet). As in
// Go, a copy that no Handle refers to any more is collected: its weak pointer
// reads nil from then on, and a cleanup on the copy deletes its map entry, unless
// a later Make has put a live copy there meanwhile.
package unique

import (
	"runtime"
	"sync"
	"weak"
)

// A Handle is a unique identity for a value of type T: two Handles made from
// equal values are equal.
type Handle[T comparable] struct {
	value *T
}

// Value returns a copy of the value the Handle was made from.
func (h Handle[T]) Value() T {
	return *h.value
}

// canonical maps each value made so far, boxed in an interface (so values of
// different types never meet), to a weak.Pointer[T] to its copy.
var canonical struct {
	sync.Mutex
	copies map[any]any
}

// Make returns the Handle of value: the same one for every equal value while any
// Handle of it is reachable.
func Make[T comparable](value T) Handle[T] {
	canonical.Lock()
	defer canonical.Unlock()
	if w, ok := canonical.copies[value]; ok {
		if p := w.(weak.Pointer[T]).Value(); p != nil {
			return Handle[T]{p}
		}
	}
	if canonical.copies == nil {
		canonical.copies = make(map[any]any)
	}
	// A string is copied, as Go does, so that a Handle of a short string cut from
	// a long one does not keep the long one's memory.
	if s, ok := any(value).(string); ok {
		value = any(string([]byte(s))).(T)
	}
	p := new(T)
	*p = value
	canonical.copies[value] = weak.Make(p)
	runtime.AddCleanup(p, forget[T], value)
	return Handle[T]{p}
}

// forget deletes value's entry once its copy has been collected, unless Make has
// made a new copy since.
func forget[T comparable](value T) {
	canonical.Lock()
	defer canonical.Unlock()
	if w, ok := canonical.copies[value]; ok && w.(weak.Pointer[T]).Value() == nil {
		delete(canonical.copies, value)
	}
}
