// The page heap and its spans: where every Go heap object lives. Mirrors
// runtime/mheap.go (mheap, mspan), mcentral.go and sizeclasses.go, simplified.
//
// Address space: one arena of up to kMaxArenaSize bytes is reserved at first use
// with mmap(PROT_READ|PROT_WRITE, MAP_NORESERVE): half of what RLIMIT_AS leaves
// when `ulimit -v` sets one, and less again (halving, down to kMinArenaSize) when
// the reservation fails; an arena that fills up is gc's "out of memory". Pages
// cost memory only once touched,
// and released pages (MADV_DONTNEED) read as zero again. Every heap address is in
// [arena_start, arena_end), so "is this word a heap pointer" is a range check and
// its span is spans[(addr - arena_start) >> kPageShift], as gc's spanOf.
//
// A span is a run of pages holding either nelems objects of one size class
// (small, <= 32 KiB) or one large object. Its class is a spanclass as in gc:
// sizeclass << 1 | noscan. For scan spans, heap_bits holds one bit per word of the
// span: set where the word may hold a pointer (written at allocation from the
// object's type, mbitmap.go's heapBitsSetType), which the collector follows; noscan
// spans have no bits and are never scanned.
//
// Invariants:
//  1. spans[i] == s for every page i of an in-use span s; free pages map to null.
//  2. Object idx of span s is allocated iff idx < s->freeindex or alloc_bits[idx]
//     (gc's isFree, negated): allocation only moves freeindex forward over zero
//     bits, and sweeping replaces alloc_bits by the mark bits and resets freeindex.
//  3. A span is owned by at most one mcache (in_cache); only that P allocates from
//     it, so allocation needs no lock. Spans with free objects that no mcache owns
//     are on their class's central partial list (guarded by its lock).
//  4. Spans are swept, and freed, only between one cycle's mark and the next's
//     (mgcsweep.cc), while allocation goes on; a span is on the heap's span list
//     from its creation until a sweep takes the list, and again once swept.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "runtime/lock_futex.h"
#include "runtime/mcache.h"

namespace gojit::rt {

struct TypeDescriptor;

inline constexpr uintptr_t kPageShift = 13;                 // _PageShift
inline constexpr uintptr_t kPageSize = uintptr_t{1} << 13;  // _PageSize
inline constexpr uintptr_t kMaxSmallSize = 32768;           // _MaxSmallSize
inline constexpr int kNumSizeClasses = 68;                  // _NumSizeClasses
inline constexpr int kNumSpanClasses = kNumSizeClasses << 1;
static_assert(kNumSpanClasses == kMCacheSpanClasses);
// The arena: at most 64 GiB of address space (the machine's memory is far less),
// at least 64 MiB.
inline constexpr uintptr_t kMaxArenaSize = uintptr_t{64} << 30;
inline constexpr uintptr_t kMinArenaSize = uintptr_t{64} << 20;

extern const uint16_t kClassToSize[kNumSizeClasses];
extern const uint8_t kClassToAllocNPages[kNumSizeClasses];

// The size class for a small size (1..kMaxSmallSize), as size_to_class8/128.
uint8_t SizeToClass(uintptr_t size);

struct MSpan {
  uintptr_t base = 0;     // address of the first object
  uintptr_t npages = 0;
  uintptr_t elemsize = 0;  // object size (large: npages * kPageSize)
  uint32_t nelems = 0;
  uint32_t freeindex = 0;   // objects below are allocated (invariant 2)
  uint32_t allocCount = 0;  // allocated objects
  uint32_t divmul = 0;      // ~uint32(0) / elemsize + 1 (gc's divMul); 0: large
  uint8_t spanclass = 0;    // sizeclass << 1 | noscan; sizeclass 0: large
  bool in_cache = false;    // owned by an mcache (invariant 3)
  bool needzero = false;    // free objects may hold stale data
  uint64_t* alloc_bits = nullptr;   // nelems bits
  uint64_t* mark_bits = nullptr;    // nelems bits, written by the collector
  uint64_t* heap_bits = nullptr;    // scan spans: one bit per word of the span
  uint64_t* bits_block = nullptr;   // the allocation holding alloc_bits and mark_bits
  MSpan* next = nullptr;            // on a central partial list

