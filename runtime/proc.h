// The runtime's internal scheduler API, shared by runtime/*.cc and the runtime
// tests (not by jit/ or the CLI: they use runtime.h). Mirrors the exported-within-
// runtime functions of proc.go and the assembly of asm_amd64.s.
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/runtime.h"
#include "runtime/runtime2.h"

// asm_amd64.S. C names so the assembly can call and be called.
extern "C" {
[[noreturn]] void gojit_gogo(gojit::rt::Gobuf* buf);
void gojit_mcall(gojit::rt::G* gp, void (*fn)(gojit::rt::G*));
void gojit_mstart0(gojit::rt::G* g0, void (*fn)(gojit::rt::G*));
void gojit_systemstack(gojit::rt::G* gp, void (*fn)(void*), void* arg);
void gojit_goexit();
void gojit_sigpanic_tramp();
void gojit_setstackguard(uintptr_t guard);
// Called from the assembly.
[[noreturn]] void gojit_goexit1(gojit::rt::G* gp);   // proc.cc
[[noreturn]] void gojit_sigpanic(gojit::rt::G* gp);  // signal_unix.cc
void gojit_resume();
}

namespace gojit::rt {

// --- stacks (stack.cc) -----------------------------------------------------------
// Goroutines start on kFixedStack bytes and grow by copying (GrowStack). Under
// RunUntilDone the "goroutines" are C++ test functions with no prologue checks, so
// they get kTestStackSize and never grow.
inline constexpr size_t kFixedStack = size_t{32} << 10;
inline constexpr size_t kTestStackSize = size_t{1} << 20;
inline constexpr size_t kSignalStackSize = size_t{32} << 10;  // gc's gsignal: 32 KiB

// A stack of at least `size` bytes (rounded up to a power of two) for gp: sets
// gp->stack, gp->stack_map and gp->stackguard0. Mirrors stackalloc.
void StackAlloc(G* gp, size_t size);
// Releases gp's stack (and a leftover old one). Mirrors stackfree.
void StackFree(G* gp);
// Releases the stack gp grew out of, if any.
void FreeOldStack(G* gp);
// Mirrors newstack's growth + copystack: moves gp's used stack [sp, hi) to a
// larger one that fits framesize more, relocating words (and the nregs saved
// registers at regs) that point into the old stack. Returns sp's new address.
// Dies with gc's "stack overflow" past 1,000,000,000 bytes.
uintptr_t GrowStack(G* gp, uintptr_t sp, uint64_t framesize, uintptr_t* regs, size_t nregs);
// Mirrors shrinkstack: halves gp's stack if gp is parked or runnable and uses less
// than a quarter of it. REQUIRES: the world is stopped.
void ShrinkStack(G* gp);
// Parked stacks (stack.cc): when live_goroutines >= kCompactGoroutines and gp, just
// parked (ParkM, before its unlockf), uses at most kCompactMax bytes of its
// kFixedStack stack, moves it to a compact stack of 1 or 2 KiB that holds its used
// bytes (nothing runs on it, so it needs no headroom). ExpandStack moves it back
// onto kFixedStack bytes; Execute calls it for a goroutine on a compact stack
// (IsCompactStack) before it runs.
inline constexpr int64_t kCompactGoroutines = 10000;
inline constexpr size_t kCompactMax = 2048;
void CompactStack(G* gp, int64_t live_goroutines);
// Whether goroutines park (and start) on compact stacks with live_goroutines alive
// (GODEBUG=parkedstacks).
bool CompactStacksOn(int64_t live_goroutines);
// A new G's first stack: a compact one (NewProc1, when CompactStacksOn).
void StackAllocCompact(G* gp);
void ExpandStack(G* gp);
inline bool IsCompactStack(const G* gp) { return gp->stack.hi - gp->stack.lo < kFixedStack; }
// GODEBUG=stacktrace=1 (gojit's key): at exit, how often stacks grew, shrank and
// were parked compactly, and the largest one. Called by Exit.
void PrintStackTrace();

// --- G status (proc.go) ----------------------------------------------------------
uint32_t ReadGStatus(G* gp);                             // readgstatus
void CasGStatus(G* gp, Gstatus oldval, Gstatus newval);  // casgstatus

// --- goroutines and scheduling (proc.go) -----------------------------------------
// Creates a G running fn(g, arg) and puts it in the current P's runnext.
// callerpc: the return address into the code with the go statement (for the
// traceback's "created by" line), 0 if none. REQUIRES: callergp is running on an
// M with a P. Mirrors newproc.
G* NewProc(G* callergp, GoFunc fn, void* arg, uintptr_t callerpc = 0);
// runtime.NumGoroutine: the user goroutines that exist now (goroutines.cc).
int64_t NumGoroutine();
// Yields the processor: gp goes to the global run queue. Mirrors Gosched.
void Gosched(G* gp);
// Yields to the Gs of this P: gp goes to the local run queue's tail. Mirrors goyield.
void Goyield(G* gp);
// Parks gp (status kWaiting, reason) and schedules another G; unlockf(gp, lock), if
// set, runs on g0 after gp is switched out, and gp resumes at once if it returns
// false. Mirrors gopark.
void Gopark(G* gp, bool (*unlockf)(G*, void*), void* lock, WaitReason reason);
// Makes a kWaiting G runnable, in the current P's runnext. Mirrors goready.
void Goready(G* callergp, G* gp);
// The G running on this thread, or null. (gc: getg().m.curg.)
G* CurrentG();

// Brackets a blocking system call made by gp: its P may run other Gs meanwhile
// (sysmon hands it to another M). Mirrors entersyscall/exitsyscall.
void EnterSyscall(G* gp);
// entersyscallblock: EnterSyscall, and the P handed to another M at once.
void EnterSyscallBlock(G* gp);
void ExitSyscall(G* gp);

// fork(2) from Go code (runtime/fork.cc; syscall's forkExec calls them around its
// clone). BeforeFork: no preemption of gp's M and every signal blocked, the old
// mask kept. AfterFork: the parent undoes both. AfterForkInChild: the child's
// caught signals go back to SIG_DFL and the mask is restored, before it execs.
// Mirror syscall_runtime_BeforeFork, _AfterFork and _AfterForkInChild.
void BeforeFork(G* gp);
void AfterFork(G* gp);
void AfterForkInChild(G* gp);
// Held around an execve system call and by NewM around creating a thread, so no
// thread is half made when the process image is replaced. Mirrors execLock; taken
// inside the system call's native (after EnterSyscall), so a goroutine never waits
// for the world while holding it.
void LockExec();
void UnlockExec();

// runtime.LockOSThread/UnlockOSThread: wire gp to its current M (counted).
void LockOSThread(G* gp);
void UnlockOSThread(G* gp);

// Stops every P but gp's (waiting for running Gs to enter the scheduler), and
// starts them again; one stop at a time. Mirrors stopTheWorld/startTheWorld.
void StopTheWorld(G* gp, const char* reason);
void StartTheWorld(G* gp);
// With the world stopped: records "blocked since now" in every blocked G that has
// no such time yet, as gc's mark phase does (markroot); goroutine headers then show
// ", N minutes" once a G has been blocked for a minute.
void MarkWaitSince();
// With the world stopped: ShrinkStack on every goroutine (unless
// GODEBUG=gcshrinkstackoff=1); returns how many stacks shrank.
int ShrinkStacks();
// runtime.GOMAXPROCS(n): the previous value; n > 0 changes it (stopping the world).
int32_t SetGomaxprocs(G* gp, int32_t n);
// sync.Mutex's question: is spinning (iteration i) worthwhile? Mirrors
// sync_runtime_canSpin.
bool CanSpin(G* gp, int64_t i);
// Starts the sysmon thread (RuntimeMain does, for RunMain).
void StartSysmon();

// For tests: runs entry as G1 through the scheduler like RunMain, but returns to
// the caller (instead of exiting) once G1 and every goroutine it started have
// exited. Sets up and tears down its own M0/P; not reentrant. Returns the number of
// goroutines that ran (G1 included).
int RunUntilDone(GoEntry entry, RunOptions options = {});

// The options of the current run (Exit reads print_exit_status).
const RunOptions& CurrentRunOptions();

// The collector, world stopped: dead goroutines' stack memory back to the OS.
uintptr_t ReleaseDeadStacks();
// The collector, world stopped: cached free stacks' memory back to the OS.
uintptr_t ReleaseFreeStacks();

// --- finalizers (mfinal.cc) -------------------------------------------------------
// runtime.SetFinalizer(obj, fin), with gc's checks and fatal errors.
void SetFinalizer(G* g, GoEface obj, GoEface fin);
// runtime.AddCleanup: fn (a func() value) runs on the finalizer goroutine once the
// object holding ptr is unreachable. Returns the id for StopCleanup (0: ptr is not
// in the heap, and fn never runs).
uint64_t AddCleanup(G* g, void* ptr, void* fn);
// runtime.Cleanup.Stop: fn will not run (if it has not been queued already).
void StopCleanup(uint64_t id);
// How many finalizers and cleanups were ever queued and run (runtime/metrics).
struct FinalizerCounts {
  uint64_t finalizers_queued, finalizers_executed, cleanups_queued, cleanups_executed;
};
FinalizerCounts ReadFinalizerCounts();
// Forgets the finalizer goroutine and every finalizer (RunUntilDone's teardown).
void ResetFinalizers();

// --- weak pointers (mweak.cc) -----------------------------------------------------
// weak.Make: p's handle, a heap cell holding p until p's object dies, then 0. One
// handle per distinct pointer while its object lives.
void* WeakHandle(G* g, void* p);
// weak.Pointer.Value: the pointer a handle holds, or null once its object died.
void* WeakValue(void* handle);
// Forgets every handle (RunUntilDone's teardown).
void ResetWeakHandles();

// --- memory (malloc.cc) -----------------------------------------------------------
// Mirrors roundupsize (msize.go): the size mallocgc really hands out for a request,
// from gc's size classes (sizeclasses.go), so cap() after append matches gc.
uintptr_t RoundUpSize(uintptr_t size);
// Where zero-sized allocations point (mirrors zerobase).
extern uintptr_t zerobase;

// --- printing (print.cc), internal forms of the print builtins ------------------
void PrintLock();
void PrintUnlock();
void PrintBytes(const void* p, size_t n);  // gwrite
void PrintString(std::string_view s);      // printstring
void PrintInt(int64_t v);                  // printint
void PrintUint(uint64_t v);                // printuint
void PrintHex(uint64_t v);                 // printhex
void PrintFloat(double v, int bits);       // printfloat64 (bits 64), printfloat32 (32)
void PrintComplex(double re, double im, int bits);  // printcomplex128 (64), printcomplex64 (32)
void PrintPointer(const void* p);          // printpointer
// Writes out whatever printlock buffered (for fatal paths).
void PrintFlush();
// True while this thread is inside printlock (not an async safe point).
bool PrintLockHeld();

// --- tracebacks (traceback.cc) ---------------------------------------------------
const FuncInfo* FindFunc(uintptr_t pc);  // findfunc; null outside JIT'd code
// Whether pc lies within a registered object's JIT'd code (never in libc or
// gojit's own C++ code); lock-free, for signal handlers (FindFunc takes a lock
// that C++ code may hold).
bool InJitCode(uintptr_t pc);
// The source line of pc within f (-1 if unknown).
int32_t FuncLineAt(const FuncInfo& f, uintptr_t pc);
// "goroutine N [status]:\n" (goroutineheader).
void GoroutineHeader(G* gp);
// Prints the JIT'd frames of the frame-pointer chain starting at fp (a frame
// pointer whose [fp+8] is a return address), with pc the innermost frame's pc if
// known (exact, not a return address), else 0. Stays within gp's stack when gp is
// known. Mirrors traceback1's printing loop.
void TracebackFrames(G* gp, uintptr_t pc, uintptr_t fp);
// runtime.Callers: the "pcs" of gp's logical frames (inlined calls expanded) from
// the caller of the frame at fp outward, the first being runtime.Callers itself;
// skips skip of them and stores at most max. See traceback.cc for the encoding.
int CallerPCs(G* gp, uintptr_t fp, int skip, uintptr_t* out, int max);
// What a pc from CallerPCs (or a plain code address) stands for.
struct LogicalFrame {
  std::string_view name;
  std::string_view file;
  int32_t line = 0;
  uintptr_t entry = 0;
};
bool LogicalFrameAt(uintptr_t pc, LogicalFrame* out);
// The source function at an exact pc of JIT'd code: the innermost call LLVM
// inlined there that a traceback would show (not a go/defer wrapper), else the
// function itself.
bool InnermostFrameAt(uintptr_t pc, LogicalFrame* out);
// Every other live goroutine's header and frames (tracebackothers).
void TracebackOthers(G* me);
// GOTRACEBACK (gotraceback): level 0 (none) prints no goroutines, 1 (single, the
// default) the failing one, 2 (all, system, crash) every one; crash also dies by
// SIGABRT instead of exiting 2.
struct Traceback {
  int level = 1;
  bool all = false;
  bool crash = false;
};
Traceback GotracebackSetting();
// GOTRACEBACK=crash: die by SIGABRT (a core dump where enabled).
[[noreturn]] void CrashAbort();

// --- signals (signal_unix.cc) ----------------------------------------------------
void InitSig();                // initsig: install SIGSEGV/SIGBUS handlers
void MinitSignalStack(M* mp);  // minitSignalStack: sigaltstack for this thread
void UnminitSignalStack(M* mp);

}  // namespace gojit::rt
