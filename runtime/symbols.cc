// RuntimeSymbols(): the address of every entry point in runtime/abi.def, for jit/
// to define as absolute symbols. Built from abi.def with an X-macro, and checked
// against the typed declarations in entrypoints.h: a static_assert per entry
// compares the C++ signature with abi.def's vocabulary (any pointer is Ptr,
// int8_t/bool/uint8_t are I8, int64_t/uint64_t are I64, ...), so the table, the
// declarations the IR emits and the C++ definitions cannot drift apart.
#include <tuple>
#include <type_traits>

#include "runtime/entrypoints.h"
#include "runtime/preempt.h"
#include "runtime/runtime.h"

namespace gojit::rt {
namespace {

// The vocabulary type a C++ parameter or result type lowers to.
template <class T>
struct Vocab {
  using type = T;
};
template <class T>
struct Vocab<T*> {
  using type = void*;
};
template <>
struct Vocab<bool> {
  using type = int8_t;
};
template <>
struct Vocab<uint8_t> {
  using type = int8_t;
};
template <>
struct Vocab<uint32_t> {
  using type = int32_t;
};
template <>
struct Vocab<uint64_t> {
  using type = int64_t;
};

template <class F>
struct Lowered;
template <class R, class... A>
struct Lowered<R (*)(A...)> {
  using type = std::tuple<typename Vocab<R>::type, typename Vocab<A>::type...>;
};

namespace abi_vocab {
using Void = void;
using Ptr = void*;
using I8 = int8_t;
using I32 = int32_t;
using I64 = int64_t;
using F64 = double;
using Str = GoString;
using RuneK = ::gojit::rt::RuneK;
using Iface = GoEface;

#define GOJIT_RT_FUNC(Name, Ret, ...)                                       \
  static_assert(std::is_same_v<Lowered<decltype(&::gojit_rt_##Name)>::type, \
                               Lowered<Ret (*)(__VA_ARGS__)>::type>,        \
                "gojit_rt_" #Name " disagrees with runtime/abi.def");
#include "runtime/abi.def"
}  // namespace abi_vocab

const RuntimeSymbol kSymbols[] = {
#define GOJIT_RT_FUNC(Name, Ret, ...) \
  {"gojit_rt_" #Name, reinterpret_cast<void*>(&::gojit_rt_##Name)},
#include "runtime/abi.def"
    // The split-stack prologue's callee (asm_amd64.S).
    {"__morestack", MorestackAddress()},
};

}  // namespace

std::span<const RuntimeSymbol> RuntimeSymbols() { return kSymbols; }

}  // namespace gojit::rt
