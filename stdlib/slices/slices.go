// Package slices defines various functions useful with slices of any type, with
// the behaviour of Go 1.22's slices: the same results, the same panics (the
// runtime's bounds errors where gc's functions index or slice out of range, fixed
// texts such as "slices.Max: empty list" elsewhere), and the Go 1.22 rule that
// Delete, DeleteFunc, Compact, CompactFunc and Replace zero the elements between
// the new and the old length, so the dropped values are not kept alive.
// The iterator functions of Go 1.23 (All, Values, Collect, Sorted, ...) are not
// here: gojit speaks Go 1.22, which has no range-over-func.
// This file: equality, searching, insertion and deletion, growing. Sorting and
// binary search are in sort.go, over the generic pattern-defeating quicksort of
// pdqsort_ordered.go and pdqsort_func.go and the stable sort of stable.go.
package slices

import (
	"cmp"
	"unsafe"
)

// Equal reports whether two slices are equal: the same length and all elements
// equal. If the lengths are different, Equal returns false. Otherwise, the
// elements are compared in increasing index order, and the comparison stops at
// the first unequal pair. Empty and nil slices are considered equal.
// Floating point NaNs are not considered equal.
func Equal[S ~[]E, E comparable](s1, s2 S) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i := range s1 {
		if s1[i] != s2[i] {
			return false
		}
	}
	return true
}

// EqualFunc reports whether two slices are equal using an equality function on
// each pair of elements. If the lengths are different, EqualFunc returns false.
// Otherwise, the elements are compared in increasing index order, and the
// comparison stops at the first index for which eq returns false.
func EqualFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, eq func(E1, E2) bool) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i, v1 := range s1 {
		if !eq(v1, s2[i]) {
			return false
		}
	}
	return true
}

// Compare compares the elements of s1 and s2, using cmp.Compare on each pair of
// elements. The elements are compared sequentially, starting at index 0, until
// one element is not equal to the other. The result of comparing the first
// non-matching elements is returned. If both slices are equal until one of them
// ends, the shorter slice is considered less than the longer one. The result is
// 0 if s1 == s2, -1 if s1 < s2, and +1 if s1 > s2.
func Compare[S ~[]E, E cmp.Ordered](s1, s2 S) int {
	for i, v1 := range s1 {
		if i >= len(s2) {
			return +1
		}
		if c := cmp.Compare(v1, s2[i]); c != 0 {
			return c
		}
	}
	if len(s1) < len(s2) {
		return -1
	}
	return 0
}

// CompareFunc is like Compare but uses a custom comparison function on each pair
// of elements. The result is the first non-zero result of cmp; if cmp always
// returns 0 the result is 0 if len(s1) == len(s2), -1 if len(s1) < len(s2), and
// +1 if len(s1) > len(s2).
func CompareFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, cmp func(E1, E2) int) int {
	for i, v1 := range s1 {
		if i >= len(s2) {
			return +1
		}
		if c := cmp(v1, s2[i]); c != 0 {
			return c
		}
	}
	if len(s1) < len(s2) {
		return -1
	}
	return 0
}

// Index returns the index of the first occurrence of v in s, or -1 if not present.
func Index[S ~[]E, E comparable](s S, v E) int {
	for i := range s {
		if v == s[i] {
			return i
		}
	}
	return -1
}

// IndexFunc returns the first index i satisfying f(s[i]), or -1 if none do.
func IndexFunc[S ~[]E, E any](s S, f func(E) bool) int {
	for i := range s {
		if f(s[i]) {
			return i
		}
	}
	return -1
}

// Contains reports whether v is present in s.
func Contains[S ~[]E, E comparable](s S, v E) bool {
	return Index(s, v) >= 0
}

// ContainsFunc reports whether at least one element e of s satisfies f(e).
func ContainsFunc[S ~[]E, E any](s S, f func(E) bool) bool {
	return IndexFunc(s, f) >= 0
}

// Insert inserts the values v... into s at index i, returning the modified slice.
// The elements at s[i:] are shifted up to make room. In the returned slice r,
// r[i] == v[0], and r[i+len(v)] == value originally at r[i]. Insert panics if i
// is out of range (as s[i:] does). This function is O(len(s) + len(v)).
func Insert[S ~[]E, E any](s S, i int, v ...E) S {
	_ = s[i:] // bounds check: the panic is the slice expression's
	m := len(v)
	if m == 0 {
		return s
	}
	n := len(s)
	if i == n {
		return append(s, v...)
	}
	if n+m > cap(s) {
		// No room: a new array with v between the head and the tail. v cannot
		// overlap the new array, and s is only read.
		s2 := append(s[:i], make(S, n+m-i)...)
		copy(s2[i:], v)
		copy(s2[i+m:], s[i:])
		return s2
	}
	s = s[:n+m]
	// In place: s[:i] stays, s[i:n] moves up by m, v goes to s[i:i+m]. If v may
	// live in s[i+m:] (which the move overwrites), copy v first into s[n:], where
	// copy's memmove reads it whole before writing, and rotate it down to i.
	if !overlaps(v, s[i+m:]) {
		copy(s[i+m:], s[i:])
		copy(s[i:], v)
		return s
	}
	copy(s[n:], v)
	rotateRight(s[i:], m)
	return s
}

