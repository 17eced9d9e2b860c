// The value of an untyped float constant, kept the way go/constant keeps it for gc, so
// that constant expressions decide the same way under gojit and gc:
//
//   - exact: a rational (GMP mpq) while its numerator and denominator each have fewer
//     than kMaxExactBits bits. Literals of moderate exponent (0.1, 1e300, 0x1p-2) are
//     read exactly, so 0.1+0.2 == 0.3 holds, as the Go spec's exact constants ask;
//   - wide: otherwise a binary float of kWidePrecision (512) mantissa bits and an
//     exponent of big.Float's range, ±2^31 (MPFR), so 1e100000 / 1e-100000 is 1e200000
//     and 1e-100000 > 0. A rational result that grows past kMaxExactBits becomes wide;
//     a wide value stays wide (go/constant makes no attempt to go back), so its
//     arithmetic rounds to 512 bits, to nearest even, as big.Float does.
//
// Invariants: a value is exactly one of the two forms (is_wide() says which); a wide
// value is never NaN; its infinity means the exponent overflowed (IsInf(), which the
// checker reports as "constant result is not representable"); zero has no sign.
// Every MPFR call runs under WideExponentRange (frontend/const_float.cc), which sets
// MPFR's per-thread exponent range to big.Float's and restores it.
#pragma once

#include <gmpxx.h>
#include <mpfr.h>

#include <optional>
#include <string>
#include <string_view>

#include "llvm/ADT/APSInt.h"

namespace gojit::frontend {

// The IEEE binary formats a typed float constant rounds to.
enum class IeeeFormat : uint8_t { kBinary32, kBinary64 };

class ConstFloat {
 public:
  static constexpr int kMaxExactBits = 4096;   // go/constant's maxExp
  static constexpr int kWidePrecision = 512;   // go/constant's prec

  ConstFloat();  // exact 0
  ConstFloat(const ConstFloat& other);
  ConstFloat(ConstFloat&& other) noexcept;
  ConstFloat& operator=(const ConstFloat& other);
  ConstFloat& operator=(ConstFloat&& other) noexcept;
  ~ConstFloat();

  static ConstFloat FromInt(const llvm::APSInt& v);
  static ConstFloat FromDouble(double d);  // d finite; exact
  // A decimal or hexadecimal float literal's digits, '_' already removed ("1.5e3",
  // ".5", "0x1.8p-2", "017.5"). nullopt when MPFR cannot read it.
  static std::optional<ConstFloat> FromLiteral(std::string_view text);

  // Exact while both operands are exact and the result stays small; otherwise rounded
  // to 512 bits. Quo's divisor must not be zero (callers report division by zero).
  static ConstFloat Add(const ConstFloat& x, const ConstFloat& y);
  static ConstFloat Sub(const ConstFloat& x, const ConstFloat& y);
  static ConstFloat Mul(const ConstFloat& x, const ConstFloat& y);
  static ConstFloat Quo(const ConstFloat& x, const ConstFloat& y);
  ConstFloat Neg() const;

  int Sign() const;  // -1, 0, 1
  bool IsZero() const { return Sign() == 0; }
  bool IsInf() const;
  bool is_wide() const { return wide_ != nullptr; }
  // -1, 0, 1 as x <, ==, > y. Exact for every pair of finite values.
  static int Compare(const ConstFloat& x, const ConstFloat& y);

  // The integer this value is, as go/constant.ToInt decides: exact integers, and wide
  // values that become an integer when rounded to 4 bits less precision (their
  // fraction taken for the rounding error of earlier arithmetic: 0.0005 * 1e9 is
  // 500000). nullopt for other values, and for integers of more than `bits`-1 bits.
  std::optional<llvm::APSInt> ToInt(unsigned bits) const;

  // Rounded to the format, to nearest even, subnormals included, as a conversion of a
  // constant rounds (big.Float.Float64/Float32). nullopt when it overflows to infinity;
  // values too small become ±0.
  std::optional<double> Round(IeeeFormat format) const;
  // Round(kBinary64), with ±infinity for a value past the largest float64.
  double ToDouble() const;

  // As gc prints a float constant in a message (go/constant's Value.String): %.6g of
  // the float64 value when it is in float64's range (more digits when that would hide
  // a fraction), else an approximate "1.5e+100000".
  std::string String() const;

 private:
  struct Wide;  // an mpfr_t of kWidePrecision bits

  static ConstFloat MakeWide(Wide* w);     // takes ownership; clears zero's sign
  static ConstFloat MakeExact(mpq_class q);  // goes wide past kMaxExactBits
  // Stores this value, rounded to nearest, in `out` (an initialised MPFR variable of
  // any precision). Returns MPFR's ternary value: how the rounding went.
  int ToMpfr(mpfr_t out) const;
  template <typename ExactOp>
  static ConstFloat Arithmetic(const ConstFloat& x, const ConstFloat& y, ExactOp exact_op,
                               int (*wide_op)(mpfr_ptr, mpfr_srcptr, mpfr_srcptr, mpfr_rnd_t));

  mpq_class exact_;          // the value while wide_ is null
  Wide* wide_ = nullptr;     // owned
};

}  // namespace gojit::frontend
