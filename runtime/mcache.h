// Per-P allocation caches (gc's mcache, mcache.go): one span per span class from
// which the P allocates without locks, and the P's allocation counts since the
// collector last gathered them. Lives inside P (runtime2.h); runtime/malloc.cc
// fills and uses it, the collector (runtime/mgc.cc) flushes it with the world
// stopped.
#pragma once

#include <cstdint>

namespace gojit::rt {

struct MSpan;

inline constexpr int kMCacheSpanClasses = 136;  // kNumSpanClasses (mheap.h)

struct MCache {
  MSpan* alloc[kMCacheSpanClasses] = {};
  uint64_t nmalloc = 0;       // objects allocated (MemStats.Mallocs)
  uint64_t alloc_bytes = 0;   // their sizes (MemStats.TotalAlloc)
  uint64_t black_bytes = 0;   // the sizes of those born marked (mgc.h's gc_blacken)
};

}  // namespace gojit::rt
