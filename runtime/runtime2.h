// The scheduler's data structures: G (goroutine), M (OS thread), P (processor, the
// right to run Go code), and the global sched. Mirrors runtime/runtime2.go; field
// names follow gc's so its comments and algorithms carry over.
//
// gc's model, kept here: a G runs only on an M that holds a P; each P has a
// 256-slot local run queue plus runnext, and overflow goes to the global queue
// under sched.lock. Idle Ps sit on sched.pidle, idle Ms (parked on their note) on
// sched.midle; spinning Ms look for work to steal (proc.cc explains the protocol).
//
// Beyond the scheduler: each P holds its allocation cache (MCache, mcache.h), its
// timer heap and sudog cache; G and M carry the state of channels and select,
// stack growth, LockOSThread, signals and preemption (sysmon ticks, the pending
// request and the SIGURG bookkeeping of preempt.cc). gc's per-G and per-P
// marking state (gcAssistBytes, gcw) has no counterpart: the collector stops the
// world (mgc.cc). Other fields are added by the issues that need them.
#pragma once

#include <signal.h>

#include <atomic>
#include <cstdint>
#include <string_view>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "runtime/asm_offsets.h"
#include "runtime/lock_futex.h"
#include "runtime/mcache.h"

namespace gojit::rt {

struct G;
struct M;
struct P;
struct Panic;  // _panic (panic.go): added with recover
struct Defer;  // _defer (panic.go): added with defer
struct Coro;   // coro (coro.go): runtime/coro.h
struct Sudog;  // sudog (runtime2.go): runtime/sudog.h
struct Timer;  // timer (runtime2.go): runtime/time.h

// Mirrors gobuf: a saved execution context. sp/pc/bp are the only registers that
// gc saves; we additionally save the SysV callee-saved registers, but on the
// goroutine's own stack below sp (asm_amd64.S, mcall), so the struct stays gc's.
struct Gobuf {
  uintptr_t sp = 0;
  uintptr_t pc = 0;
  G* g = nullptr;
  void* ctxt = nullptr;  // handed to a starting G's function in %rsi
  uintptr_t ret = 0;
  uintptr_t lr = 0;  // unused on amd64, kept for gc's layout
  uintptr_t bp = 0;
};

// Mirrors stack: the bounds of a goroutine stack, [lo, hi).
struct Stack {
  uintptr_t lo = 0;
  uintptr_t hi = 0;
};

// Mirrors the _G* constants. kScan is or'ed into the others during GC scans.
enum class Gstatus : uint32_t {
  kIdle = 0,      // just allocated, not yet initialized
  kRunnable = 1,  // on a run queue, not executing user code
  kRunning = 2,   // may execute user code; owns its stack; has an M and a P
  kSyscall = 3,   // in a system call; has an M, no P
  kWaiting = 4,   // blocked in the runtime (gopark); not on a run queue
  kMoribundUnused = 5,
  kDead = 6,  // unused: on a free list, just exited, or being initialized
  kEnqueueUnused = 7,
  kCopystack = 8,  // its stack is being moved
  kPreempted = 9,  // stopped itself for a suspendG preemption
  kScan = 0x1000,
};
std::string_view GstatusString(uint32_t status);  // gStatusStrings

// Mirrors waitReason: why a _Gwaiting G waits; printed in goroutine headers.
enum class WaitReason : uint8_t {
  kZero = 0,
  kGCAssistMarking,
  kIOWait,
  kChanReceiveNilChan,
  kChanSendNilChan,
  kDumpingHeap,
  kGarbageCollection,
  kGarbageCollectionScan,
  kPanicWait,
  kSelect,
  kSelectNoCases,
  kGCAssistWait,
  kGCSweepWait,
  kGCScavengeWait,
  kChanReceive,
  kChanSend,
  kFinalizerWait,
  kForceGCIdle,
  kSemacquire,
  kSleep,
  kSyncCondWait,
  kTimerGoroutineIdle,
  kTraceReaderBlocked,
  kWaitForGCCycle,
  kGCWorkerIdle,
  kPreempted,
  kDebugCall,
  kCoroutine,
};
std::string_view WaitReasonString(WaitReason r);  // waitReasonStrings

// The function a new G starts in: fn(g, arg). GoEntry is the arg-less form.
using GoFunc = void (*)(G*, void*);

// Mirrors g.
//
// Invariants:
//  1. stack, stackguard0, m and sched sit at the offsets in asm_offsets.h.
//  2. stack.lo <= sched.sp < stack.hi whenever status is kRunnable/kWaiting
//     (the G is switched out); stackguard0 == stack.lo + kStackGuard unless a
//     preemption request replaced it (later).
//  3. Only the G itself or the M running it (curg) writes sched, and only while
//     the status is kRunning; a G is on at most one run queue at a time, linked
//     through schedlink (owned by whichever queue holds it).
//  4. atomicstatus changes only through CasGStatus.
struct G {
  Stack stack;                // offset 0: [lo, hi)
  uintptr_t stackguard0 = 0;  // offset 16: compared with SP in the split-stack prologue
  uintptr_t stackguard1 = 0;  // offset 24: for C code (unused)
  Panic* panic_ = nullptr;    // offset 32: innermost panic
  Defer* defer_ = nullptr;    // offset 40: innermost defer
  M* m = nullptr;             // offset 48: current M; null when not running
  Gobuf sched;                // offset 56
  uintptr_t syscallsp = 0;
  uintptr_t syscallpc = 0;
  void* param = nullptr;  // passed parameter on wakeup (chans, later)
  std::atomic<uint32_t> atomicstatus{static_cast<uint32_t>(Gstatus::kIdle)};
  int64_t goid = 0;
  G* schedlink = nullptr;                     // guarded by whichever queue holds the G
  int64_t waitsince = 0;                      // approx time when the G became blocked
  WaitReason waitreason = WaitReason::kZero;  // if status == kWaiting
  bool preempt = false;                       // a preemption was requested
  int64_t preempt_since = 0;  // when the pending request was made (preempttrace)
  bool stuck_reported = false;  // the watchdog reported this request
  M* lockedm = nullptr;  // the M this G is locked to (LockOSThread), or null
  Timer* timer = nullptr;  // cached timer for time.Sleep (runtime/time.cc)
  uint32_t sig = 0;        // signal that caused the current panic, if any
  uintptr_t sigcode0 = 0;  // si_code
  uintptr_t sigcode1 = 0;  // si_addr
  uintptr_t sigpc = 0;     // faulting pc
  uintptr_t gopc = 0;      // pc of the go statement that created this G
  uintptr_t startpc = 0;   // pc of the goroutine function
  // gojit: the stack's mapping starts at stack_map (== stack.lo); old_stack is the
  // stack gp last grew out of, kept until __morestack has left it (stack.cc).
  uintptr_t stack_map = 0;
  Stack old_stack;
  G* alllink_unused = nullptr;
  // Channels and select (runtime/chan.cc, select.cc). waiting: the sudogs this G
  // is blocked on (a select's, in lock order), linked through waitlink; written
  // only by the G itself, read under the channels' locks. selectDone: CAS'd 0->1
  // by the waker that wins a select's wake-up race (waitq.dequeue).
  // activeStackChans/parkingOnChan: for stack copying, which must lock the
  // channels of sudogs pointing into this stack (gc's copystack).
  Sudog* waiting = nullptr;
  std::atomic<uint32_t> selectDone{0};
  // A runtime goroutine (the finalizer goroutine, gc's isSystemGoroutine): not
  // counted by NumGoroutine or checkdead, shown in dumps only with
  // GOTRACEBACK=system.
  bool system = false;
  // crypto/internal/fips140's service indicator (gc's g.fipsIndicator).
  uint8_t fips_indicator = 0;
  // A dead G's stack memory was given back to the OS (ReleaseDeadStacks); cleared
  // when the G is reused.
  bool stack_released = false;
  bool activeStackChans = false;
  std::atomic<uint8_t> parkingOnChan{0};
  // The coroutine this G runs (coro.cc, gc's coroarg): its exit switches back to
  // the coroutine's other goroutine instead of scheduling.
  Coro* coroarg = nullptr;
};

static_assert(offsetof(G, stack) + offsetof(Stack, lo) == G_STACK_LO);
static_assert(offsetof(G, stack) + offsetof(Stack, hi) == G_STACK_HI);
static_assert(offsetof(G, stackguard0) == G_STACKGUARD0);
static_assert(offsetof(G, m) == G_M);
static_assert(offsetof(G, sched) == G_SCHED);
static_assert(offsetof(Gobuf, sp) == GOBUF_SP);
static_assert(offsetof(Gobuf, pc) == GOBUF_PC);
static_assert(offsetof(Gobuf, g) == GOBUF_G);
static_assert(offsetof(Gobuf, ctxt) == GOBUF_CTXT);
static_assert(offsetof(Gobuf, ret) == GOBUF_RET);
static_assert(offsetof(Gobuf, lr) == GOBUF_LR);
static_assert(offsetof(Gobuf, bp) == GOBUF_BP);

// Mirrors m. One per OS thread running Go code.
//
// Invariants:
//  1. g0 and curg sit at the offsets in asm_offsets.h.
//  2. curg != null iff the M is running a G (curg->m == this); p != null while it
//     runs Go code. Only the M's own thread writes curg, p and locks.
//  3. g0's stack is the thread's stack; g0->sched.sp is where mcall and
//     systemstack switch to (set once by mstart; every switch reuses it from the top).
struct M {
  G* g0 = nullptr;    // offset 0: goroutine with the scheduling stack
  G* curg = nullptr;  // offset 8: current running goroutine
  P* p = nullptr;     // attached P for executing Go code (null if not executing)
  P* nextp = nullptr;
  P* oldp = nullptr;  // the P that was attached before executing a syscall
  int64_t id = 0;
  int32_t locks = 0;     // > 0: do not preempt (runtime locks held)
  int32_t dying = 0;     // > 0 once this M is printing a fatal panic/throw
  int32_t throwing = 0;  // > 0 while in Throw
  bool spinning = false;  // looking for work to steal (counted in sched.nmspinning)
  bool blocked = false;
  uint64_t procid = 0;     // Linux thread id
  M* schedlink = nullptr;  // guarded by sched.lock (midle list)
  M* alllink = nullptr;    // on allm
  Note park;               // an idle M sleeps here (stopm) until startm hands it a P
  void (*mstartfn)(M*) = nullptr;  // run by a new M before it schedules (mspinning)
  G* lockedg = nullptr;            // the G locked to this M (LockOSThread)
  uint32_t lockedExt = 0;          // external LockOSThread count
  uint32_t lockedInt = 0;          // internal lockOSThread count
  uint32_t syscalltick = 0;        // p->syscalltick at entersyscall
  // Async preemption (preempt.cc): a SIGURG is in flight to this thread; the
  // number of goroutines the signal has preempted on it.
  std::atomic<uint32_t> signal_pending{0};
  uintptr_t* tls_stackguard = nullptr;  // this thread's %fs:0x70 slot (MInit)
  // The watchdog's PC sample: set probe, signal, the handler stores the pc.
  std::atomic<uint32_t> probe{0};
  std::atomic<uintptr_t> probed_pc{0};
  std::atomic<uint64_t> preempt_count{0};
  // Signal handling stack (sigaltstack), mirrors gsignal's stack.
  Stack gsignal_stack;
  // gopark's arguments, read by park_m on g0 (mirrors waitunlockf/waitlock).
  bool (*waitunlockf)(G*, void*) = nullptr;
  void* waitlock = nullptr;
  WaitReason waitreason = WaitReason::kZero;
  // fastrand state (wyrand), seeded lazily by FastRand (runtime/chan.h) on first
  // use; gc seeds it in mcommoninit.
  uint64_t fastrand = 0;
  // Between BeforeFork and AfterFork (runtime/fork.cc): the signal mask to put
  // back, and in_fork, which a forked child keeps until it execs: its system calls
  // do not hand off the P (the child has one thread, and no scheduler).
  sigset_t fork_sigmask;
  bool in_fork = false;
};

static_assert(offsetof(M, g0) == M_G0);
static_assert(offsetof(M, curg) == M_CURG);

// Mirrors the _P* constants.
enum class Pstatus : uint32_t { kIdle = 0, kRunning, kSyscall, kGcstop, kDead };

// Mirrors sysmontick: what sysmon saw of a P at its last look (runtime/sysmon.cc).
struct SysmonTick {
  uint32_t schedtick = 0;
  int64_t schedwhen = 0;
  uint32_t syscalltick = 0;
  int64_t syscallwhen = 0;
};

inline constexpr int kLocalRunQueueSize = 256;

// Mirrors p.
//
// Invariants:
//  1. Only the owning M (p->m) writes runqtail, runq slots and runnext-with-a-G;
//     other Ps may steal (CAS runqhead, CAS runnext to null) without a lock.
//  2. runqtail - runqhead is in [0, kLocalRunQueueSize].
//  3. A G is in at most one of: runnext, runq[head..tail), sched.runq, a free list.
struct P {
  int32_t id = 0;
  std::atomic<uint32_t> status{static_cast<uint32_t>(Pstatus::kIdle)};
  P* link = nullptr;       // guarded by sched.lock (pidle list)
  std::atomic<uint32_t> schedtick{0};    // incremented on every scheduler call
  std::atomic<uint32_t> syscalltick{0};  // incremented on every system call
  SysmonTick sysmontick;                 // last tick observed by sysmon
  M* m = nullptr;          // back-link to the associated M (null if idle)
  uint64_t goidcache = 0;  // [goidcache, goidcacheend) reserved goids
  uint64_t goidcacheend = 0;
  // Goroutines started minus goroutines exited on this P, not yet added to
  // sched.ngolive: a shared atomic updated by every newproc and goexit would bounce
  // its cache line between Ps (see GoliveAdd). Only the P's owner touches it.
  int32_t ngolive_delta = 0;
  std::atomic<uint32_t> runqhead{0};
  std::atomic<uint32_t> runqtail{0};
  std::atomic<G*> runq[kLocalRunQueueSize] = {};
  // runnext, if non-null, is a runnable G that was readied by the current G and
  // should run next instead of what's in runq (it inherits the time slice).
  std::atomic<G*> runnext{nullptr};
  // Available dead Gs (status == kDead), owned by this P.
  G* gfree = nullptr;
  int32_t gfreecount = 0;
  // Cache of free sudogs (gc: sudogcache []*sudog with sudogbuf [128]*sudog
  // behind it); only the owning M touches it (runtime/sudog.cc).
  static constexpr int32_t kSudogCacheSize = 128;
  Sudog* sudogcache[kSudogCacheSize] = {};
  int32_t nsudogcache = 0;
  // Timers (runtime/time.cc): a 4-ary min-heap on Timer::when, guarded by
  // timersLock. timer0When mirrors the heap's first when (0: empty) and numTimers
  // its size, both readable without the lock.
  Mutex timersLock;
  std::vector<Timer*> timers ABSL_GUARDED_BY(timersLock);
  std::atomic<int64_t> timer0When{0};
  std::atomic<uint32_t> numTimers{0};
  // The P's allocation cache (runtime/malloc.cc); only the M holding the P uses it.
  MCache mcache;
};

// A queue of Gs linked through schedlink (gQueue).
struct GQueue {
  G* head = nullptr;
  G* tail = nullptr;
  bool Empty() const { return head == nullptr; }
  void PushBack(G* gp);
  void Push(G* gp);
  G* Pop();
};

// Mirrors schedt.
struct SchedT {
  std::atomic<uint64_t> goidgen{0};
  // The last time the network poller (netpoll.cc: also the timed sleep for timers)
  // was polled, 0 while an M is blocked in it; pollUntil: when that M wakes.
  std::atomic<int64_t> lastpoll{0};
  std::atomic<int64_t> pollUntil{0};
  Mutex lock;
  M* midle ABSL_GUARDED_BY(lock) = nullptr;  // idle Ms waiting for work
  int32_t nmidle ABSL_GUARDED_BY(lock) = 0;
  int32_t nmidlelocked ABSL_GUARDED_BY(lock) = 0;  // locked Ms waiting for work
  int64_t mnext ABSL_GUARDED_BY(lock) = 0;   // number of Ms created and next M id
  int32_t nmsys ABSL_GUARDED_BY(lock) = 0;   // system Ms not counted for deadlock
  P* pidle ABSL_GUARDED_BY(lock) = nullptr;  // idle Ps
  std::atomic<int32_t> npidle{0};
  std::atomic<int32_t> nmspinning{0};
  // Stop-the-world (stopTheWorldWithSema): gcwaiting is set while the world
  // stops; each P that stops decrements stopwait, the last wakes stopnote.
  std::atomic<uint32_t> gcwaiting{0};
  int32_t stopwait ABSL_GUARDED_BY(lock) = 0;
  Note stopnote;
  // sysmon sleeps on sysmonnote while everything is idle (sysmonwait set).
  std::atomic<uint32_t> sysmonwait{0};
  Note sysmonnote;
  Mutex sysmonlock;  // held by sysmon while it acts on the world
  // Global runnable queue.
  GQueue runq ABSL_GUARDED_BY(lock);
  int32_t runqsize ABSL_GUARDED_BY(lock) = 0;
  // Global cache of dead Gs (with their stacks, until stacks are freed by GC).
  Mutex gfree_lock;
  G* gfree ABSL_GUARDED_BY(gfree_lock) = nullptr;
  int32_t ngfree ABSL_GUARDED_BY(gfree_lock) = 0;
  // gojit: user goroutines not yet dead (gc counts them in checkdead from allgs),
  // short of what the Ps hold back in P::ngolive_delta (at most kGoliveBatch each):
  // exact whenever every P is idle or dead (PidlePut and DestroyP flush), which is
  // when checkdead reads it; the parked-stacks heuristic takes it as it is.
  std::atomic<int32_t> ngolive{0};
  // Central cache of free sudogs, linked through next (runtime/sudog.cc).
  Mutex sudoglock;
  Sudog* sudogcache ABSL_GUARDED_BY(sudoglock) = nullptr;
};

extern SchedT sched;

// The Ps. allp[0, gomaxprocs) are in use; allp never shrinks and a P is never
// freed (procresize marks surplus Ps dead), so it may be read without a lock.
// gomaxprocs changes only with the world stopped (procresize).
inline constexpr int32_t kMaxGomaxprocs = 256;
extern std::atomic<int32_t> gomaxprocs;
extern P* allp[kMaxGomaxprocs];
extern int32_t ncpu;  // CPUs usable by this process (sched_getaffinity)

// allgs: every G ever created (never shrinks, as in gc).
extern Mutex allglock;
extern std::vector<G*> allgs ABSL_GUARDED_BY(allglock);

// The M running on this thread, or null (a thread that never ran Go code). gc
// reads getg().m; gojit passes g explicitly, so paths without a G (signals,
// Throw) use this. Never %fs:0x70: that slot is the stack guard.
extern thread_local M* tls_m;

// gc's _StackGuard (stack.go): how far above stack.lo the prologue check fires.
// gc's is 928 bytes; gojit's is 16 KiB, because C++ runtime code and stdlib
// natives run below the last Go frame without checks (stack.cc).
inline constexpr uintptr_t kStackGuard = 16 << 10;

}  // namespace gojit::rt
