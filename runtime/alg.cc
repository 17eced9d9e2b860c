// Hashing and equality of Go values by type descriptor: memhash (gc's wyhash-based
// fallback, hash64.go), the float/complex/string/interface hashes and typehash of
// alg.go, the matching equalities, and fastrand (stubs.go).
//
// gc uses AES-NI hashing where the CPU has it and memhashFallback otherwise; gojit
// always uses memhashFallback: it is portable, fast enough for a JIT whose map
// calls are not inlined, and equally seeded by random data. Both the process key
// (hashkey) and each map's hash0 are random, so iteration order and bucket
// placement differ between maps and between runs, as in gc.
//
// Not here: the map itself (map.cc), interface equality for ==/!= (iface.cc,
// efaceeq, which shares these semantics).
//
// Interface values are {const TypeDescriptor*, data} when empty (eface) and
// {const Itab*, data} otherwise (iface, type.h): the static interface type's
// nmethods says which, as gc's typehash picks nilinterhash or interhash.
#include "runtime/alg.h"

#include <sys/random.h>

#include <cstring>
#include <string>

#include "runtime/deterministic_sched.h"
#include "runtime/runtime.h"

namespace gojit::rt {
namespace {

// hash64.go's wyhash constants, and alg.go's c0/c1 for 64-bit.
constexpr uint64_t m1 = 0xa0761d6478bd642f;
constexpr uint64_t m2 = 0xe7037ed1a0b428db;
constexpr uint64_t m3 = 0x8ebc6af09c88c6e3;
constexpr uint64_t m4 = 0x589965cc75374cc3;
constexpr uint64_t m5 = 0x1d8e4e27c47d124f;
constexpr uintptr_t c0 = 33054211828000289ULL;
constexpr uintptr_t c1 = 23344194077549503ULL;

// Random bytes from the kernel; falls back to the clock and ASLR if getrandom is
// unavailable (as gc's getRandomData falls back to a time-based seed).
void GetRandomData(void* p, size_t n) {
  auto* b = static_cast<uint8_t*>(p);
  size_t done = 0;
  while (done < n) {
    ssize_t r = getrandom(b + done, n - done, 0);
    if (r <= 0) break;
    done += static_cast<size_t>(r);
  }
  if (done < n) {
    uint64_t x = static_cast<uint64_t>(__builtin_ia32_rdtsc()) ^
                 reinterpret_cast<uintptr_t>(&done);
    for (; done < n; done++) {
      x = x * 6364136223846793005ULL + 1442695040888963407ULL;
      b[done] = static_cast<uint8_t>(x >> 56);
    }
  }
}

// Mirrors alginit's hashkey: four odd random words, set before main runs (from
// the seed's stream under --sched: SeedHashKey).
struct HashKey {
  uintptr_t k[4];
  HashKey() {
    GetRandomData(k, sizeof(k));
    for (uintptr_t& w : k) w |= 1;
  }
};
HashKey hashkey;

inline uint64_t Mix(uint64_t a, uint64_t b) {  // mix
  unsigned __int128 r = static_cast<unsigned __int128>(a) * b;
  return static_cast<uint64_t>(r >> 64) ^ static_cast<uint64_t>(r);
}
inline uint64_t R4(const uint8_t* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
inline uint64_t R8(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// Mirrors memhash32Fallback / memhash64Fallback.
inline uintptr_t MemHash32(const void* p, uintptr_t seed) {
  uint64_t a = R4(static_cast<const uint8_t*>(p));
  return Mix(m5 ^ 4, Mix(a ^ m2, a ^ seed ^ hashkey.k[0] ^ m1));
}
inline uintptr_t MemHash64(const void* p, uintptr_t seed) {
  uint64_t a = R8(static_cast<const uint8_t*>(p));
  return Mix(m5 ^ 8, Mix(a ^ m2, a ^ seed ^ hashkey.k[0] ^ m1));
}

// Mirrors f32hash/f64hash: +0 and -0 hash alike; each NaN hashes randomly, so a
// map holding many NaN keys does not degrade into one long chain.
uintptr_t F32Hash(const void* p, uintptr_t h) {
  float f = *static_cast<const float*>(p);
  if (f == 0) return c1 * (c0 ^ h);
  if (f != f) return c1 * (c0 ^ h ^ FastRand());
  return MemHash(p, h, 4);
}
uintptr_t F64Hash(const void* p, uintptr_t h) {
  double f = *static_cast<const double*>(p);
  if (f == 0) return c1 * (c0 ^ h);
  if (f != f) return c1 * (c0 ^ h ^ FastRand());
  return MemHash(p, h, 8);
}

std::string TypeName(const TypeDescriptor* t) {
  return std::string(reinterpret_cast<const char*>(t->name.ptr),
                     static_cast<size_t>(t->name.len));
}

bool IsBlank(const StructFieldDesc& f) { return f.name.len == 1 && f.name.ptr[0] == '_'; }

// The dynamic type of the interface value at p, whose static type is inter.
inline const TypeDescriptor* DynamicType(const TypeDescriptor* inter, const GoEface* e) {
  if (inter->nmethods == 0 || e->type == nullptr) return e->type;  // eface
  return reinterpret_cast<const Itab*>(e->type)->type;             // iface: itab
}

// Mirrors nilinterhash and interhash. The comparability check is made here, on
// the dynamic type, so the panic names the outermost type (a struct, not its
// slice field), as gc does.
uintptr_t InterHash(G* g, const TypeDescriptor* inter, const void* p, uintptr_t h) {
  const auto* e = static_cast<const GoEface*>(p);
  const TypeDescriptor* t = DynamicType(inter, e);
  if (t == nullptr) return h;
  if (!TypeComparable(t)) {
    PanicRuntimeError(g, "hash of unhashable type " + TypeName(t));
  }
  if (t->flags & kTypeFlagDirectIface) return c1 * TypeHash(g, t, &e->data, h ^ c0);
  return c1 * TypeHash(g, t, e->data, h ^ c0);
}

// Mirrors nilinterequal/interequal (efaceeq, ifaceeq).
bool InterEqual(G* g, const TypeDescriptor* inter, const GoEface* x, const GoEface* y) {
  // Compare dynamic types, not itab addresses: a compiler-emitted itab and one
  // built by getitab for the same pair may differ.
  const TypeDescriptor* t = DynamicType(inter, x);
  if (t != DynamicType(inter, y)) return false;
  if (t == nullptr) return true;
  if (!TypeComparable(t)) {
    PanicRuntimeError(g, "comparing uncomparable type " + TypeName(t));
  }
  if (t->flags & kTypeFlagDirectIface) return x->data == y->data;
  return TypeEqual(g, t, x->data, y->data);
}

thread_local uint64_t fastrand_state = 0;  // gc: m.fastrand

}  // namespace

void SeedHashKey() {
  for (uintptr_t& w : hashkey.k) w = DetRand64() | 1;
}

// Mirrors fastrand (wyrand). Seeded per thread on first use. Under --sched the
// program's stream (deterministic_sched.h) instead: map seeds and iteration
// order, runtime.rand.
uint32_t FastRand() {
  if (Deterministic()) return static_cast<uint32_t>(DetRand64());
  uint64_t s = fastrand_state;
  if (__builtin_expect(s == 0, 0)) GetRandomData(&s, sizeof(s));
  s += 0xa0761d6478bd642f;
  fastrand_state = s;
  return static_cast<uint32_t>(Mix(s, s ^ 0xe7037ed1a0b428db));
}

// Mirrors fastrand64.
uint64_t FastRand64() {
  if (Deterministic()) return DetRand64();
  return (static_cast<uint64_t>(FastRand()) << 32) | FastRand();
}

// Mirrors memhashFallback.
uintptr_t MemHash(const void* ptr, uintptr_t seed, uintptr_t s) {
  const auto* p = static_cast<const uint8_t*>(ptr);
  uint64_t a, b;
  seed ^= hashkey.k[0] ^ m1;
  if (s == 0) {
    return seed;
  } else if (s < 4) {
    a = p[0];
    a |= uint64_t{p[s >> 1]} << 8;
    a |= uint64_t{p[s - 1]} << 16;
    b = 0;
  } else if (s == 4) {
    a = R4(p);
    b = a;
  } else if (s < 8) {
    a = R4(p);
    b = R4(p + s - 4);
  } else if (s == 8) {
    a = R8(p);
    b = a;
  } else if (s <= 16) {
    a = R8(p);
    b = R8(p + s - 8);
  } else {
    uintptr_t l = s;
    if (l > 48) {
      uint64_t seed1 = seed, seed2 = seed;
      for (; l > 48; l -= 48) {
        seed = Mix(R8(p) ^ m2, R8(p + 8) ^ seed);
        seed1 = Mix(R8(p + 16) ^ m3, R8(p + 24) ^ seed1);
        seed2 = Mix(R8(p + 32) ^ m4, R8(p + 40) ^ seed2);
        p += 48;
      }
      seed ^= seed1 ^ seed2;
    }
    for (; l > 16; l -= 16) {
      seed = Mix(R8(p) ^ m2, R8(p + 8) ^ seed);
      p += 16;
    }
    a = R8(p + l - 16);
    b = R8(p + l - 8);
  }
  return Mix(m5 ^ s, Mix(a ^ m2, b ^ seed));
}

// Mirrors typehash. Plain-memory kinds (bool, integers, pointers, chans,
// unsafe.Pointer) hash their bytes; structs hash field by field, skipping blank
// fields and padding, so the hash agrees with TypeEqual.
uintptr_t TypeHash(G* g, const TypeDescriptor* t, const void* p, uintptr_t h) {
  switch (t->kind) {
    case Kind::kFloat32:
      return F32Hash(p, h);
    case Kind::kFloat64:
      return F64Hash(p, h);
    case Kind::kComplex64: {  // c64hash
      auto* x = static_cast<const float*>(p);
      return F32Hash(&x[1], F32Hash(&x[0], h));
    }
    case Kind::kComplex128: {  // c128hash
      auto* x = static_cast<const double*>(p);
      return F64Hash(&x[1], F64Hash(&x[0], h));
    }
    case Kind::kString: {  // strhash
      auto* s = static_cast<const GoString*>(p);
      return MemHash(s->ptr, h, static_cast<uintptr_t>(s->len));
    }
    case Kind::kInterface:
      return InterHash(g, t, p, h);
    case Kind::kArray: {
      auto* b = static_cast<const char*>(p);
      for (int64_t i = 0; i < t->len; i++)
        h = TypeHash(g, t->elem, b + i * t->elem->size, h);
      return h;
    }
    case Kind::kStruct: {
      auto* b = static_cast<const char*>(p);
      for (int64_t i = 0; i < t->nfields; i++) {
        const StructFieldDesc& f = t->fields[i];
        if (IsBlank(f)) continue;
        h = TypeHash(g, f.type, b + f.offset, h);
      }
      return h;
    }
    case Kind::kSlice:
    case Kind::kMap:
    case Kind::kFunc:
    case Kind::kInvalid:
      PanicRuntimeError(g, "hash of unhashable type " + TypeName(t));
    default:
      switch (t->size) {
        case 4:
          return MemHash32(p, h);
        case 8:
          return MemHash64(p, h);
        default:
          return MemHash(p, h, static_cast<uintptr_t>(t->size));
      }
  }
}

// Mirrors the *equal family (memequal, f64equal, strequal, nilinterequal, ...).
bool TypeEqual(G* g, const TypeDescriptor* t, const void* x, const void* y) {
  switch (t->kind) {
    case Kind::kFloat32:
      return *static_cast<const float*>(x) == *static_cast<const float*>(y);
    case Kind::kFloat64:
      return *static_cast<const double*>(x) == *static_cast<const double*>(y);
    case Kind::kComplex64: {
      auto *a = static_cast<const float*>(x), *b = static_cast<const float*>(y);
      return a[0] == b[0] && a[1] == b[1];
    }
    case Kind::kComplex128: {
      auto *a = static_cast<const double*>(x), *b = static_cast<const double*>(y);
      return a[0] == b[0] && a[1] == b[1];
    }
    case Kind::kString: {
      auto *a = static_cast<const GoString*>(x), *b = static_cast<const GoString*>(y);
      return a->len == b->len &&
             (a->ptr == b->ptr ||
              std::memcmp(a->ptr, b->ptr, static_cast<size_t>(a->len)) == 0);
    }
    case Kind::kInterface:
      return InterEqual(g, t, static_cast<const GoEface*>(x),
                        static_cast<const GoEface*>(y));
    case Kind::kArray: {
      auto *a = static_cast<const char*>(x), *b = static_cast<const char*>(y);
      for (int64_t i = 0; i < t->len; i++) {
        int64_t off = i * t->elem->size;
        if (!TypeEqual(g, t->elem, a + off, b + off)) return false;
      }
      return true;
    }
    case Kind::kStruct: {
      auto *a = static_cast<const char*>(x), *b = static_cast<const char*>(y);
      for (int64_t i = 0; i < t->nfields; i++) {
        const StructFieldDesc& f = t->fields[i];
        if (IsBlank(f)) continue;
        if (!TypeEqual(g, f.type, a + f.offset, b + f.offset)) return false;
      }
      return true;
    }
    case Kind::kSlice:
    case Kind::kMap:
    case Kind::kFunc:
    case Kind::kInvalid:
      PanicRuntimeError(g, "comparing uncomparable type " + TypeName(t));
    default:
      switch (t->size) {
        case 1:
          return *static_cast<const uint8_t*>(x) == *static_cast<const uint8_t*>(y);
        case 4:
          return *static_cast<const uint32_t*>(x) == *static_cast<const uint32_t*>(y);
        case 8:
          return *static_cast<const uint64_t*>(x) == *static_cast<const uint64_t*>(y);
        default:
          return std::memcmp(x, y, static_cast<size_t>(t->size)) == 0;
      }
  }
}

bool TypeComparable(const TypeDescriptor* t) {
  switch (t->kind) {
    case Kind::kSlice:
    case Kind::kMap:
    case Kind::kFunc:
    case Kind::kInvalid:
      return false;
    case Kind::kArray:
      return TypeComparable(t->elem);
    case Kind::kStruct:
      for (int64_t i = 0; i < t->nfields; i++) {
        if (!TypeComparable(t->fields[i].type)) return false;
      }
      return true;
    default:
      return true;
  }
}

bool TypeReflexive(const TypeDescriptor* t) {
  switch (t->kind) {
    case Kind::kFloat32:
    case Kind::kFloat64:
    case Kind::kComplex64:
    case Kind::kComplex128:
    case Kind::kInterface:
      return false;
    case Kind::kArray:
      return TypeReflexive(t->elem);
    case Kind::kStruct:
      for (int64_t i = 0; i < t->nfields; i++) {
        if (!TypeReflexive(t->fields[i].type)) return false;
      }
      return true;
    default:
      return true;
  }
}

bool TypeNeedKeyUpdate(const TypeDescriptor* t) {
  switch (t->kind) {
    case Kind::kFloat32:
    case Kind::kFloat64:
    case Kind::kComplex64:
    case Kind::kComplex128:
    case Kind::kInterface:
    case Kind::kString:  // a stored string may pin a larger backing array
      return true;
    case Kind::kArray:
      return TypeNeedKeyUpdate(t->elem);
    case Kind::kStruct:
      for (int64_t i = 0; i < t->nfields; i++) {
        if (TypeNeedKeyUpdate(t->fields[i].type)) return true;
      }
      return false;
    default:
      return false;
  }
}

bool TypeHashMightPanic(const TypeDescriptor* t) {
  switch (t->kind) {
    case Kind::kInterface:
      return true;
    case Kind::kArray:
      return TypeHashMightPanic(t->elem);
    case Kind::kStruct:
      for (int64_t i = 0; i < t->nfields; i++) {
        if (TypeHashMightPanic(t->fields[i].type)) return true;
      }
      return false;
    default:
      return false;
  }
}

}  // namespace gojit::rt
