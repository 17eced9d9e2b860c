// Float constants: exact rationals (GMP) and 512-bit wide floats (MPFR), as
// go/constant decides between them (see const_float.h).
#include "frontend/const_float.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "llvm/ADT/SmallString.h"

namespace gojit::frontend {

struct ConstFloat::Wide {
  mpfr_t v;
  Wide() { mpfr_init2(v, kWidePrecision); }
  ~Wide() { mpfr_clear(v); }
  Wide(const Wide&) = delete;
  Wide& operator=(const Wide&) = delete;
};

namespace {

// Sets MPFR's exponent range (per thread) for one scope and restores the previous
// one. MPFR leaves a variable whose exponent is outside the current range undefined
// to operate on, so a narrower range is only ever set around a variable that was
// rounded inside the wider one (Round below).
class ExponentRange {
 public:
  ExponentRange(mpfr_exp_t emin, mpfr_exp_t emax)
      : saved_min_(mpfr_get_emin()), saved_max_(mpfr_get_emax()) {
    mpfr_set_emin(emin);
    mpfr_set_emax(emax);
  }
  ~ExponentRange() {
    mpfr_set_emin(saved_min_);
    mpfr_set_emax(saved_max_);
  }
  ExponentRange(const ExponentRange&) = delete;
  ExponentRange& operator=(const ExponentRange&) = delete;

 private:
  mpfr_exp_t saved_min_, saved_max_;
};

// big.Float's exponents are int32s (mantissa in [0.5, 1), MPFR's convention too).
class WideExponentRange : public ExponentRange {
 public:
  WideExponentRange() : ExponentRange(-2147483647 - 1, 2147483647) {}
};

// Bits of |z|; 0 for 0 (big.Int.BitLen).
size_t BitLen(const mpz_class& z) { return sgn(z) == 0 ? 0 : mpz_sizeinbase(z.get_mpz_t(), 2); }

mpz_class Pow(unsigned long base, unsigned long exp) {
  mpz_class r;
  mpz_ui_pow_ui(r.get_mpz_t(), base, exp);
  return r;
}

// The exact value of a float literal's text (no '_'): decimal digits with an optional
// '.' and e exponent, or 0x hex digits with an optional '.' and a p exponent (binary).
// Called only for literals whose magnitude is within 2^±4096, so the powers stay small
// except for the literal's own length.
std::optional<mpq_class> ExactLiteral(std::string_view text) {
  const bool hex = text.size() > 1 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
  if (hex) text.remove_prefix(2);
  const int radix = hex ? 16 : 10;
  mpz_class mantissa = 0;
  int64_t fraction_digits = 0;
  bool seen_point = false;
  size_t i = 0;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '.') {
      if (seen_point) return std::nullopt;
      seen_point = true;
      continue;
    }
    int d = c >= '0' && c <= '9' ? c - '0'
            : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
            : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                          : -1;
    if (d < 0) break;
    mantissa = mantissa * radix + d;
    if (seen_point) ++fraction_digits;
  }
  int64_t exponent = 0;
  if (i < text.size()) {
    char c = text[i];
    if (hex ? (c != 'p' && c != 'P') : (c != 'e' && c != 'E')) return std::nullopt;
    std::string_view digits = text.substr(i + 1);
    bool negative = false;
    if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) {
      negative = digits[0] == '-';
      digits.remove_prefix(1);
    }
    if (digits.empty()) return std::nullopt;
    for (char d : digits) {
      if (d < '0' || d > '9' || exponent > (int64_t{1} << 40)) return std::nullopt;
      exponent = exponent * 10 + (d - '0');
    }
    if (negative) exponent = -exponent;
  }
  // value = mantissa * 10^(exponent - fraction_digits), or * 2^(exponent - 4*fraction_digits).
  const int64_t scale = hex ? exponent - 4 * fraction_digits : exponent - fraction_digits;
  const unsigned long base = hex ? 2 : 10;
  mpq_class q;
  if (scale >= 0) {
    q = mpq_class(mantissa * Pow(base, static_cast<unsigned long>(scale)));
  } else {
    q = mpq_class(mantissa, Pow(base, static_cast<unsigned long>(-scale)));
    q.canonicalize();
  }
  return q;
}

