// Package debug contains facilities for programs to debug themselves while they
// are running. Follows gc's runtime/debug (garbage.go, stack.go, mod.go) over
// gojit's runtime (natives in stdlib/debug_natives.cc, settings in
// runtime/debug.cc).
//
// SetGCPercent, SetMemoryLimit and FreeOSMemory drive the collector
// (runtime/mgc.cc); SetMaxStack and SetTraceback are real. ReadBuildInfo reports
// no build information (a JIT run has no module build). Not here: ReadGCStats, WriteHeapDump, SetPanicOnFault, Module's String.
package debug

import (
	"os"
	"runtime"
	"sync"
)

var (
	threadsMu  sync.Mutex
	maxThreads = 10000
)

// SetGCPercent sets the garbage collection target percentage: a collection is
// triggered when the ratio of freshly allocated data to live data remaining after
// the previous collection reaches this percentage. It returns the previous setting
// (100, or $GOGC, initially). A negative percentage disables garbage collection
// unless a memory limit is set.
func SetGCPercent(percent int) int {
	if percent < 0 {
		percent = -1
	}
	return setGCPercent(percent)
}

func setGCPercent(percent int) int

// SetMemoryLimit sets a soft memory limit for the runtime and returns the
// previously set limit (math.MaxInt64, or $GOMEMLIMIT, initially); a negative
// input only reads it.
func SetMemoryLimit(limit int64) int64 {
	return setMemoryLimit(limit)
}

func setMemoryLimit(limit int64) int64

// FreeOSMemory forces a garbage collection followed by an attempt to return as
// much memory to the operating system as possible.
func FreeOSMemory()

// SetMaxStack sets the maximum amount of memory that can be used by a single
// goroutine stack and returns the previous setting (1,000,000,000 initially).
// A goroutine whose stack would grow past it dies with "stack overflow".
func SetMaxStack(bytes int) int {
	return setMaxStack(bytes)
}

func setMaxStack(bytes int) int

// SetMaxThreads sets the maximum number of operating system threads that the Go
// program can use and returns the previous setting (10000 initially). gojit only
// records it.
func SetMaxThreads(threads int) int {
	threadsMu.Lock()
	defer threadsMu.Unlock()
	old := maxThreads
	maxThreads = threads
	return old
}

// SetTraceback sets the amount of detail printed by the runtime in the traceback
// it prints before exiting due to an unrecovered panic or an internal runtime
// error: "none", "single", "all", "system", "crash" or a number, as GOTRACEBACK.
// It cannot reduce the amount of detail below that of the environment variable.
func SetTraceback(level string) {
	setTraceback(level)
}

func setTraceback(level string)

// Stack returns a formatted stack trace of the goroutine that calls it.
func Stack() []byte {
	buf := make([]byte, 1024)
	for {
		n := runtime.Stack(buf, false)
		if n < len(buf) {
			return buf[:n]
		}
		buf = make([]byte, 2*len(buf))
	}
}

// PrintStack prints to standard error the stack trace returned by Stack.
func PrintStack() {
	os.Stderr.Write(Stack())
}

// BuildInfo represents the build information read from a Go binary.
type BuildInfo struct {
	GoVersion string         // Version of Go that produced this binary.
	Path      string         // The main package path
	Main      Module         // The module containing the main package
	Deps      []*Module      // Module dependencies
	Settings  []BuildSetting // Other information about the build.
}

// A Module describes a single module included in a build.
type Module struct {
	Path    string  // module path
	Version string  // module version
	Sum     string  // checksum
	Replace *Module // replaced by this module
}

// A BuildSetting is a key-value pair describing one setting that influenced a
// build.
type BuildSetting struct {
	Key, Value string
}

// ReadBuildInfo returns the build information embedded in the running binary.
// gojit runs programs from source, with no module build: ok is always false.
func ReadBuildInfo() (info *BuildInfo, ok bool) {
	return nil, false
}
