// The collector's driver: when to collect (the pacer), the cycle, and the
// statistics and knobs. Mirrors mgc.go (gcStart, gcMarkDone, gcMarkTermination),
// mgcpacer.go (heap goal, trigger, GOGC, GOMEMLIMIT) and mstats.go (ReadMemStats).
//
// A cycle is concurrent by default, in gc's phases, with two short pauses:
//   1. StopTheWorld (both preemption mechanisms, runtime/preempt.cc); scan every
//      root that is not a heap object (goroutine stacks, package variables, the
//      runtime's structures: mgcmark.cc) and queue what they reach; turn on the
//      write barrier and black allocation (mbarrier.cc); StartTheWorld.
//   2. Mark the heap while the program runs, on the cycle's own thread (its
//      goroutine waits as in a blocking system call, its P runs others), until
//      the queue and what the barrier shaded are both empty.
//   3. StopTheWorld; mark what the barrier shaded since; turn the barrier off;
//      flush every P's mcache (malloc.cc) so no span is owned by a cache; clear
//      the weak pointers of unmarked objects, queue finalizers; hand every span
//      to the sweeper (mgcsweep.cc); return free page runs to the OS
//      (MHeap::Scavenge), and the stacks of dead goroutines (ReleaseDeadStacks);
//   4. set the next goal: live * (1 + GOGC/100), at least 4 MB * GOGC/100
//      (heapMinimum) and live + 1 MB (kMinRunway), capped by GOMEMLIMIT, and the
//      trigger 70% of the way there; StartTheWorld;
//   5. sweep while the program runs: the cycle goroutine in the background,
//      allocation as it needs spans, and the next cycle before its first pause
//      (runtime.GC before it returns).
// GODEBUG=gcstoptheworld=1, as in gc, runs the whole cycle in one pause instead
// (steps 1 to 4 with the mark done in the pause, on every P's worth of threads,
// and the sweep too).
// Collections start from mallocgc when the heap reaches the trigger
// (GcShouldTrigger, GcTrigger): the goroutine that crossed it wakes the cycle
// goroutine, a runtime goroutine that runs heap-triggered cycles, and allocates
// on; and from runtime.GC and debug.FreeOSMemory, on the calling goroutine. gc's
// mark assists are reduced to a backstop: a goroutine that allocates past the
// goal while a cycle marks waits for the cycle to end, and one that gets there
// before the cycle goroutine has run collects itself.
//
// Invariants:
//  1. heap_live counts the bytes of allocated objects plus the free slots of spans
//     owned by mcaches (gc's heapLive accounting: a span's free space counts as
//     allocated when a cache takes it and is given back at flush); a cycle's last
//     pause sets it to the bytes marked, the live heap, and garbage not yet swept
//     never counts again.
//  2. Only a goroutine holding worldsema (StopTheWorld) changes the goal or the
//     trigger; gc_percent and memory_limit change under it too.
//  3. One cycle at a time: it holds cycle_lock from before its first pause to
//     after its last, and cycle_running is set in between. Sweeping, the only
//     thing that frees heap memory, ends before the first pause (mgcsweep.cc's
//     invariant 2), so the marker's reads of span metadata only race with
//     allocation, which only turns free slots into marked ones.
#include "runtime/mgc.h"

#include <cstdlib>
#include <cstring>
#include <ctime>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string_view>

#include "runtime/debug.h"
#include "runtime/deterministic_sched.h"
#include "runtime/entrypoints.h"
#include "runtime/mheap.h"
#include "runtime/proc.h"
#include "runtime/runtime2.h"

