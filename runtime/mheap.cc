// The page heap, spans and central lists; see mheap.h for the layout and the
// invariants. Pages are handed out best-fit from the free runs (smallest run that
// fits, lowest address among equals), coalescing with both neighbours on free, and
// from the untouched end of the arena when no run fits. gc uses a radix tree over
// a bitmap of pages (mpagealloc.go); a best-fit set is simpler and, for the heap
// sizes gojit runs, as fast.
#include "runtime/mheap.h"

#include <sys/mman.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "absl/container/btree_map.h"
#include "absl/container/btree_set.h"
#include "runtime/mgc.h"
#include "runtime/runtime.h"

namespace gojit::rt {

// class_to_size and class_to_allocnpages from sizeclasses.go (Go 1.19).
const uint16_t kClassToSize[kNumSizeClasses] = {
    0,     8,     16,    24,    32,    48,    64,    80,    96,    112,   128,   144,
    160,   176,   192,   208,   224,   240,   256,   288,   320,   352,   384,   416,
    448,   480,   512,   576,   640,   704,   768,   896,   1024,  1152,  1280,  1408,
    1536,  1792,  2048,  2304,  2688,  3072,  3200,  3456,  4096,  4864,  5376,  6144,
    6528,  6784,  6912,  8192,  9472,  9728,  10240, 10880, 12288, 13568, 14336, 16384,
    18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768};
const uint8_t kClassToAllocNPages[kNumSizeClasses] = {
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 2, 1, 2, 1, 3, 2, 3, 1, 3,
    2, 3, 4, 5, 6, 1, 7, 6, 5, 4, 3, 5, 7, 2, 9, 7, 5, 8, 3, 10, 7, 4};

namespace {

constexpr uintptr_t kHugePage = uintptr_t{2} << 20;
// Large objects from this size up are backed by huge pages (Init's comment).
constexpr uintptr_t kHugeObject = uintptr_t{4} << 20;

// size_to_class8 (sizes up to 1024 in steps of 8) and size_to_class128 (up to
// 32768 in steps of 128), built from class_to_size: the smallest class that holds
// the size, which is how sizeclasses.go's generator fills them.
struct SizeClassTables {
  uint8_t class8[1024 / 8 + 1];
  uint8_t class128[(kMaxSmallSize - 1024) / 128 + 1];
  SizeClassTables() {
    auto smallest = [](uintptr_t size) {
      uint8_t c = 1;
      while (kClassToSize[c] < size) ++c;
      return c;
    };
    for (uintptr_t i = 0; i < std::size(class8); ++i) class8[i] = smallest(i * 8);
    for (uintptr_t i = 0; i < std::size(class128); ++i) class128[i] = smallest(1024 + i * 128);
  }
};
const SizeClassTables size_tables;

}  // namespace

uint8_t SizeToClass(uintptr_t size) {
  if (size <= 1024 - 8) return size_tables.class8[(size + 7) >> 3];
  return size_tables.class128[(size - 1024 + 127) >> 7];
}

uint32_t MSpan::NextFreeIndex() const {
  uint32_t i = freeindex;
  while (i < nelems) {
    uint64_t free = ~alloc_bits[i / 64] >> (i % 64);
    if (free != 0) {
      i += static_cast<uint32_t>(__builtin_ctzll(free));
      return i < nelems ? i : nelems;
    }
    i = (i / 64 + 1) * 64;
  }
  return nelems;
}

// Free page runs, by first page (relative to the arena) and by (size, first page).
struct MHeap::FreeIndex {
  absl::btree_map<uintptr_t, FreeRun> by_start;
  absl::btree_set<std::pair<uintptr_t, uintptr_t>> by_size;
};

MHeap& MHeap::Get() {
  static MHeap* heap = [] {
    auto* h = new MHeap();
    h->Init();
    return h;
  }();
  return *heap;
}

void MHeap::Init() {
  // The arena starts on a huge-page boundary, so that parts of it can be backed
  // by transparent huge pages: where THP is "madvise", as on Debian, memory asked
  // for with MADV_HUGEPAGE is mapped 2 MiB at a time, not 4 KiB, which takes
  // 1/512th of the page faults and fewer TLB misses. But a goroutine faulting in
  // a huge page spends milliseconds in the kernel, where the preemption signal
  // cannot stop it, and a stop-the-world waits for it. So the arena is not
  // advised as a whole: mprefault.cc advises and populates the huge pages just
  // ahead of the allocator on a helper thread, and AllocSpan advises the inside
  // of a large object's span (a big slice is worth the faults: a 20 MB sieve
  // takes ~10, not ~5,000). The scavenger's MADV_DONTNEED splits a huge page
  // where it releases part of one.
  // Under `ulimit -v`, half of the limit: the rest is for gojit's compiler, thread
  // and goroutine stacks and the span table.
  uintptr_t size = kMaxArenaSize;
  if (struct rlimit rl; getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) {
    size = std::min<uintptr_t>(size, static_cast<uintptr_t>(rl.rlim_cur) / 2);
  }
  size &= ~(kHugePage - 1);
  void* p = MAP_FAILED;
  for (; size >= kMinArenaSize; size = (size / 2) & ~(kHugePage - 1)) {
    p = mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p != MAP_FAILED) break;
  }
  if (p == MAP_FAILED) Throw("runtime: cannot reserve arena virtual address space");
  arena_size_ = size;
  uintptr_t raw = reinterpret_cast<uintptr_t>(p);
  arena_start_ = (raw + kHugePage - 1) & ~(kHugePage - 1);
  if (arena_start_ > raw) munmap(p, arena_start_ - raw);
  uintptr_t tail = raw + size + kHugePage - (arena_start_ + size);
  if (tail > 0) munmap(reinterpret_cast<void*>(arena_start_ + size), tail);
  size_t table = (size >> kPageShift) * sizeof(MSpan*);
  void* t = mmap(nullptr, table, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (t == MAP_FAILED) Throw("runtime: cannot reserve span table");
  spans_ = static_cast<MSpan**>(t);
  free_ = new FreeIndex();
}

void MHeap::InsertFree(uintptr_t page, uintptr_t npages, bool scavenged) {
  free_->by_start[page] = FreeRun{npages, scavenged};
  free_->by_size.insert({npages, page});
}

void MHeap::RemoveFree(uintptr_t page) {
  auto it = free_->by_start.find(page);
  free_->by_size.erase({it->second.npages, page});
  free_->by_start.erase(it);
}

uintptr_t MHeap::AllocPages(uintptr_t npages, bool* zeroed) {
  auto it = free_->by_size.lower_bound({npages, 0});
  if (it != free_->by_size.end()) {
    auto [runpages, page] = *it;
    bool scavenged = free_->by_start[page].scavenged;
    RemoveFree(page);
    if (runpages > npages) InsertFree(page + npages, runpages - npages, scavenged);
    if (scavenged) pages_released_ -= npages;
    *zeroed = scavenged;
    return page;
  }
  uintptr_t bytes = npages << kPageShift;
  if (bytes > arena_size_ - arena_used_) return ~uintptr_t{0};
  uintptr_t page = arena_used_ >> kPageShift;
  arena_used_ += bytes;
  *zeroed = true;
  return page;
}

MSpan* MHeap::AllocSpan(uintptr_t npages, uint8_t spanclass, uintptr_t elemsize) {
  bool zeroed = false;
  uintptr_t page, used;
  {
    MutexLock l(&lock_);
    page = AllocPages(npages, &zeroed);
    if (page == ~uintptr_t{0}) return nullptr;
    pages_inuse_ += npages;
    used = arena_used_;
  }
  PrefaultArena(arena_start_, used, arena_size_);
  if (npages << kPageShift >= kHugeObject) {
    // The huge pages wholly inside a large object (Init's comment).
    uintptr_t lo = (arena_start_ + (page << kPageShift) + kHugePage - 1) & ~(kHugePage - 1);
    uintptr_t hi = (arena_start_ + ((page + npages) << kPageShift)) & ~(kHugePage - 1);
    if (hi > lo) madvise(reinterpret_cast<void*>(lo), hi - lo, MADV_HUGEPAGE);
  }
  auto* s = new MSpan();
  s->base = arena_start_ + (page << kPageShift);
  s->npages = npages;
  s->elemsize = elemsize;
  s->nelems = static_cast<uint32_t>((npages << kPageShift) / elemsize);
  s->spanclass = spanclass;
  s->divmul = (spanclass >> 1) == 0 ? 0 : static_cast<uint32_t>(~uint32_t{0} / elemsize + 1);
  s->needzero = !zeroed;
  size_t words = (s->nelems + 63) / 64;
  s->bits_block = static_cast<uint64_t*>(std::calloc(2 * words, sizeof(uint64_t)));
  s->alloc_bits = s->bits_block;
  s->mark_bits = s->alloc_bits + words;
  if (!s->Noscan()) {
    s->heap_bits = static_cast<uint64_t*>(std::calloc(npages * (kPageSize / 8 / 64), sizeof(uint64_t)));
  }
  MutexLock l(&lock_);
  for (uintptr_t i = 0; i < npages; ++i) spans_[page + i] = s;
  allspans_.push_back(s);
  return s;
}

void MHeap::FreeSpan(MSpan* s) {
  uintptr_t page = (s->base - arena_start_) >> kPageShift;
  uintptr_t npages = s->npages;
  {
    MutexLock l(&lock_);
    for (uintptr_t i = 0; i < npages; ++i) spans_[page + i] = nullptr;
    pages_inuse_ -= npages;
    // Coalesce with the free runs on either side. A merged run counts as released
    // only if all of it was.
    bool scavenged = false;
    auto next = free_->by_start.find(page + npages);
    if (next != free_->by_start.end()) {
      uintptr_t n = next->second.npages;
      if (next->second.scavenged) pages_released_ -= n;
      RemoveFree(page + npages);
      npages += n;
    }
    auto prev = free_->by_start.lower_bound(page);
    if (prev != free_->by_start.begin()) {
      --prev;
      if (prev->first + prev->second.npages == page) {
        uintptr_t start = prev->first, n = prev->second.npages;
        if (prev->second.scavenged) pages_released_ -= n;
        RemoveFree(start);
        page = start;
        npages += n;
      }
    }
    InsertFree(page, npages, scavenged);
  }
  std::free(s->bits_block);
  std::free(s->heap_bits);
  delete s;
}

MSpan* MHeap::CacheSpan(uint8_t spanclass, bool may_sweep) {
  Central& c = central_[spanclass];
  uint8_t sizeclass = spanclass >> 1;
  if (may_sweep) GcSweepCredit(uintptr_t{kClassToAllocNPages[sizeclass]} << kPageShift);
  // As mcentral.cacheSpan: a swept span with free objects, sweeping up to a
  // budget of spans (of any class: they all need it) until one turns up.
  for (int budget = 100;; --budget) {
    {
      MutexLock l(&c.lock);
      if (MSpan* s = c.partial; s != nullptr) {
        c.partial = s->next;
        s->next = nullptr;
        s->in_cache = true;
        return s;
      }
    }
    if (!may_sweep || budget == 0 || !GcSweepOne()) break;
  }
  MSpan* s = AllocSpan(kClassToAllocNPages[sizeclass], spanclass, kClassToSize[sizeclass]);
  if (s != nullptr) s->in_cache = true;
  return s;
}

void MHeap::UncacheSpan(MSpan* s) {
  s->in_cache = false;
  Central& c = central_[s->spanclass];
  MutexLock l(&c.lock);
  s->next = c.partial;
  c.partial = s;
}

void MHeap::ClearCentralLists() {
  // The spans' next links are left stale: a span is relinked when it is put back.
  for (Central& c : central_) {
    MutexLock l(&c.lock);
    c.partial = nullptr;
  }
}

void MHeap::TakeAllSpans(std::vector<MSpan*>* out) {
  MutexLock l(&lock_);
  out->clear();
  out->swap(allspans_);
}

void MHeap::RelistSpan(MSpan* s) {
  MutexLock l(&lock_);
  allspans_.push_back(s);
}

uintptr_t MHeap::Scavenge(uintptr_t retain) {
  MutexLock l(&lock_);
  uintptr_t held = arena_used_ - (pages_released_ << kPageShift);
  uintptr_t released = 0;
  for (auto& [page, run] : free_->by_start) {
    if (held <= retain) break;
    if (run.scavenged) continue;
    madvise(reinterpret_cast<void*>(arena_start_ + (page << kPageShift)), run.npages << kPageShift,
            MADV_DONTNEED);
    run.scavenged = true;
    pages_released_ += run.npages;
    released += run.npages << kPageShift;
    held -= run.npages << kPageShift;
  }
  return released;
}

}  // namespace gojit::rt
