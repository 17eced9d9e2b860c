// Natives of package context (stdlib/context/context.go): what gc's context asks of
// internal/reflectlite, read from the runtime's type descriptor instead.
#include <cstdint>
#include <span>

#include "runtime/runtime.h"
#include "stdlib/natives.h"

namespace gojit::stdlib {
namespace {

// func typeString(x any) string: the name %T prints; the descriptor's name is
// static, so the result points into it.
void TypeString(rt::G*, void* args, void* results) {
  auto* x = static_cast<rt::GoEface*>(args);
  auto* out = static_cast<rt::GoString*>(results);
  if (x->type == nullptr) {
    static const char kNil[] = "<nil>";
    out->ptr = reinterpret_cast<const uint8_t*>(kNil);
    out->len = sizeof(kNil) - 1;
    return;
  }
  *out = x->type->name;
}

// func comparable(x any) bool
void Comparable(rt::G*, void* args, void* results) {
  auto* x = static_cast<rt::GoEface*>(args);
  *static_cast<uint8_t*>(results) =
      x->type != nullptr && (x->type->flags & rt::kTypeFlagComparable) != 0;
}

constexpr NativeSymbol kContextNatives[] = {
    {"context.typeString", TypeString},
    {"context.comparable", Comparable},
};

}  // namespace

std::span<const NativeSymbol> ContextNatives() { return kContextNatives; }

}  // namespace gojit::stdlib
