// Finalizers: runtime.SetFinalizer and the goroutine that runs them. Mirrors
// mfinal.go (SetFinalizer's checks and messages, queuefinalizer, runfinq) and the
// finalizer part of mgcmark.go/mgcsweep.go.
//
// A finalizer is recorded by its object's base address. While marking, every
// finalizer's function is a root and its object's contents are scanned (but the
// object is not marked): what the object reaches stays alive, as in gc's
// markrootSpans. After marking, an object that is still unmarked has become
// unreachable: its finalizer moves to the queue, the object is marked (so it
// survives this cycle; the next one frees it if the finalizer dropped it) and the
// finalizer goroutine is woken after the world restarts. The queue is a root too.
//
// The finalizer goroutine is a runtime goroutine (G::system): created at the first
// SetFinalizer, parked in "finalizer wait" when the queue is empty, and not
// counted by NumGoroutine or deadlock detection, as gc's fing.
//
// Cleanups (runtime.AddCleanup) ride on the same machinery: each is a func() with
// an id, recorded against its object's base address, any number per object. Its
// function is a root but its object is not scanned (a cleanup must not reach its
// object, or the object never dies), and when the object is found unmarked the
// function is queued for the finalizer goroutine, which calls it with no
// argument; unlike a finalizer, the object is not kept for another cycle.
//
// Invariants (under fin_lock): an object has at most one entry in `finalizers`; an
// entry is either there or on `finq`, never both; fing is null or the goroutine. A
// cleanup is in `cleanups` (by id) until its object dies or Stop removes it.
#include <atomic>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "runtime/entrypoints.h"
#include "runtime/mgc.h"
#include "runtime/mheap.h"
#include "runtime/proc.h"
#include "runtime/runtime2.h"