// Delete removes the elements s[i:j] from s, returning the modified slice.
// Delete panics if j > len(s) or s[i:j] is not a valid slice of s. Delete is
// O(len(s)-i), so if many items must be deleted, it is better to make a single
// call deleting them all together than to delete one at a time. Delete zeroes
// the elements s[len(s)-(j-i):len(s)].
func Delete[S ~[]E, E any](s S, i, j int) S {
	_ = s[i:j:len(s)] // bounds check: the panic is the slice expression's
	if i == j {
		return s
	}
	oldlen := len(s)
	s = append(s[:i], s[j:]...)
	clear(s[len(s):oldlen])
	return s
}

// DeleteFunc removes any elements from s for which del returns true, returning
// the modified slice. DeleteFunc zeroes the elements between the new length and
// the original length.
func DeleteFunc[S ~[]E, E any](s S, del func(E) bool) S {
	i := IndexFunc(s, del)
	if i == -1 {
		return s
	}
	// del was called once on s[i]; every later element is tested exactly once.
	for j := i + 1; j < len(s); j++ {
		if v := s[j]; !del(v) {
			s[i] = v
			i++
		}
	}
	clear(s[i:])
	return s[:i]
}

// Replace replaces the elements s[i:j] by the given v, and returns the modified
// slice. Replace panics if j > len(s) or s[i:j] is not a valid slice of s. When
// len(v) < (j-i), Replace zeroes the elements between the new length and the
// original length.
func Replace[S ~[]E, E any](s S, i, j int, v ...E) S {
	_ = s[i:j] // bounds check: the panic is the slice expression's
	if i == j {
		return Insert(s, i, v...)
	}
	if j == len(s) {
		s2 := append(s[:i], v...)
		if len(s2) < len(s) {
			clear(s[len(s2):])
		}
		return s2
	}
	tot := len(s[:i]) + len(v) + len(s[j:])
	if tot > cap(s) {
		// No room: a new array; s and v are only read.
		s2 := append(s[:i], make(S, tot-i)...)
		copy(s2[i:], v)
		copy(s2[i+len(v):], s[j:])
		return s2
	}
	r := s[:tot]
	if i+len(v) <= j {
		// v fits in the hole s[i:j]: the tail moves down (or stays). copy is a
		// memmove, so a v inside s is read before it is overwritten.
		copy(r[i:], v)
		copy(r[i+len(v):], s[j:])
		clear(s[tot:])
		return r
	}
	// v is longer than the hole: the tail s[j:] moves up by y.
	y := len(v) - (j - i)
	if !overlaps(r[i+len(v):], v) {
		// Moving the tail does not clobber v.
		copy(r[i+len(v):], s[j:])
		copy(r[i:], v)
		return r
	}
	// v lives (partly) where the tail goes. Put v[y:] in the hole r[i:j] and
	// v[:y] in the new room r[len(s):], first into whichever of the two v does
	// not overlap (so the second copy still reads v whole), then rotate r[i:]
	// right by y: v[:y], v[y:], tail.
	if !overlaps(r[i:j], v) {
		copy(r[i:j], v[y:])
		copy(r[len(s):], v[:y])
		rotateRight(r[i:], y)
		return r
	}
	if !overlaps(r[len(s):], v) {
		copy(r[len(s):], v[:y])
		copy(r[i:j], v[y:])
		rotateRight(r[i:], y)
		return r
	}
	// v overlaps both, so it covers the whole tail s[j:], which starts at v[k].
	// Write v in place (copy is a memmove), after which the tail sits at
	// r[i+k:], and move the tail up behind v.
	k := startIdx(v, s[j:])
	copy(r[i:], v)
	copy(r[i+len(v):], r[i+k:])
	return r
}

// Clone returns a copy of the slice. The elements are copied using assignment,
// so this is a shallow clone. The result may have additional unused capacity.
// A nil slice clones to nil, an empty one to an empty non-nil slice.
func Clone[S ~[]E, E any](s S) S {
	// s[:0:0] is nil exactly when s is.
	return append(s[:0:0], s...)
}

