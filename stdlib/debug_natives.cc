// Natives of package runtime/debug (stdlib/runtime/debug/debug.go) over the
// settings in runtime/debug.cc.
#include <cstdint>
#include <span>
#include <string_view>

#include "runtime/debug.h"
#include "runtime/mgc.h"
#include "runtime/runtime.h"
#include "stdlib/natives.h"

namespace gojit::stdlib {
namespace {

// func setMaxStack(bytes int) int
void SetMaxStack(rt::G*, void* args, void* results) {
  int64_t n = *static_cast<int64_t*>(args);
  *static_cast<int64_t*>(results) =
      static_cast<int64_t>(rt::SetMaxStackSize(static_cast<size_t>(n < 0 ? 0 : n)));
}

// func setTraceback(level string)
void SetTraceback(rt::G*, void* args, void*) {
  auto* s = static_cast<rt::GoString*>(args);
  rt::SetTracebackLevel(
      std::string_view(reinterpret_cast<const char*>(s->ptr), static_cast<size_t>(s->len)));
}

// func setGCPercent(percent int) int
void SetGCPercent(rt::G* g, void* args, void* results) {
  int64_t n = *static_cast<int64_t*>(args);
  if (n > INT32_MAX) n = INT32_MAX;
  *static_cast<int64_t*>(results) = rt::SetGCPercent(g, static_cast<int32_t>(n));
}

// func setMemoryLimit(limit int64) int64
void SetMemoryLimit(rt::G* g, void* args, void* results) {
  *static_cast<int64_t*>(results) = rt::SetMemoryLimit(g, *static_cast<int64_t*>(args));
}

void FreeOSMemory(rt::G* g, void*, void*) { rt::FreeOSMemory(g); }

constexpr NativeSymbol kDebugNatives[] = {
    {"runtime/debug.setGCPercent", SetGCPercent},
    {"runtime/debug.setMemoryLimit", SetMemoryLimit},
    {"runtime/debug.FreeOSMemory", FreeOSMemory},
    {"runtime/debug.setMaxStack", SetMaxStack},
    {"runtime/debug.setTraceback", SetTraceback},
};

}  // namespace

std::span<const NativeSymbol> DebugNatives() { return kDebugNatives; }

}  // namespace gojit::stdlib
