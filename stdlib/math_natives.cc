// Natives of package math (stdlib/math/*.go). Bit conversions and the functions gc
// computes exactly (Sqrt, Floor, Ceil, Trunc, Round, RoundToEven, Mod, Remainder,
// FMA, Ldexp, Nextafter) agree with gc bit for bit. The transcendental functions
// call the C library (glibc: correctly rounded in nearly all cases), whereas gc
// uses its own Cephes/FreeBSD-derived code with errors up to about 1 ulp: for some
// arguments the last bit differs. Special cases (NaN, ±Inf, ±0, domain errors)
// follow C99 Annex F, which is what gc's documentation specifies too.
#include <cmath>
#include <cstring>
#include <span>

#include "runtime/runtime.h"
#include "stdlib/natives.h"

namespace gojit::stdlib {
namespace {

template <double (*F)(double)>
void Unary(rt::G*, void* args, void* results) {
  *static_cast<double*>(results) = F(*static_cast<double*>(args));
}

template <double (*F)(double, double)>
void Binary(rt::G*, void* args, void* results) {
  auto* in = static_cast<double*>(args);
  *static_cast<double*>(results) = F(in[0], in[1]);
}

double Sqrt(double x) { return std::sqrt(x); }
double Floor(double x) { return std::floor(x); }
double Ceil(double x) { return std::ceil(x); }
double Trunc(double x) { return std::trunc(x); }
double Round(double x) { return std::round(x); }
double RoundToEven(double x) { return std::nearbyint(x); }  // default mode: ties to even
double Mod(double x, double y) { return std::fmod(x, y); }
double Remainder(double x, double y) { return std::remainder(x, y); }
double Exp(double x) { return std::exp(x); }
double Exp2(double x) { return std::exp2(x); }
double Expm1(double x) { return std::expm1(x); }
double Log(double x) { return std::log(x); }
double Log1p(double x) { return std::log1p(x); }
double Logb(double x) { return std::logb(x); }
double Pow(double x, double y) { return std::pow(x, y); }
double Sin(double x) { return std::sin(x); }
double Cos(double x) { return std::cos(x); }
double Tan(double x) { return std::tan(x); }
double Asin(double x) { return std::asin(x); }
double Acos(double x) { return std::acos(x); }
double Atan(double x) { return std::atan(x); }
double Atan2(double y, double x) { return std::atan2(y, x); }
double Sinh(double x) { return std::sinh(x); }
double Cosh(double x) { return std::cosh(x); }
double Tanh(double x) { return std::tanh(x); }
double Asinh(double x) { return std::asinh(x); }
double Acosh(double x) { return std::acosh(x); }
double Atanh(double x) { return std::atanh(x); }
double Cbrt(double x) { return std::cbrt(x); }
double Erf(double x) { return std::erf(x); }
double Erfc(double x) { return std::erfc(x); }
double Gamma(double x) { return std::tgamma(x); }
double Nextafter(double x, double y) { return std::nextafter(x, y); }
double J0(double x) { return ::j0(x); }
double J1(double x) { return ::j1(x); }
double Y0(double x) { return ::y0(x); }
double Y1(double x) { return ::y1(x); }

// func FMA(x, y, z float64) float64
void Fma(rt::G*, void* args, void* results) {
  auto* in = static_cast<double*>(args);
  *static_cast<double*>(results) = std::fma(in[0], in[1], in[2]);
}

// func ldexp(frac float64, exp int) float64
void Ldexp(rt::G*, void* args, void* results) {
  struct Args {
    double frac;
    int64_t exp;
  };
  auto* in = static_cast<Args*>(args);
  *static_cast<double*>(results) = std::ldexp(in->frac, static_cast<int>(in->exp));
}

// func Ilogb(x float64) int: gc's values for the special cases.
void Ilogb(rt::G*, void* args, void* results) {
  double x = *static_cast<double*>(args);
  int64_t r;
  if (x == 0) {
    r = INT32_MIN;
  } else if (std::isnan(x)) {
    r = INT32_MAX;
  } else if (std::isinf(x)) {
    r = INT32_MAX;
  } else {
    r = std::ilogb(x);
  }
  *static_cast<int64_t*>(results) = r;
}

// func Pow10(n int) float64
void Pow10(rt::G*, void* args, void* results) {
  int64_t n = *static_cast<int64_t*>(args);
  double r;
  if (n < -323) {
    r = 0;
  } else if (n > 308) {
    r = HUGE_VAL;
  } else {
    r = std::strtod(("1e" + std::to_string(n)).c_str(), nullptr);
  }
  *static_cast<double*>(results) = r;
}

// func Lgamma(x float64) (lgamma float64, sign int)
void Lgamma(rt::G*, void* args, void* results) {
  struct Results {
    double lgamma;
    int64_t sign;
  };
  double x = *static_cast<double*>(args);
  int sign = 1;
  double r = ::lgamma_r(x, &sign);
  auto* out = static_cast<Results*>(results);
  out->lgamma = r;
  out->sign = sign;
}

// func Nextafter32(x, y float32) (r float32)
void Nextafter32(rt::G*, void* args, void* results) {
  auto* in = static_cast<float*>(args);
  *static_cast<float*>(results) = std::nextafter(in[0], in[1]);
}

// Bit conversions: reinterpret the bytes.
void Float64bits(rt::G*, void* args, void* results) { std::memcpy(results, args, 8); }
void Float64frombits(rt::G*, void* args, void* results) { std::memcpy(results, args, 8); }
void Float32bits(rt::G*, void* args, void* results) { std::memcpy(results, args, 4); }
void Float32frombits(rt::G*, void* args, void* results) { std::memcpy(results, args, 4); }

constexpr NativeSymbol kMathNatives[] = {
    {"math.Float64bits", Float64bits},
    {"math.Float64frombits", Float64frombits},
    {"math.Float32bits", Float32bits},
    {"math.Float32frombits", Float32frombits},
    {"math.Sqrt", Unary<Sqrt>},
    {"math.Floor", Unary<Floor>},
    {"math.Ceil", Unary<Ceil>},
    {"math.Trunc", Unary<Trunc>},
    {"math.round", Unary<Round>},
    {"math.roundToEven", Unary<RoundToEven>},
    {"math.Mod", Binary<Mod>},
    {"math.Remainder", Binary<Remainder>},
    {"math.FMA", Fma},
    {"math.ldexp", Ldexp},
    {"math.Exp", Unary<Exp>},
    {"math.Exp2", Unary<Exp2>},
    {"math.Expm1", Unary<Expm1>},
    {"math.Log", Unary<Log>},
    {"math.Log1p", Unary<Log1p>},
    {"math.Logb", Unary<Logb>},
    {"math.Ilogb", Ilogb},
    {"math.Pow", Binary<Pow>},
    {"math.Pow10", Pow10},
    {"math.Sin", Unary<Sin>},
    {"math.Cos", Unary<Cos>},
    {"math.Tan", Unary<Tan>},
    {"math.Asin", Unary<Asin>},
    {"math.Acos", Unary<Acos>},
    {"math.Atan", Unary<Atan>},
    {"math.Atan2", Binary<Atan2>},
    {"math.Sinh", Unary<Sinh>},
    {"math.Cosh", Unary<Cosh>},
    {"math.Tanh", Unary<Tanh>},
    {"math.Asinh", Unary<Asinh>},
    {"math.Acosh", Unary<Acosh>},
    {"math.Atanh", Unary<Atanh>},
    {"math.Cbrt", Unary<Cbrt>},
    {"math.Erf", Unary<Erf>},
    {"math.Erfc", Unary<Erfc>},
    {"math.Gamma", Unary<Gamma>},
    {"math.Lgamma", Lgamma},
    {"math.Nextafter", Binary<Nextafter>},
    {"math.Nextafter32", Nextafter32},
    {"math.J0", Unary<J0>},
    {"math.J1", Unary<J1>},
    {"math.Y0", Unary<Y0>},
    {"math.Y1", Unary<Y1>},
};

}  // namespace

std::span<const NativeSymbol> MathNatives() { return kMathNatives; }

}  // namespace gojit::stdlib
