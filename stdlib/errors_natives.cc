// Natives of package errors (stdlib/errors/errors.go): the reflect-free type checks
// behind Is (comparability) and As (assignability and the store into *target).
#include <cstring>
#include <span>
#include <string_view>

#include "runtime/entrypoints.h"
#include "runtime/runtime.h"
#include "stdlib/natives.h"

namespace gojit::stdlib {
namespace {

using rt::GoEface;
using rt::Kind;
using rt::TypeDescriptor;

bool HasMethod(const TypeDescriptor* t, std::string_view name) {
  for (int64_t i = 0; i < t->nmethods; ++i) {
    const rt::GoString& n = t->methods[i].name;
    if (std::string_view(reinterpret_cast<const char*>(n.ptr), n.len) == name) return true;
  }
  return false;
}

// func comparable(x any) bool
void Comparable(rt::G*, void* args, void* results) {
  auto* x = static_cast<GoEface*>(args);
  *static_cast<uint8_t*>(results) =
      x->type != nullptr && (x->type->flags & rt::kTypeFlagComparable) != 0;
}

// func checkTarget(target any) int
void CheckTarget(rt::G*, void* args, void* results) {
  auto* target = static_cast<GoEface*>(args);
  int64_t code = 0;
  if (target->type->kind != Kind::kPointer || target->data == nullptr) {
    code = 1;
  } else {
    const TypeDescriptor* elem = target->type->elem;
    if (elem->kind != Kind::kInterface && !HasMethod(elem, "Error")) code = 2;
  }
  *static_cast<int64_t*>(results) = code;
}

// func assign(err any, target any) bool
void Assign(rt::G* g, void* args, void* results) {
  auto* in = static_cast<GoEface*>(args);
  const GoEface& err = in[0];
  const GoEface& target = in[1];
  const TypeDescriptor* want = target.type->elem;
  bool ok = false;
  if (want->kind == Kind::kInterface) {
    if (want->nmethods == 0) {
      *static_cast<GoEface*>(target.data) = err;
      ok = true;
    } else if (void* tab = gojit_rt_getitab(g, want, err.type, 1)) {
      auto* dst = static_cast<void**>(target.data);
      dst[0] = tab;
      dst[1] = err.data;
      ok = true;
    }
  } else if (want == err.type) {
    if (want->flags & rt::kTypeFlagDirectIface) {
      *static_cast<void**>(target.data) = err.data;
    } else {
      std::memcpy(target.data, err.data, static_cast<size_t>(want->size));
    }
    ok = true;
  }
  *static_cast<uint8_t*>(results) = ok;
}

constexpr NativeSymbol kErrorsNatives[] = {
    {"errors.comparable", Comparable},
    {"errors.checkTarget", CheckTarget},
    {"errors.assign", Assign},
};

}  // namespace

std::span<const NativeSymbol> ErrorsNatives() { return kErrorsNatives; }

}  // namespace gojit::stdlib