// Compact replaces consecutive runs of equal elements with a single copy. This
// is like the uniq command found on Unix. Compact modifies the contents of the
// slice s and returns the modified slice, which may have a smaller length.
// Compact zeroes the elements between the new length and the original length.
func Compact[S ~[]E, E comparable](s S) S {
	if len(s) < 2 {
		return s
	}
	// Each element is compared with its neighbour in the original slice: the
	// write index i never passes the read index k.
	i := 1
	for k := 1; k < len(s); k++ {
		if s[k] != s[k-1] {
			if i != k {
				s[i] = s[k]
			}
			i++
		}
	}
	clear(s[i:])
	return s[:i]
}

// CompactFunc is like Compact but uses an equality function to compare elements.
// For runs of elements that compare equal, CompactFunc keeps the first one.
// CompactFunc zeroes the elements between the new length and the original length.
func CompactFunc[S ~[]E, E any](s S, eq func(E, E) bool) S {
	if len(s) < 2 {
		return s
	}
	i := 1
	for k := 1; k < len(s); k++ {
		if !eq(s[k], s[k-1]) {
			if i != k {
				s[i] = s[k]
			}
			i++
		}
	}
	clear(s[i:])
	return s[:i]
}

// Grow increases the slice's capacity, if necessary, to guarantee space for
// another n elements. After Grow(n), at least n elements can be appended to the
// slice without another allocation. If n is negative or too large to allocate
// the memory, Grow panics.
func Grow[S ~[]E, E any](s S, n int) S {
	if n < 0 {
		panic("cannot be negative")
	}
	if n -= cap(s) - len(s); n > 0 {
		// append picks the capacity (with append's rounding), as in gc.
		s = append(s[:cap(s)], make([]E, n)...)[:len(s)]
	}
	return s
}

// Clip removes unused capacity from the slice, returning s[:len(s):len(s)].
func Clip[S ~[]E, E any](s S) S {
	return s[:len(s):len(s)]
}

// Reverse reverses the elements of the slice in place.
func Reverse[S ~[]E, E any](s S) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// Concat returns a new slice concatenating the passed in slices. It panics with
// "len out of range" if the total length overflows an int. With nothing to
// concatenate (no slices, or only empty ones) the result is nil.
func Concat[S ~[]E, E any](slices ...S) S {
	size := 0
	for _, s := range slices {
		size += len(s)
		if size < 0 {
			panic("len out of range")
		}
	}
	newslice := Grow[S](nil, size)
	for _, s := range slices {
		newslice = append(newslice, s...)
	}
	return newslice
}

// rotateLeft rotates s left by r: s[r:] then s[:r]. It uses block swaps (the
// Gries-Mills algorithm), so it needs no buffer.
func rotateLeft[E any](s []E, r int) {
	for r != 0 && r != len(s) {
		if r*2 <= len(s) {
			swap(s[:r], s[len(s)-r:])
			s = s[:len(s)-r]
		} else {
			swap(s[:len(s)-r], s[r:])
			s, r = s[len(s)-r:], r*2-len(s)
		}
	}
}

// rotateRight rotates s right by r: s[len(s)-r:] then s[:len(s)-r].
func rotateRight[E any](s []E, r int) {
	rotateLeft(s, len(s)-r)
}

// swap swaps the contents of x and y, which have the same length and do not
// overlap.
func swap[E any](x, y []E) {
	for i := 0; i < len(x); i++ {
		x[i], y[i] = y[i], x[i]
	}
}

// overlaps reports whether the memory ranges a[:len(a)] and b[:len(b)] overlap.
// Zero-sized elements share one address and never overlap.
func overlaps[E any](a, b []E) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	elemSize := unsafe.Sizeof(a[0])
	if elemSize == 0 {
		return false
	}
	return uintptr(unsafe.Pointer(&a[0])) <= uintptr(unsafe.Pointer(&b[len(b)-1]))+(elemSize-1) &&
		uintptr(unsafe.Pointer(&b[0])) <= uintptr(unsafe.Pointer(&a[len(a)-1]))+(elemSize-1)
}

// startIdx returns the index in haystack where needle starts; needle must be a
// non-empty subslice of haystack's array starting within haystack.
func startIdx[E any](haystack, needle []E) int {
	elemSize := unsafe.Sizeof(haystack[0])
	if elemSize == 0 {
		return 0
	}
	return int((uintptr(unsafe.Pointer(&needle[0])) - uintptr(unsafe.Pointer(&haystack[0]))) / elemSize)
}