mpz_class ToMpz(const llvm::APSInt& v) {
  llvm::SmallString<128> text;
  v.toString(text, 16, /*Signed=*/true);
  return mpz_class(std::string(text), 16);
}

std::optional<llvm::APSInt> FromMpz(const mpz_class& z, unsigned bits) {
  if (BitLen(z) + 1 > bits) return std::nullopt;
  mpz_class magnitude = abs(z);
  llvm::APInt v(bits, magnitude.get_str(16), 16);
  if (sgn(z) < 0) v.negate();
  return llvm::APSInt(v, /*isUnsigned=*/false);
}

// Go's %g of a float64 with the shortest digits that read back as d (strconv's 'g'
// with precision -1): exponent form when the decimal exponent is below -4 or 6 and
// over (the shortest form decides with precision 6), every digit either way.
std::string ShortestG(double d) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string sci(buf, end);  // "-1.0000001e+00"
  size_t e = sci.find('e');
  int exp10 = std::atoi(sci.c_str() + e + 1);
  if (exp10 < -4 || exp10 >= 6) return sci;
  std::string sign = sci[0] == '-' ? "-" : "";
  std::string digits;
  for (size_t i = sign.size(); i < e; ++i) {
    if (sci[i] != '.') digits += sci[i];
  }
  const int point = exp10 + 1;  // digits before the decimal point
  if (point <= 0) return absl::StrCat(sign, "0.", std::string(-point, '0'), digits);
  if (point >= static_cast<int>(digits.size())) {
    return absl::StrCat(sign, digits, std::string(point - digits.size(), '0'));
  }
  return absl::StrCat(sign, digits.substr(0, point), ".", digits.substr(point));
}

}  // namespace

ConstFloat::ConstFloat() = default;
ConstFloat::~ConstFloat() { delete wide_; }

ConstFloat::ConstFloat(const ConstFloat& other) : exact_(other.exact_) {
  if (other.wide_) {
    WideExponentRange range;
    wide_ = new Wide;
    mpfr_set(wide_->v, other.wide_->v, MPFR_RNDN);  // same precision: exact
  }
}

ConstFloat::ConstFloat(ConstFloat&& other) noexcept
    : exact_(std::move(other.exact_)), wide_(std::exchange(other.wide_, nullptr)) {}

ConstFloat& ConstFloat::operator=(const ConstFloat& other) {
  if (this != &other) *this = ConstFloat(other);
  return *this;
}

ConstFloat& ConstFloat::operator=(ConstFloat&& other) noexcept {
  if (this != &other) {
    exact_ = std::move(other.exact_);
    delete wide_;
    wide_ = std::exchange(other.wide_, nullptr);
  }
  return *this;
}

ConstFloat ConstFloat::MakeWide(Wide* w) {
  WideExponentRange range;
  if (mpfr_zero_p(w->v)) mpfr_setsign(w->v, w->v, 0, MPFR_RNDN);  // constants have no -0
  ConstFloat c;
  c.wide_ = w;
  return c;
}

ConstFloat ConstFloat::MakeExact(mpq_class q) {
  if (BitLen(q.get_num()) < kMaxExactBits && BitLen(q.get_den()) < kMaxExactBits) {
    ConstFloat c;
    c.exact_ = std::move(q);
    return c;
  }
  WideExponentRange range;
  auto* w = new Wide;
  mpfr_set_q(w->v, q.get_mpq_t(), MPFR_RNDN);
  return MakeWide(w);
}

int ConstFloat::ToMpfr(mpfr_t out) const {
  return wide_ ? mpfr_set(out, wide_->v, MPFR_RNDN) : mpfr_set_q(out, exact_.get_mpq_t(), MPFR_RNDN);
}

ConstFloat ConstFloat::FromInt(const llvm::APSInt& v) {
  ConstFloat c;
  c.exact_ = mpq_class(ToMpz(v));
  return c;
}

ConstFloat ConstFloat::FromDouble(double d) {
  ConstFloat c;
  mpq_set_d(c.exact_.get_mpq_t(), d);  // exact; -0 becomes 0
  return c;
}

