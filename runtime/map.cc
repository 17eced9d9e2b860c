// Go maps. Mirrors runtime/map.go: the same hash table, growth and iteration, so
// gc's comments there apply here line by line.
//
// A map is an array of 2^B buckets. Each bucket holds up to 8 key/elem pairs and
// the top byte of each key's hash (tophash); the low B bits of the hash pick the
// bucket. More than 8 keys in a bucket chain overflow buckets. Buckets are laid
// out from the map type's key and elem descriptors (gc's compiler emits a bucket
// type instead): tophash[8], 8 keys, 8 elems, overflow pointer; keys or elems over
// 128 bytes are stored indirectly.
//
// Growth is gc's: when the average load reaches 6.5 per bucket (or overflow
// buckets become as many as buckets) a new array of twice (or the same) size is
// allocated and old buckets are evacuated incrementally, two per write, so no
// single insert costs O(n). A rehash-all-at-once design was rejected: it makes
// one insert in a big map take milliseconds, and iterators would need their own
// snapshot scheme; gc's design keeps iterators valid through growth by walking
// the bucket array they started on and, for buckets evacuated since, re-checking
// the key in the new table (mapiternext's checkBucket / mapaccessK logic). Keys
// never move within a bucket, so an entry is produced at most once, deleted
// entries are skipped and entries inserted during iteration may or may not be
// produced, as the spec allows. Each map has a random hash0 and each iteration
// starts at a random bucket and in-bucket offset, so order varies.
//
// Memory comes from Malloc (zeroed; the collector frees what becomes unreachable).
// Every pointer into map memory stays reachable from the HMap: buckets/oldbuckets,
// extra, overflow chains, and (for buckets without other pointers, allocated as
// pointer-free) extra->overflow lists, as in gc. ir/ emits no bucket descriptors
// with pointer bitmaps, so arrays whose buckets hold pointers are allocated with
// kMapWordType (every word may be a pointer), which the collector scans
// conservatively.
//
// Not here: hashing and equality (alg.cc), the compiler-side fast variants
// (mapaccess1_fast64 etc.: every access goes through the generic path),
// mapaccess1's zero value (mapaccessk returns null on a miss and ir/ loads the
// zero value itself), reflect's entry points.
#include "runtime/map.h"

#include <cstring>

#include "runtime/alg.h"
#include "runtime/entrypoints.h"
#include "runtime/mgc.h"
#include "runtime/proc.h"

namespace gojit::rt {
namespace {

// A store of a pointer into a heap object (an hmap, a bucket, an overflow list)
// behind the write barrier (mbarrier.cc): the pointer it overwrites is shaded.
template <class T>
void WbStore(T** slot, T* v) {
  WbShade(*slot);
  *slot = v;
}

constexpr uintptr_t kBucketCntBits = 3;
constexpr uintptr_t kBucketCnt = uintptr_t{1} << kBucketCntBits;
constexpr uintptr_t kLoadFactorNum = 13;  // max average load 6.5
constexpr uintptr_t kLoadFactorDen = 2;
constexpr int64_t kMaxKeySize = 128;  // larger keys and elems are stored indirectly
constexpr int64_t kMaxElemSize = 128;
constexpr uintptr_t kDataOffset = 8;  // keys start after tophash[8]
constexpr uintptr_t kMaxAlloc = uintptr_t{1} << 48;

// tophash values below kMinTopHash are marks.
constexpr uint8_t kEmptyRest = 0;   // empty, and so is every later cell and overflow
constexpr uint8_t kEmptyOne = 1;    // empty
constexpr uint8_t kEvacuatedX = 2;  // entry evacuated to the first half of the new table
constexpr uint8_t kEvacuatedY = 3;  // ... to the second half
constexpr uint8_t kEvacuatedEmpty = 4;  // empty, bucket evacuated
constexpr uint8_t kMinTopHash = 5;      // minimum tophash of a filled cell

// hmap.flags
constexpr uint8_t kIterator = 1;      // there may be an iterator using buckets
constexpr uint8_t kOldIterator = 2;   // there may be an iterator using oldbuckets
constexpr uint8_t kHashWriting = 4;   // a goroutine is writing to the map
constexpr uint8_t kSameSizeGrow = 8;  // the current growth is to a same-size table

constexpr uintptr_t kNoCheck = ~uintptr_t{0};  // iterator: no bucket check

// Memory words any of which may hold a pointer (see the file comment).
constexpr char kWordTypeName[] = "unsafe.Pointer";
const TypeDescriptor kMapWordType = {
    .size = 8,
    .ptrdata = 8,
    .hash = 0,
    .kind = Kind::kUnsafePointer,
    .align = 8,
    .flags = kTypeFlagDirectIface | kTypeFlagComparable,
    .pad = 0,
    .name = {reinterpret_cast<const uint8_t*>(kWordTypeName), sizeof(kWordTypeName) - 1},
    .elem = nullptr,
    .key = nullptr,
    .len = 0,
    .fields = nullptr,
    .nfields = 0,
    .methods = nullptr,
    .nmethods = 0, .gcdata = nullptr, .ptr_to_this = nullptr};

// gc's maptype fields, derived from the map's descriptor on each call.
struct MapType {
  const TypeDescriptor* key;
  const TypeDescriptor* elem;
  uintptr_t keysize;     // size of a key slot
  uintptr_t elemsize;    // size of an elem slot
  uintptr_t bucketsize;  // size of a bucket
  bool indirectkey;
  bool indirectelem;
  bool bucket_ptrs;  // gc: t.bucket.ptrdata != 0

