// The table of all stdlib natives (natives.h) and the stdlib source directory.
// Each package's natives live in <pkg>_natives.cc and export a FooNatives() span;
// a new package adds one line to kTables below.
#include "stdlib/natives.h"

#include <cstdlib>
#include <vector>

namespace gojit::stdlib {

std::span<const NativeSymbol> NativeSymbols() {
  static const std::vector<NativeSymbol> all = [] {
    std::vector<NativeSymbol> v;
    for (auto table : {RuntimeNatives(), FmtNatives(), OsNatives(), ErrorsNatives(),
                       UnicodeNatives(), StrconvNatives(), MathNatives(), SortNatives(),
                       TimeNatives(), TimeSleepNatives(), SyncNatives(), SyscallNatives(),
                       ContextNatives(), DebugNatives(), ReflectNatives()})
      v.insert(v.end(), table.begin(), table.end());
    return v;
  }();
  return all;
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

}  // namespace gojit::stdlib
