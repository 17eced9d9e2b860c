// Sweeping: after marking, every span's unmarked objects become free. Mirrors
// mgcsweep.go's (*mspan).sweep, done eagerly for the whole heap while the world is
// still stopped (gc sweeps lazily and concurrently; eager is simpler and its cost,
// a pass over the span list and its bitmaps, is part of the reported pause).
//
// For each span: the mark bits become the allocation bits (gc swaps gcmarkBits into
// allocBits), freeindex restarts at 0 so allocation reuses the freed objects, the
// mark bits are cleared for the next cycle, and the span is
//  - freed back to the page heap when nothing in it survived;
//  - put on its class's central partial list when some objects are free;
//  - left alone (full) otherwise; the next sweep looks at it again.
// Reused objects hold stale data, so the span is marked needzero and mallocgc
// clears each object it hands out.
#include <cstring>
#include <vector>

#include "runtime/mgc.h"
#include "runtime/mheap.h"

namespace gojit::rt {

SweepResult GcSweep() {
  MHeap& heap = MHeap::Get();
  heap.ClearCentralLists();
  SweepResult r;
  // FreeSpan reorders allspans; walk a copy.
  static std::vector<MSpan*>* spans = new std::vector<MSpan*>();
  *spans = heap.allspans();
  for (MSpan* s : *spans) {
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
    r.freed_objects += allocated - live;
    if (live == 0) {
      heap.FreeSpan(s);
      continue;
    }
    r.live_objects += live;
    r.live_bytes += uint64_t{live} * s->elemsize;
    std::swap(s->alloc_bits, s->mark_bits);
    std::memset(s->mark_bits, 0, words * sizeof(uint64_t));
    s->allocCount = live;
    s->freeindex = 0;
    if (live < s->nelems) {
      s->needzero = true;
      heap.UncacheSpan(s);
    }
  }
  return r;
}

}  // namespace gojit::rt
