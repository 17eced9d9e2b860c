// Natives of package math (stdlib/math/*.go): only what gc computes with single
// instructions on amd64, each exact, so the C library gives the same bits: the
// square root (SQRTSD), Floor/Ceil/Trunc (ROUNDSD), the fused multiply-add
// (VFMADD231SD or fma.go's exact emulation), and the CPU test behind gc's choice
// of Exp's FMA path. Everything else is gc's Go code (stdlib/math/arch.go says
// how the amd64 assembly is reproduced).
#include <cmath>
#include <cstdint>
#include <span>

#include "runtime/runtime.h"
#include "stdlib/natives.h"

namespace gojit::stdlib {
namespace {

template <double (*F)(double)>
void Unary(rt::G*, void* args, void* results) {
  *static_cast<double*>(results) = F(*static_cast<double*>(args));
}

double Sqrt(double x) { return std::sqrt(x); }
double Floor(double x) { return std::floor(x); }
double Ceil(double x) { return std::ceil(x); }
double Trunc(double x) { return std::trunc(x); }

// func FMA(x, y, z float64) float64
void Fma(rt::G*, void* args, void* results) {
  auto* in = static_cast<double*>(args);
  *static_cast<double*>(results) = std::fma(in[0], in[1], in[2]);
}

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
    {"math.archSqrt", Unary<Sqrt>},   {"math.archFloor", Unary<Floor>},
    {"math.archCeil", Unary<Ceil>},   {"math.archTrunc", Unary<Trunc>},
    {"math.FMA", Fma},                {"math.cpuHasFMA", CpuHasFma},
};

}  // namespace

std::span<const NativeSymbol> MathNatives() { return kMathNatives; }

}  // namespace gojit::stdlib
