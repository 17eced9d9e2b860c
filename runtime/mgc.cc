// The collector's driver: when to collect (the pacer), the stop-the-world cycle,
// and the statistics and knobs. Mirrors mgc.go (gcStart, gcMarkTermination),
// mgcpacer.go (heap goal, GOGC, GOMEMLIMIT) and mstats.go (ReadMemStats).
//
// A cycle, with the world stopped from start to end (gc marks concurrently; this
// collector is stop-the-world, and its pause is the whole cycle, reported as such):
//   1. StopTheWorld (both preemption mechanisms, runtime/preempt.cc);
//   2. flush every P's mcache (malloc.cc) so no span is owned by a cache;
//   3. mark from the roots (mgcmark.cc), on the M's g0 stack;
//   4. sweep every span (mgcsweep.cc) and return page runs to the OS
//      (MHeap::Scavenge), and the stacks of dead goroutines (ReleaseDeadStacks);
//   5. set the next goal: live * (1 + GOGC/100), at least 4 MB * GOGC/100
//      (heapMinimum) and live + 1 MB (kMinRunway), capped by GOMEMLIMIT;
//      StartTheWorld.
// Collections start from mallocgc when the heap reaches the goal (GcShouldTrigger),
// from runtime.GC and debug.FreeOSMemory.
//
// Invariants:
//  1. heap_live counts the bytes of allocated objects plus the free slots of spans
//     owned by mcaches (gc's heapLive accounting: a span's free space counts as
//     allocated when a cache takes it and is given back at flush); after a sweep it
//     is exactly the live bytes.
//  2. Only a goroutine holding worldsema (StopTheWorld) changes the goal or runs a
//     cycle; gc_percent and memory_limit change under it too.
#include "runtime/mgc.h"

#include <cstdlib>
#include <cstring>
#include <ctime>

#include <atomic>
#include <string_view>

#include "runtime/debug.h"
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

struct GcState {
  std::atomic<int64_t> heap_live{0};
  std::atomic<uint64_t> goal{kHeapMinimum};
  std::atomic<uint32_t> numgc{0};
  std::atomic<bool> enabled{true};  // gc_percent >= 0 or a memory limit is set
  int32_t gc_percent = 100;
  int64_t memory_limit = INT64_MAX;
  uint64_t heap_marked = 0;
  uint64_t live_objects = 0;
  uint32_t numforcedgc = 0;
  uint64_t nmalloc = 0;       // objects ever allocated (flushed from mcaches)
  uint64_t nfree = 0;         // objects ever freed
  uint64_t total_alloc = 0;   // bytes ever allocated
  uint64_t pause_total_ns = 0;
  uint64_t pause_ns[256] = {};
  uint64_t pause_end[256] = {};
  uint64_t last_gc_unix_ns = 0;
  uint64_t pause_hist[kTimeHistogramCounts] = {};  // runtime/metrics
  uint64_t stop_hist[kTimeHistogramCounts] = {};
  int64_t init_time = 0;      // runtimeInitTime
  bool trace = false;         // GODEBUG=gctrace=1
};

