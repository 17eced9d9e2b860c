// Package maps defines various functions useful with maps of any type, with the
// behaviour of Go 1.22's maps: Equal, EqualFunc, Clone, Copy and DeleteFunc.
// Keys, Values, All, Insert and Collect are Go 1.23's iterator functions
// (iter.Seq, range over func): gojit speaks Go 1.22, so they are not here; to
// list a map's keys, range over it and sort them with package slices.
// Clone makes a fresh map with room for len(m) entries rather than copying the
// runtime's table as gc does; the contents, and nil for a nil map, are the same.
package maps

// Equal reports whether two maps contain the same key/value pairs. Values are
// compared using ==, so a NaN value is never equal to another.
func Equal[M1, M2 ~map[K]V, K, V comparable](m1 M1, m2 M2) bool {
	if len(m1) != len(m2) {
		return false
	}
	for k, v1 := range m1 {
		if v2, ok := m2[k]; !ok || v1 != v2 {
			return false
		}
	}
	return true
}

// EqualFunc is like Equal, but compares values using eq. Keys are still
// compared with ==.
func EqualFunc[M1 ~map[K]V1, M2 ~map[K]V2, K comparable, V1, V2 any](m1 M1, m2 M2, eq func(V1, V2) bool) bool {
	if len(m1) != len(m2) {
		return false
	}
	for k, v1 := range m1 {
		if v2, ok := m2[k]; !ok || !eq(v1, v2) {
			return false
		}
	}
	return true
}

// Clone returns a copy of m. This is a shallow clone: the new keys and values
// are set using ordinary assignment. The clone of a nil map is nil.
func Clone[M ~map[K]V, K comparable, V any](m M) M {
	if m == nil {
		return nil
	}
	r := make(M, len(m))
	for k, v := range m {
		r[k] = v
	}
	return r
}

// Copy copies all key/value pairs in src adding them to dst. When a key in src
// is already present in dst, the value in dst will be overwritten by the value
// associated with the key in src. Copying a non-empty src into a nil dst panics
// as any assignment to a nil map does.
func Copy[M1 ~map[K]V, M2 ~map[K]V, K comparable, V any](dst M1, src M2) {
	for k, v := range src {
		dst[k] = v
	}
}

// DeleteFunc deletes any key/value pairs from m for which del returns true.
// Deleting during the range is allowed: each entry is visited once.
func DeleteFunc[M ~map[K]V, K comparable, V any](m M, del func(K, V) bool) {
	for k, v := range m {
		if del(k, v) {
			delete(m, k)
		}
	}
}
