// Marking: from the roots, every reachable heap object gets its mark bit. Mirrors
// mgcmark.go (markroot, scanstack, scanobject, greyobject), stop-the-world only.
//
// Roots, and how each is scanned:
//  - Goroutine stacks, conservatively (LLVM gives no stack maps): every word from
//    the G's saved sp (sched.sp; for the collecting G, the sp it passed, below its
//    spilled registers) to stack.hi. A switched-out G's callee-saved registers are
//    on its stack (gojit_mcall pushes them; the async-preemption trampoline saves
//    every register there). A G in a system call is scanned over its whole stack,
//    since the native around the call may have spilled below syscallsp.
//  - The G, M and P structures themselves, conservatively (closure arguments of
//    new goroutines, param, parked values), each waiting sudog of a G, and each
//    semaphore waiter's sudog (its elem, the semaphore's address, keeps the object
//    holding the semaphore alive so its address is not reused under a waiter).
//  - Timers on the Ps' heaps: a timer may be reachable only from there
//    (time.AfterFunc, a time.After channel).
//  - The writable data of JIT'd code (package variables), conservatively.
// Heap objects are scanned precisely: only the words whose heap bit is set.
//
// A candidate pointer marks an object when it points into an allocated object of
// an in-use span, interior pointers included (gc's findObject). Conservative words
// that happen to look like pointers only keep garbage alive; they never free
// anything live.
#include <cstring>
#include <vector>

#include "runtime/mgc.h"
#include "runtime/mheap.h"
#include "runtime/proc.h"
#include "runtime/runtime2.h"
#include "runtime/sudog.h"
#include "runtime/time.h"

namespace gojit::rt {

void ForEachSemaWaiter(void (*fn)(Sudog*, void*), void* arg);  // sema.cc
M* AllMHead();                                                 // proc.cc

namespace {

Mutex data_ranges_lock;
std::vector<std::pair<uintptr_t, uintptr_t>>* data_ranges
    ABSL_GUARDED_BY(data_ranges_lock) = nullptr;

// The grey objects: marked, not yet scanned (gc's gcWork). Only the collecting
// thread uses it, with the world stopped.
struct MarkState {
  MHeap* heap;
  std::vector<uintptr_t> grey;
};

__attribute__((always_inline)) inline void GreyObject(MarkState* ms, uintptr_t p) {
  MSpan* s = ms->heap->SpanOf(p);
  if (s == nullptr || p < s->base) return;
  uint32_t idx = s->ObjIndex(p);
  if (idx >= s->nelems || !s->Allocated(idx) || s->Marked(idx)) return;
  s->SetMarked(idx);
  if (!s->Noscan()) ms->grey.push_back(s->base + idx * s->elemsize);
}

void ScanConservative(MarkState* ms, uintptr_t lo, uintptr_t hi) {
  lo = (lo + 7) & ~uintptr_t{7};
  for (uintptr_t a = lo; a + 8 <= hi; a += 8) {
    uintptr_t v;
    std::memcpy(&v, reinterpret_cast<const void*>(a), 8);
    GreyObject(ms, v);
  }
}

// Mirrors scanobject: the words of the object at base that its heap bits mark.
void ScanObject(MarkState* ms, uintptr_t base) {
  MSpan* s = ms->heap->SpanOf(base);
  uintptr_t w = (base - s->base) / 8;
  uintptr_t end = w + s->elemsize / 8;
  const uint64_t* bits = s->heap_bits;
  while (w < end) {
    uint64_t b = bits[w / 64] >> (w % 64);
    if (b == 0) {
      w = (w / 64 + 1) * 64;
      continue;
    }
    w += static_cast<uintptr_t>(__builtin_ctzll(b));
    if (w >= end) break;
    GreyObject(ms, *reinterpret_cast<const uintptr_t*>(s->base + w * 8));
    ++w;
  }
}

void ScanSudog(Sudog* sg, void* arg) {
  auto* ms = static_cast<MarkState*>(arg);
  auto a = reinterpret_cast<uintptr_t>(sg);
  ScanConservative(ms, a, a + sizeof(Sudog));
}

void ScanStack(MarkState* ms, G* gp, G* self, uintptr_t self_sp) {
  uintptr_t lo = gp->stack.lo, hi = gp->stack.hi;
  if (hi == 0) return;
  uint32_t status = ReadGStatus(gp) & ~static_cast<uint32_t>(Gstatus::kScan);
  uintptr_t sp = gp->sched.sp;
  if (gp == self) {
    sp = self_sp;
  } else if (status == static_cast<uint32_t>(Gstatus::kSyscall) ||
             status == static_cast<uint32_t>(Gstatus::kRunning)) {
    sp = lo;  // see the file comment; kRunning: between states, be safe
  }
  if (sp < lo || sp >= hi) sp = lo;
  ScanConservative(ms, sp, hi);
}

}  // namespace

void RegisterDataRange(uintptr_t start, uintptr_t end) {
  MutexLock l(&data_ranges_lock);
  if (data_ranges == nullptr) data_ranges = new std::vector<std::pair<uintptr_t, uintptr_t>>();
  data_ranges->push_back({start, end});
}

void GcMarkRoots(G* self, uintptr_t self_sp) {
  static MarkState* ms = new MarkState{&MHeap::Get(), {}};
  ms->grey.clear();
  {
    MutexLock l(&data_ranges_lock);
    if (data_ranges != nullptr) {
      for (auto [lo, hi] : *data_ranges) ScanConservative(ms, lo, hi);
    }
  }
  {
    MutexLock l(&allglock);
    for (G* gp : allgs) {
      uint32_t status = ReadGStatus(gp) & ~static_cast<uint32_t>(Gstatus::kScan);
      if (status == static_cast<uint32_t>(Gstatus::kDead) ||
          status == static_cast<uint32_t>(Gstatus::kIdle)) {
        continue;
      }
      auto a = reinterpret_cast<uintptr_t>(gp);
      ScanConservative(ms, a, a + sizeof(G));
      ScanStack(ms, gp, self, self_sp);
      for (Sudog* sg = gp->waiting; sg != nullptr; sg = sg->waitlink) ScanSudog(sg, ms);
    }
  }
  ForEachSemaWaiter(&ScanSudog, ms);
  for (M* mp = AllMHead(); mp != nullptr; mp = mp->alllink) {
    auto a = reinterpret_cast<uintptr_t>(mp);
    ScanConservative(ms, a, a + sizeof(M));
  }
  for (P* pp : allp) {
    if (pp == nullptr) continue;
    MutexLock l(&pp->timersLock);
    for (Timer* t : pp->timers) {
      auto a = reinterpret_cast<uintptr_t>(t);
      GreyObject(ms, a);
      ScanConservative(ms, a, a + sizeof(Timer));
    }
  }
  // Drain (gcDrain).
  while (!ms->grey.empty()) {
    uintptr_t base = ms->grey.back();
    ms->grey.pop_back();
    ScanObject(ms, base);
  }
}

}  // namespace gojit::rt
