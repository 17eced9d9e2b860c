// The write barrier: what keeps concurrent marking correct while goroutines
// store pointers. Mirrors mbarrier.go and mwbbuf.go, with a different barrier.
//
// gojit's concurrent cycle (mgc.cc) is snapshot-at-the-beginning: with the world
// stopped it scans every root that is not a heap object (goroutine stacks,
// package variables, the runtime's structures), then marks the heap while
// goroutines run. Objects allocated meanwhile are born marked (malloc.cc). What
// could then be lost is an object reachable at the snapshot whose last heap path
// a goroutine cuts, after loading the pointer, while the marker has not yet
// followed that path. The deletion barrier (Yuasa's) prevents it: while marking,
// a pointer overwritten in a heap object is shaded (marked and queued for
// scanning) first. Go's hybrid barrier also shades the new pointer, because gc
// scans stacks one at a time while goroutines run; gojit scans them all in the
// pause, so the deletion half is enough, and stores to the stack and to package
// variables need no barrier at all.
//
// The barrier ir/ emits (ir/write_barrier.cc) around a store of pointers into
// memory that may be a heap object:
//
//     old := *slot          // every pointer word the store overwrites
//     *slot = new
//     if writeBarrier { shade(old) }
//
// The order matters: the old value is loaded before the store and used after it,
// so it is live (in a register or spilled to the goroutine's stack) at every
// instruction in between. A goroutine stopped anywhere in the sequence, by a
// safepoint or by the preemption signal, has it on its stack, which the pause
// scans: the pointer is then marked whether or not the goroutine saw the flag
// change. gc makes its barrier sequence non-preemptible instead; gojit's async
// preemption may stop JIT'd code at any instruction.
//
// Copies and clears of memory that may hold pointers (memmove and memset into a
// heap object) call gojit_rt_wbmove and gojit_rt_wbmemset, which shade every word
// the destination held before writing it. They run in C++, where no goroutine is
// ever stopped (C++ code is not an async safe point), so they check the flag
// first. The runtime's own stores into heap objects (channel buffers, maps) use
// WbBulkPreWrite and WbShade the same way.
//
// Invariants:
//  1. gojit_rt_writebarrier changes only while the world is stopped (mgc.cc).
//  2. While it is set, every pointer overwritten in a heap object is shaded
//     before the goroutine that overwrote it can reach a point where the
//     collector's pause could run without seeing the pointer on its stack.
#include <cstring>

#include "runtime/entrypoints.h"
#include "runtime/mgc.h"
#include "runtime/mheap.h"
#include "runtime/runtime2.h"

extern "C" {
// Read by JIT'd code (a volatile byte load: never hoisted out of a loop).
uint8_t gojit_rt_writebarrier = 0;
}

namespace gojit::rt {

uint8_t gc_blacken = 0;

void WbBulkPreWrite(const void* dst, size_t n) {
  if (__atomic_load_n(&gojit_rt_writebarrier, __ATOMIC_RELAXED) == 0) return;
  auto lo = (reinterpret_cast<uintptr_t>(dst) + 7) & ~uintptr_t{7};
  auto hi = reinterpret_cast<uintptr_t>(dst) + n;
  // Only heap objects that may hold pointers need it, and only their pointer
  // words (the heap bits, malloc.cc); stacks and package variables are scanned
  // in the pause.
  MSpan* s = MHeap::Get().SpanOf(lo);
  if (s == nullptr || s->Noscan()) return;
  uintptr_t span_end = s->base + (s->npages << kPageShift);
  if (hi > span_end) hi = span_end;
  for (uintptr_t a = lo; a + 8 <= hi; a += 8) {
    uintptr_t word = (a - s->base) / 8;
    if ((s->heap_bits[word / 64] >> (word % 64) & 1) != 0) GcShade(*reinterpret_cast<const uintptr_t*>(a));
  }
}

void WbShade(const void* old) {
  if (__atomic_load_n(&gojit_rt_writebarrier, __ATOMIC_RELAXED) == 0 || old == nullptr) return;
  GcShade(reinterpret_cast<uintptr_t>(old));
}

}  // namespace gojit::rt

using namespace gojit::rt;

extern "C" {

void gojit_rt_wbshade(G*, void* old) {
  if (old != nullptr) GcShade(reinterpret_cast<uintptr_t>(old));
}

void gojit_rt_wbmove(G*, void* dst, const void* src, int64_t n) {
  WbBulkPreWrite(dst, static_cast<size_t>(n));
  std::memmove(dst, src, static_cast<size_t>(n));
}

void gojit_rt_wbmemset(G*, void* dst, int8_t value, int64_t n) {
  WbBulkPreWrite(dst, static_cast<size_t>(n));
  std::memset(dst, value, static_cast<size_t>(n));
}

}  // extern "C"
