// Creating and reusing goroutines: allgs, malg, the free lists of dead Gs (per P,
// then global: gfput, gfget, gfpurge), newproc1, and the count of live goroutines.
// Mirrors those functions of runtime/proc.go; each names the Go function it mirrors.
//
// A dead G keeps its stack for the next goroutine unless the stack grew or parked
// goroutines use compact stacks (stack.cc, "Parked stacks"); GC time releases the
// stacks of Gs that stay dead (ReleaseDeadStacks). sched.ngolive counts live user
// goroutines, each P holding back up to kGoliveBatch of its own changes
// (runtime2.h, SchedT::ngolive).
#include <sys/mman.h>

#include "runtime/proc.h"
#include "runtime/proc_internal.h"

namespace gojit::rt {

constexpr uint64_t kGoidCacheBatch = 16;  // _GoidCacheBatch

// Mirrors allgadd.
// Mirrors gcount, exactly: the user goroutines that exist (not dead or never
// started), runtime goroutines (the finalizer's) not counted. sched.ngolive is
// the same count held back per P, for decisions that need no exactness.
int64_t NumGoroutine() {
  int64_t n = 0;
  MutexLock l(&allglock);
  for (G* gp : allgs) {
    uint32_t s = ReadGStatus(gp);
    if (!gp->system && s != static_cast<uint32_t>(Gstatus::kDead) && s != static_cast<uint32_t>(Gstatus::kIdle))
      ++n;
  }
  return n;
}

void AllGAdd(G* gp) {
  MutexLock l(&allglock);
  allgs.push_back(gp);
}

// Mirrors malg: a new G with a stack of stacksize bytes (0: none, for g0).
G* Malg(size_t stacksize) {
  G* gp = new G();
  if (stacksize > 0) StackAlloc(gp, stacksize);
  return gp;
}

// Moves pp's dead Gs to the global free list until `keep` are left (gfput's spill
// and gfpurge).
static void GfMoveToGlobal(P* pp, int32_t keep) {
  MutexLock l(&sched.gfree_lock);
  while (pp->gfreecount > keep) {
    G* gp = pp->gfree;
    pp->gfree = gp->schedlink;
    pp->gfreecount--;
    gp->schedlink = sched.gfree;
    sched.gfree = gp;
    sched.ngfree++;
  }
}

// Mirrors gfput: a dead G onto pp's free list; spills to the global list when
// the local one grows past 64.
void GfPut(P* pp, G* gp) {
  // A stack that grew goes back to the stack allocator (gc: stksize !=
  // startingStackSize); GfGet maps a fresh one. So does every stack while
  // goroutines park on compact stacks: the next goroutine to run takes it, warm,
  // where a dead G would keep it touched (stack.cc, "Parked stacks").
  if (gp->stack.hi - gp->stack.lo != StartingStackSize() ||
      CompactStacksOn(sched.ngolive.load(std::memory_order_relaxed))) {
    StackFree(gp);
  }
  FreeOldStack(gp);
  gp->schedlink = pp->gfree;
  pp->gfree = gp;
  pp->gfreecount++;
  if (pp->gfreecount >= 64) GfMoveToGlobal(pp, 31);
}

// Mirrors gfget: a dead G with a stack of at least `size` bytes (or, if compact
// and it has none, a compact stack), or null.
G* GfGet(P* pp, size_t size, bool compact) {
  if (pp->gfree == nullptr) {
    MutexLock l(&sched.gfree_lock);
    while (pp->gfreecount < 32 && sched.gfree != nullptr) {
      G* gp = sched.gfree;
      sched.gfree = gp->schedlink;
      sched.ngfree--;
      gp->schedlink = pp->gfree;
      pp->gfree = gp;
      pp->gfreecount++;
    }
  }
  G* gp = pp->gfree;
  if (gp == nullptr) return nullptr;
  pp->gfree = gp->schedlink;
  pp->gfreecount--;
  gp->schedlink = nullptr;
  gp->stack_released = false;
  if (compact && gp->stack.lo == 0) {
    StackAllocCompact(gp);
  } else if (gp->stack.lo == 0 || gp->stack.hi - gp->stack.lo < size) {
    StackFree(gp);
    StackAlloc(gp, size);
  }
  return gp;
}


// Mirrors markrootFreeGStacks, gently: with the world stopped, the collector gives
// the memory of dead goroutines' stacks back to the OS (MADV_DONTNEED). The stacks
// stay mapped for reuse and read as zeros; each is released once per death.
// Returns the bytes released.
uintptr_t ReleaseDeadStacks() ABSL_NO_THREAD_SAFETY_ANALYSIS {
  uintptr_t released = 0;
  auto release = [&](G* gp) {
    if (gp->stack.lo == 0 || gp->stack_released) return;
    madvise(reinterpret_cast<void*>(gp->stack.lo), gp->stack.hi - gp->stack.lo, MADV_DONTNEED);
    gp->stack_released = true;
    released += gp->stack.hi - gp->stack.lo;
  };
  {
    MutexLock l(&sched.gfree_lock);
    for (G* gp = sched.gfree; gp != nullptr; gp = gp->schedlink) release(gp);
  }
  for (P* pp : allp) {
    if (pp == nullptr) continue;
    for (G* gp = pp->gfree; gp != nullptr; gp = gp->schedlink) release(gp);
  }
  return released;
}


// Counts n goroutines started (n > 0) or exited (n < 0) on pp into sched.ngolive,
// kGoliveBatch at a time; pp null (no P yet) counts directly.
constexpr int32_t kGoliveBatch = 64;
void GoliveAdd(P* pp, int32_t n) {
  if (pp == nullptr) {
    sched.ngolive.fetch_add(n);
    return;
  }
  pp->ngolive_delta += n;
  if (pp->ngolive_delta >= kGoliveBatch || pp->ngolive_delta <= -kGoliveBatch) {
    GoliveFlush(pp);
  }
}

void GoliveFlush(P* pp) {
  if (pp->ngolive_delta == 0) return;
  sched.ngolive.fetch_add(pp->ngolive_delta);
  pp->ngolive_delta = 0;
}

// Mirrors newproc1: a G in state kRunnable that will run fn(g, arg) and then
// goexit. The stack top holds [sp] = goexit+1, [sp+8] = g, [sp+16] = 0, so sp is
// 8 mod 16 at fn's entry, as after a call.
G* NewProc1(G* callergp, GoFunc fn, void* arg, size_t stacksize, uintptr_t callerpc) {
  M* mp = callergp != nullptr ? callergp->m : tls_m;
  P* pp = mp->p;
  // With many goroutines alive, a new one starts on a compact stack and gets its
  // kFixedStack stack when it first runs (stack.cc, "Parked stacks").
  bool compact = stacksize == kFixedStack &&
                 CompactStacksOn(sched.ngolive.load(std::memory_order_relaxed));
  G* newg = GfGet(pp, stacksize, compact);
  if (newg == nullptr) {
    newg = Malg(compact ? 0 : stacksize);
    if (compact) StackAllocCompact(newg);
    CasGStatus(newg, Gstatus::kIdle, Gstatus::kDead);
    AllGAdd(newg);  // publishes with a kDead status so tracebacks skip it
  }
  if (newg->stack.hi == 0) Throw("newproc1: newg missing stack");
  if (ReadGStatus(newg) != static_cast<uint32_t>(Gstatus::kDead)) {
    Throw("newproc1: new g is not Gdead");
  }
  uintptr_t top = newg->stack.hi & ~uintptr_t{15};
  auto* slots = reinterpret_cast<uintptr_t*>(top - 24);
  slots[0] = reinterpret_cast<uintptr_t>(&gojit_goexit) + 1;  // PCQuantum
  slots[1] = reinterpret_cast<uintptr_t>(newg);
  slots[2] = 0;
  newg->sched = Gobuf{};
  newg->sched.sp = top - 24;
  newg->sched.pc = reinterpret_cast<uintptr_t>(fn);
  newg->sched.g = newg;
  newg->sched.ctxt = arg;
  newg->sched.bp = 0;  // ends the frame-pointer chain
  newg->gopc = callerpc;
  newg->startpc = reinterpret_cast<uintptr_t>(fn);
  newg->waitreason = WaitReason::kZero;
  newg->sig = 0;
  CasGStatus(newg, Gstatus::kDead, Gstatus::kRunnable);
  if (pp->goidcache == pp->goidcacheend) {
    pp->goidcache = sched.goidgen.fetch_add(kGoidCacheBatch) + kGoidCacheBatch;
    pp->goidcache -= kGoidCacheBatch - 1;
    pp->goidcacheend = pp->goidcache + kGoidCacheBatch;
  }
  newg->goid = static_cast<int64_t>(pp->goidcache++);
  GoliveAdd(pp, 1);
  if (!run.exit_on_return) run.started.fetch_add(1, std::memory_order_relaxed);
  return newg;
}

// Mirrors gfpurge: all of pp's dead Gs to the global free list.
void GfPurge(P* pp) { GfMoveToGlobal(pp, 0); }

}  // namespace gojit::rt
