// Sweeping: after marking, every span's unmarked objects become free. Mirrors
// mgcsweep.go: (*mspan).sweep for one span, and sweeping while the program runs
// (bgsweep, sweepone, deductSweepCredit, finishsweep_m), simplified.
//
// Sweeping a span: the mark bits become the allocation bits (gc swaps gcmarkBits
// into allocBits), freeindex restarts at 0 so allocation reuses the freed objects,
// the mark bits are cleared for the next cycle, and the span is
//  - freed back to the page heap when nothing in it survived;
//  - put on its class's central partial list when some objects are free;
//  - left alone (full) otherwise; the next sweep looks at it again.
// Reused objects hold stale data, so the span is marked needzero and mallocgc
// clears each object it hands out.
//
// A sweep starts in a cycle's last pause (GcSweepStart): the heap hands over its
// list of spans, all of them unswept now, and starts a new, empty one that swept
// survivors and new spans join. The pause ends there in a concurrent cycle; the
// spans are swept while the program runs, by
//  - the cycle goroutine, in the background (GcSweepBackground), yielding its P
//    when others want it;
//  - allocation: a class with no swept partial span sweeps spans until one turns
//    up (MHeap::CacheSpan), and every new span first pays its sweep credit, a
//    share of the unswept pages proportional to the bytes it adds, so that
//    sweeping ends before the heap reaches the next trigger (GcSweepCredit, gc's
//    proportional sweep);
//  - the goroutine that starts the next cycle, which finishes it before stopping
//    the world (GcSweepAll), and runtime.GC, which returns with the heap swept.
// A cycle in one pause (small heaps, GODEBUG=gcstoptheworld=1, deterministic
// schedules) and debug.FreeOSMemory sweep in the pause instead.
//
// Invariants:
//  1. Only spans are swept that the list handed over: a sweeper claims an entry
//     by advancing `next`, so each span is swept exactly once, and unswept spans
//     are on no central list and in no mcache (the pause cleared both), so nothing
//     allocates from a span before its sweep.
//  2. Every sweep ends before the next cycle marks: the next cycle's first pause
//     sweeps what is left (GcSweepFinish) and waits for sweepers caught mid-span
//     (`active`), which it can only find on threads without a P. So a span's mark
//     bits belong to one cycle at a time, and marking never sees a span freed.
//  3. An object in an unswept span is live iff its mark bit is set; alloc_bits and
//     freeindex still describe the allocation before the cycle.
#include <atomic>
#include <cstring>
#include <thread>
#include <vector>

#include "runtime/mgc.h"
#include "runtime/mheap.h"
#include "runtime/proc.h"
#include "runtime/proc_internal.h"
#include "runtime/runtime2.h"