GcState& State() {
  static GcState* s = [] {
    auto* st = new GcState();
    st->gc_percent = ReadGOGC();
    st->memory_limit = ReadGOMEMLIMIT();
    st->enabled.store(st->gc_percent >= 0 || st->memory_limit != INT64_MAX);
    st->init_time = Nanotime();
    st->trace = GodebugInt("gctrace", 0) > 0;
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
  SweepResult swept;
  int64_t t_mark, t_sweep;
};

// The mark and sweep, on g0 (gojit_systemstack), world stopped.
void RunCycle(void* arg) {
  auto* a = static_cast<CycleArgs*>(arg);
  GcState& st = State();
  uint64_t nmalloc = 0, alloc_bytes = 0;
  FlushMCaches(&nmalloc, &alloc_bytes);
  st.nmalloc += nmalloc;
  st.total_alloc += alloc_bytes;
  a->t_mark = Nanotime();
  GcMarkRoots(a->self, a->self_sp);
  // Weak pointers die before the finalizers that resurrect their objects run.
  ClearDeadWeakHandles();
  QueueFinalizers();
  a->t_sweep = Nanotime();
  a->swept = GcSweep();
  st.nfree += a->swept.freed_objects;
}

uint64_t UnixNanos() {
  timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1'000'000'000 + static_cast<uint64_t>(ts.tv_nsec);
}

// The whole cycle, called with the world stopped by g.
void CollectStopped(G* g, GcReason reason, int64_t t_start) {
  GcState& st = State();
  int64_t t_stopped = Nanotime();
  uint64_t heap0 = static_cast<uint64_t>(st.heap_live.load());
  CycleArgs args{g, 0, {}, 0, 0};
  // Spill the callee-saved registers into this frame so the scan of g's stack,
  // which starts below them, sees every value g's frames hold.
  __builtin_unwind_init();
  args.self_sp = reinterpret_cast<uintptr_t>(&args) & ~uintptr_t{7};
  gojit_systemstack(g, &RunCycle, &args);
  st.heap_marked = args.swept.live_bytes;
  st.live_objects = args.swept.live_objects;
  st.heap_live.store(static_cast<int64_t>(args.swept.live_bytes));
  uint64_t nonheap = StackBytes();
  st.goal.store(HeapGoal(st, nonheap));
  // Keep the next cycle's heap plus 10% (gc's scavenge goal, retainExtraPercent),
  // release the rest; FreeOSMemory releases every free page.
  uint64_t goal = st.goal.load();
  uint64_t retain = goal == UINT64_MAX ? UINT64_MAX : goal + goal / 10;
  MHeap::Get().Scavenge(reason == GcReason::kFreeOSMemory ? 0 : retain);
  ReleaseDeadStacks();
  ReleaseFreeStacks();
  int64_t t_end = Nanotime();
  uint32_t n = st.numgc.load() + 1;
  uint64_t pause = static_cast<uint64_t>(t_end - t_start);
  st.pause_total_ns += pause;
  st.pause_hist[TimeHistogramBucket(pause)]++;
  st.stop_hist[TimeHistogramBucket(static_cast<uint64_t>(t_stopped - t_start))]++;
  st.pause_ns[(n + 255) % 256] = pause;
  st.last_gc_unix_ns = UnixNanos();
  st.pause_end[(n + 255) % 256] = st.last_gc_unix_ns;
  if (reason != GcReason::kHeap) st.numforcedgc++;
  st.numgc.store(n);
  if (st.trace) {
    int32_t procs = gomaxprocs.load();
    int64_t elapsed = t_end - st.init_time;
    int util = elapsed > 0 ? static_cast<int>(st.pause_total_ns * 100 / static_cast<uint64_t>(elapsed)) : 0;
    char buf[24];
    PrintLock();
    PrintString("gc ");
    PrintUint(n);
    PrintString(" @");
    PrintString(ItoaDiv(buf, sizeof(buf), static_cast<uint64_t>(t_start - st.init_time) / 1'000'000, 3));
    PrintString("s ");
    PrintInt(util);
    PrintString("%: ");
    PrintNSAsMS(static_cast<uint64_t>(t_stopped - t_start));
    PrintString("+");
    PrintNSAsMS(static_cast<uint64_t>(args.t_sweep - args.t_mark));
    PrintString("+");
    PrintNSAsMS(static_cast<uint64_t>(t_end - args.t_sweep));
    PrintString(" ms clock, ");
    PrintNSAsMS(static_cast<uint64_t>(t_stopped - t_start) * static_cast<uint64_t>(procs));
    PrintString("+0/");
    PrintNSAsMS(static_cast<uint64_t>(args.t_sweep - args.t_mark));
    PrintString("/0+");
    PrintNSAsMS(static_cast<uint64_t>(t_end - args.t_sweep) * static_cast<uint64_t>(procs));
    PrintString(" ms cpu, ");
    PrintUint(heap0 >> 20);
    PrintString("->");
    PrintUint(heap0 >> 20);
    PrintString("->");
    PrintUint(args.swept.live_bytes >> 20);
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

bool GcShouldTrigger() {
  GcState& st = State();
  return st.enabled.load(std::memory_order_relaxed) &&
         static_cast<uint64_t>(st.heap_live.load(std::memory_order_relaxed)) >=
             st.goal.load(std::memory_order_relaxed);
}

void GcCollect(G* g, GcReason reason) {
  ClearStackBelow();
  GcState& st = State();
  uint32_t n = st.numgc.load();
  int64_t t_start = Nanotime();
  StopTheWorld(g, "GC");
  // A heap-triggered collection that another goroutine did meanwhile counts.
  if (reason == GcReason::kHeap && (st.numgc.load() != n || !GcShouldTrigger())) {
    StartTheWorld(g);
    return;
  }
  // So does one for runtime.GC, as gc's GC() shares cycle n+1 among the callers
  // that saw n: a cycle that ended between our reading numgc and our stopping the
  // world had stopped it after we read (we were running then), so it marked after
  // this call began, which is all runtime.GC promises. Without this, goroutines
  // calling runtime.GC in loops ran one stop-the-world cycle per call each.
  if (reason == GcReason::kForced && st.numgc.load() != n) {
    StartTheWorld(g);
    return;
  }
  CollectStopped(g, reason, t_start);
  // As gc's markroot does for every goroutine it scans, at every cycle: note since
  // when waiting goroutines wait, and shrink stacks that use under a quarter.
  MarkWaitSince();
  ShrinkStacks();
  StartTheWorld(g);
  WakeFing(g);
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
  uint64_t objects = nmalloc - st.nfree;
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
  out->Frees = st.nfree;
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
  st.goal.store(HeapGoal(st, StackBytes()));
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
    st.goal.store(HeapGoal(st, StackBytes()));
  }
  StartTheWorld(g);
  if (GcShouldTrigger()) GcCollect(g, GcReason::kHeap);
  return old;
}

void FreeOSMemory(G* g) { GcCollect(g, GcReason::kFreeOSMemory); }

}  // namespace gojit::rt
