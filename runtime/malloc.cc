// Heap allocation and slice growth. Mirrors runtime/malloc.go (mallocgc), mcache.go
// (refill), mbitmap.go (heapBitsSetType), msize.go (roundupsize) and slice.go
// (growslice).
//
// Every Go heap object comes from Malloc(g, size, type): small sizes from the size
// class's span in the P's mcache (no lock), refilled from the central lists or a
// fresh span (runtime/mheap.cc); sizes over 32 KiB from a span of their own. The
// type picks the span's kind, as gc's noscan bit: a null type or one without
// pointers (ptrdata == 0) is never scanned; otherwise the object's words get heap
// bits from the type's pointer mask, repeated every type->size bytes (arrays and
// slices allocate n elements of one type), or every word when the descriptor has no
// mask (hand-written runtime descriptors: kPointerWordsType and the like).
// Memory is zeroed: fresh pages are, and reused objects are cleared here.
//
// The collector (runtime/mgc.cc) starts from here: when a refill finds the heap
// past its goal, and this M holds no runtime locks and runs a user goroutine, it
// collects before allocating (gc: mallocgc's shouldhelpgc -> gcStart).
//
// Sizes are rounded exactly as gc rounds them, because programs observe it through
// cap(): growslice computes gc 1.19's new capacity (doubling below 256 elements,
// then +(newcap+768)/4 per step) and rounds the byte size up to gc's size class.
#include <cstdlib>
#include <cstring>

#include "runtime/deterministic_sched.h"
#include "runtime/entrypoints.h"
#include "runtime/mgc.h"
#include "runtime/mheap.h"
#include "runtime/preempt.h"
#include "runtime/proc.h"
#include "runtime/runtime2.h"