namespace gojit::rt {

namespace {

struct Sweeper {
  std::vector<MSpan*> spans;    // the spans of the sweep in progress (invariant 1)
  std::atomic<size_t> next{0};  // the first entry not yet claimed
  std::atomic<int> active{0};   // sweepers between claiming an entry and finishing it
  std::atomic<bool> done{true};
  // Proportional sweeping (gc's sweepPagesPerByte and sweepHeapLiveBasis): pages
  // to sweep for each byte the heap grows past the basis. Set in the pause.
  std::atomic<uint64_t> pages_swept{0};
  double pages_per_byte = 0;
  int64_t heap_live_basis = 0;
  std::atomic<uint64_t> nfree{0};  // objects ever freed (MemStats.Frees)
};

Sweeper& TheSweeper() {
  static auto* s = new Sweeper();
  return *s;
}

// Sweeps s (see the file comment); returns its pages.
uintptr_t SweepSpan(MHeap& heap, Sweeper& sw, MSpan* s) {
  uintptr_t npages = s->npages;
  size_t words = (s->nelems + 63) / 64;
  uint32_t live = 0;
  for (size_t i = 0; i < words; ++i) live += static_cast<uint32_t>(__builtin_popcountll(s->mark_bits[i]));
  // What was allocated (invariant 2 of mheap.h), to count what is freed.
  uint32_t allocated = 0;
  for (size_t i = 0; i < words; ++i) {
    uint64_t a = s->alloc_bits[i];
    // Objects below freeindex are allocated whatever alloc_bits says.
    uint64_t lo = i * 64;
    if (s->freeindex >= lo + 64) {
      a = ~uint64_t{0};
    } else if (s->freeindex > lo) {
      a |= (uint64_t{1} << (s->freeindex - lo)) - 1;
    }
    if (lo + 64 > s->nelems) a &= (uint64_t{1} << (s->nelems - lo)) - 1;
    allocated += static_cast<uint32_t>(__builtin_popcountll(a));
  }
  sw.nfree.fetch_add(allocated - live, std::memory_order_relaxed);
  if (live == 0) {
    heap.FreeSpan(s);
    return npages;
  }
  std::swap(s->alloc_bits, s->mark_bits);
  std::memset(s->mark_bits, 0, words * sizeof(uint64_t));
  s->allocCount = live;
  s->freeindex = 0;
  heap.RelistSpan(s);
  if (live < s->nelems) {
    s->needzero = true;
    heap.UncacheSpan(s);
  }
  return npages;
}

// Whether a goroutine sweeping in a loop should give up its P for a while: it
// was asked to (a stop-the-world waits for it), or, when yield_when_busy, other
// goroutines want to run and no P is idle (gc's goschedIfBusy).
bool ShouldYield(G* g, bool yield_when_busy) {
  if (g->preempt) return true;
  return yield_when_busy && sched.npidle.load(std::memory_order_relaxed) == 0 &&
         !RunqEmpty(g->m->p);
}

// Sweeps until nothing is left to claim, yielding every few spans as above.
void SweepLoop(G* g, bool yield_when_busy) {
  for (int n = 1; GcSweepOne(); ++n) {
    if (n % 16 == 0 && ShouldYield(g, yield_when_busy)) Gosched(g);
  }
}

}  // namespace

void GcSweepStart() {
  Sweeper& sw = TheSweeper();
  MHeap& heap = MHeap::Get();
  if (!sw.done.load() || sw.active.load() != 0) Throw("runtime: sweep started before the last one ended");
  heap.ClearCentralLists();
  heap.TakeAllSpans(&sw.spans);
  sw.next.store(0);
  sw.pages_swept.store(0);
  sw.pages_per_byte = 0;
  sw.done.store(sw.spans.empty());
}

void GcSweepPace(int64_t heap_live, uint64_t trigger) {
  Sweeper& sw = TheSweeper();
  // gc leaves 1 MB of margin between sweeping's end and the trigger.
  int64_t distance = static_cast<int64_t>(trigger) - heap_live - (int64_t{1} << 20);
  if (distance < static_cast<int64_t>(kPageSize)) distance = kPageSize;
  sw.pages_per_byte = static_cast<double>(MHeap::Get().inuse() >> kPageShift) / static_cast<double>(distance);
  sw.heap_live_basis = heap_live;
}

bool GcSweepOne() {
  Sweeper& sw = TheSweeper();
  if (sw.done.load(std::memory_order_acquire)) return false;
  sw.active.fetch_add(1, std::memory_order_acq_rel);
  size_t i = sw.next.fetch_add(1, std::memory_order_acq_rel);
  if (i >= sw.spans.size()) {
    sw.done.store(true, std::memory_order_release);
    sw.active.fetch_sub(1, std::memory_order_acq_rel);
    return false;
  }
  uintptr_t pages = SweepSpan(MHeap::Get(), sw, sw.spans[i]);
  sw.pages_swept.fetch_add(pages, std::memory_order_relaxed);
  sw.active.fetch_sub(1, std::memory_order_acq_rel);
  return true;
}

void GcSweepCredit(uintptr_t bytes) {
  Sweeper& sw = TheSweeper();
  if (sw.done.load(std::memory_order_relaxed) || sw.pages_per_byte == 0) return;
  int64_t grown = GcHeapLive() + static_cast<int64_t>(bytes) - sw.heap_live_basis;
  if (grown <= 0) return;
  auto target = static_cast<uint64_t>(sw.pages_per_byte * static_cast<double>(grown));
  while (sw.pages_swept.load(std::memory_order_relaxed) < target && GcSweepOne()) {
  }
}

void GcSweepAll(G* g) { SweepLoop(g, false); }

void GcSweepBackground(G* g) { SweepLoop(g, true); }

void GcSweepFinish() {
  Sweeper& sw = TheSweeper();
  while (GcSweepOne()) {
  }
  while (sw.active.load(std::memory_order_acquire) != 0) std::this_thread::yield();
}

uint64_t GcSweptFrees() { return TheSweeper().nfree.load(std::memory_order_relaxed); }

}  // namespace gojit::rt
