// The runtime's public C++ API, used by the CLI (cmd/), jit/ and the stdlib natives.
//
// JIT'd code does not use this header: it calls the extern "C" entry points listed
// in runtime/abi.def (typed in runtime/entrypoints.h). Everything here runs outside
// Go code or in natives that already hold the current G*.
//
// What it offers: starting the program (RunMain: M0, the GOMAXPROCS Ps, G1 and the
// scheduler; Exit, Args), the entry-point table for jit/ (RuntimeSymbols), the
// table of JIT'd functions for tracebacks and runtime.Callers (RegisterFunction,
// FuncInfo with the frames LLVM inlined), collected allocation (Malloc,
// NewString), unbuffered writes (WriteFd), panics with gc's text
// (PanicRuntimeError, PanicTypeAssertion, PanicValue), recover around a C++ call
// of Go code (CallRecovering) and the runtime's error values, and fatal errors
// (Throw). Behind it runs the whole runtime: many Ms and Ps, channels and select,
// timers, defer/recover, a stop-the-world garbage collector, growable stacks,
// cooperative and asynchronous preemption (see runtime/README.md).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "runtime/type.h"

namespace gojit::rt {

struct G;  // opaque outside runtime/

// How Gs are stopped (gojit run --preempt; preempt.cc): kAsync, gc's default, by
// the prologue check and by signal; kCooperative, the prologue check (and loop
// polls with --safepoints=loops) only, as Go 1.13 or GODEBUG=asyncpreemptoff=1;
// kOff, never (a G runs until it blocks or yields). Without a call the mode is
// kAsync, or kCooperative under GODEBUG=asyncpreemptoff=1; a mode set here (an
// explicit --preempt) wins over GODEBUG.
enum class PreemptMode { kAsync, kCooperative, kOff };
void SetPreemptMode(PreemptMode mode);
// --safepoints=none: prologue checks exist only for stack growth; preemption
// requests do not set stackPreempt.
void SetPrologueSafepoints(bool on);

// A JIT'd function: runs package inits then main.main.
using GoEntry = void (*)(G*);

// One runtime entry point, for jit/ to define as an absolute symbol.
struct RuntimeSymbol {
  const char* name;  // "gojit_rt_<Name>"
  void* address;
};

// Every abi.def entry, built from abi.def with an X-macro (runtime/symbols.cc).
std::span<const RuntimeSymbol> RuntimeSymbols();

// A JIT'd function, for tracebacks and for the signal handler to tell Go code
// from C++ code.
struct FuncInfo {
  uintptr_t start = 0, end = 0;  // [start, end)
  std::string name;              // "main.main"
  std::string file;              // "/abs/path/main.go"
  // (pc offset from start, line), sorted by offset; may be empty.
  std::vector<std::pair<uint32_t, int32_t>> lines;
  // Calls LLVM inlined into this function. From `offset` up to the next range's,
  // the pc is in `frames` (innermost first: the function whose code it is, at
  // `line`, then each caller at the line of its call into the previous frame, up
  // to but excluding this function), and this function is at `outer_line`, the
  // call into the outermost inlined frame. Empty frames: no inlined call there.
  struct InlinedFrame {
    std::string name;
    std::string file;
    int32_t line = 0;
  };
  struct InlineRange {
    uint32_t offset = 0;
    std::vector<InlinedFrame> frames;
    int32_t outer_line = 0;
  };
  std::vector<InlineRange> inlined;  // sorted by offset; may be empty
};

// Called by jit/ for the JIT'd functions of each linked object, all at once.
// Thread-safe. JIT'd code must keep frame pointers ("frame-pointer"="all") for the
// traceback to find its callers.
void RegisterFunctions(std::vector<FuncInfo> infos);
// One function (tests).
inline void RegisterFunction(FuncInfo info) {
  std::vector<FuncInfo> one;
  one.push_back(std::move(info));
  RegisterFunctions(std::move(one));
}

// Deterministic schedules (gojit run --sched; deterministic_sched.h): one
// goroutine at a time, every scheduling decision drawn from a PRNG seeded with
// `seed`, virtual time; optionally the decisions written to record_file, or taken
// from a recording (replay_text, read from replay_file; its header gives the seed).
struct SchedOptions {
  bool deterministic = false;
  uint64_t seed = 0;
  // PCT (deterministic_sched.h): picks by priority with pct_depth - 1 change
  // points among the first pct_steps scheduling steps; 0: uniform picks.
  int pct_depth = 0;
  int64_t pct_steps = 0;
  // At exit, "steps N\n" (the run's scheduling steps) is written here (explore's
  // step estimate for PCT); -1: nowhere.
  int stats_fd = -1;
  std::string record_file;
  std::string replay_file;
  std::string replay_text;
};

// Checks a schedule recording (--sched=replay): "" if it can be replayed, else
// what is wrong, with its line ("3: not a decision").
std::string CheckSchedRecording(std::string_view text);

struct RunOptions {
  // Like `go run`: on a non-zero exit print "exit status N" to stderr.
  bool print_exit_status = true;
  // The number of Ps; 0: $GOMAXPROCS, else the CPUs this process may use (RunMain),
  // 1 (RunUntilDone).
  int gomaxprocs = 0;
  // Called by Exit first, on whichever thread exits (gojit --time prints there).
  // Must only write to fds: the world is not stopped and other Ms still run.
  void (*at_exit)() = nullptr;
  // The Go tree the standard library was compiled from: runtime.GOROOT's answer
  // when $GOROOT is unset (gc's is the tree that built the binary).
  std::string goroot;
  SchedOptions sched;
  // How long a goroutine runs before sysmon asks it to yield (gc's forcePreemptNS,
  // 10 ms; gojit run --timeslice). sysmon wakes at least every 10 ms, so a shorter
  // slice is noticed within its tick (20 us when busy).
  int64_t time_slice_ns = 10 * 1000 * 1000;
  // Whether the collector may mark concurrently: false when the program was
  // compiled without the write barrier (gojit run --write-barriers=false).
  bool concurrent_gc = true;
};

// Sets up M0 (this thread), its g0 (the thread stack), the P(s) and the main
// goroutine G1 on its own mmap'd stack, runs entry on G1 through the scheduler and
// exits the process (via Exit) with code 0 when entry returns: it never returns.
// Mirrors rt0_go + schedinit + newproc(runtime.main) + mstart. Call at most once.
int RunMain(GoEntry entry, std::vector<std::string> args, RunOptions options);

// os.Exit: flushes nothing (writes are unbuffered), prints "exit status N" to
// stderr if RunOptions say so and N != 0, then _exit(N).
[[noreturn]] void Exit(int code);

// The program's arguments (os.Args); args[0] is the program name.
const std::vector<std::string>& Args();

// Zeroed, collected memory for size bytes of values of `type` (mirrors mallocgc):
// null or a type without pointers gives memory the collector never scans, so a
// pointer stored there does not keep its target alive; use kPointerWordsType for
// runtime structures whose words may be pointers.
void* Malloc(G* g, int64_t size, const TypeDescriptor* type);

// A descriptor whose every word may be a pointer (scanned conservatively).
extern const TypeDescriptor kPointerWordsType;

// A heap copy of s as a Go string.
GoString NewString(G* g, std::string_view s);
// A []string of heap copies of strs.
GoSlice NewStringSlice(G* g, const std::vector<std::string>& strs);

// Writes all n bytes to fd, retrying on EINTR and short writes; unbuffered, like
// gc's write1.
void WriteFd(int fd, const void* p, size_t n);

// "panic: runtime error: <msg>" (+ the "[signal ...]" line where gc prints one),
// the goroutine's traceback, exit 2. Mirrors panic(errorString/boundsError...)
// reaching fatalpanic with no recover.
[[noreturn]] void PanicRuntimeError(G* g, std::string_view msg);

// "panic: interface conversion: ..." (a *runtime.TypeAssertionError), traceback,
// exit 2.
[[noreturn]] void PanicTypeAssertion(G* g, std::string_view msg);

// The runtime's error values (runtime/error.cc): runtime.errorString ("runtime
// error: " + msg), runtime.plainError and *runtime.TypeAssertionError (msg as is).
// Calls fn(g, arg) as a Go function with a deferred recover() would: when fn
// panics, the panic stops there, its value goes to *recovered and the result is
// true (fmt's catchPanic, the runtime's preprintpanics). With no G (unit tests),
// fn runs unprotected. defer.cc.
bool CallRecovering(G* g, void (*fn)(G*, void*), void* arg, GoEface* recovered);
GoEface RuntimeErrorValue(G* g, std::string_view msg);
GoEface PlainErrorValue(G* g, std::string_view msg);
GoEface TypeAssertionErrorValue(G* g, std::string_view msg);

// panic(v) with no recover: "panic: " + printpanicval(v) + traceback, exit 2.
[[noreturn]] void PanicValue(G* g, GoEface v);

// "fatal error: <msg>", tracebacks of all goroutines, exit 2. Mirrors throw.
[[noreturn]] void Throw(std::string_view msg);

}  // namespace gojit::rt
