// Package runtime: the parts of Go's runtime package that gojit's runtime provides
// today. Each function is a native over runtime/ (stdlib/runtime_natives.cc).
// Callers and friends are in symtab.go.
package runtime

import "unsafe"

// Gosched yields the processor, allowing other goroutines to run.
func Gosched()

// Goexit runs all deferred calls of the calling goroutine, then terminates it.
func Goexit()

// Error identifies a run-time error: what recover returns after a runtime panic.
type Error interface {
	error
	// RuntimeError is a no-op that distinguishes run-time errors from ordinary ones.
	RuntimeError()
}

// runtimeError returns the run-time error the runtime panics with for msg, as
// the panic value it is (an any holding a runtime.Error).
func runtimeError(msg string) any

// The run-time errors Go's packages reach by //go:linkname (math/bits panics with
// them), the same values the runtime's own checks panic with.
var (
	divideError   = runtimeError("integer divide by zero").(error)
	overflowError = runtimeError("integer overflow").(error)
)

// NumGoroutine returns the number of goroutines that currently exist.
func NumGoroutine() int

// NumCPU returns the number of logical CPUs usable by the current process.
func NumCPU() int

// GOMAXPROCS sets the maximum number of CPUs that can be executing simultaneously
// and returns the previous setting. If n < 1, it does not change the current
// setting. Changing it stops the world.
func GOMAXPROCS(n int) int

// Breakpoint executes a breakpoint trap.
func Breakpoint()

// GC runs a garbage collection and blocks the caller until it is complete. The
// collector stops the world for the whole cycle (a goroutine spinning without
// function calls holds it up unless async preemption can stop it).
func GC()

// A MemStats records statistics about the memory allocator. The layout is gc's
// (Go 1.19 mstats.go); gojit fills what its allocator tracks and leaves the
// runtime-internal fields it has no counterpart for (Lookups, MSpan*, MCache*,
// BuckHashSys, GCSys, OtherSys, BySize's counts) zero.
type MemStats struct {
	// Alloc is bytes of allocated heap objects.
	Alloc uint64
	// TotalAlloc is cumulative bytes allocated for heap objects.
	TotalAlloc uint64
	// Sys is the total bytes of memory obtained from the OS.
	Sys uint64
	// Lookups is the number of pointer lookups performed by the runtime.
	Lookups uint64
	// Mallocs is the cumulative count of heap objects allocated.
	Mallocs uint64
	// Frees is the cumulative count of heap objects freed.
	Frees uint64

	// HeapAlloc is bytes of allocated heap objects.
	HeapAlloc uint64
	// HeapSys is bytes of heap memory obtained from the OS.
	HeapSys uint64
	// HeapIdle is bytes in idle (unused) spans.
	HeapIdle uint64
	// HeapInuse is bytes in in-use spans.
	HeapInuse uint64
	// HeapReleased is bytes of physical memory returned to the OS.
	HeapReleased uint64
	// HeapObjects is the number of allocated heap objects.
	HeapObjects uint64

	// StackInuse is bytes in stack spans.
	StackInuse uint64
	// StackSys is bytes of stack memory obtained from the OS.
	StackSys uint64
	// MSpanInuse is bytes of allocated mspan structures.
	MSpanInuse uint64
	// MSpanSys is bytes of memory obtained from the OS for mspan structures.
	MSpanSys uint64
	// MCacheInuse is bytes of allocated mcache structures.
	MCacheInuse uint64
	// MCacheSys is bytes of memory obtained from the OS for mcache structures.
	MCacheSys uint64
	// BuckHashSys is bytes of memory in profiling bucket hash tables.
	BuckHashSys uint64
	// GCSys is bytes of memory in garbage collection metadata.
	GCSys uint64
	// OtherSys is bytes of memory in miscellaneous off-heap runtime allocations.
	OtherSys uint64

	// NextGC is the target heap size of the next GC cycle.
	NextGC uint64
	// LastGC is the time the last garbage collection finished, as nanoseconds
	// since 1970 (the UNIX epoch).
	LastGC uint64
	// PauseTotalNs is the cumulative nanoseconds in GC stop-the-world pauses.
	PauseTotalNs uint64
	// PauseNs is a circular buffer of recent GC stop-the-world pause times in
	// nanoseconds. The most recent pause is at PauseNs[(NumGC+255)%256].
	PauseNs [256]uint64
	// PauseEnd is a circular buffer of recent GC pause end times, as nanoseconds
	// since 1970 (the UNIX epoch).
	PauseEnd [256]uint64
	// NumGC is the number of completed GC cycles.
	NumGC uint32
	// NumForcedGC is the number of GC cycles that were forced by the application
	// calling the GC function.
	NumForcedGC uint32
	// GCCPUFraction is the fraction of this program's available CPU time used by
	// the GC since the program started.
	GCCPUFraction float64
	// EnableGC indicates that GC is enabled. It is always true.
	EnableGC bool
	// DebugGC is currently unused.
	DebugGC bool

	// BySize reports per-size class allocation statistics.
	BySize [61]struct {
		Size    uint32
		Mallocs uint64
		Frees   uint64
	}
}

