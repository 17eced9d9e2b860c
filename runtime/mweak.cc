// Weak pointers: package weak's Make and Value. Mirrors the weak-handle part of
// mheap.go (getOrAddWeakHandle, makeStrongFromWeak) and of mgcsweep.go.
//
// weak.Make(p) asks for p's handle: a one-word heap cell, in memory the collector
// does not scan, that holds p as an integer. A weak.Pointer is a pointer to its
// handle, so it keeps the handle alive but not p's object. Each distinct pointer
// (an object and an offset in it) has one handle while its object lives, so two
// weak pointers made from one pointer compare equal, and pointers to two fields
// of one object do not.
//
// A handle is recorded here by its pointer. While marking, every recorded handle
// is a root (the record must outlive the weak pointers that drop it, so that the
// next Make returns the same handle). Once marking is done, and before the
// finalizers of unreachable objects are queued (which marks those objects), each
// handle whose object is unmarked is cleared and forgotten: Value returns nil
// from then on, also for an object a finalizer is about to resurrect, as gc
// documents. A pointer outside the heap (a package variable, the zero-size base)
// never dies: its handle is never cleared.
//
// Invariants (under weak_lock, or with the world stopped): each recorded handle
// holds the pointer it is recorded under; a cleared handle (0) is recorded nowhere
// and is never set again. Value reads a handle with the world running, and the
// clearing happens only with the world stopped, so a nonzero value Value has read
// stays valid: the goroutine now holds the pointer on its stack, a root, and
// during a concurrent mark Value shades the object, since the stack was scanned
// before.
#include "absl/container/flat_hash_map.h"
#include "runtime/mgc.h"
#include "runtime/mheap.h"
#include "runtime/proc.h"
#include "runtime/runtime.h"
#include "runtime/runtime2.h"

namespace gojit::rt {
namespace {

Mutex weak_lock;
absl::flat_hash_map<uintptr_t, uintptr_t*>* handles ABSL_GUARDED_BY(weak_lock) = nullptr;

}  // namespace

void* WeakHandle(G* g, void* p) {
  auto ptr = reinterpret_cast<uintptr_t>(p);
  // Allocate before taking the lock: an allocation may start a collection, which
  // reads the records with the world stopped.
  auto* fresh = static_cast<uintptr_t*>(Malloc(g, sizeof(uintptr_t), nullptr));
  MutexLock l(&weak_lock);
  if (handles == nullptr) handles = new absl::flat_hash_map<uintptr_t, uintptr_t*>();
  auto [it, inserted] = handles->try_emplace(ptr, fresh);
  if (inserted) *fresh = ptr;
  return it->second;
}

void* WeakValue(void* handle) {
  uintptr_t p = __atomic_load_n(static_cast<uintptr_t*>(handle), __ATOMIC_ACQUIRE);
  // While the collector marks concurrently, an object may be unmarked yet alive
  // only through its weak pointers: the strong pointer made here must keep it, as
  // gc's makeStrongFromWeak shades it.
  if (p != 0 && __atomic_load_n(&gc_blacken, __ATOMIC_RELAXED) != 0) GcShade(p);
  return reinterpret_cast<void*>(p);
}

// The collector, world stopped: each recorded handle through visit(lo, hi).
void WeakHandleRoots(void (*visit)(void*, uintptr_t, uintptr_t), void* arg) ABSL_NO_THREAD_SAFETY_ANALYSIS {
  if (handles == nullptr) return;
  for (auto& [ptr, handle] : *handles) {
    auto slot = reinterpret_cast<uintptr_t>(&handle);
    visit(arg, slot, slot + sizeof(handle));
  }
}

// The collector, world stopped, marking done, finalizers not yet queued: clears
// and forgets the handles of unmarked objects.
void ClearDeadWeakHandles() ABSL_NO_THREAD_SAFETY_ANALYSIS {
  if (handles == nullptr) return;
  MHeap& heap = MHeap::Get();
  for (auto it = handles->begin(); it != handles->end();) {
    MSpan* s = heap.SpanOf(it->first);
    if (s == nullptr || s->Marked(s->ObjIndex(it->first))) {
      ++it;
      continue;
    }
    __atomic_store_n(it->second, uintptr_t{0}, __ATOMIC_RELEASE);
    handles->erase(it++);
  }
}

// RunUntilDone's teardown: the heap goes, and the records with it.
void ResetWeakHandles() {
  MutexLock l(&weak_lock);
  delete handles;
  handles = nullptr;
}

}  // namespace gojit::rt
