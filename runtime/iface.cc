// efaceeq: equality of two interface values with the same dynamic type, and of
// values the compiler compares through their type descriptor (structs, arrays).
// Mirrors runtime/alg.go's efaceeq; the per-kind equality is alg.cc's TypeEqual.
//
// Comparing values whose type is not comparable (slices, maps, funcs, or arrays and
// structs containing them) panics with gc's text:
// "runtime error: comparing uncomparable type []int".
#include <string>

#include "runtime/alg.h"
#include "runtime/entrypoints.h"
#include "runtime/runtime.h"

using namespace gojit::rt;

// x and y are data words: the values themselves for direct-interface types,
// pointers to them otherwise.
extern "C" int8_t gojit_rt_efaceeq(G* g, const TypeDescriptor* t, void* x, void* y) {
  if (t == nullptr) return 1;
  if (!TypeComparable(t)) {
    PanicRuntimeError(g, std::string("comparing uncomparable type ")
                             .append(reinterpret_cast<const char*>(t->name.ptr),
                                     static_cast<size_t>(t->name.len)));
  }
  if (t->flags & kTypeFlagDirectIface) return x == y ? 1 : 0;
  return TypeEqual(g, t, x, y) ? 1 : 0;
}
