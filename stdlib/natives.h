// Native (C++) functions beneath the standard library: Go's own packages (read from
// GOROOT) and gojit's replacements in stdlib/<path>/*.go (stdlib/README.md).
//
// A Go function declared without a body in a standard package is a native. ir/
// lowers a call to it as a call to the symbol `gojit.native.<link name>` (the
// package path and name, or its //go:linkname: `gojit.native.fmt.Println`,
// `gojit.native.runtime.cmpstring`) with the uniform args-frame convention
//
//   void native(rt::G* g, void* args, void* results)
//
// where args points to a struct of the Go parameters in order and results to a
// struct of the results, each laid out with Go's natural alignment (runtime/type.h):
// int 8 bytes, string {ptr, len} 16, slice 24, interface {type, data} 16, bool 1;
// fields aligned to min(size, 8), struct size rounded up to its alignment. jit/
// defines every entry of NativeSymbols() as an absolute symbol under that name, and
// reports a native that a program reaches but the table lacks ("missing native").
//
// Natives run on the calling goroutine's stack like runtime entry points: they must
// not recurse deeply (fmt's walk over nested values is bounded by the value's depth).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace gojit::rt {
struct G;
}

namespace gojit::stdlib {

using NativeFn = void (*)(rt::G* g, void* args, void* results);

struct NativeSymbol {
  const char* go_name;  // "fmt.Println": package path, '.', function name
  NativeFn fn;
};

// Every native of every stdlib package.
std::span<const NativeSymbol> NativeSymbols();

// Whether go_name ("internal/bytealg.Compare") has a native.
bool IsNative(const std::string& go_name);

// For a function Go's packages write in assembly on amd64 but also in Go, for other
// architectures: the Go function's name in the same package, which gojit calls
// instead of a native ("internal/chacha8rand.block" -> "block_generic"). Empty for
// every other function.
std::string GoFallback(const std::string& go_name);

// The JIT symbol name of a native: "gojit.native." + go_name.
std::string NativeSymbolName(const NativeSymbol& n);

// Where the Go sources of the standard library live: $GOJITROOT/stdlib when
// GOJITROOT is set, else the source tree's stdlib/ (GOJIT_STDLIB_DIR).
std::string StdlibDir();

// The running program's symbols, for natives that look up what the compiler
// emitted by name (reflect finds compiled type descriptors so). jit/'s caller
// installs the lookup once the program is linked; before that, and for a name
// the program lacks, LookupProgramSymbol returns 0.
using SymbolLookupFn = uintptr_t (*)(void* ctx, std::string_view name);
void SetProgramSymbolLookup(SymbolLookupFn lookup, void* ctx);
uintptr_t LookupProgramSymbol(std::string_view name);

// Per-package tables, concatenated by NativeSymbols().
std::span<const NativeSymbol> FmtNatives();
std::span<const NativeSymbol> OsNatives();
std::span<const NativeSymbol> RuntimeNatives();
std::span<const NativeSymbol> MathNatives();
std::span<const NativeSymbol> ReflectliteNatives();  // internal/reflectlite
std::span<const NativeSymbol> TimeNatives();
std::span<const NativeSymbol> TimeSleepNatives();
std::span<const NativeSymbol> SyncNatives();
std::span<const NativeSymbol> SyscallNatives();
std::span<const NativeSymbol> SignalNatives();  // os/signal
std::span<const NativeSymbol> DebugNatives();
std::span<const NativeSymbol> ReflectNatives();
std::span<const NativeSymbol> BytealgNatives();  // internal/bytealg
std::span<const NativeSymbol> MetricsNatives();  // runtime/metrics, in package runtime
std::span<const NativeSymbol> CpuNatives();      // internal/cpu, internal/abi

}  // namespace gojit::stdlib