namespace gojit::rt {

uintptr_t zerobase = 0;

namespace {

// maxAlloc on linux/amd64 (48-bit address space).
constexpr uintptr_t kMaxAlloc = uintptr_t{1} << 48;

// The cache of allocations made without a P (a thread outside the scheduler, or
// an M between Ps), guarded by no_p_cache_lock.
Mutex no_p_cache_lock;
MCache no_p_cache;

void SetBits(uint64_t* bits, uintptr_t from, uintptr_t n) {
  while (n > 0) {
    uintptr_t bit = from % 64;
    uintptr_t k = n < 64 - bit ? n : 64 - bit;
    uint64_t mask = k == 64 ? ~uint64_t{0} : ((uint64_t{1} << k) - 1) << bit;
    bits[from / 64] |= mask;
    from += k;
    n -= k;
  }
}

void ClearBits(uint64_t* bits, uintptr_t from, uintptr_t n) {
  while (n > 0) {
    uintptr_t bit = from % 64;
    uintptr_t k = n < 64 - bit ? n : 64 - bit;
    uint64_t mask = k == 64 ? ~uint64_t{0} : ((uint64_t{1} << k) - 1) << bit;
    bits[from / 64] &= ~mask;
    from += k;
    n -= k;
  }
}

// Writes the n (<= 64) low bits of v at bit position pos of bits, replacing what
// was there.
inline void WriteBits(uint64_t* bits, uintptr_t pos, uintptr_t n, uint64_t v) {
  uint64_t mask = n == 64 ? ~uint64_t{0} : (uint64_t{1} << n) - 1;
  v &= mask;
  uintptr_t word = pos / 64, bit = pos % 64;
  bits[word] = (bits[word] & ~(mask << bit)) | (v << bit);
  if (bit + n > 64) {
    uintptr_t rest = bit + n - 64;
    uint64_t hmask = (uint64_t{1} << rest) - 1;
    bits[word + 1] = (bits[word + 1] & ~hmask) | (v >> (64 - bit));
  }
}

// Mirrors heapBitsSetType: the heap bits of the object at x (size bytes of
// elements of type t) in span s. Bits of a span that was never used are zero;
// a reused object's stale bits are cleared first.
void HeapBitsSetType(MSpan* s, uintptr_t x, uintptr_t size, const TypeDescriptor* t) {
  uintptr_t w0 = (x - s->base) / 8;
  uintptr_t words = (size + 7) / 8;
  auto tsize = static_cast<uintptr_t>(t->size);
  auto pwords = static_cast<uintptr_t>(t->ptrdata) / 8;
  // The common case: one value of a type no bigger than 64 words, in a slot of at
  // most 64 words: one or two word writes.
  if (t->gcdata != nullptr && tsize == size && s->elemsize <= 512) {
    uint64_t mask = 0;
    for (uintptr_t i = 0; i < (pwords + 7) / 8; ++i) mask |= uint64_t{t->gcdata[i]} << (8 * i);
    WriteBits(s->heap_bits, w0, s->elemsize / 8, mask);
    return;
  }
  if (s->SizeClass() != 0 && s->needzero) ClearBits(s->heap_bits, w0, s->elemsize / 8);
  if (t->gcdata == nullptr || tsize == 8) {
    // No mask (every word may be a pointer), or an array of pointers ([]*T, []map).
    SetBits(s->heap_bits, w0, words);
    return;
  }
  for (uintptr_t off = 0; off + t->ptrdata <= size; off += tsize) {
    uintptr_t base = w0 + off / 8;
    for (uintptr_t i = 0; i < pwords; ++i) {
      if ((t->gcdata[i / 8] >> (i % 8) & 1) != 0) {
        s->heap_bits[(base + i) / 64] |= uint64_t{1} << ((base + i) % 64);
      }
    }
  }
}

// gc's words when the heap cannot grow. A block larger than the whole arena is
// gc's failed mapping of a huge allocation ("runtime: out of memory"); otherwise
// the arena is full, gc's failed reservation under a limit: the block it wanted
// (whole pages), the heap's pages in use, then the fatal error.
[[noreturn]] void OutOfMemory(uintptr_t block) {
  if (block > MHeap::Get().arena_size()) Throw("runtime: out of memory");
  PrintLock();
  PrintString("runtime: out of memory: cannot allocate ");
  PrintUint(block);
  PrintString("-byte block (");
  PrintUint(MHeap::Get().inuse());
  PrintString(" in use)\n");
  PrintUnlock();
  Throw("out of memory");
}

// Mirrors gcmarknewobject: while the collector marks concurrently, objects are
// born marked, so the cycle keeps them without scanning them (mbarrier.cc); their
// bytes count as marked.
void MarkNewObject(MCache* c, MSpan* s, uint32_t idx) {
  __atomic_fetch_or(&s->mark_bits[idx / 64], uint64_t{1} << (idx % 64), __ATOMIC_RELAXED);
  c->black_bytes += s->elemsize;
}

// Mirrors (*mcache).refill: a span of spanclass with a free object, replacing the
// cache's exhausted one.
MSpan* Refill(MCache* c, uint8_t spanclass) {
  if (MSpan* old = c->alloc[spanclass]; old != nullptr) {
    old->in_cache = false;  // full: the sweeper finds it on the heap's span list
    c->alloc[spanclass] = nullptr;
  }
  // Only a P's cache sweeps (mgcsweep.cc's invariant 2).
  MSpan* s = MHeap::Get().CacheSpan(spanclass, c != &no_p_cache);
  if (s == nullptr) OutOfMemory(uintptr_t{kClassToAllocNPages[spanclass >> 1]} << kPageShift);
  GcNoteHeapLive(static_cast<int64_t>((s->nelems - s->allocCount) * s->elemsize));
  c->alloc[spanclass] = s;
  return s;
}

}  // namespace

const TypeDescriptor kPointerWordsType = {
    .size = 8, .ptrdata = 8, .hash = 0, .kind = Kind::kUnsafePointer, .align = 8,
    .flags = kTypeFlagDirectIface, .pad = 0,
    .name = {reinterpret_cast<const uint8_t*>("unsafe.Pointer"), 14},
    .elem = nullptr, .key = nullptr, .len = 0, .fields = nullptr, .nfields = 0,
    .methods = nullptr, .nmethods = 0, .gcdata = nullptr, .ptr_to_this = nullptr};

// Mirrors roundupsize.
uintptr_t RoundUpSize(uintptr_t size) {
  if (size == 0) return 0;
  if (size < kMaxSmallSize) return kClassToSize[SizeToClass(size)];
  if (size + kPageSize < size) return size;
  return (size + kPageSize - 1) & ~(kPageSize - 1);
}

// Mirrors mallocgc.
void* Malloc(G* g, int64_t size, const TypeDescriptor* type) {
  if (size < 0) PanicRuntimeError(g, "makeslice: len out of range");
  if (size == 0) return &zerobase;
  auto usize = static_cast<uintptr_t>(size);
  if (usize > kMaxAlloc) OutOfMemory((usize + kPageSize - 1) & ~(kPageSize - 1));
  bool noscan = type == nullptr || type->ptrdata == 0;
  bool small = usize <= kMaxSmallSize;
  auto spanclass = static_cast<uint8_t>(small ? SizeToClass(usize) << 1 | (noscan ? 1 : 0) : 0);
  bool collected = false;  // at most one collection per allocation (GOGC=0 collects at each refill)
  for (;;) {
    M* mp = g != nullptr ? g->m : tls_m;
    P* pp = mp != nullptr ? mp->p : nullptr;
    MCache* c = &no_p_cache;
    MSpan* s = nullptr;
    uint32_t idx = 0;
    if (small && pp != nullptr) {
      c = &pp->mcache;
      s = c->alloc[spanclass];
      if (s != nullptr && (idx = s->NextFreeIndex()) < s->nelems) {
        // The fast path: a free object in the cached span.
        s->freeindex = idx + 1;
        s->allocCount++;
        uintptr_t x = s->base + idx * s->elemsize;
        if (s->needzero) std::memset(reinterpret_cast<void*>(x), 0, s->elemsize);
        if (!noscan) HeapBitsSetType(s, x, usize, type);
        if (__atomic_load_n(&gc_blacken, __ATOMIC_RELAXED) != 0) MarkNewObject(c, s, idx);
        c->nmalloc++;
        c->alloc_bytes += s->elemsize;
        return reinterpret_cast<void*>(x);
      }
    }
    // A refill or a large object is a safepoint: a goroutine asked to yield (for a
    // stop-the-world, say) does so here. gc's runtime is Go, its calls have
    // prologue checks; gojit's is C++, which the preemption signal never stops
    // in, so a loop that only calls the runtime (x = []byte(s) with a 1 MB s)
    // would otherwise hold a stop-the-world off for seconds. Then collect first
    // if the heap is past its trigger and this is a place gc's gcStart would run
    // (a user goroutine, no runtime locks). Both may park g, after which its M and
    // P can differ, so start over.
    bool user = pp != nullptr && g != nullptr && g == mp->curg && mp->locks == 0;
    if (user && g->preempt && !Deterministic() && !PrintLockHeld()) {
      g->preempt = false;
      g->stackguard0 = g->stack.lo + kStackGuard;
      gojit_setstackguard(g->stackguard0);
      mp->preempt_count.fetch_add(1, std::memory_order_relaxed);
      NotePreempted(g, PreemptEnd::kAllocation);
      Gosched(g);
      continue;
    }
    if (!collected && user && GcShouldTrigger()) {
      GcTrigger(g);
      collected = true;
      continue;
    }
    if (pp == nullptr) no_p_cache_lock.Lock();
    uintptr_t x;
    if (small) {
      s = c->alloc[spanclass];
      if (s == nullptr || (idx = s->NextFreeIndex()) == s->nelems) {
        s = Refill(c, spanclass);
        idx = s->NextFreeIndex();
      }
      s->freeindex = idx + 1;
      s->allocCount++;
      x = s->base + idx * s->elemsize;
      if (s->needzero) std::memset(reinterpret_cast<void*>(x), 0, s->elemsize);
    } else {
      uintptr_t npages = (usize + kPageSize - 1) >> kPageShift;
      if (pp != nullptr) GcSweepCredit(npages << kPageShift);
      s = MHeap::Get().AllocSpan(npages, noscan ? 1 : 0, npages << kPageShift);
      if (s == nullptr) OutOfMemory(npages << kPageShift);
      s->freeindex = 1;
      s->allocCount = 1;
      idx = 0;
      x = s->base;
      if (s->needzero) std::memset(reinterpret_cast<void*>(x), 0, usize);
      GcNoteHeapLive(static_cast<int64_t>(s->elemsize));
    }
    if (!noscan) HeapBitsSetType(s, x, usize, type);
    if (__atomic_load_n(&gc_blacken, __ATOMIC_RELAXED) != 0) MarkNewObject(c, s, idx);
    c->nmalloc++;
    c->alloc_bytes += s->elemsize;
    if (pp == nullptr) no_p_cache_lock.Unlock();
    return reinterpret_cast<void*>(x);
  }
}

// The collector, world stopped: every mcache's spans back to the central lists
// (or to the sweeper when full) and their counts into the totals.
void FlushMCaches(uint64_t* nmalloc, uint64_t* alloc_bytes, uint64_t* black_bytes) {
  auto flush = [&](MCache* c) {
    for (MSpan*& s : c->alloc) {
      if (s == nullptr) continue;
      GcNoteHeapLive(-static_cast<int64_t>((s->nelems - s->allocCount) * s->elemsize));
      s->in_cache = false;
      s = nullptr;
    }
    *nmalloc += c->nmalloc;
    *alloc_bytes += c->alloc_bytes;
    *black_bytes += c->black_bytes;
    c->nmalloc = 0;
    c->alloc_bytes = 0;
    c->black_bytes = 0;
  };
  for (P* pp : allp) {
    if (pp != nullptr) flush(&pp->mcache);
  }
  MutexLock l(&no_p_cache_lock);
  flush(&no_p_cache);
}

GoString NewString(G* g, std::string_view s) {
  if (s.empty()) return GoString{nullptr, 0};
  auto* p = static_cast<uint8_t*>(Malloc(g, static_cast<int64_t>(s.size()), nullptr));
  std::memcpy(p, s.data(), s.size());
  return GoString{p, static_cast<int64_t>(s.size())};
}

GoSlice NewStringSlice(G* g, const std::vector<std::string>& strs) {
  auto n = static_cast<int64_t>(strs.size());
  // Each element's first word is a pointer; the conservative descriptor covers it.
  auto* elems = static_cast<GoString*>(Malloc(g, n * sizeof(GoString), &kPointerWordsType));
  for (int64_t i = 0; i < n; ++i) elems[i] = NewString(g, strs[static_cast<size_t>(i)]);
  return GoSlice{elems, n, n};
}

}  // namespace gojit::rt

