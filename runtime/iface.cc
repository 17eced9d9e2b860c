// Interface equality: efaceeq and the per-kind value equality behind it. Mirrors
// runtime/alg.go (efaceeq, the memequal/f64equal/strequal/interequal family)
// and the compiler-generated struct/array eq functions, driven here by the
// TypeDescriptor instead of generated code.
//
// Comparing two interfaces whose dynamic type is not comparable (slices, maps,
// funcs, or arrays/structs containing them) panics with gc's text:
// "runtime error: comparing uncomparable type []int".
//
// Assumption: every interface value (empty or not) is laid out as GoEface
// {type, data} until itabs land; a nested interface field is compared as one.
#include <cstring>
#include <string>

#include "runtime/entrypoints.h"
#include "runtime/proc.h"

namespace gojit::rt {
namespace {

std::string_view Name(const TypeDescriptor* t) {
  return std::string_view(reinterpret_cast<const char*>(t->name.ptr),
                          static_cast<size_t>(t->name.len));
}

// Whether t has an equality function in gc (t.equal != nil).
bool Comparable(const TypeDescriptor* t) {
  switch (t->kind) {
    case Kind::kSlice:
    case Kind::kMap:
    case Kind::kFunc:
      return false;
    case Kind::kArray:
      return t->elem == nullptr || Comparable(t->elem);
    case Kind::kStruct:
      for (int64_t i = 0; i < t->nfields; i++) {
        if (!Comparable(t->fields[i].type)) return false;
      }
      return true;
    default:
      return true;
  }
}

[[noreturn]] void PanicUncomparable(G* g, const TypeDescriptor* t) {
  PanicRuntimeError(g, std::string("comparing uncomparable type ").append(Name(t)));
}

bool EfaceEq(G* g, const TypeDescriptor* t, const void* x, const void* y);

// *x == *y for values of type t (t.equal).
bool ValueEq(G* g, const TypeDescriptor* t, const void* x, const void* y) {
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
    case Kind::kString: {  // strequal
      auto *a = static_cast<const GoString*>(x), *b = static_cast<const GoString*>(y);
      return a->len == b->len &&
             (a->ptr == b->ptr ||
              std::memcmp(a->ptr, b->ptr, static_cast<size_t>(a->len)) == 0);
    }
    case Kind::kInterface: {  // interequal/nilinterequal
      auto *a = static_cast<const GoEface*>(x), *b = static_cast<const GoEface*>(y);
      const TypeDescriptor* ta = a->type;
      const TypeDescriptor* tb = b->type;
      if (t->nmethods > 0) {  // non-empty interface: the first word is an Itab*
        ta = ta ? reinterpret_cast<const Itab*>(ta)->type : nullptr;
        tb = tb ? reinterpret_cast<const Itab*>(tb)->type : nullptr;
      }
      return ta == tb && EfaceEq(g, ta, a->data, b->data);
    }
    case Kind::kArray: {
      auto *a = static_cast<const char*>(x), *b = static_cast<const char*>(y);
      for (int64_t i = 0; i < t->len; i++) {
        int64_t off = i * t->elem->size;
        if (!ValueEq(g, t->elem, a + off, b + off)) return false;
      }
      return true;
    }
    case Kind::kStruct: {
      auto *a = static_cast<const char*>(x), *b = static_cast<const char*>(y);
      for (int64_t i = 0; i < t->nfields; i++) {
        const StructFieldDesc& f = t->fields[i];
        if (f.name.len == 1 && f.name.ptr[0] == '_')
          continue;  // blank fields don't count
        if (!ValueEq(g, f.type, a + f.offset, b + f.offset)) return false;
      }
      return true;
    }
    case Kind::kSlice:
    case Kind::kMap:
    case Kind::kFunc:
      PanicUncomparable(g, t);
    default:  // bool, integers, pointers, chans, unsafe.Pointer: memequal
      return std::memcmp(x, y, static_cast<size_t>(t->size)) == 0;
  }
}

// Mirrors efaceeq: x and y are the data words of two interfaces of type t.
bool EfaceEq(G* g, const TypeDescriptor* t, const void* x, const void* y) {
  if (t == nullptr) return true;
  if (!Comparable(t)) PanicUncomparable(g, t);
  if (t->flags & kTypeFlagDirectIface) return x == y;
  return ValueEq(g, t, x, y);
}

}  // namespace
}  // namespace gojit::rt

extern "C" int8_t gojit_rt_efaceeq(G* g, const TypeDescriptor* t, void* x, void* y) {
  return gojit::rt::EfaceEq(g, t, x, y) ? 1 : 0;
}
