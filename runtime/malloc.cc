// Heap allocation and slice growth. Mirrors runtime/malloc.go (mallocgc), msize.go
// (roundupsize), sizeclasses.go (class_to_size) and slice.go (growslice).
//
// Current state: mallocgc is calloc (zeroed, 16-byte aligned) and memory is never
// freed; zero-sized objects share zerobase. Sizes are rounded exactly as gc rounds
// them, because programs observe it through cap(): growslice computes gc 1.19's
// new capacity (doubling below 256 elements, then +(newcap+768)/4 per step) and
// rounds the byte size up to gc's size class.
//
// Plan (DESIGN.md): a non-moving mark-sweep collector over a size-class allocator
// with per-P caches (mcache/mcentral/mheap); allocation then takes the type
// descriptor's ptrdata to pick scan/noscan spans. The entry points stay the same.
#include <cstdlib>
#include <cstring>

#include "runtime/entrypoints.h"
#include "runtime/proc.h"

namespace gojit::rt {

uintptr_t zerobase = 0;

namespace {

constexpr uintptr_t kMaxSmallSize = 32768;  // _MaxSmallSize
constexpr uintptr_t kPageSize = 8192;       // _PageSize
// maxAlloc on linux/amd64 (48-bit address space).
constexpr uintptr_t kMaxAlloc = uintptr_t{1} << 48;

// class_to_size from sizeclasses.go (Go 1.19), 68 classes.
constexpr uint16_t kClassToSize[] = {
    0,     8,     16,    24,    32,    48,    64,    80,    96,    112,   128,   144,
    160,   176,   192,   208,   224,   240,   256,   288,   320,   352,   384,   416,
    448,   480,   512,   576,   640,   704,   768,   896,   1024,  1152,  1280,  1408,
    1536,  1792,  2048,  2304,  2688,  3072,  3200,  3456,  4096,  4864,  5376,  6144,
    6528,  6784,  6912,  8192,  9472,  9728,  10240, 10880, 12288, 13568, 14336, 16384,
    18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768};
static_assert(std::size(kClassToSize) == 68);

}  // namespace

// Mirrors roundupsize. gc looks the class up through size_to_class8/128; those
// tables map a size to the smallest class that holds it, which is what the binary
// search below finds.
uintptr_t RoundUpSize(uintptr_t size) {
  if (size < kMaxSmallSize) {
    size_t lo = 0, hi = std::size(kClassToSize) - 1;
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (kClassToSize[mid] >= size) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return kClassToSize[lo];
  }
  if (size + kPageSize < size) return size;
  return (size + kPageSize - 1) & ~(kPageSize - 1);
}

// Mirrors mallocgc.
void* Malloc(G* g, int64_t size, const TypeDescriptor* type) {
  if (size < 0) PanicRuntimeError(g, "makeslice: len out of range");
  if (size == 0) return &zerobase;
  void* p = std::calloc(1, static_cast<size_t>(size));
  if (p == nullptr) Throw("out of memory");
  return p;
}

GoString NewString(G* g, std::string_view s) {
  if (s.empty()) return GoString{nullptr, 0};
  auto* p = static_cast<uint8_t*>(Malloc(g, static_cast<int64_t>(s.size()), nullptr));
  std::memcpy(p, s.data(), s.size());
  return GoString{p, static_cast<int64_t>(s.size())};
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

