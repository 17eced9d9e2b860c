// The table of all stdlib natives (natives.h) and the stdlib source directory.
// Each package's natives live in <pkg>_natives.cc and export a FooNatives() span;
// a new package adds its table to the list in NativeSymbols.
#include "stdlib/natives.h"

#include <atomic>
#include <cstdlib>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"

namespace gojit::stdlib {

std::span<const NativeSymbol> NativeSymbols() {
  static const std::vector<NativeSymbol> all = [] {
    std::vector<NativeSymbol> v;
    for (auto table : {RuntimeNatives(), FmtNatives(), OsNatives(), MathNatives(),
                       ReflectliteNatives(), TimeNatives(), TimeSleepNatives(), SyncNatives(),
                       SyscallNatives(), SignalNatives(), DebugNatives(), ReflectNatives(),
                       BytealgNatives(), CpuNatives(), MetricsNatives()})
      v.insert(v.end(), table.begin(), table.end());
    return v;
  }();
  return all;
}

std::string GoFallback(const std::string& go_name) {
  // name -> the Go function of its package that does the same.
  static const absl::flat_hash_map<std::string, std::string> fallbacks = {
      {"internal/chacha8rand.block", "block_generic"},
  };
  auto it = fallbacks.find(go_name);
  return it == fallbacks.end() ? std::string() : it->second;
}

bool IsNative(const std::string& go_name) {
  static const absl::flat_hash_set<std::string> names = [] {
    absl::flat_hash_set<std::string> set;
    for (const NativeSymbol& n : NativeSymbols()) set.insert(n.go_name);
    return set;
  }();
  return names.contains(go_name);
}

std::string NativeSymbolName(const NativeSymbol& n) {
  return std::string("gojit.native.") + n.go_name;
}

std::string StdlibDir() {
  if (const char* root = std::getenv("GOJITROOT"); root != nullptr && *root != '\0') {
    return std::string(root) + "/stdlib";
  }
  return GOJIT_STDLIB_DIR;
}

namespace {
std::atomic<SymbolLookupFn> symbol_lookup{nullptr};
std::atomic<void*> symbol_lookup_ctx{nullptr};
}  // namespace

void SetProgramSymbolLookup(SymbolLookupFn lookup, void* ctx) {
  symbol_lookup_ctx.store(ctx);
  symbol_lookup.store(lookup);
}

uintptr_t LookupProgramSymbol(std::string_view name) {
  SymbolLookupFn lookup = symbol_lookup.load();
  return lookup == nullptr ? 0 : lookup(symbol_lookup_ctx.load(), name);
}

}  // namespace gojit::stdlib