namespace gojit::rt {

bool QueueFinalizers();  // mfinal.cc
void ClearDeadWeakHandles();  // mweak.cc
void WakeFing(G* g);

namespace {

constexpr uint64_t kHeapMinimum = 4 << 20;  // heapMinimum at GOGC=100
// gojit's own floor on the runway between cycles. gc's concurrent cycles let the
// program allocate while marking, so even GOGC=1 costs it a few cycles; a
// stop-the-world collector with a runway of a few kilobytes would do nothing but
// collect (and scan every goroutine stack each time).
constexpr uint64_t kMinRunway = 1 << 20;

int32_t ReadGOGC() {
  const char* p = getenv("GOGC");
  if (p == nullptr) return 100;
  std::string_view v = p;
  if (v == "off") return -1;
  int64_t n = 0;
  if (v.empty()) return 100;
  for (char c : v) {
    if (c < '0' || c > '9') return 100;
    n = n * 10 + (c - '0');
    if (n > (int64_t{1} << 30)) break;
  }
  return static_cast<int32_t>(n);
}

// GOMEMLIMIT: a byte count with an optional B, KiB, MiB, GiB or TiB suffix, or
// "off" (gc's parseByteCount). Unset or unparsable: no limit.
int64_t ReadGOMEMLIMIT() {
  const char* p = getenv("GOMEMLIMIT");
  if (p == nullptr) return INT64_MAX;
  std::string_view v = p;
  if (v == "off" || v.empty()) return INT64_MAX;
  int64_t mult = 1;
  struct Suffix {
    std::string_view s;
    int64_t m;
  };
  for (Suffix suf : {Suffix{"KiB", int64_t{1} << 10}, Suffix{"MiB", int64_t{1} << 20},
                     Suffix{"GiB", int64_t{1} << 30}, Suffix{"TiB", int64_t{1} << 40},
                     Suffix{"B", 1}}) {
    if (v.size() > suf.s.size() && v.substr(v.size() - suf.s.size()) == suf.s) {
      v.remove_suffix(suf.s.size());
      mult = suf.m;
      break;
    }
  }
  int64_t n = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return INT64_MAX;
    n = n * 10 + (c - '0');
    if (n > INT64_MAX / 10 / mult) return INT64_MAX;
  }
  return n * mult;
}

// A lock held by a goroutine rather than a thread: the cycle's goroutine may
// stop the world, or wait as in a system call, and come back on another thread
// before it unlocks, which a std::mutex does not allow. Waiters block their
// thread (callers wait as in a system call).
class CycleLock {
 public:
  bool try_lock() {
    std::lock_guard<std::mutex> l(mu_);
    if (held_) return false;
    held_ = true;
    return true;
  }
  void lock() {
    std::unique_lock<std::mutex> l(mu_);
    cv_.wait(l, [this] { return !held_; });
    held_ = true;
  }
  void unlock() {
    std::lock_guard<std::mutex> l(mu_);
    held_ = false;
    cv_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool held_ = false;
};

struct GcState {
  std::atomic<int64_t> heap_live{0};
  std::atomic<uint64_t> goal{kHeapMinimum};
  // Where the next cycle starts: the goal in stop-the-world mode; in concurrent
  // mode 70% of the way from the live heap to the goal, so that marking, while
  // the program allocates on, ends near the goal (gc's trigger ratio floor).
  std::atomic<uint64_t> trigger{kHeapMinimum * 7 / 10};
  std::atomic<uint32_t> numgc{0};
  std::atomic<bool> enabled{true};  // gc_percent >= 0 or a memory limit is set
  int32_t gc_percent = 100;
  int64_t memory_limit = INT64_MAX;
  uint64_t heap_marked = 0;
  // Marking's measured cost, in thread-nanoseconds per live byte (the last
  // cycle's), for choosing between a concurrent cycle and one pause.
  double mark_ns_per_byte = 0;
  uint32_t numforcedgc = 0;
  uint64_t nmalloc = 0;       // objects ever allocated (flushed from mcaches)
  uint64_t total_alloc = 0;   // bytes ever allocated
  uint64_t pause_total_ns = 0;
  uint64_t pause_ns[256] = {};
  uint64_t pause_end[256] = {};
  uint64_t last_gc_unix_ns = 0;
  uint64_t pause_hist[kTimeHistogramCounts] = {};  // runtime/metrics
  uint64_t stop_hist[kTimeHistogramCounts] = {};
  int64_t init_time = 0;      // runtimeInitTime
  bool trace = false;         // GODEBUG=gctrace=1
  bool concurrent = true;     // GODEBUG=gcstoptheworld=1 turns it off, as in gc
  bool barrier_off = false;   // GODEBUG=gcbarrieroff=1: a test of the barrier (mbarrier.cc)
  // A cycle holds cycle_lock from its first pause to the end of its second;
  // cycle_running says so to goroutines that allocate meanwhile.
  CycleLock cycle_lock;
  std::atomic<bool> cycle_running{false};
};

GcState& State() {
  static GcState* s = [] {
    auto* st = new GcState();
    st->gc_percent = ReadGOGC();
    st->memory_limit = ReadGOMEMLIMIT();
    st->enabled.store(st->gc_percent >= 0 || st->memory_limit != INT64_MAX);
    st->init_time = Nanotime();
    st->trace = GodebugInt("gctrace", 0) > 0;
    st->concurrent = GodebugInt("gcstoptheworld", 0) == 0;
    st->barrier_off = GodebugInt("gcbarrieroff", 0) == 1;
    return st;
  }();
  return *s;
}
// Initialize at startup so init_time is the program's start.
[[maybe_unused]] GcState& init_state = State();

// Mirrors gcControllerState.commit's heap goal (with memoryLimitHeapGoal folded
// in): live * (1 + GOGC/100), at least heapMinimum scaled by GOGC and live plus
// kMinRunway, capped by the
// memory limit less what is not heap, but never below a little above live (a
// limit below the live heap would otherwise collect on every allocation).
uint64_t HeapGoal(const GcState& st, uint64_t nonheap) {
  uint64_t goal = UINT64_MAX;
  if (st.gc_percent >= 0) {
    goal = st.heap_marked + st.heap_marked * static_cast<uint64_t>(st.gc_percent) / 100;
    uint64_t minimum = kHeapMinimum * static_cast<uint64_t>(st.gc_percent) / 100;
    if (goal < minimum) goal = minimum;
    if (goal < st.heap_marked + kMinRunway) goal = st.heap_marked + kMinRunway;
  }
  if (st.memory_limit != INT64_MAX) {
    auto limit = static_cast<uint64_t>(st.memory_limit);
    uint64_t cap = limit > nonheap ? limit - nonheap : 0;
    uint64_t floor = st.heap_marked + st.heap_marked / 16 + (64 << 10);
    if (cap < floor) cap = floor;
    if (cap < goal) goal = cap;
  }
  return goal;
}

// Whether cycles mark concurrently. Deterministic schedules (--sched=seed:N)
// collect in one pause: a concurrent mark would let wall-clock time decide when
// the collecting goroutine runs again.
// Programs compiled without the write barrier (RunOptions::concurrent_gc) too.
bool Concurrent(const GcState& st) {
  return st.concurrent && !Deterministic() && CurrentRunOptions().concurrent_gc;
}

// A heap small enough to mark, on every P's worth of threads, within this is
// collected in one pause: a concurrent cycle's two pauses and the hand-offs
// between its threads cost more than that (allocchurn, a 1 MB live heap
// collected 7,000 times, ran 8 times slower concurrently).
constexpr double kConcurrentAboveNs = 250'000;

// Marking's cost before a cycle measured it, in thread-nanoseconds per live
// byte: about what a pointer-dense heap costs on this project's machines.
constexpr double kInitialMarkNsPerByte = 0.5;

// Whether the next cycle marks concurrently: allowed, and marking the live heap
// would stop the world longer than kConcurrentAboveNs. Before the first cycle
// the live heap is unknown: the whole heap stands for it (the first trigger
// comes at 4 MB, which would take about a millisecond to mark in one pause).
bool ConcurrentCycle(const GcState& st) {
  if (!Concurrent(st)) return false;
  int workers = gomaxprocs.load();
  if (workers > ncpu) workers = ncpu;
  if (workers < 1) workers = 1;
  bool measured = st.mark_ns_per_byte > 0;
  double live = measured ? static_cast<double>(st.heap_marked) : static_cast<double>(st.heap_live.load());
  double rate = measured ? st.mark_ns_per_byte : kInitialMarkNsPerByte;
  return live * rate / workers > kConcurrentAboveNs;
}

void SetGoal(GcState& st, uint64_t goal) {
  st.goal.store(goal);
  uint64_t trigger = goal;
  if (ConcurrentCycle(st) && goal != UINT64_MAX && goal > st.heap_marked) {
    trigger = st.heap_marked + (goal - st.heap_marked) * 7 / 10;
  }
  st.trigger.store(trigger);
}

uint64_t StackBytes() {
  uint64_t n = 0;
  MutexLock l(&allglock);
  for (G* gp : allgs) {
    uint32_t s = ReadGStatus(gp) & ~static_cast<uint32_t>(Gstatus::kScan);
    if (s != static_cast<uint32_t>(Gstatus::kDead) && s != static_cast<uint32_t>(Gstatus::kIdle)) {
      n += gp->stack.hi - gp->stack.lo;
    }
  }
  return n;
}

// Mirrors itoaDiv: val / 10^dec with dec decimals.
std::string_view ItoaDiv(char* buf, size_t n, uint64_t val, int dec) {
  size_t i = n - 1;
  size_t idec = i - static_cast<size_t>(dec);
  while (val >= 10 || i >= idec) {
    buf[i] = static_cast<char>('0' + val % 10);
    i--;
    if (i == idec) {
      buf[i] = '.';
      i--;
    }
    val /= 10;
  }
  buf[i] = static_cast<char>('0' + val);
  return std::string_view(buf + i, n - i);
}

// Mirrors fmtNSAsMS.
void PrintNSAsMS(uint64_t ns) {
  char buf[24];
  if (ns >= 10'000'000) {
    PrintString(ItoaDiv(buf, sizeof(buf), ns / 1'000'000, 0));
    return;
  }
  uint64_t x = ns / 1000;
  if (x == 0) {
    PrintString("0");
    return;
  }
  int dec = 3;
  while (x >= 100) {
    x /= 10;
    dec--;
  }
  PrintString(ItoaDiv(buf, sizeof(buf), x, dec));
}

struct CycleArgs {
  G* self;
  uintptr_t self_sp;
  bool mark;  // FinishMarkAndSweep: mark from the roots first (stop-the-world mode)
  bool sweep_in_pause;  // FinishMarkAndSweep sweeps every span before it returns
  uint64_t live_bytes;  // marked, including what was allocated marked
  int64_t t_mark, t_sweep;
};

// The end of every cycle, on g0 (gojit_systemstack), world stopped: marking to
// its end (all of it in stop-the-world mode; what the barrier shaded since the
// concurrent mark ran dry otherwise), then weak pointers, finalizers, and the
// sweep's start (or all of it).
void FinishMarkAndSweep(void* arg) {
  auto* a = static_cast<CycleArgs*>(arg);
  GcState& st = State();
  a->t_mark = Nanotime();
  if (a->mark) {
    GcMarkRoots(a->self, a->self_sp);
  } else {
    GcMarkDrain(gomaxprocs.load());
    __atomic_store_n(&gojit_rt_writebarrier, 0, __ATOMIC_RELAXED);
    __atomic_store_n(&gc_blacken, 0, __ATOMIC_RELAXED);
  }
  uint64_t nmalloc = 0, alloc_bytes = 0, black_bytes = 0;
  FlushMCaches(&nmalloc, &alloc_bytes, &black_bytes);
  st.nmalloc += nmalloc;
  st.total_alloc += alloc_bytes;
  a->live_bytes = GcMarkedBytes() + black_bytes;
  // Weak pointers die before the finalizers that resurrect their objects run.
  ClearDeadWeakHandles();
  QueueFinalizers();
  a->t_sweep = Nanotime();
  GcSweepStart();
  if (a->sweep_in_pause) GcSweepFinish();
}

// The concurrent cycle's first pause, on g0, world stopped: the roots are scanned
// and the barrier and black allocation turned on (mbarrier.cc).
void StartConcurrentMark(void* arg) {
  auto* a = static_cast<CycleArgs*>(arg);
  GcMarkStart(a->self, a->self_sp);
  __atomic_store_n(&gc_blacken, 1, __ATOMIC_RELAXED);
  if (!State().barrier_off) __atomic_store_n(&gojit_rt_writebarrier, 1, __ATOMIC_RELAXED);
}

// The concurrent mark, on g0 while the world runs: drain until neither the queue
// nor the barrier's shaded objects hold anything.
void ConcurrentMark(void*) {
  int workers = gomaxprocs.load() / 4;  // gc's 25% of the Ps, at least one thread
  if (workers < 1) workers = 1;
  do {
    GcMarkDrain(workers);
  } while (GcMarkTakeShaded());
}

uint64_t UnixNanos() {
  timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1'000'000'000 + static_cast<uint64_t>(ts.tv_nsec);
}

// When a cycle's phases began and ended, for its pause records and gctrace line.
struct CycleTimes {
  int64_t start;       // the stop-the-world request
  int64_t stopped;     // the world stopped
  int64_t mark_start;  // the world restarted for the concurrent mark (= stopped in STW mode)
  int64_t mark_end;    // the mark-termination stop requested (= mark_start in STW mode)
  int64_t end;         // the world about to restart
};

// Statistics, the next goal and gctrace, world stopped, after the sweep.
void RecordCycle(GcReason reason, const CycleArgs& args, const CycleTimes& t, uint64_t heap0,
                 uint64_t heap1) {
  GcState& st = State();
  st.heap_marked = args.live_bytes;
  st.heap_live.store(static_cast<int64_t>(args.live_bytes));
  uint64_t nonheap = StackBytes();
  SetGoal(st, HeapGoal(st, nonheap));
  GcSweepPace(st.heap_live.load(), st.trigger.load());
  // Keep the next cycle's heap plus 10% (gc's scavenge goal, retainExtraPercent),
  // release the rest; FreeOSMemory releases every free page.
  uint64_t goal = st.goal.load();
  uint64_t retain = goal == UINT64_MAX ? UINT64_MAX : goal + goal / 10;
  MHeap::Get().Scavenge(reason == GcReason::kFreeOSMemory ? 0 : retain);
  ReleaseDeadStacks();
  ReleaseFreeStacks();
  int64_t t_end = Nanotime();
  uint32_t n = st.numgc.load() + 1;
  // The pauses: the whole cycle in stop-the-world mode; the start and the
  // termination in concurrent mode.
  auto pause1 = static_cast<uint64_t>(t.mark_start - t.start);
  auto pause2 = t.mark_end == t.mark_start ? 0 : static_cast<uint64_t>(t_end - t.mark_end);
  if (t.mark_end == t.mark_start) pause1 = static_cast<uint64_t>(t_end - t.start);
  uint64_t pause = pause1 + pause2;
  st.pause_total_ns += pause;
  st.pause_hist[TimeHistogramBucket(pause1)]++;
  st.stop_hist[TimeHistogramBucket(static_cast<uint64_t>(t.stopped - t.start))]++;
  if (pause2 != 0) {
    st.pause_hist[TimeHistogramBucket(pause2)]++;
    st.stop_hist[TimeHistogramBucket(static_cast<uint64_t>(args.t_mark - t.mark_end))]++;
  }
  st.pause_ns[(n + 255) % 256] = pause;
  st.last_gc_unix_ns = UnixNanos();
  st.pause_end[(n + 255) % 256] = st.last_gc_unix_ns;
  if (reason != GcReason::kHeap) st.numforcedgc++;
  st.numgc.store(n);
  if (!st.trace) return;
  // gc's line: clock and cpu times of the start pause, the concurrent mark and
  // the termination pause; in stop-the-world mode, of stopping, marking and
  // sweeping.
  uint64_t a, b, c;
  if (t.mark_end == t.mark_start) {
    a = static_cast<uint64_t>(t.stopped - t.start);
    b = static_cast<uint64_t>(args.t_sweep - args.t_mark);
    c = static_cast<uint64_t>(t_end - args.t_sweep);
  } else {
    a = pause1;
    b = static_cast<uint64_t>(t.mark_end - t.mark_start);
    c = pause2;
  }
  int32_t procs = gomaxprocs.load();
  int64_t elapsed = t_end - st.init_time;
  int util = elapsed > 0 ? static_cast<int>(st.pause_total_ns * 100 / static_cast<uint64_t>(elapsed)) : 0;
  char buf[24];
  PrintLock();
  PrintString("gc ");
  PrintUint(n);
  PrintString(" @");
  PrintString(ItoaDiv(buf, sizeof(buf), static_cast<uint64_t>(t.start - st.init_time) / 1'000'000, 3));
  PrintString("s ");
  PrintInt(util);
  PrintString("%: ");
  PrintNSAsMS(a);
  PrintString("+");
  PrintNSAsMS(b);
  PrintString("+");
  PrintNSAsMS(c);
  PrintString(" ms clock, ");
  PrintNSAsMS(a * static_cast<uint64_t>(procs));
  PrintString("+0/");
  PrintNSAsMS(b);
  PrintString("/0+");
  PrintNSAsMS(c * static_cast<uint64_t>(procs));
  PrintString(" ms cpu, ");
  PrintUint(heap0 >> 20);
  PrintString("->");
  PrintUint(heap1 >> 20);
  PrintString("->");
  PrintUint(args.live_bytes >> 20);
  PrintString(" MB, ");
  PrintUint(st.goal.load() >> 20);
  PrintString(" MB goal, ");
  PrintUint(nonheap >> 20);
  PrintString(" MB stacks, 0 MB globals, ");
  PrintInt(procs);
  PrintString(" P");
  if (reason != GcReason::kHeap) PrintString(" (forced)");
  PrintString("\n");
  PrintUnlock();
}

// The whole cycle, called with the world stopped by g; returns with it stopped.
// In concurrent mode the world runs between the two pauses (file comment).
void Collect(G* g, GcReason reason, int64_t t_start) {
  GcState& st = State();
  CycleTimes t{};
  t.start = t_start;
  t.stopped = Nanotime();
  // The heap at the start and at the end of marking, for gctrace.
  uint64_t heap0 = static_cast<uint64_t>(st.heap_live.load());
  uint64_t heap1 = heap0;
  CycleArgs args{g, 0, true, false, 0, 0, 0};
  // Spill the callee-saved registers into this frame so the scan of g's stack,
  // which starts below them, sees every value g's frames hold.
  __builtin_unwind_init();
  args.self_sp = reinterpret_cast<uintptr_t>(&args) & ~uintptr_t{7};
  t.mark_start = t.mark_end = t.stopped;
  // Normally done before the world stopped (GcCollect); here only what
  // goroutines without a P left (mgcsweep.cc).
  GcSweepFinish();
  bool concurrent = ConcurrentCycle(st);
  args.sweep_in_pause = !concurrent || reason == GcReason::kFreeOSMemory;
  if (concurrent) {
    gojit_systemstack(g, &StartConcurrentMark, &args);
    t.mark_start = Nanotime();
    StartTheWorld(g);
    // This goroutine's thread marks; its P runs other goroutines meanwhile.
    EnterSyscallBlock(g);
    gojit_systemstack(g, &ConcurrentMark, nullptr);
    ExitSyscall(g);
    t.mark_end = Nanotime();
    StopTheWorld(g, "GC mark termination");
    heap1 = static_cast<uint64_t>(st.heap_live.load());
    args.mark = false;
  }
  gojit_systemstack(g, &FinishMarkAndSweep, &args);
  t.end = Nanotime();
  // The cost of marking, for ConcurrentCycle: one thread's mark concurrently,
  // every worker's in the pause.
  if (args.live_bytes > 0) {
    double thread_ns = concurrent ? static_cast<double>(t.mark_end - t.mark_start)
                                  : static_cast<double>(args.t_sweep - args.t_mark) * gomaxprocs.load();
    st.mark_ns_per_byte = thread_ns / static_cast<double>(args.live_bytes);
  }
  RecordCycle(reason, args, t, heap0, heap1);
}

// Zeroes the 4 KiB of stack below the caller's frame, where the collector's own
// frames are about to go (Boehm's GC_clear_stack). Their uninitialized slots
// would otherwise still hold what earlier, returned calls left there, such as a
// pointer to an object that is garbage now, and the conservative scan of this
// goroutine's stack would keep that object alive.
[[gnu::noinline]] void ClearStackBelow() {
  volatile char buf[4096];
  for (char& c : const_cast<char(&)[4096]>(buf)) c = 0;
  __asm__ volatile("" : : "r"(buf) : "memory");
}

}  // namespace

void GcNoteHeapLive(int64_t delta) { State().heap_live.fetch_add(delta, std::memory_order_relaxed); }

int64_t GcHeapLive() { return State().heap_live.load(std::memory_order_relaxed); }

bool GcShouldTrigger() {
  GcState& st = State();
  return st.enabled.load(std::memory_order_relaxed) &&
         static_cast<uint64_t>(st.heap_live.load(std::memory_order_relaxed)) >=
             st.trigger.load(std::memory_order_relaxed);
}

namespace {

// The goroutine that runs heap-triggered concurrent cycles (gc's bgMarkWorker
// and the gcStart of the goroutine that crossed the trigger, folded into one):
// a runtime goroutine, created at the first trigger, parked in "force gc
// (idle)" between cycles. The goroutine that crosses the trigger wakes it and
// allocates on.
Mutex runner_lock;
G* runner ABSL_GUARDED_BY(runner_lock) = nullptr;
bool runner_idle ABSL_GUARDED_BY(runner_lock) = false;  // parked, to be readied

bool UnlockRunner(G*, void*) ABSL_NO_THREAD_SAFETY_ANALYSIS {
  runner_lock.Unlock();
  return true;
}

void RunnerBody(G* g, void*) ABSL_NO_THREAD_SAFETY_ANALYSIS {
  for (;;) {
    GcCollect(g, GcReason::kHeap);
    // gc's bgsweep: what allocation has not swept yet, at low priority.
    GcSweepBackground(g);
    runner_lock.Lock();
    // A trigger while this goroutine swept found it busy, not idle. (Or another
    // goroutine holds the cycle: yield, a safepoint, so that its stop-the-world
    // can stop this one.)
    if (GcShouldTrigger()) {
      runner_lock.Unlock();
      Gosched(g);
      continue;
    }
    runner_idle = true;
    Gopark(g, &UnlockRunner, nullptr, WaitReason::kForceGCIdle);
  }
}

}  // namespace

void GcTrigger(G* g) {
  GcState& st = State();
  if (!ConcurrentCycle(st)) {
    GcCollect(g, GcReason::kHeap);
    return;
  }
  if (st.cycle_running.load()) {
    // The cycle has not finished by the goal: wait for it (gc's mark assists
    // would make this goroutine mark meanwhile).
    if (static_cast<uint64_t>(st.heap_live.load(std::memory_order_relaxed)) >= st.goal.load()) {
      EnterSyscallBlock(g);
      st.cycle_lock.lock();
      st.cycle_lock.unlock();
      ExitSyscall(g);
    }
    return;
  }
  // Past the goal and no cycle yet (the runner has not had a thread): collect on
  // this goroutine rather than allocate on without bound.
  if (static_cast<uint64_t>(st.heap_live.load(std::memory_order_relaxed)) >= st.goal.load()) {
    GcCollect(g, GcReason::kHeap);
    return;
  }
  G* wake = nullptr;
  {
    MutexLock l(&runner_lock);
    if (runner == nullptr) {
      runner = NewProc(g, &RunnerBody, nullptr);
      runner->system = true;
      sched.ngolive.fetch_sub(1);
    } else if (runner_idle) {
      runner_idle = false;
      wake = runner;
    }
  }
  if (wake != nullptr) Goready(g, wake);
}

void ResetGcRunner() {
  MutexLock l(&runner_lock);
  runner = nullptr;
  runner_idle = false;
}

void GcCollect(G* g, GcReason reason) {
  GcState& st = State();
  // A concurrent cycle marks on: a goroutine that merely allocated past the
  // trigger lets it finish.
  if (reason == GcReason::kHeap && st.cycle_running.load()) return;
  uint32_t n = st.numgc.load();
  // Written under cycle_lock; a stale read only makes this call run its own cycle.
  const uint32_t forced_before = __atomic_load_n(&st.numforcedgc, __ATOMIC_RELAXED);
  // A cycle already marking took its snapshot before this call: runtime.GC waits
  // for the one after it.
  if (st.cycle_running.load()) n++;
  if (!st.cycle_lock.try_lock()) {
    if (reason == GcReason::kHeap) return;
    // Wait as in a system call: the P runs other goroutines meanwhile.
    EnterSyscallBlock(g);
    st.cycle_lock.lock();
    ExitSyscall(g);
  }
  // gc's gcStart: the last cycle's sweep ends before this one stops the world.
  GcSweepAll(g);
  GcMarkPrepare();
  ClearStackBelow();
  int64_t t_start = Nanotime();
  StopTheWorld(g, "GC");
  // A heap-triggered collection that another goroutine did meanwhile counts.
  // So does another runtime.GC's, as gc's GC() shares cycle n+1 among the callers
  // that saw n (a heap-triggered one does not: two runtime.GC calls in a row make
  // two forced cycles, as /gc/cycles/forced shows): a cycle that began after our
  // reading numgc (we were running then)
  // and ended before we stopped the world marked after this call began, which is
  // all runtime.GC promises. Without this, goroutines calling runtime.GC in loops
  // ran one cycle per call each.
  if ((reason == GcReason::kHeap && (st.numgc.load() != n || !GcShouldTrigger())) ||
      (reason == GcReason::kForced && static_cast<int32_t>(st.numgc.load() - n) > 0 &&
       st.numforcedgc != forced_before)) {
    StartTheWorld(g);
    st.cycle_lock.unlock();
    return;
  }
  st.cycle_running.store(true);
  Collect(g, reason, t_start);
  // As gc's markroot does for every goroutine it scans, at every cycle: note since
  // when waiting goroutines wait, and shrink stacks that use under a quarter.
  MarkWaitSince();
  ShrinkStacks();
  st.cycle_running.store(false);
  StartTheWorld(g);
  st.cycle_lock.unlock();
  WakeFing(g);
  // runtime.GC returns with the heap swept, as gc's does: ReadMemStats then
  // counts every object the cycle freed.
  if (reason != GcReason::kHeap) GcSweepAll(g);
}

int TimeHistogramBucket(uint64_t ns) {
  if (ns < 1024) return 0;
  int k = 63 - __builtin_clzll(ns);  // 2^k <= ns < 2^(k+1)
  if (k >= 40) return kTimeHistogramCounts - 1;
  return 1 + (k - 10) * 4 + static_cast<int>((ns >> (k - 2)) & 3);
}

uint64_t TimeHistogramLowerBound(int i) {
  if (i <= 0) return 0;
  if (i >= kTimeHistogramCounts) return UINT64_MAX;
  int k = 10 + (i - 1) / 4;
  return (uint64_t{1} << k) + static_cast<uint64_t>((i - 1) % 4) * (uint64_t{1} << (k - 2));
}

void ReadGcMetrics(GcMetrics* out) {
  GcState& st = State();
  // Cycles change these with the world stopped, which cannot happen while this
  // goroutine runs runtime code.
  out->gc_percent = st.gc_percent;
  out->memory_limit = st.memory_limit;
  out->heap_marked = st.heap_marked;
  out->uptime_ns = Nanotime() - st.init_time;
  std::memcpy(out->pauses, st.pause_hist, sizeof(st.pause_hist));
  std::memcpy(out->stopping, st.stop_hist, sizeof(st.stop_hist));
}

void ReadMemStats(G* g, MemStats* out) {
  StopTheWorld(g, "ReadMemStats");
  GcState& st = State();
  MHeap& heap = MHeap::Get();
  // Gather the caches' counts without flushing their spans.
  uint64_t nmalloc = st.nmalloc, total = st.total_alloc;
  for (P* pp : allp) {
    if (pp == nullptr) continue;
    nmalloc += pp->mcache.nmalloc;
    total += pp->mcache.alloc_bytes;
  }
  std::memset(out, 0, sizeof(*out));
  uint64_t objects = nmalloc - GcSweptFrees();
  // HeapAlloc: the bytes of allocated objects: heap_live less the free slots of
  // cached spans.
  uint64_t cached_free = 0;
  for (P* pp : allp) {
    if (pp == nullptr) continue;
    for (MSpan* s : pp->mcache.alloc) {
      if (s != nullptr) cached_free += uint64_t{s->nelems - s->allocCount} * s->elemsize;
    }
  }
  uint64_t live = static_cast<uint64_t>(st.heap_live.load()) - cached_free;
  uint64_t stacks = StackBytes();
  out->Alloc = out->HeapAlloc = live;
  out->TotalAlloc = total;
  out->HeapSys = heap.sys();
  out->HeapInuse = heap.inuse();
  out->HeapIdle = heap.sys() - heap.inuse();
  out->HeapReleased = heap.released();
  out->HeapObjects = objects;
  out->Mallocs = nmalloc;
  out->Frees = GcSweptFrees();
  out->StackInuse = out->StackSys = stacks;
  out->Sys = out->HeapSys + out->StackSys;
  out->NextGC = st.goal.load();
  out->LastGC = st.last_gc_unix_ns;
  out->PauseTotalNs = st.pause_total_ns;
  std::memcpy(out->PauseNs, st.pause_ns, sizeof(st.pause_ns));
  std::memcpy(out->PauseEnd, st.pause_end, sizeof(st.pause_end));
  out->NumGC = st.numgc.load();
  out->NumForcedGC = st.numforcedgc;
  int64_t elapsed = Nanotime() - st.init_time;
  out->GCCPUFraction = elapsed > 0 ? static_cast<double>(st.pause_total_ns) / static_cast<double>(elapsed) : 0;
  out->EnableGC = true;
  for (int i = 0; i < 61; ++i) out->BySize[i].Size = kClassToSize[i];
  StartTheWorld(g);
}

int32_t SetGCPercent(G* g, int32_t percent) {
  StopTheWorld(g, "debug.SetGCPercent");
  GcState& st = State();
  int32_t old = st.gc_percent;
  st.gc_percent = percent < 0 ? -1 : percent;
  st.enabled.store(st.gc_percent >= 0 || st.memory_limit != INT64_MAX);
  SetGoal(st, HeapGoal(st, StackBytes()));
  StartTheWorld(g);
  // gc: "If we just disabled GC, wait for any concurrent GC mark to finish"; and a
  // lowered goal may already be reached.
  if (GcShouldTrigger()) GcCollect(g, GcReason::kHeap);
  return old;
}

int64_t SetMemoryLimit(G* g, int64_t limit) {
  StopTheWorld(g, "debug.SetMemoryLimit");
  GcState& st = State();
  int64_t old = st.memory_limit;
  if (limit >= 0) {
    st.memory_limit = limit;
    st.enabled.store(st.gc_percent >= 0 || st.memory_limit != INT64_MAX);
    SetGoal(st, HeapGoal(st, StackBytes()));
  }
  StartTheWorld(g);
  if (GcShouldTrigger()) GcCollect(g, GcReason::kHeap);
  return old;
}

void FreeOSMemory(G* g) { GcCollect(g, GcReason::kFreeOSMemory); }

}  // namespace gojit::rt
