// Natives of package fmt (stdlib/fmt/fmt.go): the Print family over the fmt engine
// (format.h). Output goes straight to fd 1 with rt::WriteFd, unbuffered, as gc's
// os.Stdout does. Args-frame layouts are spelled out as structs below, one per Go
// signature, and must match the declarations in fmt.go.
// Errorf's engine mode is errorf; Fprint* and the Errorf wrapper are Go (fmt.go).
// setFormatterHook hands the engine fmt.go's callFormat, for Formatter operands.
// ldexp is scan.go's math.Ldexp.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>
#include <span>
#include <string>

#include "runtime/runtime.h"
#include "stdlib/format.h"
#include "stdlib/natives.h"

namespace gojit::stdlib {
namespace {

using rt::GoEface;
using rt::GoSlice;
using rt::GoString;

std::span<const GoEface> Operands(const GoSlice& a) {
  return {static_cast<const GoEface*>(a.ptr), static_cast<size_t>(a.len)};
}

std::string_view View(const GoString& s) {
  return {reinterpret_cast<const char*>(s.ptr), static_cast<size_t>(s.len)};
}

// func(a ...any) / func(format string, a ...any)
struct VarArgs {
  GoSlice a;
};
struct FormatArgs {
  GoString format;
  GoSlice a;
};
// (n int, err error); err is an interface, laid out as GoEface.
struct CountResults {
  int64_t n;
  GoEface err;
};
struct StringResult {
  GoString s;
};

void Write(void* results, const std::string& s) {
  rt::WriteFd(1, s.data(), s.size());
  auto* r = static_cast<CountResults*>(results);
  r->n = static_cast<int64_t>(s.size());
  r->err = GoEface{nullptr, nullptr};
}

// func printFd1(a ...any) (n int, err error)
void Print(rt::G* g, void* args, void* results) {
  Write(results, Sprint(g, Operands(static_cast<VarArgs*>(args)->a)));
}
// func printlnFd1(a ...any) (n int, err error)
void Println(rt::G* g, void* args, void* results) {
  Write(results, Sprintln(g, Operands(static_cast<VarArgs*>(args)->a)));
}
// func printfFd1(format string, a ...any) (n int, err error)
void Printf(rt::G* g, void* args, void* results) {
  auto* in = static_cast<FormatArgs*>(args);
  Write(results, Sprintf(g, View(in->format), Operands(in->a)));
}
// func Sprint(a ...any) string
void SprintNative(rt::G* g, void* args, void* results) {
  static_cast<StringResult*>(results)->s =
      rt::NewString(g, Sprint(g, Operands(static_cast<VarArgs*>(args)->a)));
}
// func Sprintln(a ...any) string
void SprintlnNative(rt::G* g, void* args, void* results) {
  static_cast<StringResult*>(results)->s =
      rt::NewString(g, Sprintln(g, Operands(static_cast<VarArgs*>(args)->a)));
}
// func Sprintf(format string, a ...any) string
void SprintfNative(rt::G* g, void* args, void* results) {
  auto* in = static_cast<FormatArgs*>(args);
  static_cast<StringResult*>(results)->s =
      rt::NewString(g, Sprintf(g, View(in->format), Operands(in->a)));
}

// func errorf(format string, a []any) (s string, wrapped []int)
void ErrorfNative(rt::G* g, void* args, void* results) {
  struct Results {
    GoString s;
    GoSlice wrapped;
  };
  auto* in = static_cast<FormatArgs*>(args);
  auto* out = static_cast<Results*>(results);
  std::vector<int64_t> wrapped;
  std::string s = Errorf(g, View(in->format), Operands(in->a), &wrapped);
  out->s = rt::NewString(g, s);
  out->wrapped = GoSlice{nullptr, 0, 0};
  if (!wrapped.empty()) {
    int64_t bytes = static_cast<int64_t>(wrapped.size() * sizeof(int64_t));
    void* p = rt::Malloc(g, bytes, nullptr);
    std::memcpy(p, wrapped.data(), static_cast<size_t>(bytes));
    out->wrapped = GoSlice{p, static_cast<int64_t>(wrapped.size()), static_cast<int64_t>(wrapped.size())};
  }
}

// func setFormatterHook(f func(arg any, verb rune, wid, prec, bits int) string)
void SetFormatterHookNative(rt::G*, void* args, void*) {
  SetFormatterHook(*static_cast<const void**>(args));
}

// func ldexp(frac float64, exp int) float64
void LdexpNative(rt::G*, void* args, void* results) {
  struct Args {
    double frac;
    int64_t exp;
  };
  auto* in = static_cast<const Args*>(args);
  // Clamped into int's range: any exponent past ±2^20 already gives 0 or Inf.
  int64_t e = in->exp < -(1 << 20) ? -(1 << 20) : in->exp > (1 << 20) ? (1 << 20) : in->exp;
  *static_cast<double*>(results) = std::ldexp(in->frac, static_cast<int>(e));
}

constexpr NativeSymbol kFmtNatives[] = {
    {"fmt.ldexp", LdexpNative},
    {"fmt.setFormatterHook", SetFormatterHookNative},
    {"fmt.errorf", ErrorfNative},
    {"fmt.printFd1", Print},
    {"fmt.printlnFd1", Println},
    {"fmt.printfFd1", Printf},
    {"fmt.Sprint", SprintNative},
    {"fmt.Sprintln", SprintlnNative},
    {"fmt.Sprintf", SprintfNative},
};

}  // namespace

std::span<const NativeSymbol> FmtNatives() { return kFmtNatives; }

}  // namespace gojit::stdlib
