// Itabs and type assertions. Mirrors runtime/iface.go: getitab (with its global
// itab cache), assertE2I/assertE2I2, and the TypeAssertionError texts.
//
// The compiler emits constant itabs for conversions it can see (a concrete type
// converted to an interface); this file builds the ones it cannot (an interface
// converted or asserted to another interface), by matching the interface's methods
// against the dynamic type's method table by name and signature descriptor. Both
// tables are sorted by name, so one merge pass suffices, as in itab.init.
//
// Invariants:
//  1. The cache maps (inter, type) to one immortal Itab, or to null when type does
//     not implement inter; it is guarded by itab_mu.
//  2. An Itab's fun[i] is the adapter of inter's i-th method (type.h MethodDesc).
#include <cstdlib>
#include <mutex>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "runtime/entrypoints.h"
#include "runtime/runtime.h"

namespace gojit::rt {
namespace {

std::string_view View(GoString s) {
  return std::string_view(reinterpret_cast<const char*>(s.ptr), static_cast<size_t>(s.len));
}

// abseil 20220623's absl::string_view is not std::string_view: messages use std::string.
std::string Str(GoString s) { return std::string(View(s)); }

std::mutex itab_mu;
absl::flat_hash_map<std::pair<const TypeDescriptor*, const TypeDescriptor*>, Itab*>* itab_cache
    ABSL_GUARDED_BY(itab_mu);

// Method signatures match by descriptor, or by name for descriptors the runtime
// defines itself (runtime/error.cc) beside the compiler's.
bool SameType(const TypeDescriptor* a, const TypeDescriptor* b) {
  if (a == b) return true;
  return a != nullptr && b != nullptr && View(a->name) == View(b->name);
}

// Builds the itab, or returns null with *missing set to the first method missing.
Itab* BuildItab(const TypeDescriptor* inter, const TypeDescriptor* type, std::string* missing) {
  size_t n = static_cast<size_t>(inter->nmethods);
  auto* tab = static_cast<Itab*>(std::calloc(1, sizeof(Itab) + (n > 0 ? n - 1 : 0) * sizeof(void*)));
  tab->inter = inter;
  tab->type = type;
  tab->hash = type->hash;
  int64_t j = 0;
  for (size_t i = 0; i < n; ++i) {
    const MethodDesc& want = inter->methods[i];
    while (j < type->nmethods && View(type->methods[j].name) < View(want.name)) ++j;
    if (j >= type->nmethods || View(type->methods[j].name) != View(want.name) ||
        !SameType(type->methods[j].mtyp, want.mtyp) || type->methods[j].fn == nullptr) {
      *missing = std::string(View(want.name));
      std::free(tab);
      return nullptr;
    }
    tab->fun[i] = type->methods[j].fn;
  }
  return tab;
}

}  // namespace

// Mirrors getitab. canfail: return null instead of panicking.
const Itab* GetItab(G* g, const TypeDescriptor* inter, const TypeDescriptor* type, bool canfail) {
  if (type == nullptr) {
    if (canfail) return nullptr;
    PanicTypeAssertion(g, absl::StrCat("interface conversion: interface is nil, not ",
                                       Str(inter->name)));
  }
  std::string missing;
  Itab* tab;
  {
    std::lock_guard<std::mutex> lock(itab_mu);
    if (itab_cache == nullptr) itab_cache = new absl::flat_hash_map<
        std::pair<const TypeDescriptor*, const TypeDescriptor*>, Itab*>();
    auto it = itab_cache->find({inter, type});
    if (it != itab_cache->end()) {
      tab = it->second;
    } else {
      tab = BuildItab(inter, type, &missing);
      (*itab_cache)[{inter, type}] = tab;
    }
  }
  if (tab == nullptr && !canfail) {
    if (missing.empty()) {  // cached failure: recompute the name for the message
      Itab* t = BuildItab(inter, type, &missing);
      std::free(t);
    }
    PanicTypeAssertion(g, absl::StrCat("interface conversion: ", Str(type->name), " is not ",
                                       Str(inter->name), ": missing method ", missing));
  }
  return tab;
}

}  // namespace gojit::rt

using namespace gojit::rt;

extern "C" {

void* gojit_rt_getitab(G* g, const TypeDescriptor* inter, const TypeDescriptor* type,
                       int8_t canfail) {
  return const_cast<Itab*>(GetItab(g, inter, type, canfail != 0));
}

// Mirrors panicdottypeE: x.(T) failed; have is x's dynamic type (null if x is nil),
// iface the static type of x.
[[noreturn]] void gojit_rt_panicdottype(G* g, const TypeDescriptor* have, const TypeDescriptor* want,
                           const TypeDescriptor* iface) {
  PanicTypeAssertion(g, absl::StrCat("interface conversion: ", Str(iface->name), " is ",
                                     have ? Str(have->name) : std::string("nil"), ", not ",
                                     Str(want->name)));
}

}  // extern "C"