  explicit MapType(const TypeDescriptor* t) : key(t->key), elem(t->elem) {
    indirectkey = key->size > kMaxKeySize;
    indirectelem = elem->size > kMaxElemSize;
    keysize = indirectkey ? 8 : static_cast<uintptr_t>(key->size);
    elemsize = indirectelem ? 8 : static_cast<uintptr_t>(elem->size);
    bucketsize = kDataOffset + kBucketCnt * (keysize + elemsize) + sizeof(void*);
    bucket_ptrs = indirectkey || indirectelem || key->ptrdata != 0 || elem->ptrdata != 0;
  }

  uintptr_t Hash(G* g, const void* k, uintptr_t seed) const {
    return TypeHash(g, key, k, seed);
  }
  bool Equal(G* g, const void* x, const void* y) const { return TypeEqual(g, key, x, y); }

  BMap* Bucket(BMap* array, uintptr_t i) const {
    return reinterpret_cast<BMap*>(reinterpret_cast<char*>(array) + i * bucketsize);
  }
  // The key and elem slots of cell i (the pointer to the value if indirect).
  char* KeySlot(BMap* b, uintptr_t i) const {
    return reinterpret_cast<char*>(b) + kDataOffset + i * keysize;
  }
  char* ElemSlot(BMap* b, uintptr_t i) const {
    return reinterpret_cast<char*>(b) + kDataOffset + kBucketCnt * keysize + i * elemsize;
  }
  void* Key(BMap* b, uintptr_t i) const {
    char* k = KeySlot(b, i);
    return indirectkey ? *reinterpret_cast<void**>(k) : k;
  }
  void* Elem(BMap* b, uintptr_t i) const {
    char* e = ElemSlot(b, i);
    return indirectelem ? *reinterpret_cast<void**>(e) : e;
  }
  BMap* Overflow(BMap* b) const {  // (*bmap).overflow
    return *reinterpret_cast<BMap**>(reinterpret_cast<char*>(b) + bucketsize -
                                     sizeof(void*));
  }
  void SetOverflow(BMap* b, BMap* ovf) const {  // (*bmap).setoverflow
    WbStore(reinterpret_cast<BMap**>(reinterpret_cast<char*>(b) + bucketsize - sizeof(void*)), ovf);
  }
};

inline bool IsEmpty(uint8_t x) { return x <= kEmptyOne; }  // isEmpty
inline uintptr_t BucketShift(uint8_t b) { return uintptr_t{1} << (b & 63); }
inline uintptr_t BucketMask(uint8_t b) { return BucketShift(b) - 1; }

// Mirrors tophash.
inline uint8_t TopHash(uintptr_t hash) {
  auto top = static_cast<uint8_t>(hash >> 56);
  if (top < kMinTopHash) top += kMinTopHash;
  return top;
}

// Mirrors evacuated.
inline bool Evacuated(const BMap* b) {
  uint8_t h = b->tophash[0];
  return h > kEmptyOne && h < kMinTopHash;
}

inline bool Growing(const HMap* h) { return h->oldbuckets != nullptr; }
inline bool SameSizeGrow(const HMap* h) { return (h->flags & kSameSizeGrow) != 0; }

// Mirrors noldbuckets / oldbucketmask.
inline uintptr_t NOldBuckets(const HMap* h) {
  uint8_t old_b = h->B;
  if (!SameSizeGrow(h)) old_b--;
  return BucketShift(old_b);
}
inline uintptr_t OldBucketMask(const HMap* h) { return NOldBuckets(h) - 1; }

// Mirrors overLoadFactor.
inline bool OverLoadFactor(int64_t count, uint8_t B) {
  return count > static_cast<int64_t>(kBucketCnt) &&
         static_cast<uintptr_t>(count) >
             kLoadFactorNum * (BucketShift(B) / kLoadFactorDen);
}

// Mirrors tooManyOverflowBuckets: about as many overflow buckets as buckets.
inline bool TooManyOverflowBuckets(uint16_t noverflow, uint8_t B) {
  if (B > 15) B = 15;
  return noverflow >= static_cast<uint16_t>(uint16_t{1} << (B & 15));
}

void* NewArray(G* g, const MapType& t, uintptr_t n) {
  return Malloc(g, static_cast<int64_t>(t.bucketsize * n),
                t.bucket_ptrs ? &kMapWordType : nullptr);
}

// Mirrors incrnoverflow: exact below 2^16 buckets, probabilistic above.
void IncrNOverflow(HMap* h) {
  if (h->B < 16) {
    h->noverflow++;
    return;
  }
  uint32_t mask = (uint32_t{1} << (h->B - 15)) - 1;
  if ((FastRand() & mask) == 0) h->noverflow++;
}

// Mirrors createOverflow.
void CreateOverflow(G* g, HMap* h) {
  if (h->extra == nullptr) {
    h->extra = static_cast<MapExtra*>(Malloc(g, sizeof(MapExtra), &kMapWordType));
  }
  if (h->extra->overflow == nullptr) {
    h->extra->overflow =
        static_cast<OverflowList*>(Malloc(g, sizeof(OverflowList), &kMapWordType));
  }
}

// append(*l, b).
void AppendOverflow(G* g, OverflowList* l, BMap* b) {
  if (l->len == l->cap) {
    int64_t cap = l->cap == 0 ? 4 : l->cap * 2;
    auto** p = static_cast<BMap**>(
        Malloc(g, cap * static_cast<int64_t>(sizeof(BMap*)), &kMapWordType));
    if (l->len > 0) std::memcpy(p, l->ptr, static_cast<size_t>(l->len) * sizeof(BMap*));
    WbStore(&l->ptr, p);
    l->cap = cap;
  }
  l->ptr[l->len++] = b;
}

// Mirrors (*hmap).newoverflow: a new overflow bucket chained after b.
BMap* NewOverflow(G* g, const MapType& t, HMap* h, BMap* b) {
  BMap* ovf;
  if (h->extra != nullptr && h->extra->next_overflow != nullptr) {
    // A preallocated overflow bucket (see MakeBucketArray).
    ovf = h->extra->next_overflow;
    if (t.Overflow(ovf) == nullptr) {
      WbStore(&h->extra->next_overflow, t.Bucket(ovf, 1));
    } else {
      // The last preallocated one: its overflow pointer was a non-nil sentinel.
      t.SetOverflow(ovf, nullptr);
      WbStore(&h->extra->next_overflow, static_cast<BMap*>(nullptr));
    }
  } else {
    ovf = static_cast<BMap*>(NewArray(g, t, 1));
  }
  IncrNOverflow(h);
  if (!t.bucket_ptrs) {
    CreateOverflow(g, h);
    AppendOverflow(g, h->extra->overflow, ovf);
  }
  t.SetOverflow(b, ovf);
  return ovf;
}

// Mirrors makeBucketArray: at least 1<<b buckets, plus (for b >= 4) preallocated
// overflow buckets up to the allocation's size class. dirtyalloc, if set, is an
// array made earlier for the same t and b, cleared and reused. Returns the first
// preallocated overflow bucket, or null.
BMap* MakeBucketArray(G* g, const MapType& t, uint8_t b, BMap* dirtyalloc,
                      BMap** buckets) {
  uintptr_t base = BucketShift(b);
  uintptr_t nbuckets = base;
  if (b >= 4) {
    nbuckets += BucketShift(b - 4);
    uintptr_t sz = t.bucketsize * nbuckets;
    uintptr_t up = RoundUpSize(sz);
    if (up != sz) nbuckets = up / t.bucketsize;
  }
  if (dirtyalloc == nullptr) {
    *buckets = static_cast<BMap*>(NewArray(g, t, nbuckets));
  } else {
    WbBulkPreWrite(dirtyalloc, t.bucketsize * nbuckets);
    std::memset(dirtyalloc, 0, t.bucketsize * nbuckets);
    WbStore(buckets, dirtyalloc);
  }
  if (base == nbuckets) return nullptr;
  // Preallocated overflow buckets: a null overflow pointer means "more follow";
  // the last one's points (anywhere non-null) at the array.
  BMap* next = t.Bucket(*buckets, base);
  t.SetOverflow(t.Bucket(*buckets, nbuckets - 1), *buckets);
  return next;
}

// Mirrors hashGrow: starts growing to twice the size (over the load factor) or to
// the same size (too many overflow buckets). The copying is done incrementally by
// GrowWork and Evacuate.
void HashGrow(G* g, const MapType& t, HMap* h) {
  uint8_t bigger = 1;
  if (!OverLoadFactor(h->count + 1, h->B)) {
    bigger = 0;
    h->flags |= kSameSizeGrow;
  }
  BMap* oldbuckets = h->buckets;
  BMap* newbuckets;
  BMap* next_overflow = MakeBucketArray(g, t, h->B + bigger, nullptr, &newbuckets);

  uint8_t flags = h->flags & ~(kIterator | kOldIterator);
  if (h->flags & kIterator) flags |= kOldIterator;
  // Commit the grow.
  h->B += bigger;
  h->flags = flags;
  WbStore(&h->oldbuckets, oldbuckets);
  WbStore(&h->buckets, newbuckets);
  h->nevacuate = 0;
  h->noverflow = 0;

  if (h->extra != nullptr && h->extra->overflow != nullptr) {
    // Promote the current overflow buckets to the old generation.
    if (h->extra->oldoverflow != nullptr) Throw("oldoverflow is not nil");
    WbStore(&h->extra->oldoverflow, h->extra->overflow);
    WbStore(&h->extra->overflow, static_cast<OverflowList*>(nullptr));
  }
  if (next_overflow != nullptr) {
    if (h->extra == nullptr) {
      h->extra = static_cast<MapExtra*>(Malloc(g, sizeof(MapExtra), &kMapWordType));
    }
    WbStore(&h->extra->next_overflow, next_overflow);
  }
}

// Mirrors advanceEvacuationMark.
void AdvanceEvacuationMark(const MapType& t, HMap* h, uintptr_t newbit) {
  h->nevacuate++;
  // At most 1024 more, to keep this O(1).
  uintptr_t stop = h->nevacuate + 1024;
  if (stop > newbit) stop = newbit;
  while (h->nevacuate != stop && Evacuated(t.Bucket(h->oldbuckets, h->nevacuate))) {
    h->nevacuate++;
  }
  if (h->nevacuate == newbit) {  // newbit == # of old buckets: growing is done
    WbStore(&h->oldbuckets, static_cast<BMap*>(nullptr));
    // An iterator still walking the old overflow buckets holds its own pointer.
    if (h->extra != nullptr) WbStore(&h->extra->oldoverflow, static_cast<OverflowList*>(nullptr));
    h->flags &= ~kSameSizeGrow;
  }
}

// Mirrors evacDst.
struct EvacDst {
  BMap* b;      // current destination bucket
  uintptr_t i;  // key/elem index into b
};

// Mirrors evacuate: moves old bucket oldbucket (and its overflow chain) to the new
// table, to bucket oldbucket (x) or oldbucket+newbit (y) of a doubled table.
void Evacuate(G* g, const MapType& t, HMap* h, uintptr_t oldbucket) {
  BMap* b = t.Bucket(h->oldbuckets, oldbucket);
  uintptr_t newbit = NOldBuckets(h);
  if (!Evacuated(b)) {
    EvacDst xy[2] = {{t.Bucket(h->buckets, oldbucket), 0}, {nullptr, 0}};
    if (!SameSizeGrow(h)) xy[1].b = t.Bucket(h->buckets, oldbucket + newbit);
    bool reflexive = TypeReflexive(t.key);
    for (; b != nullptr; b = t.Overflow(b)) {
      for (uintptr_t i = 0; i < kBucketCnt; i++) {
        uint8_t top = b->tophash[i];
        if (IsEmpty(top)) {
          b->tophash[i] = kEvacuatedEmpty;
          continue;
        }
        if (top < kMinTopHash) Throw("bad map state");
        void* k2 = t.Key(b, i);
        uint8_t use_y = 0;
        if (!SameSizeGrow(h)) {
          // The hash decides whether the entry goes to x or y.
          uintptr_t hash = t.Hash(g, k2, h->hash0);
          if ((h->flags & kIterator) && !reflexive && !t.Equal(g, k2, k2)) {
            // k2 != k2 (NaN): the hash is not reproducible, and an iterator must
            // make the same choice as this evacuation. Let tophash's low bit
            // decide, and pick a new random tophash for the next level.
            use_y = top & 1;
            top = TopHash(hash);
          } else if (hash & newbit) {
            use_y = 1;
          }
        }
        static_assert(kEvacuatedX + 1 == kEvacuatedY && (kEvacuatedX ^ 1) == kEvacuatedY);
        b->tophash[i] = kEvacuatedX + use_y;
        EvacDst* dst = &xy[use_y];
        if (dst->i == kBucketCnt) {
          dst->b = NewOverflow(g, t, h, dst->b);
          dst->i = 0;
        }
        dst->b->tophash[dst->i] = top;
        // Indirect slots copy the pointer, inline slots the value.
        WbBulkPreWrite(t.KeySlot(dst->b, dst->i), t.keysize);
        std::memcpy(t.KeySlot(dst->b, dst->i), t.KeySlot(b, i), t.keysize);
        WbBulkPreWrite(t.ElemSlot(dst->b, dst->i), t.elemsize);
        std::memcpy(t.ElemSlot(dst->b, dst->i), t.ElemSlot(b, i), t.elemsize);
        dst->i++;
      }
    }
    // Unlink the overflow buckets and clear keys and elems to help a collector,
    // unless an iterator may still walk them. tophash keeps the evacuation state.
    if (!(h->flags & kOldIterator) && t.bucket_ptrs) {
      char* ob = reinterpret_cast<char*>(t.Bucket(h->oldbuckets, oldbucket));
      WbBulkPreWrite(ob + kDataOffset, t.bucketsize - kDataOffset);
      std::memset(ob + kDataOffset, 0, t.bucketsize - kDataOffset);
    }
  }
  if (oldbucket == h->nevacuate) AdvanceEvacuationMark(t, h, newbit);
}

// Mirrors growWork: evacuates the old bucket behind `bucket`, and one more.
void GrowWork(G* g, const MapType& t, HMap* h, uintptr_t bucket) {
  Evacuate(g, t, h, bucket & OldBucketMask(h));
  if (Growing(h)) Evacuate(g, t, h, h->nevacuate);
}

// The bucket to search for hash: in oldbuckets if its old bucket is not yet
// evacuated, else in buckets.
BMap* LookupBucket(const MapType& t, const HMap* h, uintptr_t hash) {
  uintptr_t m = BucketMask(h->B);
  BMap* b = t.Bucket(h->buckets, hash & m);
  if (BMap* c = h->oldbuckets; c != nullptr) {
    if (!SameSizeGrow(h)) m >>= 1;  // there used to be half as many buckets
    BMap* oldb = t.Bucket(c, hash & m);
    if (!Evacuated(oldb)) b = oldb;
  }
  return b;
}

// Mirrors mapaccessK: the stored key and elem for key, or false.
bool MapAccessK(G* g, const MapType& t, HMap* h, const void* key, void** rk, void** re) {
  if (h == nullptr || h->count == 0) return false;
  uintptr_t hash = t.Hash(g, key, h->hash0);
  uint8_t top = TopHash(hash);
  for (BMap* b = LookupBucket(t, h, hash); b != nullptr; b = t.Overflow(b)) {
    for (uintptr_t i = 0; i < kBucketCnt; i++) {
      if (b->tophash[i] != top) {
        if (b->tophash[i] == kEmptyRest) return false;
        continue;
      }
      void* k = t.Key(b, i);
      if (t.Equal(g, key, k)) {
        *rk = k;
        *re = t.Elem(b, i);
        return true;
      }
    }
  }
  return false;
}

[[noreturn]] void PanicPlain(G* g, const char* msg) { PanicValue(g, PlainErrorValue(g, msg)); }

}  // namespace
}  // namespace gojit::rt

