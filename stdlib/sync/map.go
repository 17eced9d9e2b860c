// Map: a map[any]any safe for concurrent use.
//
// gojit's Map is a Go map under an RWMutex: loads share the read lock, every
// change takes the write lock. gc's Map is a lock-free hash trie
// (internal/sync.HashTrieMap), which reads map types' hash functions in
// internal/abi's layout that gojit's type descriptors do not have. Range
// copies the entries under the read lock and calls f with no lock held, so f
// may call any method of the Map; it sees each key at most once, as gc's does.

package sync

// A Map is like a map[any]any but safe for use by concurrent goroutines with
// no further locking. Its zero value is empty. It must not be copied once used.
type Map struct {
	mu      RWMutex
	entries map[any]any
}

// Load returns the value stored for key and whether there is one.
func (m *Map) Load(key any) (value any, ok bool) {
	m.mu.RLock()
	value, ok = m.entries[key]
	m.mu.RUnlock()
	return value, ok
}

// Store sets the value for key.
func (m *Map) Store(key, value any) {
	m.mu.Lock()
	m.set(key, value)
	m.mu.Unlock()
}

// set stores under the write lock, making the map on first use.
func (m *Map) set(key, value any) {
	if m.entries == nil {
		m.entries = make(map[any]any)
	}
	m.entries[key] = value
}

// LoadOrStore returns the value already stored for key (loaded true), or
// stores value and returns it (loaded false).
func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool) {
	if v, ok := m.Load(key); ok {
		return v, true
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.entries[key]; ok {
		return v, true
	}
	m.set(key, value)
	return value, false
}

// LoadAndDelete deletes key's entry and returns the value it had, if any.
func (m *Map) LoadAndDelete(key any) (value any, loaded bool) {
	m.mu.Lock()
	value, loaded = m.entries[key]
	delete(m.entries, key)
	m.mu.Unlock()
	return value, loaded
}

// Delete deletes key's entry.
func (m *Map) Delete(key any) {
	m.mu.Lock()
	delete(m.entries, key)
	m.mu.Unlock()
}

// Swap stores value for key and returns the value it replaced, if any.
func (m *Map) Swap(key, value any) (previous any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	previous, loaded = m.entries[key]
	m.set(key, value)
	return previous, loaded
}

// CompareAndSwap stores new for key if key's value is old (compared with ==,
// which panics for values that are not comparable), and reports whether it did.
func (m *Map) CompareAndSwap(key, old, new any) (swapped bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.entries[key]; !ok || v != old {
		return false
	}
	m.entries[key] = new
	return true
}

// CompareAndDelete deletes key's entry if its value is old, and reports
// whether it did. A key with no entry is not deleted, whatever old is.
func (m *Map) CompareAndDelete(key, old any) (deleted bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.entries[key]; !ok || v != old {
		return false
	}
	delete(m.entries, key)
	return true
}

// Range calls f for each key and value until f returns false.
func (m *Map) Range(f func(key, value any) bool) {
	type entry struct{ key, value any }
	m.mu.RLock()
	snapshot := make([]entry, 0, len(m.entries))
	for k, v := range m.entries {
		snapshot = append(snapshot, entry{k, v})
	}
	m.mu.RUnlock()
	for _, e := range snapshot {
		if !f(e.key, e.value) {
			return
		}
	}
}

// Clear deletes every entry.
func (m *Map) Clear() {
	m.mu.Lock()
	clear(m.entries)
	m.mu.Unlock()
}
