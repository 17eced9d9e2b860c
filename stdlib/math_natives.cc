// Natives of Go's package math (GOROOT/src/math): the functions its amd64 build
// declares without a body because gc writes them in assembly (exp_amd64.s,
// log_amd64.s, hypot_amd64.s, dim_amd64.s). What gc computes with single
// instructions (SQRTSD, ROUNDSD, VFMADD, the bit conversions) is not here either:
// ir/bitcast.cc gives those functions one LLVM instruction each.
//
// To give gc's bits on amd64, archExp and archLog follow the assembly's algorithms
// step by step (their results differ from exp.go's and log.go's in the last bit for
// some arguments): Exp reduces by k*ln2 and by 1/16, evaluates a Taylor polynomial
// and squares back four times (with gc's two paths, FMA or not, chosen as gc's
// useFMA chooses: AVX and FMA); Log is log.go's method with the fraction taken
// straight from the bits (subnormals are not normalised). archHypot, archMax and
// archMin compute what hypot.go and dim.go compute, as the assembly does.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <span>

#include "runtime/runtime.h"
#include "stdlib/natives.h"

namespace gojit::stdlib {
namespace {

uint64_t Bits(double f) {
  uint64_t b;
  std::memcpy(&b, &f, sizeof b);
  return b;
}
double FromBits(uint64_t b) {
  double f;
  std::memcpy(&f, &b, sizeof f);
  return f;
}

constexpr uint64_t kUvInf = 0x7FF0000000000000;
constexpr uint64_t kUvNegInf = 0xFFF0000000000000;
constexpr uint64_t kFracMask = (uint64_t{1} << 52) - 1;
const double kInf = std::numeric_limits<double>::infinity();
double GoNaN() { return FromBits(0x7FF8000000000001); }  // math.NaN()

bool UseFMA() {
  static const bool use = __builtin_cpu_supports("avx") && __builtin_cpu_supports("fma");
  return use;
}

// CVTSD2SL: round to nearest even; 0x80000000 (the "integer indefinite") when the
// result is out of int32's range.
int32_t Cvtsd2sl(double f) {
  double r = std::nearbyint(f);
  if (!(r >= -2147483648.0 && r < 2147483648.0)) return INT32_MIN;
  return static_cast<int32_t>(r);
}

double ArchExp(double x) {
  constexpr double kLog2e = 1.4426950408889634073599246810018920;
  constexpr double kLn2U = 0.69314718055966295651160180568695068359375;
  constexpr double kLn2L = 0.28235290563031577122588448175013436025525412068e-12;
  constexpr double kOverflow = 7.09782712893384e+02;
  constexpr double c0 = 0.5, c1 = 1.0, c2 = 2.0, c3 = 1.6666666666666666667e-1,
                   c4 = 4.1666666666666666667e-2, c5 = 8.3333333333333333333e-3,
                   c6 = 1.3888888888888888889e-3, c7 = 1.9841269841269841270e-4,
                   c8 = 2.4801587301587301587e-5;
  uint64_t b = Bits(x);
  if (static_cast<int64_t>(b & ~(uint64_t{1} << 63)) >= static_cast<int64_t>(kUvInf)) {
    return b == kUvNegInf ? 0 : x;  // -Inf: 0; NaN and +Inf: themselves
  }
  if (x > kOverflow) return kInf;
  int32_t e = Cvtsd2sl(kLog2e * x);
  double k = e;
  double r;
  if (UseFMA()) {
    x = std::fma(-k, kLn2U, x);
    x = std::fma(-k, kLn2L, x);
    x *= 0.0625;
    double p = std::fma(c8, x, c7);
    p = std::fma(p, x, c6);
    p = std::fma(p, x, c5);
    p = std::fma(p, x, c4);
    p = std::fma(p, x, c3);
    p = std::fma(p, x, c0);
    p = std::fma(p, x, c1);
    x *= p;
    x *= x + c2;
    x *= x + c2;
    x *= x + c2;
    r = std::fma(x, x + c2, c1);
  } else {
    x -= k * kLn2U;
    x -= k * kLn2L;
    x *= 0.0625;
    double p = c8 * x + c7;
    p = p * x + c6;
    p = p * x + c5;
    p = p * x + c4;
    p = p * x + c3;
    p = p * x + c0;
    p = p * x + c1;
    x *= p;
    x *= x + c2;
    x *= x + c2;
    x *= x + c2;
    x *= x + c2;
    r = x + c1;
  }
  // r * 2**e, through a subnormal scale when needed.
  int64_t be = int64_t{e} + 0x3FF;
  if (be <= 0) {
    if (be < -52) return 0;
    be += 0x3FE;
    r *= FromBits(static_cast<uint64_t>(be) << 52);
    be = 1;
  } else if (be >= 0x7FF) {
    return kInf;
  }
  return r * FromBits(static_cast<uint64_t>(be) << 52);
}

double ArchLog(double x) {
  constexpr double kHSqrt2 = 7.07106781186547524401e-01;
  constexpr double kLn2Hi = 6.93147180369123816490e-01, kLn2Lo = 1.90821492927058770002e-10;
  constexpr double L1 = 6.666666666666735130e-01, L2 = 3.999999999940941908e-01,
                   L3 = 2.857142874366239149e-01, L4 = 2.222219843214978396e-01,
                   L5 = 1.818357216161805012e-01, L6 = 1.531383769920937332e-01,
                   L7 = 1.479819860511658591e-01;
  uint64_t b = Bits(x);
  if ((b & ~(uint64_t{1} << 63)) == 0) return -kInf;
  if (static_cast<int64_t>(b) < 0) return GoNaN();
  if (b >= kUvInf) return x;
  double f1 = FromBits((b & kFracMask) | 0x3FE0000000000000);
  double k = static_cast<double>(static_cast<int32_t>((b >> 52) & 0x7FF) - 0x3FE);
  if (!(kHSqrt2 < f1)) {
    k -= 1;
    f1 *= 2;
  }
  double f = f1 - 1;
  double s = f / (2 + f);
  double s2 = s * s;
  double s4 = s2 * s2;
  double t1 = s2 * (L1 + s4 * (L3 + s4 * (L5 + s4 * L7)));
  double t2 = s4 * (L2 + s4 * (L4 + s4 * L6));
  double R = t1 + t2;
  double hfsq = 0.5 * f * f;
  return k * kLn2Hi - ((hfsq - (s * (hfsq + R) + k * kLn2Lo)) - f);
}

double ArchHypot(double p, double q) {
  p = std::fabs(p);
  q = std::fabs(q);
  if (p == kInf || q == kInf) return kInf;
  if (std::isnan(p) || std::isnan(q)) return GoNaN();
  if (p < q) std::swap(p, q);
  if (p == 0) return 0;
  q = q / p;
  return p * std::sqrt(1 + q * q);
}

double ArchMax(double x, double y) {
  if (x == kInf || y == kInf) return kInf;
  if (std::isnan(x) || std::isnan(y)) return GoNaN();
  if (x == 0 && x == y) return std::signbit(x) ? y : x;
  return x > y ? x : y;
}

double ArchMin(double x, double y) {
  if (x == -kInf || y == -kInf) return -kInf;
  if (std::isnan(x) || std::isnan(y)) return GoNaN();
  if (x == 0 && x == y) return std::signbit(x) ? x : y;
  return x < y ? x : y;
}

// The args frames: func(x float64) float64 and func(x, y float64) float64.
template <double (*F)(double)>
void Unary(rt::G*, void* args, void* results) {
  *static_cast<double*>(results) = F(*static_cast<const double*>(args));
}
template <double (*F)(double, double)>
void Binary(rt::G*, void* args, void* results) {
  auto* a = static_cast<const double*>(args);
  *static_cast<double*>(results) = F(a[0], a[1]);
}

constexpr NativeSymbol kMathNatives[] = {
    {"math.archExp", Unary<ArchExp>},       {"math.archLog", Unary<ArchLog>},
    {"math.archHypot", Binary<ArchHypot>},  {"math.archMax", Binary<ArchMax>},
    {"math.archMin", Binary<ArchMin>},
};

}  // namespace

std::span<const NativeSymbol> MathNatives() { return kMathNatives; }

}  // namespace gojit::stdlib
