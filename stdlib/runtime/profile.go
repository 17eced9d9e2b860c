// Profiles and execution traces: gc's API, over a runtime that samples nothing.
//
// gojit's allocator, scheduler and locks keep no profiling buckets, so every
// profile here is empty and says so the way gc's does when nothing was sampled:
// n is 0 and ok is true. The rates are recorded and read back, so code that sets
// and restores them (package testing does, around every run) behaves as under
// gc (MemProfileRate is in runtime.go). Execution tracing is not there: StartTrace returns an error, and with no
// trace running StopTrace and ReadTrace do what gc's do then (nothing, nil).

package runtime

// A StackRecord is one profiled stack: the PCs from the innermost frame out,
// ended by a zero or by the array's end.
type StackRecord struct {
	Stack0 [32]uintptr
}

// Stack returns the record's PCs up to the first zero.
func (r *StackRecord) Stack() []uintptr {
	for i, pc := range r.Stack0 {
		if pc == 0 {
			return r.Stack0[:i]
		}
	}
	return r.Stack0[:]
}

// A MemProfileRecord describes the live objects allocated at one stack.
type MemProfileRecord struct {
	AllocBytes, FreeBytes     int64
	AllocObjects, FreeObjects int64
	Stack0                    [32]uintptr
}

// InUseBytes is AllocBytes less FreeBytes.
func (r *MemProfileRecord) InUseBytes() int64 { return r.AllocBytes - r.FreeBytes }

// InUseObjects is AllocObjects less FreeObjects.
func (r *MemProfileRecord) InUseObjects() int64 { return r.AllocObjects - r.FreeObjects }

// Stack returns the record's PCs up to the first zero.
func (r *MemProfileRecord) Stack() []uintptr {
	for i, pc := range r.Stack0 {
		if pc == 0 {
			return r.Stack0[:i]
		}
	}
	return r.Stack0[:]
}

// MemProfile copies the heap profile's records into p: none, since gojit
// samples no allocations.
func MemProfile(p []MemProfileRecord, inuseZero bool) (n int, ok bool) { return 0, true }

// A BlockProfileRecord describes the blocking events at one stack.
type BlockProfileRecord struct {
	Count  int64
	Cycles int64
	StackRecord
}

// blockProfileRate and mutexProfileFraction are what the setters were given.
var blockProfileRate, mutexProfileFraction int

// SetBlockProfileRate sets how often blocking events are to be sampled (rate <= 0
// turns it off). gojit records the rate and samples no events.
func SetBlockProfileRate(rate int) {
	if rate < 0 {
		rate = 0
	}
	blockProfileRate = rate
}

// SetMutexProfileFraction sets the fraction of mutex contention events to be
// sampled and returns the previous one; a negative rate only reads it. gojit
// records the fraction and samples no events.
func SetMutexProfileFraction(rate int) int {
	old := mutexProfileFraction
	if rate >= 0 {
		mutexProfileFraction = rate
	}
	return old
}

// BlockProfile copies the blocking profile's records into p: none.
func BlockProfile(p []BlockProfileRecord) (n int, ok bool) { return 0, true }

// MutexProfile copies the mutex contention profile's records into p: none.
func MutexProfile(p []BlockProfileRecord) (n int, ok bool) { return 0, true }

// ThreadCreateProfile copies the thread creation profile's records into p: none.
func ThreadCreateProfile(p []StackRecord) (n int, ok bool) { return 0, true }

// noTracer is StartTrace's error (package errors would import runtime).
type noTracer struct{}

func (noTracer) Error() string { return "runtime: gojit has no execution tracer" }

// StartTrace would start the execution tracer; gojit has none.
func StartTrace() error { return noTracer{} }

// StopTrace stops the execution tracer if one runs: none ever does.
func StopTrace() {}

// ReadTrace returns the next chunk of trace data, or nil once tracing has
// stopped: with no tracer, nil at once.
func ReadTrace() []byte { return nil }