using namespace gojit::rt;

extern "C" {

// Mirrors makemap (and makemap64, makemap_small): a hint that is negative or too
// large is treated as 0, as gc does (no panic: make(map[K]V, -1) with a
// non-constant size just makes an empty map).
HMap* gojit_rt_makemap(G* g, const TypeDescriptor* mt, int64_t hint) {
  MapType t(mt);
  if (hint < 0 || static_cast<uintptr_t>(hint) > kMaxAlloc / t.bucketsize) hint = 0;
  auto* h = static_cast<HMap*>(Malloc(g, sizeof(HMap), &kMapWordType));
  h->hash0 = FastRand();
  // The smallest B that holds hint elements under the load factor.
  uint8_t B = 0;
  while (OverLoadFactor(hint, B)) B++;
  h->B = B;
  // B == 0: buckets are allocated lazily by mapassign.
  if (h->B != 0) {
    BMap* next_overflow = MakeBucketArray(g, t, h->B, nullptr, &h->buckets);
    if (next_overflow != nullptr) {
      h->extra = static_cast<MapExtra*>(Malloc(g, sizeof(MapExtra), &kMapWordType));
      h->extra->next_overflow = next_overflow;
    }
  }
  return h;
}

// Mirrors mapaccess2 (ir/ loads the zero value on a miss).
void* gojit_rt_mapaccessk(G* g, const TypeDescriptor* mt, HMap* h, const void* key) {
  MapType t(mt);
  if (h == nullptr || h->count == 0) {
    // Hash anyway so an unhashable interface key panics (gc issue 23734).
    if (TypeHashMightPanic(t.key)) t.Hash(g, key, 0);
    return nullptr;
  }
  if (h->flags & kHashWriting) Throw("concurrent map read and map write");
  void *k, *e;
  return MapAccessK(g, t, h, key, &k, &e) ? e : nullptr;
}

// Mirrors mapassign.
void* gojit_rt_mapassign(G* g, const TypeDescriptor* mt, HMap* h, const void* key) {
  if (h == nullptr) PanicPlain(g, "assignment to entry in nil map");
  MapType t(mt);
  if (h->flags & kHashWriting) Throw("concurrent map writes");
  uintptr_t hash = t.Hash(g, key, h->hash0);
  // Set kHashWriting after hashing: a panicking hash has not written.
  h->flags ^= kHashWriting;
  if (h->buckets == nullptr) h->buckets = static_cast<BMap*>(NewArray(g, t, 1));

  uint8_t top = TopHash(hash);
  uint8_t* inserti;
  char* insertk;
  char* elem;
again : {
  uintptr_t bucket = hash & BucketMask(h->B);
  if (Growing(h)) GrowWork(g, t, h, bucket);
  BMap* b = t.Bucket(h->buckets, bucket);
  inserti = nullptr;
  insertk = nullptr;
  elem = nullptr;
  for (;;) {
    for (uintptr_t i = 0; i < kBucketCnt; i++) {
      if (b->tophash[i] != top) {
        if (IsEmpty(b->tophash[i]) && inserti == nullptr) {
          inserti = &b->tophash[i];
          insertk = t.KeySlot(b, i);
          elem = t.ElemSlot(b, i);
        }
        if (b->tophash[i] == kEmptyRest) goto notfound;
        continue;
      }
      void* k = t.Key(b, i);
      if (!t.Equal(g, key, k)) continue;
      // Already have a mapping for key: update it.
      if (TypeNeedKeyUpdate(t.key)) {
        WbBulkPreWrite(k, static_cast<size_t>(t.key->size));
        std::memcpy(k, key, static_cast<size_t>(t.key->size));
      }
      elem = t.ElemSlot(b, i);
      goto done;
    }
    BMap* ovf = t.Overflow(b);
    if (ovf == nullptr) break;
    b = ovf;
  }
notfound:
  // Not found: allocate a new cell. If we hit the max load factor or have too
  // many overflow buckets, and are not already growing, start growing.
  if (!Growing(h) && (OverLoadFactor(h->count + 1, h->B) ||
                      TooManyOverflowBuckets(h->noverflow, h->B))) {
    HashGrow(g, t, h);
    goto again;  // growing invalidates everything
  }
  if (inserti == nullptr) {
    // The bucket and its overflow chain are full: chain a new one.
    // (b is the last bucket of the chain here unless emptyRest was seen, in
    // which case inserti is set.)
    BMap* newb = NewOverflow(g, t, h, b);
    inserti = &newb->tophash[0];
    insertk = t.KeySlot(newb, 0);
    elem = t.ElemSlot(newb, 0);
  }
}
  // Store the new key at the insert position.
  if (t.indirectkey) {
    void* kmem = Malloc(g, t.key->size, t.key);
    *reinterpret_cast<void**>(insertk) = kmem;
    insertk = static_cast<char*>(kmem);
  }
  if (t.indirectelem) {
    WbStore(reinterpret_cast<void**>(elem), Malloc(g, t.elem->size, t.elem));
  }
  WbBulkPreWrite(insertk, static_cast<size_t>(t.key->size));
  std::memcpy(insertk, key, static_cast<size_t>(t.key->size));
  *inserti = top;
  h->count++;

done:
  if (!(h->flags & kHashWriting)) Throw("concurrent map writes");
  h->flags &= ~kHashWriting;
  if (t.indirectelem) elem = *reinterpret_cast<char**>(elem);
  return elem;
}

// Mirrors mapdelete.
void gojit_rt_mapdelete(G* g, const TypeDescriptor* mt, HMap* h, const void* key) {
  MapType t(mt);
  if (h == nullptr || h->count == 0) {
    if (TypeHashMightPanic(t.key)) t.Hash(g, key, 0);  // see mapaccessk
    return;
  }
  if (h->flags & kHashWriting) Throw("concurrent map writes");
  uintptr_t hash = t.Hash(g, key, h->hash0);
  h->flags ^= kHashWriting;

  uintptr_t bucket = hash & BucketMask(h->B);
  if (Growing(h)) GrowWork(g, t, h, bucket);
  BMap* b = t.Bucket(h->buckets, bucket);
  BMap* b_orig = b;
  uint8_t top = TopHash(hash);
  for (; b != nullptr; b = t.Overflow(b)) {
    for (uintptr_t i = 0; i < kBucketCnt; i++) {
      if (b->tophash[i] != top) {
        if (b->tophash[i] == kEmptyRest) goto out;
        continue;
      }
      if (!t.Equal(g, key, t.Key(b, i))) continue;
      // Clear the key and elem (the pointers, if indirect).
      WbBulkPreWrite(t.KeySlot(b, i), t.keysize);
      std::memset(t.KeySlot(b, i), 0, t.keysize);
      WbBulkPreWrite(t.ElemSlot(b, i), t.elemsize);
      std::memset(t.ElemSlot(b, i), 0, t.elemsize);
      b->tophash[i] = kEmptyOne;
      // If the bucket now ends in a run of emptyOne cells, turn them into
      // emptyRest, walking back through the chain.
      bool last;
      if (i == kBucketCnt - 1) {
        BMap* ovf = t.Overflow(b);
        last = ovf == nullptr || ovf->tophash[0] == kEmptyRest;
      } else {
        last = b->tophash[i + 1] == kEmptyRest;
      }
      if (last) {
        for (;;) {
          b->tophash[i] = kEmptyRest;
          if (i == 0) {
            if (b == b_orig) break;  // beginning of the initial bucket
            // Find the previous bucket, continue at its last cell.
            BMap* c = b;
            for (b = b_orig; t.Overflow(b) != c; b = t.Overflow(b)) {
            }
            i = kBucketCnt - 1;
          } else {
            i--;
          }
          if (b->tophash[i] != kEmptyOne) break;
        }
      }
      h->count--;
      // Reset the seed so attackers cannot keep using found collisions (gc issue
      // 25237).
      if (h->count == 0) h->hash0 = FastRand();
      goto out;
    }
  }
out:
  if (!(h->flags & kHashWriting)) Throw("concurrent map writes");
  h->flags &= ~kHashWriting;
}

// Mirrors mapclear, with go1.21's fix for iterators (markBucketsEmpty): every
// cell an iterator may still walk is marked emptyRest first, so a range loop
// running across clear(m) produces nothing more.
void gojit_rt_mapclear(G* g, const TypeDescriptor* mt, HMap* h) {
  if (h == nullptr || h->count == 0) return;
  MapType t(mt);
  if (h->flags & kHashWriting) Throw("concurrent map writes");
  h->flags ^= kHashWriting;

  auto mark_empty = [&t](BMap* array, uintptr_t mask) {
    for (uintptr_t i = 0; i <= mask; i++) {
      for (BMap* b = t.Bucket(array, i); b != nullptr; b = t.Overflow(b)) {
        std::memset(b->tophash, kEmptyRest, kBucketCnt);
      }
    }
  };
  mark_empty(h->buckets, BucketMask(h->B));
  if (h->oldbuckets != nullptr) mark_empty(h->oldbuckets, OldBucketMask(h));

  h->flags &= ~kSameSizeGrow;
  WbStore(&h->oldbuckets, static_cast<BMap*>(nullptr));
  h->nevacuate = 0;
  h->noverflow = 0;
  h->count = 0;
  h->hash0 = FastRand();  // see mapdelete
  // Keep the MapExtra allocation but clear it.
  if (h->extra != nullptr) {
    WbBulkPreWrite(h->extra, sizeof(MapExtra));
    *h->extra = MapExtra{};
  }
  // Clear the bucket array in place; preallocated overflow buckets become
  // available again as if the array were new.
  BMap* next_overflow = MakeBucketArray(g, t, h->B, h->buckets, &h->buckets);
  if (next_overflow != nullptr) WbStore(&h->extra->next_overflow, next_overflow);

  if (!(h->flags & kHashWriting)) Throw("concurrent map writes");
  h->flags &= ~kHashWriting;
}

// Mirrors mapiterinit. gc requires a zeroed hiter; zeroing it here as well costs
// little and makes a caller's stale iterator harmless.
void gojit_rt_mapiterinit(G* g, const TypeDescriptor* mt, HMap* h, MapIter* it) {
  // An iterator may live in a heap object (reflect's MapIter).
  WbBulkPreWrite(it, sizeof(MapIter));
  *it = MapIter{};
  it->t = mt;
  if (h == nullptr || h->count == 0) return;
  MapType t(mt);
  it->h = h;
  // Snapshot of the bucket state.
  it->B = h->B;
  it->buckets = h->buckets;
  if (!t.bucket_ptrs) {
    // Keep the current and old overflow lists alive even if the table grows or
    // gains overflow buckets while we iterate.
    CreateOverflow(g, h);
    it->overflow = h->extra->overflow;
    it->oldoverflow = h->extra->oldoverflow;
  }
  // Where to start.
  uintptr_t r = h->B > 31 - kBucketCntBits ? FastRand64() : FastRand();
  it->start_bucket = r & BucketMask(h->B);
  it->offset = static_cast<uint8_t>((r >> h->B) & (kBucketCnt - 1));
  it->bucket = it->start_bucket;
  // Remember we have an iterator.
  if ((h->flags & (kIterator | kOldIterator)) != (kIterator | kOldIterator)) {
    __atomic_fetch_or(&h->flags, kIterator | kOldIterator, __ATOMIC_SEQ_CST);
  }
  gojit_rt_mapiternext(g, it);
}

// Mirrors mapiternext.
void gojit_rt_mapiternext(G* g, MapIter* it) {
  WbBulkPreWrite(it, sizeof(MapIter));
  HMap* h = it->h;
  if (h == nullptr) {  // nil or empty map: mapiterinit produced nothing
    it->key = nullptr;
    it->elem = nullptr;
    return;
  }
  if (h->flags & kHashWriting) Throw("concurrent map iteration and map write");
  MapType t(it->t);
  uintptr_t bucket = it->bucket;
  BMap* b = it->bptr;
  uintptr_t i = it->i;
  uintptr_t check_bucket = it->check_bucket;

  for (;;) {
    if (b == nullptr) {
      if (bucket == it->start_bucket && it->wrapped) {
        it->key = nullptr;  // end of iteration
        it->elem = nullptr;
        return;
      }
      if (Growing(h) && it->B == h->B) {
        // The iterator started in the middle of a grow that is not done yet. If
        // this bucket's old bucket is not evacuated yet, iterate the old bucket,
        // producing only the entries that will move to this bucket.
        uintptr_t oldbucket = bucket & OldBucketMask(h);
        b = t.Bucket(h->oldbuckets, oldbucket);
        if (!Evacuated(b)) {
          check_bucket = bucket;
        } else {
          b = t.Bucket(it->buckets, bucket);
          check_bucket = kNoCheck;
        }
      } else {
        b = t.Bucket(it->buckets, bucket);
        check_bucket = kNoCheck;
      }
      bucket++;
      if (bucket == BucketShift(it->B)) {
        bucket = 0;
        it->wrapped = true;
      }
      i = 0;
    }
    for (; i < kBucketCnt; i++) {
      uintptr_t offi = (i + it->offset) & (kBucketCnt - 1);
      uint8_t top = b->tophash[offi];
      if (IsEmpty(top) || top == kEvacuatedEmpty) continue;
      void* k = t.Key(b, offi);
      if (check_bucket != kNoCheck && !SameSizeGrow(h)) {
        // Started during a grow to a larger size that is not done: we walk an
        // old bucket not yet evacuated, skipping keys bound for the other half.
        if (TypeReflexive(t.key) || t.Equal(g, k, k)) {
          uintptr_t hash = t.Hash(g, k, h->hash0);
          if ((hash & BucketMask(it->B)) != check_bucket) continue;
        } else {
          // k != k (NaN): the hash is not repeatable; evacuation uses tophash's
          // low bit, so do we.
          if ((check_bucket >> (it->B - 1)) != static_cast<uintptr_t>(top & 1)) continue;
        }
      }
      if ((top != kEvacuatedX && top != kEvacuatedY) ||
          !(TypeReflexive(t.key) || t.Equal(g, k, k))) {
        // The golden data (or k != k, which can be neither deleted nor updated).
        it->key = k;
        it->elem = t.Elem(b, offi);
      } else {
        // The table grew since the iterator started: the golden data is
        // elsewhere. Look the key up in the current table; this handles keys
        // deleted, updated, or deleted and reinserted. Re-grab the key: it may
        // have been replaced by an equal one (+0.0 vs -0.0).
        void *rk, *re;
        if (!MapAccessK(g, t, h, k, &rk, &re)) continue;  // deleted
        it->key = rk;
        it->elem = re;
      }
      it->bucket = bucket;
      it->bptr = b;
      it->i = static_cast<uint8_t>(i + 1);
      it->check_bucket = check_bucket;
      return;
    }
    b = t.Overflow(b);
    i = 0;
  }
}

}  // extern "C"
