// Hashing and equality of Go values by type descriptor, for maps (map.cc) and
// interface hashing. Mirrors runtime/alg.go (typehash, f64hash, nilinterhash, the
// *equal family, alginit), hash64.go (memhashFallback, a wyhash variant) and
// stubs.go (fastrand, wyrand). gc calls per-type hash/equal functions the compiler
// generates; gojit's descriptors carry none, so both walk the descriptor by kind
// exactly as typehash does (issue 37716: the two must agree).
#pragma once

#include <cstdint>

#include "runtime/type.h"

namespace gojit::rt {

struct G;

// A fast per-thread random number (gc: per-M). Mirrors fastrand (wyrand).
uint32_t FastRand();
uint64_t FastRand64();
// Under --sched: the hash key from the seed's stream, so hashes (and map
// iteration orders) repeat from run to run. Before any map exists.
void SeedHashKey();

// Seeded hash of n bytes at p. The process-wide key is random (getrandom at
// startup, like alginit), so hashes differ between runs. Mirrors memhash.
uintptr_t MemHash(const void* p, uintptr_t seed, uintptr_t n);

// Hash of the value of type t at p. Panics "runtime error: hash of unhashable type
// T" if p holds (or contains) an interface whose dynamic type T is not comparable.
// REQUIRES: t is comparable. Mirrors typehash (and the compiler's genhash).
uintptr_t TypeHash(G* g, const TypeDescriptor* t, const void* p, uintptr_t seed);

// *x == *y for values of the comparable type t (floats: IEEE, so NaN != NaN and
// +0 == -0; blank struct fields ignored). Panics like efaceeq on interfaces holding
// equal uncomparable dynamic types. Mirrors t.equal.
bool TypeEqual(G* g, const TypeDescriptor* t, const void* x, const void* y);

// Whether t has an equality (gc: t.equal != nil).
bool TypeComparable(const TypeDescriptor* t);

// Whether x == x for every value x of t (false for floats, complex, interfaces
// and aggregates holding them). Mirrors the compiler's isReflexive.
bool TypeReflexive(const TypeDescriptor* t);

// Whether a map must overwrite a stored key with an equal one (+0 vs -0, strings
// sharing memory, interfaces). Mirrors the compiler's needkeyupdate.
bool TypeNeedKeyUpdate(const TypeDescriptor* t);

// Whether hashing a t may panic (t is or contains an interface). Mirrors
// the compiler's hashMightPanic.
bool TypeHashMightPanic(const TypeDescriptor* t);

}  // namespace gojit::rt
