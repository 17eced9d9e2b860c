// The garbage collector's interface: triggering and pacing (mgc.cc), marking
// (mgcmark.cc), sweeping (mgcsweep.cc), and the knobs and reports programs see
// (runtime.GC, runtime.ReadMemStats, debug.SetGCPercent, debug.SetMemoryLimit,
// debug.FreeOSMemory, GOGC, GOMEMLIMIT, GODEBUG=gctrace=1). Mirrors mgc.go,
// mgcpacer.go and mstats.go.
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/global_roots.h"

namespace gojit::rt {

struct G;
struct MSpan;

enum class GcReason {
  kHeap,          // the heap reached its goal (gcTriggerHeap)
  kForced,        // runtime.GC (gcTriggerCycle)
  kFreeOSMemory,  // debug.FreeOSMemory: collect, then return all free pages
};

// Allocation: the heap grew (or shrank, at a cache flush) by delta bytes.
void GcNoteHeapLive(int64_t delta);
// The heap's size as the pacer counts it (mgc.cc's invariant 1).
int64_t GcHeapLive();
// Whether the heap is past the point where the next collection should start.
bool GcShouldTrigger();
// Stops the world, marks and sweeps, starts it again. g is the calling user
// goroutine (it may park while another goroutine holds the world). For kHeap, a
// collection that another goroutine finished meanwhile counts.
void GcCollect(G* g, GcReason reason);
// mallocgc, the heap past the trigger: in concurrent mode, wakes the goroutine
// that runs cycles (and, if one is running and the heap is past its goal, waits
// for it to end); otherwise collects as GcCollect(g, kHeap).
void GcTrigger(G* g);
// Forgets the cycle goroutine (RunUntilDone's teardown).
void ResetGcRunner();


// malloc.cc, world stopped: returns every mcache's spans and adds up their counts
// (black_bytes: the bytes allocated marked, while the collector marked).
void FlushMCaches(uint64_t* nmalloc, uint64_t* alloc_bytes, uint64_t* black_bytes);

// mgcmark.cc, before a cycle stops the world: starts the helper threads its
// marking will use, if they are not running yet.
void GcMarkPrepare();
// mgcmark.cc, world stopped: marks everything reachable from the roots. self is
// the goroutine running the collection and self_sp the lowest address of its stack
// that may hold live values (its registers are spilled above it).
void GcMarkRoots(G* self, uintptr_t self_sp);

// Set while the collector marks concurrently (mgc.cc sets it with the world
// stopped): mallocgc allocates black, marking each new object.
extern uint8_t gc_blacken;

// mgcmark.cc, the concurrent cycle: GcMarkStart, world stopped, scans the roots
// (self and self_sp as for GcMarkRoots) and queues what they reach; GcMarkDrain
// marks from the queue, and from what the barrier shaded, on nworkers threads
// until both are empty (world running or stopped); GcMarkTakeShaded moves what
// the barrier shaded since into the queue, returning whether there was any.
void GcMarkStart(G* self, uintptr_t self_sp);
void GcMarkDrain(int nworkers);
bool GcMarkTakeShaded();
// mgcmark.cc: the bytes of the objects the cycle's marking marked so far (not
// those allocated marked).
uint64_t GcMarkedBytes();
// mgcmark.cc, while marking concurrently: marks the object holding p, if p points
// into one that is allocated and unmarked, and queues it for scanning.
void GcShade(uintptr_t p);
// mbarrier.cc: while the write barrier is on, shades every pointer-sized word of
// [dst, dst+n), the values about to be overwritten (the runtime's own bulk
// writes into heap objects); WbShade shades one old pointer.
void WbBulkPreWrite(const void* dst, size_t n);
void WbShade(const void* old);

// mgcsweep.cc (its file comment has the design). GcSweepStart, world stopped at
// a cycle's end, hands every span to the sweeper; GcSweepPace, with the next
// trigger set, paces proportional sweeping. GcSweepOne sweeps one span, false
// when none is left. GcSweepCredit(bytes): allocation is about to add bytes of
// new span, so sweeping keeps pace first. GcSweepAll and GcSweepBackground sweep
// what is left on goroutine g, yielding to a stop-the-world (Background also to
// other goroutines); GcSweepFinish, world stopped, ends the sweep in progress.
// GcSweptFrees: the objects sweeping ever freed.
void GcSweepStart();
void GcSweepPace(int64_t heap_live, uint64_t trigger);
bool GcSweepOne();
void GcSweepCredit(uintptr_t bytes);
void GcSweepAll(G* g);
void GcSweepBackground(G* g);
void GcSweepFinish();
uint64_t GcSweptFrees();

// runtime.MemStats as gc 1.19 lays it out (mstats.go), filled by ReadMemStats.
struct MemStats {
  uint64_t Alloc, TotalAlloc, Sys, Lookups, Mallocs, Frees;
  uint64_t HeapAlloc, HeapSys, HeapIdle, HeapInuse, HeapReleased, HeapObjects;
  uint64_t StackInuse, StackSys, MSpanInuse, MSpanSys, MCacheInuse, MCacheSys;
  uint64_t BuckHashSys, GCSys, OtherSys;
  uint64_t NextGC, LastGC, PauseTotalNs;
  uint64_t PauseNs[256];
  uint64_t PauseEnd[256];
  uint32_t NumGC, NumForcedGC;
  double GCCPUFraction;
  bool EnableGC, DebugGC;
  struct BySizeEntry {
    uint32_t Size;
    uint64_t Mallocs, Frees;
  } BySize[61];
};
static_assert(sizeof(MemStats) == 5776);  // unsafe.Sizeof(runtime.MemStats{})

// runtime/metrics' time histograms, log-linear: bucket 0 is [0, 1024 ns), then each
// power of two from 2^10 to 2^40 ns is cut into four equal buckets, and the last
// bucket is [2^40 ns, +Inf).
constexpr int kTimeHistogramCounts = 1 + 30 * 4 + 1;
// The bucket a duration of ns nanoseconds counts in.
int TimeHistogramBucket(uint64_t ns);
// The lower bound of bucket i in nanoseconds (i == kTimeHistogramCounts: +Inf, as
// UINT64_MAX).
uint64_t TimeHistogramLowerBound(int i);

// The collector's figures for runtime/metrics that MemStats lacks.
struct GcMetrics {
  int64_t gc_percent;    // GOGC, -1 for off
  int64_t memory_limit;  // GOMEMLIMIT, math.MaxInt64 for none
  uint64_t heap_marked;  // live heap bytes after the last cycle's mark
  int64_t uptime_ns;     // since the program started
  // Every cycle's stop-the-world pause, and the part of it spent stopping.
  uint64_t pauses[kTimeHistogramCounts];
  uint64_t stopping[kTimeHistogramCounts];
};
void ReadGcMetrics(GcMetrics* out);

// runtime.ReadMemStats: stops the world to gather the statistics.
void ReadMemStats(G* g, MemStats* out);
// debug.SetGCPercent: the previous setting; a negative value turns collection off.
int32_t SetGCPercent(G* g, int32_t percent);
// debug.SetMemoryLimit: the previous limit; a negative value only reads it.
int64_t SetMemoryLimit(G* g, int64_t limit);
// debug.FreeOSMemory: a collection, then every free page back to the OS.
void FreeOSMemory(G* g);

}  // namespace gojit::rt
