// Natives of package math (stdlib/math/*.go). What gc computes with single
// instructions on amd64 (SQRTSD, ROUNDSD, VFMADD, the bit conversions) is not here:
// ir/bitcast.cc gives those functions one LLVM instruction each. Left is the CPU
// test behind gc's choice of Exp's FMA path. Everything else is gc's Go code
// (stdlib/math/arch.go says how the amd64 assembly is reproduced).
#include <span>

#include "runtime/runtime.h"
#include "stdlib/natives.h"

namespace gojit::stdlib {
namespace {

// func cpuHasFMA() bool: internal/cpu's X86.HasAVX && X86.HasFMA, which is what
// gc's exp_amd64.go tests (useFMA).
void CpuHasFma(rt::G*, void*, void* results) {
#if defined(__x86_64__)
  bool has = __builtin_cpu_supports("avx") && __builtin_cpu_supports("fma");
#else
  bool has = false;
#endif
  *static_cast<bool*>(results) = has;
}

constexpr NativeSymbol kMathNatives[] = {
    {"math.cpuHasFMA", CpuHasFma},
};

}  // namespace

std::span<const NativeSymbol> MathNatives() { return kMathNatives; }

}  // namespace gojit::stdlib