std::optional<ConstFloat> ConstFloat::FromLiteral(std::string_view text) {
  std::string nul_terminated(text);
  WideExponentRange range;
  auto* w = new Wide;
  char* end = nullptr;
  mpfr_strtofr(w->v, nul_terminated.c_str(), &end, 0, MPFR_RNDN);
  if (end == nul_terminated.c_str() || *end != '\0' || mpfr_nan_p(w->v)) {
    delete w;
    return std::nullopt;
  }
  // go/constant reads a literal exactly when its binary exponent is within ±4096,
  // and keeps the 512-bit float otherwise; a literal that underflows is 0.
  if (mpfr_zero_p(w->v)) {
    delete w;
    return ConstFloat();
  }
  const mpfr_exp_t exp = mpfr_inf_p(w->v) ? kMaxExactBits : mpfr_get_exp(w->v);
  if (exp > -kMaxExactBits && exp < kMaxExactBits) {
    delete w;
    std::optional<mpq_class> q = ExactLiteral(text);
    if (!q) return std::nullopt;
    ConstFloat c;
    c.exact_ = std::move(*q);
    return c;
  }
  return MakeWide(w);
}

namespace {

using MpfrOp = int (*)(mpfr_ptr, mpfr_srcptr, mpfr_srcptr, mpfr_rnd_t);

}  // namespace

// One arithmetic operation: exact on two exact operands (going wide if the result
// grows too big), else on both rounded to 512 bits, as go/constant matches a
// rational with a float.
template <typename ExactOp>
ConstFloat ConstFloat::Arithmetic(const ConstFloat& x, const ConstFloat& y, ExactOp exact_op,
                                  MpfrOp wide_op) {
  if (!x.wide_ && !y.wide_) return MakeExact(mpq_class(exact_op(x.exact_, y.exact_)));
  WideExponentRange range;
  Wide a, b;
  x.ToMpfr(a.v);
  y.ToMpfr(b.v);
  auto* w = new Wide;
  wide_op(w->v, a.v, b.v, MPFR_RNDN);
  return MakeWide(w);
}

ConstFloat ConstFloat::Add(const ConstFloat& x, const ConstFloat& y) {
  return Arithmetic(x, y, [](const mpq_class& a, const mpq_class& b) { return a + b; }, mpfr_add);
}
ConstFloat ConstFloat::Sub(const ConstFloat& x, const ConstFloat& y) {
  return Arithmetic(x, y, [](const mpq_class& a, const mpq_class& b) { return a - b; }, mpfr_sub);
}
ConstFloat ConstFloat::Mul(const ConstFloat& x, const ConstFloat& y) {
  return Arithmetic(x, y, [](const mpq_class& a, const mpq_class& b) { return a * b; }, mpfr_mul);
}
ConstFloat ConstFloat::Quo(const ConstFloat& x, const ConstFloat& y) {
  return Arithmetic(x, y, [](const mpq_class& a, const mpq_class& b) { return a / b; }, mpfr_div);
}

ConstFloat ConstFloat::Neg() const {
  if (!wide_) {
    ConstFloat c;
    c.exact_ = -exact_;
    return c;
  }
  WideExponentRange range;
  auto* w = new Wide;
  mpfr_neg(w->v, wide_->v, MPFR_RNDN);
  return MakeWide(w);
}

int ConstFloat::Sign() const { return wide_ ? mpfr_sgn(wide_->v) : sgn(exact_); }

bool ConstFloat::IsInf() const { return wide_ && mpfr_inf_p(wide_->v); }

