// Package unique canonicalizes comparable values: Make returns the same Handle for
// equal values, and comparing two Handles is comparing two pointers.
//
// gojit's unique keeps one value per distinct key in a map under a lock. Go's
// stores them in internal/sync's hash trie, which reads map types' hash functions
// in internal/abi's layout (gojit's type descriptors are not laid out so yet), and
// holds them weakly, so values no Handle refers to any more are dropped; here they
// are kept for the life of the program.
package unique

import "sync"

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
// different types never meet), to the one copy its Handles point to.
var canonical struct {
	sync.Mutex
	copies map[any]any
}

// Make returns the Handle of value: the same one for every equal value.
func Make[T comparable](value T) Handle[T] {
	canonical.Lock()
	defer canonical.Unlock()
	if p, ok := canonical.copies[value]; ok {
		return Handle[T]{p.(*T)}
	}
	if canonical.copies == nil {
		canonical.copies = make(map[any]any)
	}
	p := new(T)
	*p = value
	canonical.copies[value] = p
	return Handle[T]{p}
}