  bool Noscan() const { return (spanclass & 1) != 0; }
  uint8_t SizeClass() const { return spanclass >> 1; }
  bool Allocated(uint32_t idx) const {
    return idx < freeindex || (alloc_bits[idx / 64] >> (idx % 64) & 1) != 0;
  }
  bool Marked(uint32_t idx) const { return (mark_bits[idx / 64] >> (idx % 64) & 1) != 0; }
  void SetMarked(uint32_t idx) { mark_bits[idx / 64] |= uint64_t{1} << (idx % 64); }
  // The index of the first free object at or after freeindex, or nelems.
  uint32_t NextFreeIndex() const;
  // Mirrors objIndex: a multiply instead of a division (exact for the offsets of a
  // small-object span, as gc's divMagic).
  uint32_t ObjIndex(uintptr_t p) const {
    return static_cast<uint32_t>((static_cast<uint64_t>(p - base) * divmul) >> 32);
  }
};

// mprefault.cc: the arena's in-use part reached `used` bytes: populate the huge
// pages just past it, on a helper thread, before the allocator hands them out.
void PrefaultArena(uintptr_t arena_start, uintptr_t used, uintptr_t arena_size);

// Heap-wide state and the page allocator (gc's mheap_).
class MHeap {
 public:
  // A span of npages pages for spanclass (small: class_to_allocnpages pages).
  // Returns null when the arena is exhausted. Thread-safe.
  MSpan* AllocSpan(uintptr_t npages, uint8_t spanclass, uintptr_t elemsize);
  // Returns s's pages to the free set and deletes s, which no list holds (the
  // sweeper's). Thread-safe.
  void FreeSpan(MSpan* s);

  // A span from spanclass's central list with free objects, or a new one. With
  // may_sweep (the caller has a P: mgcsweep.cc's invariant 2), a sweep in
  // progress is first paid its credit for a new span, and an empty list waits
  // for sweeping to turn up a span.
  MSpan* CacheSpan(uint8_t spanclass, bool may_sweep);
  // Puts a swept span with free objects back on its central list.
  void UncacheSpan(MSpan* s);

  // The span holding p, or null if p is not in an in-use span.
  MSpan* SpanOf(uintptr_t p) const {
    uintptr_t off = p - arena_start_;
    if (off >= arena_used_) return nullptr;
    return spans_[off >> kPageShift];
  }
  uintptr_t arena_start() const { return arena_start_; }
  uintptr_t arena_size() const { return arena_size_; }

  // The world is stopped, at a sweep's start: *out becomes the list of every
  // in-use span, and the heap starts a new one (reusing *out's old storage).
  void TakeAllSpans(std::vector<MSpan*>* out);
  // A swept span that survived goes back on the heap's list.
  void RelistSpan(MSpan* s);
  // Empties the central lists (their spans are about to be unswept).
  void ClearCentralLists();
  // Releases free page runs to the OS (MADV_DONTNEED) until at most retain bytes
  // of the arena are held (in-use spans plus unreleased free runs), as gc's
  // scavenger goal. Returns the bytes released.
  uintptr_t Scavenge(uintptr_t retain);

  // Statistics, in bytes (read with the world stopped or racily for reports).
  uintptr_t sys() const { return arena_used_; }          // address space touched
  uintptr_t inuse() const { return pages_inuse_ << kPageShift; }
  uintptr_t released() const { return pages_released_ << kPageShift; }

  static MHeap& Get();

 private:
  struct FreeRun {
    uintptr_t npages;
    bool scavenged;  // released to the OS: reads as zero
  };
  void Init();
  uintptr_t AllocPages(uintptr_t npages, bool* zeroed);
  void InsertFree(uintptr_t page, uintptr_t npages, bool scavenged);
  void RemoveFree(uintptr_t page);

  Mutex lock_;
  uintptr_t arena_start_ = 0;
  uintptr_t arena_used_ = 0;  // bytes of the arena handed out at least once
  uintptr_t arena_size_ = 0;  // bytes reserved (Init), a multiple of 2 MiB
  MSpan** spans_ = nullptr;   // one entry per arena page
  // Free page runs by first page; by_size_ orders them for best fit.
  std::vector<MSpan*> allspans_;  // guarded by lock_; invariant 4
  uintptr_t pages_inuse_ = 0;
  uintptr_t pages_released_ = 0;
  struct Central {
    Mutex lock;
    MSpan* partial = nullptr;
  };
  Central central_[kNumSpanClasses];
  // Implementation detail containers live in mheap.cc (absl btree/hash maps).
  struct FreeIndex;
  FreeIndex* free_ = nullptr;
};

}  // namespace gojit::rt