int ConstFloat::Compare(const ConstFloat& x, const ConstFloat& y) {
  if (!x.wide_ && !y.wide_) {
    int c = cmp(x.exact_, y.exact_);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }
  // As go/constant: an exact operand is rounded to 512 bits first.
  WideExponentRange range;
  Wide a, b;
  x.ToMpfr(a.v);
  y.ToMpfr(b.v);
  int c = mpfr_cmp(a.v, b.v);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

std::optional<llvm::APSInt> ConstFloat::ToInt(unsigned bits) const {
  if (!wide_) {
    if (exact_.get_den() != 1) return std::nullopt;
    return FromMpz(exact_.get_num(), bits);
  }
  WideExponentRange range;
  const mpfr_t& v = wide_->v;
  if (mpfr_zero_p(v)) return llvm::APSInt(llvm::APInt(bits, 0), false);
  if (!mpfr_number_p(v)) return std::nullopt;
  // Only values that would also be exact fractions (go/constant's smallFloat).
  const mpfr_exp_t exp = mpfr_get_exp(v);
  if (exp <= -kMaxExactBits || exp >= kMaxExactBits) return std::nullopt;
  mpz_class z;
  if (mpfr_integer_p(v)) {
    mpfr_get_z(z.get_mpz_t(), v, MPFR_RNDZ);
    return FromMpz(z, bits);
  }
  // Rounded down, then away from zero, to 4 bits less precision.
  constexpr int kDelta = 4;
  mpfr_t t;
  mpfr_init2(t, kWidePrecision - kDelta);
  bool found = false;
  for (mpfr_rnd_t mode : {MPFR_RNDZ, MPFR_RNDA}) {
    mpfr_set(t, v, mode);
    if (mpfr_integer_p(t)) {
      found = true;
      mpfr_get_z(z.get_mpz_t(), t, MPFR_RNDZ);
      break;
    }
  }
  mpfr_clear(t);
  if (!found) return std::nullopt;
  return FromMpz(z, bits);
}

std::optional<double> ConstFloat::Round(IeeeFormat format) const {
  const bool single = format == IeeeFormat::kBinary32;
  WideExponentRange wide_range;
  mpfr_t t;
  mpfr_init2(t, single ? 24 : 53);
  int inexact = ToMpfr(t);
  double d;
  {
    // IEEE binary32/64 in MPFR's terms: the exponent range of normal numbers, with
    // subnormals made by mpfr_subnormalize. The ternary value of the first rounding
    // lets both calls round correctly once more (no double rounding).
    ExponentRange ieee(single ? -148 : -1073, single ? 128 : 1024);
    inexact = mpfr_check_range(t, inexact, MPFR_RNDN);
    mpfr_subnormalize(t, inexact, MPFR_RNDN);
    d = mpfr_get_d(t, MPFR_RNDN);
  }
  mpfr_clear(t);
  if (std::isinf(d)) return std::nullopt;
  return d;
}

double ConstFloat::ToDouble() const {
  std::optional<double> d = Round(IeeeFormat::kBinary64);
  if (d) return *d;
  return Sign() < 0 ? -HUGE_VAL : HUGE_VAL;
}

std::string ConstFloat::String() const {
  if (IsInf()) return Sign() < 0 ? "-Inf" : "+Inf";
  WideExponentRange range;
  Wide f;
  ToMpfr(f.v);  // go/constant prints an exact value through its 512-bit float
  std::optional<double> d = Round(IeeeFormat::kBinary64);
  if (d && (Sign() == 0) == (*d == 0)) {
    std::string s = absl::StrFormat("%.6g", *d);
    // A fraction that %.6g rounds away is shown with every digit (gc issue 56220).
    if (!mpfr_integer_p(f.v) && s.find('.') == std::string::npos) s = ShortestG(*d);
    return s;
  }
  // Past float64's range: m * 10^e from the binary mantissa and exponent, to the
  // six digits a message needs.
  long exp2 = 0;
  double m = mpfr_get_d_2exp(&exp2, f.v, MPFR_RNDN);  // 0.5 <= |m| < 1
  const double d10 = static_cast<double>(exp2) * (M_LN2 / M_LN10);
  int64_t e = static_cast<int64_t>(d10);
  m *= std::pow(10.0, d10 - static_cast<double>(e));
  const double am = std::fabs(m);
  if (am < 1 - 0.5e-6) {  // %.6g must not round m*10 up to 10
    m *= 10;
    --e;
  } else if (am >= 10) {
    m /= 10;
    ++e;
  }
  return absl::StrFormat("%.6ge%+d", m, e);
}

}  // namespace gojit::frontend
