// Package runtime: the parts of Go's runtime package that gojit's runtime provides
// today. Each function is a native over runtime/ (stdlib/runtime_natives.cc).
// Not yet: ReadMemStats, Caller (they arrive with the collector and the traceback
// work).
package runtime

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

// NumGoroutine returns the number of goroutines that currently exist.
func NumGoroutine() int

// NumCPU returns the number of logical CPUs usable by the current process.
func NumCPU() int

// GOMAXPROCS sets the maximum number of CPUs that can be executing simultaneously
// and returns the previous setting. If n < 1, it does not change the current
// setting. Changing it stops the world.
func GOMAXPROCS(n int) int

// GC stops the world and starts it again. gojit has no collector yet: nothing is
// freed, but the stop-the-world is real (a goroutine spinning without function
// calls holds it up unless async preemption can stop it).
func GC()

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

// GOOS and GOARCH: gojit runs on linux/amd64 only.
const GOOS = "linux"
const GOARCH = "amd64"

// Stack formats a stack trace of the calling goroutine into buf and returns the
// number of bytes written to buf. If all is true, Stack formats stack traces of
// all other goroutines into buf after the trace for the current goroutine.
// The trace is cut at len(buf).
func Stack(buf []byte, all bool) int