namespace gojit::rt {
namespace {

struct Finalizer {
  uintptr_t obj = 0;
  void* fn = nullptr;                    // the func value (closure)
  const TypeDescriptor* ot = nullptr;    // the object's pointer type
  const TypeDescriptor* fint = nullptr;  // the finalizer's parameter type
  int64_t result_bytes = 0;              // the finalizer's results (ignored)
  bool cleanup = false;                  // a cleanup: fn is a func(), obj unused
};

struct Cleanup {
  uintptr_t obj = 0;  // the base of the object whose death runs fn
  void* fn = nullptr;  // a func() value
};

// Results of more than four words come back through a hidden pointer, LLVM's
// "sret demotion" of a large first-class return value: the pointer is passed
// first, before g.
constexpr int64_t kMaxRegisterResult = 32;

Mutex fin_lock;
absl::flat_hash_map<uintptr_t, Finalizer>* finalizers ABSL_GUARDED_BY(fin_lock) = nullptr;
std::vector<Finalizer>* finq ABSL_GUARDED_BY(fin_lock) = nullptr;
absl::flat_hash_map<uint64_t, Cleanup>* cleanups ABSL_GUARDED_BY(fin_lock) = nullptr;
uint64_t next_cleanup_id ABSL_GUARDED_BY(fin_lock) = 1;
G* fing ABSL_GUARDED_BY(fin_lock) = nullptr;
// runtime/metrics' counts: finalizers and cleanups queued and run, ever.
std::atomic<uint64_t> finalizers_queued{0}, finalizers_executed{0};
std::atomic<uint64_t> cleanups_queued{0}, cleanups_executed{0};
bool fingwait ABSL_GUARDED_BY(fin_lock) = false;  // fing is parked on an empty queue

std::string Str(GoString s) { return std::string(reinterpret_cast<const char*>(s.ptr), static_cast<size_t>(s.len)); }

bool UnlockFin(G*, void*) ABSL_NO_THREAD_SAFETY_ANALYSIS {
  fin_lock.Unlock();
  return true;
}

// Calls f.fn(obj) with obj converted to the parameter type and the results
// dropped, as gc's runfinq does with reflectcall.
void Call(G* g, const Finalizer& f, std::vector<uint64_t>* results) {
  void* code = *static_cast<void**>(f.fn);
  if (f.cleanup) {
    reinterpret_cast<void (*)(G*, void*)>(code)(g, f.fn);
    return;
  }
  auto* obj = reinterpret_cast<void*>(f.obj);
  bool sret = f.result_bytes > kMaxRegisterResult;
  if (sret) results->assign(static_cast<size_t>(f.result_bytes + 7) / 8, 0);
  void* out = results->data();
  if (f.fint->kind != Kind::kInterface) {
    if (sret) {
      reinterpret_cast<void (*)(void*, G*, void*, void*)>(code)(out, g, f.fn, obj);
    } else {
      reinterpret_cast<void (*)(G*, void*, void*)>(code)(g, f.fn, obj);
    }
    return;
  }
  // An interface parameter is passed as its two words.
  const void* word0 = f.fint->nmethods == 0
                          ? static_cast<const void*>(f.ot)
                          : gojit_rt_getitab(g, f.fint, f.ot, 0);
  if (sret) {
    reinterpret_cast<void (*)(void*, G*, void*, const void*, void*)>(code)(out, g, f.fn, word0, obj);
  } else {
    reinterpret_cast<void (*)(G*, void*, const void*, void*)>(code)(g, f.fn, word0, obj);
  }
}

// Mirrors runfinq: the finalizer goroutine's body.
void RunFinq(G* g, void*) ABSL_NO_THREAD_SAFETY_ANALYSIS {
  std::vector<Finalizer> batch;
  std::vector<uint64_t> results;
  for (;;) {
    fin_lock.Lock();
    if (finq->empty()) {
      fingwait = true;
      Gopark(g, &UnlockFin, nullptr, WaitReason::kFinalizerWait);
      continue;
    }
    batch.swap(*finq);
    fin_lock.Unlock();
    for (const Finalizer& f : batch) {
      Call(g, f, &results);
      (f.cleanup ? cleanups_executed : finalizers_executed).fetch_add(1, std::memory_order_relaxed);
    }
    batch.clear();
  }
}

// Makes the finalizer state and goroutine on first use. Mirrors createfing.
void EnsureFing(G* g) ABSL_EXCLUSIVE_LOCKS_REQUIRED(fin_lock) {
  if (finalizers == nullptr) {
    finalizers = new absl::flat_hash_map<uintptr_t, Finalizer>();
    finq = new std::vector<Finalizer>();
    cleanups = new absl::flat_hash_map<uint64_t, Cleanup>();
  }
  if (fing == nullptr) {
    // Not a user goroutine: take it out of the live count.
    fing = NewProc(g, &RunFinq, nullptr);
    fing->system = true;
    sched.ngolive.fetch_sub(1);
  }
}

}  // namespace

uint64_t AddCleanup(G* g, void* ptr, void* fn) {
  auto p = reinterpret_cast<uintptr_t>(ptr);
  MSpan* s = MHeap::Get().SpanOf(p);
  // Globals and zero-sized objects never die: their cleanups never run (gc).
  if (s == nullptr) return 0;
  uintptr_t base = s->base + s->ObjIndex(p) * s->elemsize;
  MutexLock l(&fin_lock);
  EnsureFing(g);
  uint64_t id = next_cleanup_id++;
  (*cleanups)[id] = Cleanup{base, fn};
  return id;
}

void StopCleanup(uint64_t id) {
  MutexLock l(&fin_lock);
  if (cleanups != nullptr) cleanups->erase(id);
}

// Mirrors SetFinalizer: obj is the first argument, fin the second.
void SetFinalizer(G* g, GoEface obj, GoEface fin) {
  const TypeDescriptor* etyp = obj.type;
  if (etyp == nullptr) Throw("runtime.SetFinalizer: first argument is nil");
  if (etyp->kind != Kind::kPointer) {
    Throw(absl::StrCat("runtime.SetFinalizer: first argument is ", Str(etyp->name), ", not pointer"));
  }
  if (obj.data == nullptr) Throw("runtime.SetFinalizer: pointer is nil");
  auto p = reinterpret_cast<uintptr_t>(obj.data);
  MSpan* s = MHeap::Get().SpanOf(p);
  // Globals and zero-sized objects (zerobase) cannot be finalized; gc ignores them.
  if (s == nullptr) return;
  if (s->base + s->ObjIndex(p) * s->elemsize != p) {
    Throw("runtime.SetFinalizer: pointer not at beginning of allocated block");
  }
  const TypeDescriptor* ftyp = fin.type;
  if (ftyp == nullptr) {
    MutexLock l(&fin_lock);
    if (finalizers != nullptr) finalizers->erase(p);
    return;
  }
  if (ftyp->kind != Kind::kFunc) {
    Throw(absl::StrCat("runtime.SetFinalizer: second argument is ", Str(ftyp->name), ", not a function"));
  }
  const TypeDescriptor* fint = ftyp->elem;
  bool ok = ftyp->len == 1 && fint != nullptr;
  if (ok && fint != etyp) {
    // An interface the object's type implements (gc: convT2I), or a pointer
    // type with the same element when one of the two is unnamed.
    if (fint->kind == Kind::kInterface) {
      ok = fint->nmethods == 0 || gojit_rt_getitab(g, fint, etyp, 1) != nullptr;
    } else {
      ok = fint->kind == Kind::kPointer && fint->elem == etyp->elem &&
           ((fint->flags & kTypeFlagNamed) == 0 || (etyp->flags & kTypeFlagNamed) == 0);
    }
  }
  if (!ok) {
    Throw(absl::StrCat("runtime.SetFinalizer: cannot pass ", Str(etyp->name), " to finalizer ",
                       Str(ftyp->name)));
  }
  MutexLock l(&fin_lock);
  EnsureFing(g);
  if (finalizers->contains(p)) Throw("runtime.SetFinalizer: finalizer already set");
  (*finalizers)[p] = Finalizer{p, fin.data, etyp, fint, ftyp->nfields};
}

// The collector, world stopped: the finalizers' roots, through visit(lo, hi) for
// ranges scanned conservatively and scan(obj) for objects whose contents (not the
// object itself) must stay alive.
void FinalizerRoots(void (*visit)(void*, uintptr_t, uintptr_t), void (*scan)(void*, uintptr_t),
                    void* arg) ABSL_NO_THREAD_SAFETY_ANALYSIS {
  if (finalizers == nullptr) return;
  for (auto& [p, f] : *finalizers) {
    auto fn = reinterpret_cast<uintptr_t>(&f.fn);
    visit(arg, fn, fn + sizeof(void*));
    scan(arg, p);
  }
  for (Finalizer& f : *finq) {
    auto a = reinterpret_cast<uintptr_t>(&f);
    visit(arg, a, a + sizeof(Finalizer));
  }
  for (auto& [id, c] : *cleanups) {
    auto fn = reinterpret_cast<uintptr_t>(&c.fn);
    visit(arg, fn, fn + sizeof(void*));
  }
}

// The collector, world stopped, marking done: queues the finalizers of unmarked
// objects and marks those objects. Returns whether the queue has work.
bool QueueFinalizers() ABSL_NO_THREAD_SAFETY_ANALYSIS {
  if (finalizers == nullptr) return false;
  MHeap& heap = MHeap::Get();
  // Cleanups first: an object that a finalizer is about to keep alive for one
  // more cycle is dead all the same.
  for (auto it = cleanups->begin(); it != cleanups->end();) {
    MSpan* s = heap.SpanOf(it->second.obj);
    if (s->Marked(s->ObjIndex(it->second.obj))) {
      ++it;
      continue;
    }
    finq->push_back(Finalizer{.obj = 0, .fn = it->second.fn, .ot = nullptr, .fint = nullptr,
                              .result_bytes = 0, .cleanup = true});
    cleanups->erase(it++);
    cleanups_queued.fetch_add(1, std::memory_order_relaxed);
  }
  for (auto it = finalizers->begin(); it != finalizers->end();) {
    MSpan* s = heap.SpanOf(it->first);
    uint32_t idx = s->ObjIndex(it->first);
    if (s->Marked(idx)) {
      ++it;
      continue;
    }
    s->SetMarked(idx);
    finq->push_back(it->second);
    finalizers->erase(it++);
    finalizers_queued.fetch_add(1, std::memory_order_relaxed);
  }
  return !finq->empty();
}

FinalizerCounts ReadFinalizerCounts() {
  return {finalizers_queued.load(), finalizers_executed.load(), cleanups_queued.load(),
          cleanups_executed.load()};
}

// After the world restarted: wakes the finalizer goroutine if it waits.
void WakeFing(G* g) {
  G* gp = nullptr;
  {
    MutexLock l(&fin_lock);
    if (fing != nullptr && fingwait && finq != nullptr && !finq->empty()) {
      fingwait = false;
      gp = fing;
    }
  }
  if (gp != nullptr) Goready(g, gp);
}

// RunUntilDone's teardown frees every G: forget the finalizer goroutine and state.
void ResetFinalizers() {
  MutexLock l(&fin_lock);
  delete finalizers;
  delete finq;
  delete cleanups;
  finalizers = nullptr;
  finq = nullptr;
  cleanups = nullptr;
  fing = nullptr;
  fingwait = false;
}

}  // namespace gojit::rt
