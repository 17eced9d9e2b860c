// Natives of Go's internal/bytealg, read from the Go tree (GOROOT/src): the
// functions gc implements in assembly (compare_amd64.s, count_amd64.s,
// equal_amd64.s, index_amd64.s, indexbyte_amd64.s) and MakeNoZero, which the
// runtime provides. Each does what the Go declaration's comment promises, over
// libc's memchr/memcmp/memmem (themselves vectorised), not gc's algorithms: the
// answers are the same, the instruction sequences are not.
//
// Not here: abigen_runtime_memequal_varlen, whose size gc's generated code passes
// in the closure register; nothing in Go's packages calls it, so a program never
// reaches it (jit.cc reports a native that is reached but missing).
#include <algorithm>
#include <cstring>
#include <span>

#include "runtime/proc.h"
#include "runtime/runtime.h"
#include "stdlib/natives.h"

namespace gojit::stdlib {
namespace {

using rt::GoSlice;
using rt::GoString;

// A []byte or string argument as (pointer, length).
struct Bytes {
  const uint8_t* p;
  int64_t n;
};
Bytes Of(const GoSlice& s) { return {static_cast<const uint8_t*>(s.ptr), s.len}; }
Bytes Of(const GoString& s) { return {s.ptr, s.len}; }

int64_t CompareBytes(Bytes a, Bytes b) {
  int c = std::memcmp(a.p, b.p, static_cast<size_t>(std::min(a.n, b.n)));
  if (c != 0) return c < 0 ? -1 : 1;
  return a.n < b.n ? -1 : (a.n > b.n ? 1 : 0);
}

int64_t CountByte(Bytes s, uint8_t c) {
  return std::count(s.p, s.p + s.n, c);
}

int64_t IndexOfByte(Bytes s, uint8_t c) {
  if (s.n == 0) return -1;
  const void* hit = std::memchr(s.p, c, static_cast<size_t>(s.n));
  return hit == nullptr ? -1 : static_cast<const uint8_t*>(hit) - s.p;
}

int64_t IndexOf(Bytes s, Bytes sep) {
  if (sep.n == 0) return 0;
  if (sep.n > s.n) return -1;
  const void* hit = memmem(s.p, static_cast<size_t>(s.n), sep.p, static_cast<size_t>(sep.n));
  return hit == nullptr ? -1 : static_cast<const uint8_t*>(hit) - s.p;
}

// func Compare(a, b []byte) int
void Compare(rt::G*, void* args, void* results) {
  auto* a = static_cast<GoSlice*>(args);
  *static_cast<int64_t*>(results) = CompareBytes(Of(a[0]), Of(a[1]));
}

// func abigen_runtime_cmpstring(a, b string) int
void Cmpstring(rt::G*, void* args, void* results) {
  auto* a = static_cast<GoString*>(args);
  *static_cast<int64_t*>(results) = CompareBytes(Of(a[0]), Of(a[1]));
}

// func Count(b []byte, c byte) int
void Count(rt::G*, void* args, void* results) {
  struct Args {
    GoSlice b;
    uint8_t c;
  };
  auto* a = static_cast<Args*>(args);
  *static_cast<int64_t*>(results) = CountByte(Of(a->b), a->c);
}

// func CountString(s string, c byte) int
void CountString(rt::G*, void* args, void* results) {
  struct Args {
    GoString s;
    uint8_t c;
  };
  auto* a = static_cast<Args*>(args);
  *static_cast<int64_t*>(results) = CountByte(Of(a->s), a->c);
}

// func abigen_runtime_memequal(a, b unsafe.Pointer, size uintptr) bool
void Memequal(rt::G*, void* args, void* results) {
  struct Args {
    const void* a;
    const void* b;
    uintptr_t size;
  };
  auto* a = static_cast<Args*>(args);
  *static_cast<uint8_t*>(results) = a->a == a->b || std::memcmp(a->a, a->b, a->size) == 0;
}

// func Index(a, b []byte) int
void Index(rt::G*, void* args, void* results) {
  auto* a = static_cast<GoSlice*>(args);
  *static_cast<int64_t*>(results) = IndexOf(Of(a[0]), Of(a[1]));
}

// func IndexString(a, b string) int
void IndexString(rt::G*, void* args, void* results) {
  auto* a = static_cast<GoString*>(args);
  *static_cast<int64_t*>(results) = IndexOf(Of(a[0]), Of(a[1]));
}

// func IndexByte(b []byte, c byte) int
void IndexByte(rt::G*, void* args, void* results) {
  struct Args {
    GoSlice b;
    uint8_t c;
  };
  auto* a = static_cast<Args*>(args);
  *static_cast<int64_t*>(results) = IndexOfByte(Of(a->b), a->c);
}

// func IndexByteString(s string, c byte) int
void IndexByteString(rt::G*, void* args, void* results) {
  struct Args {
    GoString s;
    uint8_t c;
  };
  auto* a = static_cast<Args*>(args);
  *static_cast<int64_t*>(results) = IndexOfByte(Of(a->s), a->c);
}

// func MakeNoZero(n int) []byte: a byte slice of length n whose capacity is the
// whole size class, as the runtime's bytealg_MakeNoZero gives (its memory is
// zeroed here: gojit's allocator has no unzeroed path).
void MakeNoZero(rt::G* g, void* args, void* results) {
  int64_t n = *static_cast<int64_t*>(args);
  if (n < 0) rt::Throw("MakeNoZero: negative length");
  int64_t cap = static_cast<int64_t>(rt::RoundUpSize(static_cast<uintptr_t>(n)));
  void* p = n == 0 ? static_cast<void*>(&rt::zerobase) : rt::Malloc(g, cap, nullptr);
  *static_cast<GoSlice*>(results) = GoSlice{p, n, n == 0 ? 0 : cap};
}

const NativeSymbol kBytealgNatives[] = {
    {"internal/bytealg.Compare", &Compare},
    {"runtime.cmpstring", &Cmpstring},  // abigen_runtime_cmpstring
    {"internal/bytealg.Count", &Count},
    {"internal/bytealg.CountString", &CountString},
    {"runtime.memequal", &Memequal},  // abigen_runtime_memequal
    {"internal/bytealg.Index", &Index},
    {"internal/bytealg.IndexString", &IndexString},
    {"internal/bytealg.IndexByte", &IndexByte},
    {"internal/bytealg.IndexByteString", &IndexByteString},
    {"internal/bytealg.MakeNoZero", &MakeNoZero},
};

}  // namespace

std::span<const NativeSymbol> BytealgNatives() { return kBytealgNatives; }

}  // namespace gojit::stdlib