// Cleanup is the handle AddCleanup returns, to cancel the cleanup.
type Cleanup struct {
	id uint64
}

// AddCleanup arranges for cleanup(arg) to run, on the finalizer goroutine, once
// the object ptr points into is unreachable. cleanup and arg must not reach ptr,
// or the object stays alive and the cleanup never runs. An object may have any
// number of cleanups, in no particular order.
func AddCleanup[T, S any](ptr *T, cleanup func(S), arg S) Cleanup {
	if ptr == nil {
		panic("runtime.AddCleanup: ptr is nil")
	}
	if unsafe.Sizeof(arg) == unsafe.Sizeof(ptr) && unsafe.Pointer(ptr) == *(*unsafe.Pointer)(unsafe.Pointer(&arg)) {
		panic("runtime.AddCleanup: ptr is equal to arg, cleanup will never run")
	}
	return Cleanup{addCleanup(unsafe.Pointer(ptr), func() { cleanup(arg) })}
}

// Stop cancels the cleanup, if it has not started to run yet.
func (c Cleanup) Stop() {
	if c.id != 0 {
		stopCleanup(c.id)
	}
}

func addCleanup(ptr unsafe.Pointer, fn func()) uint64
func stopCleanup(id uint64)

// SetFinalizer sets the finalizer associated with obj to the provided finalizer
// function. When the garbage collector finds an unreachable block with an
// associated finalizer, it clears the association and runs finalizer(obj) in a
// separate goroutine. This makes obj reachable again, but now without an
// associated finalizer; the next collection that finds it unreachable frees it.
// obj must be a pointer to an object allocated by calling new, by taking the
// address of a composite literal, or by taking the address of a local variable;
// finalizer must be a func with one parameter to which obj's type can be assigned.
// SetFinalizer(obj, nil) clears any finalizer associated with obj.
func SetFinalizer(obj any, finalizer any)

// MemProfileRate controls the fraction of memory allocations that are recorded
// and reported in the memory profile. gojit has no memory profiler: the variable
// exists, with gc's default, so that programs setting it run.
var MemProfileRate int = 512 * 1024

// ReadMemStats populates m with memory allocator statistics. The returned memory
// allocator statistics are up to date as of the call to ReadMemStats; it stops
// the world to gather them.
func ReadMemStats(m *MemStats)

// LockOSThread wires the calling goroutine to its current operating system thread
// until the goroutine has made as many calls to UnlockOSThread as to LockOSThread;
// a goroutine that exits locked takes its thread with it.
func LockOSThread()

// UnlockOSThread undoes an earlier call to LockOSThread.
func UnlockOSThread()

// KeepAlive marks its argument as reachable until this call.
func KeepAlive(x any)

// Compiler is the name of the compiler toolchain that built the running binary.
const Compiler = "gc"

// GOROOT returns the root of the Go tree: $GOROOT when it is set, else the tree
// whose standard library gojit compiled into this program.
func GOROOT() string

// GOOS and GOARCH: gojit runs on linux/amd64 only.
const GOOS = "linux"
const GOARCH = "amd64"

// Stack formats a stack trace of the calling goroutine into buf and returns the
// number of bytes written to buf. If all is true, Stack formats stack traces of
// all other goroutines into buf after the trace for the current goroutine.
// The trace is cut at len(buf).
func Stack(buf []byte, all bool) int
