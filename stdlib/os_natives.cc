// Natives of package os (stdlib/os/os.go): Exit and the source of os.Args.
// Not yet: files, environment, Getpid, Stdout as an *os.File.
#include <span>

#include "runtime/runtime.h"
#include "stdlib/natives.h"

namespace gojit::stdlib {
namespace {

using rt::GoSlice;
using rt::GoString;

// The descriptor of Go's string, for allocating []string backing arrays: one
// pointer word (the data pointer) at the start of each 16-byte element.
const rt::TypeDescriptor kStringType = {
    .size = sizeof(GoString),
    .ptrdata = 8,
    .hash = 0,
    .kind = rt::Kind::kString,
    .align = 8,
    .flags = rt::kTypeFlagComparable,
    .pad = 0,
    .name = {reinterpret_cast<const uint8_t*>("string"), 6},
    .elem = nullptr,
    .key = nullptr,
    .len = 0,
    .fields = nullptr,
    .nfields = 0,
    .methods = nullptr,
    .nmethods = 0,
};

// func Exit(code int)
void Exit(rt::G*, void* args, void*) {
  rt::Exit(static_cast<int>(*static_cast<int64_t*>(args)));
}

// func runtime_args() []string
void RuntimeArgs(rt::G* g, void*, void* results) {
  const auto& args = rt::Args();
  int64_t n = static_cast<int64_t>(args.size());
  auto* elems = static_cast<GoString*>(rt::Malloc(g, n * sizeof(GoString), &kStringType));
  for (int64_t i = 0; i < n; ++i) elems[i] = rt::NewString(g, args[i]);
  *static_cast<GoSlice*>(results) = GoSlice{elems, n, n};
}

constexpr NativeSymbol kOsNatives[] = {
    {"os.Exit", Exit},
    {"os.runtime_args", RuntimeArgs},
};

}  // namespace

std::span<const NativeSymbol> OsNatives() { return kOsNatives; }

}  // namespace gojit::stdlib