using namespace gojit::rt;

extern "C" {

void* gojit_rt_mallocgc(G* g, int64_t size, const TypeDescriptor* type) {
  return Malloc(g, size, type);
}

// Mirrors growslice (Go 1.19), except that it returns len = newlen (abi.def) where
// gc returns old.len and lets the compiler set the length.
void gojit_rt_growslice(G* g, GoSlice* dst, const TypeDescriptor* et, void* oldptr,
                        int64_t oldlen, int64_t oldcap, int64_t newlen) {
  int64_t cap = newlen;  // gc's parameter name: the minimum capacity needed
  if (cap < oldcap) PanicRuntimeError(g, "growslice: cap out of range");
  uintptr_t elemsize = static_cast<uintptr_t>(et->size);
  if (elemsize == 0) {
    // append should not create a slice with nil pointer but non-zero len.
    *dst = GoSlice{&zerobase, newlen, cap};
    return;
  }
  int64_t newcap = oldcap;
  int64_t doublecap = newcap + newcap;
  if (cap > doublecap) {
    newcap = cap;
  } else {
    constexpr int64_t threshold = 256;
    if (oldcap < threshold) {
      newcap = doublecap;
    } else {
      // Check 0 < newcap to detect overflow and prevent an infinite loop.
      while (0 < newcap && newcap < cap) {
        // Transition from growing 2x for small slices to growing 1.25x for large
        // slices. This formula gives a smooth-ish transition between the two.
        newcap += (newcap + 3 * threshold) / 4;
      }
      // Set newcap to the requested cap when the newcap calculation overflowed.
      if (newcap <= 0) newcap = cap;
    }
  }
  bool overflow = false;
  uintptr_t lenmem, capmem;
  auto ucap = static_cast<uintptr_t>(newcap);
  if (elemsize == 1) {
    lenmem = static_cast<uintptr_t>(oldlen);
    capmem = RoundUpSize(ucap);
    overflow = ucap > kMaxAlloc;
    newcap = static_cast<int64_t>(capmem);
  } else if (elemsize == sizeof(void*)) {
    lenmem = static_cast<uintptr_t>(oldlen) * 8;
    capmem = RoundUpSize(ucap * 8);
    overflow = ucap > kMaxAlloc / 8;
    newcap = static_cast<int64_t>(capmem / 8);
  } else if ((elemsize & (elemsize - 1)) == 0) {
    int shift = __builtin_ctzll(elemsize);
    lenmem = static_cast<uintptr_t>(oldlen) << shift;
    capmem = RoundUpSize(ucap << shift);
    overflow = ucap > (kMaxAlloc >> shift);
    newcap = static_cast<int64_t>(capmem >> shift);
  } else {
    lenmem = static_cast<uintptr_t>(oldlen) * elemsize;
    overflow = __builtin_mul_overflow(elemsize, ucap, &capmem);
    capmem = RoundUpSize(capmem);
    newcap = static_cast<int64_t>(capmem / elemsize);
  }
  // The check of overflow in addition to capmem > maxAlloc is needed to prevent an
  // overflow which can be used to trigger a segfault on 32bit architectures.
  if (overflow || capmem > kMaxAlloc) {
    PanicRuntimeError(g, "growslice: cap out of range");
  }
  void* p = Malloc(g, static_cast<int64_t>(capmem), et->ptrdata != 0 ? et : nullptr);
  if (lenmem > 0) std::memmove(p, oldptr, lenmem);
  *dst = GoSlice{p, newlen, newcap};
}

}  // extern "C"

// Mirrors makeslice: a zeroed backing array for make([]T, len, cap).
extern "C" void* gojit_rt_makeslice(G* g, const TypeDescriptor* et, int64_t len, int64_t cap) {
  int64_t size = et->size;
  bool overflow = size > 0 && cap > (int64_t{1} << 47) / size;
  if (overflow || cap < 0 || len < 0 || len > cap) {
    // gc reports len first when len itself is bad.
    bool len_bad = len < 0 || (size > 0 && len > (int64_t{1} << 47) / size);
    PanicRuntimeError(g, len_bad ? "makeslice: len out of range" : "makeslice: cap out of range");
  }
  return Malloc(g, size * cap, et);
}

