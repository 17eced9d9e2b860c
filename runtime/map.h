// Go maps: the hash table behind map[K]V, its iterator, and the layout both share
// with JIT'd code. Mirrors runtime/map.go (hmap, mapextra, bmap, hiter); the entry
// points (makemap, mapaccessk, mapassign, mapdelete, mapclear, mapiterinit,
// mapiternext) are declared in entrypoints.h and defined in map.cc, hashing and key
// equality live in alg.h/alg.cc.
//
// What JIT'd code may rely on, and nothing more:
//   - a map value is a HMap* (null for a nil map);
//   - len(m) is the int64 at offset 0 of the HMap (0 for nil), as gc's hmap.count;
//   - a range loop allocates a zeroed MapIter of kMapIterWords words, calls
//     mapiterinit then mapiternext, and reads key (offset 0) and elem (offset 8),
//     null key meaning done, as gc's hiter.
// Everything else here is private to map.cc (and map_test.cc).
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/type.h"

namespace gojit::rt {

// A bucket (gc's bmap): kBucketCnt tophash bytes, then kBucketCnt keys, then
// kBucketCnt elems, then the overflow pointer. Keys and elems larger than 128 bytes
// are stored as pointers to separately allocated memory (indirect). The layout
// depends on the map's key and elem types and is computed in map.cc.
struct BMap {
  uint8_t tophash[8];
};

// A growable array of overflow buckets (gc's []*bmap), for maps whose buckets hold
// no other pointers: see MapExtra.
struct OverflowList {
  BMap** ptr;
  int64_t len;
  int64_t cap;
};

// Mirrors mapextra: fields not every map needs.
struct MapExtra {
  // If neither key nor elem holds pointers (and both are inline), buckets are
  // allocated as pointer-free memory that a collector will not scan; bmap's
  // overflow pointer is then invisible to it. overflow (for buckets) and
  // oldoverflow (for oldbuckets) keep every such overflow bucket reachable from
  // the hmap. Used only in that case. The indirection lets an iterator hold on to
  // a list that the map has since replaced.
  OverflowList* overflow;
  OverflowList* oldoverflow;
  // A free preallocated overflow bucket (see MakeBucketArray), or null.
  BMap* next_overflow;
};

// Mirrors hmap, the header of a Go map.
//
// Invariants:
//  1. count is the number of live entries and is the first word (len()).
//  2. buckets holds 1<<B buckets (plus preallocated overflow buckets past them);
//     it may be null while count == 0 and B == 0 (allocated on first insert).
//  3. oldbuckets is non-null only while growing; it holds 1<<(B-1) buckets (1<<B
//     for a same-size grow), and every old bucket below nevacuate is evacuated.
//  4. The kHashWriting flag is set exactly while a write is in progress.
//  5. Every pointer into map memory is reachable from the HMap (buckets,
//     oldbuckets, extra and, through them, overflow chains), or from a live
//     iterator: a future collector finds it all from here.
// No lock guards a map: Go maps are not safe for concurrent writes; a write that
// sees another in progress is a fatal error, as in gc.
struct HMap {
  int64_t count;  // # live cells == size of map. Must be first (len())
  uint8_t flags;
  uint8_t B;           // log_2 of # of buckets (holds up to 6.5 * 2^B items)
  uint16_t noverflow;  // approximate number of overflow buckets
  uint32_t hash0;      // hash seed

  BMap* buckets;        // array of 2^B buckets; may be null if count == 0
  BMap* oldbuckets;     // previous bucket array, non-null only when growing
  uintptr_t nevacuate;  // progress counter for evacuation

  MapExtra* extra;  // optional fields
};
static_assert(offsetof(HMap, count) == 0, "len(m) reads the first word of the hmap");
static_assert(sizeof(HMap) == 48, "gc's hmap is 48 bytes on amd64");

// Mirrors hiter. Allocated (zeroed) by the caller.
struct MapIter {
  void* key;   // Must be first: null means the iteration is over.
  void* elem;  // Must be second.
  const TypeDescriptor* t;
  HMap* h;
  BMap* buckets;              // bucket array at mapiterinit time
  BMap* bptr;                 // current bucket
  OverflowList* overflow;     // keeps overflow buckets of h->buckets alive
  OverflowList* oldoverflow;  // keeps overflow buckets of h->oldbuckets alive
  uintptr_t start_bucket;     // bucket iteration started at
  uint8_t offset;             // intra-bucket offset to start from
  bool wrapped;               // already wrapped around to bucket 0
  uint8_t B;
  uint8_t i;
  uintptr_t bucket;
  uintptr_t check_bucket;
};

// The size of a MapIter in 8-byte words, for ir/ to allocate (gc's hiter: 12).
inline constexpr int kMapIterWords = 12;
static_assert(sizeof(MapIter) == kMapIterWords * 8);
static_assert(offsetof(MapIter, key) == 0 && offsetof(MapIter, elem) == 8);

}  // namespace gojit::rt
