// Exact constant arithmetic over llvm::APSInt / llvm::APFloat (see constant.h).
#include "frontend/constant.h"

#include <cmath>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Error.h"

namespace gojit::frontend {
namespace {

using llvm::APFloat;
using llvm::APInt;
using llvm::APSInt;

constexpr auto kRound = APFloat::rmNearestTiesToEven;

APSInt MakeInt(int64_t v) { return APSInt(APInt(kIntBits, static_cast<uint64_t>(v), true), false); }

APFloat IntToFloat(const APSInt& i) {
  APFloat f(APFloat::IEEEquad());
  f.convertFromAPInt(i, /*IsSigned=*/true, kRound);
  return f;
}

// Decodes one escape or UTF-8 character of an interpreted string or rune literal at
// text[*i]. Appends the encoded bytes to *out (runes: *rune set). Returns false on a
// malformed escape.
bool DecodeChar(const std::string& text, size_t* i, char quote, std::string* out,
                uint32_t* rune, bool* is_byte) {
  *is_byte = false;
  unsigned char c = text[*i];
  if (c != '\\') {
    // A UTF-8 sequence: copy it; decode the rune for rune literals.
    int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (*i + n > text.size()) n = 1;
    uint32_t r = n == 1 ? c : n == 2 ? c & 0x1f : n == 3 ? c & 0x0f : c & 0x07;
    for (int k = 1; k < n; ++k) r = (r << 6) | (text[*i + k] & 0x3f);
    out->append(text, *i, n);
    *rune = r;
    *i += n;
    return true;
  }
  ++*i;
  if (*i >= text.size()) return false;
  char e = text[(*i)++];
  auto hex = [&](int digits, uint32_t* v) {
    *v = 0;
    for (int k = 0; k < digits; ++k) {
      if (*i >= text.size() || !isxdigit(static_cast<unsigned char>(text[*i]))) return false;
      char h = text[(*i)++];
      *v = *v * 16 + (isdigit(static_cast<unsigned char>(h)) ? h - '0' : (tolower(h) - 'a' + 10));
    }
    return true;
  };
  uint32_t v = 0;
  switch (e) {
    case 'a': v = 7; break;
    case 'b': v = 8; break;
    case 'f': v = 12; break;
    case 'n': v = 10; break;
    case 'r': v = 13; break;
    case 't': v = 9; break;
    case 'v': v = 11; break;
    case '\\': v = '\\'; break;
    case '\'':
    case '"':
      if (e != quote) return false;
      v = e;
      break;
    case 'x':
      if (!hex(2, &v)) return false;
      *is_byte = true;
      break;
    case 'u':
      if (!hex(4, &v)) return false;
      break;
    case 'U':
      if (!hex(8, &v)) return false;
      break;
    default:
      if (e >= '0' && e <= '7') {
        v = e - '0';
        for (int k = 0; k < 2; ++k) {
          if (*i >= text.size() || text[*i] < '0' || text[*i] > '7') return false;
          v = v * 8 + (text[(*i)++] - '0');
        }
        if (v > 255) return false;
        *is_byte = true;
        break;
      }
      return false;
  }
  if (!*is_byte && (v > 0x10FFFF || (v >= 0xD800 && v < 0xE000))) return false;
  *rune = v;
  if (*is_byte) {
    out->push_back(static_cast<char>(v));
  } else if (v < 0x80) {
    out->push_back(static_cast<char>(v));
  } else if (v < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (v >> 6)));
    out->push_back(static_cast<char>(0x80 | (v & 0x3F)));
  } else if (v < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (v >> 12)));
    out->push_back(static_cast<char>(0x80 | ((v >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (v & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (v >> 18)));
    out->push_back(static_cast<char>(0x80 | ((v >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((v >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (v & 0x3F)));
  }
  return true;
}

std::optional<APSInt> ParseInt(std::string digits) {
  digits = absl::StrReplaceAll(digits, {{"_", ""}});
  unsigned radix = 10;
  if (digits.size() > 1 && digits[0] == '0') {
    char p = tolower(digits[1]);
    if (p == 'x') radix = 16, digits = digits.substr(2);
    else if (p == 'b') radix = 2, digits = digits.substr(2);
    else if (p == 'o') radix = 8, digits = digits.substr(2);
    else radix = 8, digits = digits.substr(1);  // legacy octal 017
  }
  if (digits.empty()) return std::nullopt;
  for (char c : digits) {
    int d = isdigit(static_cast<unsigned char>(c)) ? c - '0'
            : isalpha(static_cast<unsigned char>(c)) ? tolower(c) - 'a' + 10 : 99;
    if (d >= static_cast<int>(radix)) return std::nullopt;
  }
  // Bits needed: at most 4 per digit; refuse what cannot fit kIntBits.
  if (digits.size() * 4 > kIntBits - 8) return std::nullopt;
  APInt v(kIntBits, digits, radix);
  return APSInt(v, false);
}

std::optional<APFloat> ParseFloat(std::string text) {
  text = absl::StrReplaceAll(text, {{"_", ""}});
  APFloat f(APFloat::IEEEquad());
  auto status = f.convertFromString(text, kRound);
  if (!status) {
    llvm::consumeError(status.takeError());
    return std::nullopt;
  }
  return f;
}

}  // namespace

ConstValue ConstValue::Bool(bool v) {
  ConstValue c;
  c.kind = Kind::kBool;
  c.b = v;
  return c;
}
ConstValue ConstValue::String(std::string v) {
  ConstValue c;
  c.kind = Kind::kString;
  c.s = std::move(v);
  return c;
}
ConstValue ConstValue::Int(int64_t v) { return Int(MakeInt(v)); }
ConstValue ConstValue::Int(const APSInt& v) {
  ConstValue c;
  c.kind = Kind::kInt;
  c.i = v.extOrTrunc(kIntBits);
  c.i.setIsSigned(true);
  return c;
}
ConstValue ConstValue::Float(const APFloat& v) {
  ConstValue c;
  c.kind = Kind::kFloat;
  c.f = v;
  // Constants are exact numbers: there is no negative zero (Go spec, "Constants").
  if (c.f.isZero() && c.f.isNegative()) c.f.clearSign();
  return c;
}
ConstValue ConstValue::Complex(const APFloat& re, const APFloat& im) {
  ConstValue c;
  c.kind = Kind::kComplex;
  c.f = re;
  c.im = im;
  if (c.f.isZero() && c.f.isNegative()) c.f.clearSign();
  if (c.im.isZero() && c.im.isNegative()) c.im.clearSign();
  return c;
}

namespace {

// Whether a floating-point literal's exponent is beyond what Go's exact constants
// hold (go/constant parses with math/big, whose binary exponents are int32s):
// decimal exponents of more than 646,456,993 digits, binary ones past 2^31-1.
bool ExponentOutOfRange(std::string_view text) {
  const bool hex = text.size() > 1 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
  size_t at = text.find_first_of(hex ? "pP" : "eE");
  if (at == std::string_view::npos) return false;
  std::string_view digits = text.substr(at + 1);
  if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) digits.remove_prefix(1);
  const int64_t limit = hex ? 2147483647 : 646456993;
  int64_t e = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') continue;  // '_' separators; an 'i' suffix
    e = e * 10 + (c - '0');
    if (e > limit) return true;
  }
  return false;
}

}  // namespace

std::optional<ConstValue> ConstValue::FromLiteral(LitKind kind, const std::string& text,
                                                  std::string* error) {
  // types2's limit: longer numeric literals are not worth the time to evaluate.
  constexpr size_t kMaxNumericLiteral = 10000;
  if (kind != LitKind::kString && kind != LitKind::kChar && text.size() > kMaxNumericLiteral) {
    *error = absl::StrFormat("excessively long constant: %s... (%d chars)", text.substr(0, 10), text.size());
    return std::nullopt;
  }
  if ((kind == LitKind::kFloat || kind == LitKind::kImag) && ExponentOutOfRange(text)) {
    *error = absl::StrCat("malformed constant: ", text);
    return std::nullopt;
  }
  switch (kind) {
    case LitKind::kInt: {
      auto v = ParseInt(text);
      if (!v) {
        *error = absl::StrCat("invalid integer literal ", text);
        return std::nullopt;
      }
      return Int(*v);
    }
    case LitKind::kFloat: {
      auto v = ParseFloat(text);
      if (!v) {
        *error = absl::StrCat("invalid floating-point literal ", text);
        return std::nullopt;
      }
      return Float(*v);
    }
    case LitKind::kImag: {
      std::string body = text.substr(0, text.size() - 1);
      std::optional<APFloat> v;
      // The mantissa is any int_lit or float_lit; a decimal one stays decimal even
      // with a leading 0 (0123i), and a hex one without a 'p' exponent is an integer
      // (0x_cafei).
      const char prefix = body.size() > 1 && body[0] == '0' ? body[1] : '\0';
      const bool hex = prefix == 'x' || prefix == 'X';
      const bool int_prefix = prefix == 'b' || prefix == 'B' || prefix == 'o' || prefix == 'O';
      if (int_prefix || (hex && body.find_first_of("pP") == std::string::npos)) {
        auto i = ParseInt(body);
        if (i) v = IntToFloat(*i);
      } else if (!hex && body.find_first_of(".eE") == std::string::npos) {
        v = ParseFloat(absl::StrReplaceAll(body, {{"_", ""}}));
      } else {
        v = ParseFloat(body);
      }
      if (!v) {
        *error = absl::StrCat("invalid imaginary literal ", text);
        return std::nullopt;
      }
      return Complex(APFloat(APFloat::IEEEquad()), *v);
    }
    case LitKind::kChar: {
      if (text.size() < 3 || text.front() != '\'' || text.back() != '\'') {
        *error = "invalid rune literal";
        return std::nullopt;
      }
      std::string body = text.substr(1, text.size() - 2);
      size_t i = 0;
      std::string out;
      uint32_t r = 0;
      bool is_byte;
      if (!DecodeChar(body, &i, '\'', &out, &r, &is_byte) || i != body.size()) {
        *error = absl::StrCat(i != body.size() ? "more than one character in rune literal"
                                               : "invalid escape in rune literal");
        return std::nullopt;
      }
      return Int(static_cast<int64_t>(r));
    }
    case LitKind::kString: {
      if (text.size() >= 2 && text.front() == '`') {
        std::string body = text.substr(1, text.size() - 2);
        body.erase(std::remove(body.begin(), body.end(), '\r'), body.end());
        return String(std::move(body));
      }
      if (text.size() < 2 || text.front() != '"' || text.back() != '"') {
        *error = "invalid string literal";
        return std::nullopt;
      }
      std::string body = text.substr(1, text.size() - 2);
      std::string out;
      size_t i = 0;
      while (i < body.size()) {
        uint32_t r;
        bool is_byte;
        if (!DecodeChar(body, &i, '"', &out, &r, &is_byte)) {
          *error = "invalid escape sequence in string literal";
          return std::nullopt;
        }
      }
      return String(std::move(out));
    }
  }
  return std::nullopt;
}

std::optional<ConstValue> ConstValue::ToInt() const {
  switch (kind) {
    case Kind::kInt:
      return *this;
    case Kind::kFloat: {
      if (!f.isFinite()) return std::nullopt;
      APFloat t = f;
      t.roundToIntegral(APFloat::rmTowardZero);
      if (t.compare(f) != APFloat::cmpEqual) {
        // As go/constant.ToInt: a value that becomes an integer when rounded down
        // or up to 4 bits less precision is taken for that integer, its fraction
        // being the rounding error of earlier arithmetic (0.0005 * 1e9 is 500000).
        // Scaling by a power of two is exact, so the grid of the shorter mantissa
        // is the integers of f * 2^shift.
        constexpr int kDelta = 4;
        const int shift = static_cast<int>(APFloat::semanticsPrecision(f.getSemantics())) - 1 -
                          kDelta - ilogb(f);
        bool found = false;
        const APFloat::roundingMode away_from_zero =
            f.isNegative() ? APFloat::rmTowardNegative : APFloat::rmTowardPositive;
        for (APFloat::roundingMode mode : {APFloat::rmTowardZero, away_from_zero}) {
          APFloat g = scalbn(f, shift, kRound);
          g.roundToIntegral(mode);
          g = scalbn(g, -shift, kRound);
          APFloat gi = g;
          gi.roundToIntegral(APFloat::rmTowardZero);
          if (gi.compare(g) == APFloat::cmpEqual) {
            t = g;
            found = true;
            break;
          }
        }
        if (!found) return std::nullopt;
      }
      APSInt r(kIntBits, false);
      bool exact;
      t.convertToInteger(r, APFloat::rmTowardZero, &exact);
      return Int(r);
    }
    case Kind::kComplex:
      if (!im.isZero()) return std::nullopt;
      return Float(f).ToInt();
    default:
      return std::nullopt;
  }
}

ConstValue ConstValue::ToFloat() const {
  switch (kind) {
    case Kind::kInt:
      return Float(IntToFloat(i));
    case Kind::kComplex:
      return Float(f);
    default:
      return *this;
  }
}

ConstValue ConstValue::ToComplex() const {
  switch (kind) {
    case Kind::kInt:
      return Complex(IntToFloat(i), APFloat(APFloat::IEEEquad()));
    case Kind::kFloat:
      return Complex(f, APFloat(APFloat::IEEEquad()));
    default:
      return *this;
  }
}

void MatchKinds(ConstValue& x, ConstValue& y) {
  using K = ConstValue::Kind;
  auto rank = [](K k) { return k == K::kInt ? 0 : k == K::kFloat ? 1 : k == K::kComplex ? 2 : -1; };
  int r = std::max(rank(x.kind), rank(y.kind));
  if (rank(x.kind) < 0 || rank(y.kind) < 0) return;
  auto lift = [&](ConstValue& v) {
    if (r == 1) v = v.ToFloat();
    if (r == 2) v = v.ToComplex();
  };
  lift(x);
  lift(y);
}

std::optional<ConstValue> ConstValue::Binary(Tok op, const ConstValue& x, const ConstValue& y,
                                             bool integer_division) {
  switch (x.kind) {
    case Kind::kBool:
      if (op == Tok::kLAnd) return Bool(x.b && y.b);
      if (op == Tok::kLOr) return Bool(x.b || y.b);
      return std::nullopt;
    case Kind::kString:
      if (op == Tok::kAdd) return String(x.s + y.s);
      return std::nullopt;
    case Kind::kInt: {
      const APSInt &a = x.i, &b = y.i;
      switch (op) {
        case Tok::kAdd: return Int(a + b);
        case Tok::kSub: return Int(a - b);
        case Tok::kMul: return Int(a * b);
        case Tok::kQuo:
          if (b == 0) return std::nullopt;
          if (integer_division) return Int(APSInt(a.sdiv(b), false));
          {
            APFloat fa = IntToFloat(a), fb = IntToFloat(b);
            fa.divide(fb, kRound);
            return Float(fa);
          }
        case Tok::kRem:
          if (b == 0) return std::nullopt;
          return Int(APSInt(a.srem(b), false));
        case Tok::kAnd: return Int(a & b);
        case Tok::kOr: return Int(a | b);
        case Tok::kXor: return Int(a ^ b);
        case Tok::kAndNot: return Int(a & ~b);
        default: return std::nullopt;
      }
    }
    case Kind::kFloat: {
      APFloat r = x.f;
      switch (op) {
        case Tok::kAdd: r.add(y.f, kRound); break;
        case Tok::kSub: r.subtract(y.f, kRound); break;
        case Tok::kMul: r.multiply(y.f, kRound); break;
        case Tok::kQuo:
          if (y.f.isZero()) return std::nullopt;
          r.divide(y.f, kRound);
          break;
        default: return std::nullopt;
      }
      return Float(r);
    }
    case Kind::kComplex: {
      APFloat a = x.f, b = x.im, c = y.f, d = y.im;
      auto mul = [](APFloat p, const APFloat& q) { p.multiply(q, kRound); return p; };
      auto add = [](APFloat p, const APFloat& q) { p.add(q, kRound); return p; };
      auto sub = [](APFloat p, const APFloat& q) { p.subtract(q, kRound); return p; };
      switch (op) {
        case Tok::kAdd: return Complex(add(a, c), add(b, d));
        case Tok::kSub: return Complex(sub(a, c), sub(b, d));
        case Tok::kMul: return Complex(sub(mul(a, c), mul(b, d)), add(mul(b, c), mul(a, d)));
        case Tok::kQuo: {
          APFloat den = add(mul(c, c), mul(d, d));
          if (den.isZero()) return std::nullopt;
          APFloat re = add(mul(a, c), mul(b, d));
          APFloat im = sub(mul(b, c), mul(a, d));
          re.divide(den, kRound);
          im.divide(den, kRound);
          return Complex(re, im);
        }
        default: return std::nullopt;
      }
    }
    default:
      return std::nullopt;
  }
}

std::optional<ConstValue> ConstValue::Shift(Tok op, const ConstValue& x, uint64_t s) {
  if (x.kind != Kind::kInt) return std::nullopt;
  if (op == Tok::kShl) {
    if (s + x.i.getSignificantBits() >= kIntBits) return std::nullopt;
    return Int(APSInt(x.i.shl(static_cast<unsigned>(s)), false));
  }
  if (s >= kIntBits) s = kIntBits - 1;
  return Int(APSInt(x.i.ashr(static_cast<unsigned>(s)), false));
}

bool ConstValue::Compare(Tok op, const ConstValue& x, const ConstValue& y) {
  int c = 0;
  switch (x.kind) {
    case Kind::kBool:
      c = x.b == y.b ? 0 : 1;
      break;
    case Kind::kString:
      c = x.s.compare(y.s);
      break;
    case Kind::kInt:
      c = x.i < y.i ? -1 : x.i > y.i ? 1 : 0;
      break;
    case Kind::kFloat: {
      auto r = x.f.compare(y.f);
      c = r == APFloat::cmpLessThan ? -1 : r == APFloat::cmpGreaterThan ? 1 : 0;
      break;
    }
    case Kind::kComplex:
      c = (x.f.compare(y.f) == APFloat::cmpEqual && x.im.compare(y.im) == APFloat::cmpEqual) ? 0 : 1;
      break;
    default:
      break;
  }
  switch (op) {
    case Tok::kEql: return c == 0;
    case Tok::kNeq: return c != 0;
    case Tok::kLss: return c < 0;
    case Tok::kLeq: return c <= 0;
    case Tok::kGtr: return c > 0;
    case Tok::kGeq: return c >= 0;
    default: return false;
  }
}

ConstValue ConstValue::Unary(Tok op, const ConstValue& x, int unsigned_bits) {
  switch (op) {
    case Tok::kAdd:
      return x;
    case Tok::kSub:
      if (x.kind == Kind::kInt) return Int(APSInt(-x.i, false));
      if (x.kind == Kind::kFloat) { APFloat f = x.f; f.changeSign(); return Float(f); }
      if (x.kind == Kind::kComplex) {
        APFloat a = x.f, b = x.im;
        a.changeSign();
        b.changeSign();
        return Complex(a, b);
      }
      return x;
    case Tok::kXor: {
      APSInt v = APSInt(~x.i, false);
      if (unsigned_bits > 0) {
        APInt mask = APInt::getLowBitsSet(kIntBits, unsigned_bits);
        v = APSInt(v & mask, false);
      }
      return Int(v);
    }
    case Tok::kNot:
      return Bool(!x.b);
    default:
      return x;
  }
}

std::optional<int64_t> ConstValue::Int64() const {
  if (kind != Kind::kInt || !FitsInt(64, false)) return std::nullopt;
  return i.getSExtValue();
}

std::optional<uint64_t> ConstValue::Uint64() const {
  if (kind != Kind::kInt || !FitsInt(64, true)) return std::nullopt;
  return i.trunc(64).getZExtValue();
}

double ConstValue::Float64() const {
  ConstValue v = kind == Kind::kInt ? ToFloat() : *this;
  APFloat f = v.f;
  bool lost;
  f.convert(APFloat::IEEEdouble(), kRound, &lost);
  return f.convertToDouble();
}

float ConstValue::Float32() const {
  ConstValue v = kind == Kind::kInt ? ToFloat() : *this;
  APFloat f = v.f;
  bool lost;
  f.convert(APFloat::IEEEsingle(), kRound, &lost);
  return f.convertToFloat();
}

bool ConstValue::FitsInt(int bits, bool is_unsigned) const {
  if (kind != Kind::kInt) return false;
  if (is_unsigned) return !i.isNegative() && i.getActiveBits() <= static_cast<unsigned>(bits);
  return i.getSignificantBits() <= static_cast<unsigned>(bits);
}

bool ConstValue::IsZero() const {
  switch (kind) {
    case Kind::kInt: return i == 0;
    case Kind::kFloat: return f.isZero();
    case Kind::kComplex: return f.isZero() && im.isZero();
    default: return false;
  }
}

std::string ConstValue::String_() const {
  switch (kind) {
    case Kind::kBool:
      return b ? "true" : "false";
    case Kind::kString: {
      std::string out = "\"";
      for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') { out += "\\n"; continue; }
        out += c;
      }
      return out + "\"";
    }
    case Kind::kInt: {
      llvm::SmallString<64> str;
      i.toString(str, 10, /*Signed=*/true);
      return std::string(str);
    }
    case Kind::kFloat: {
      // gc prints float constants in messages with %.6g-like shortness.
      double d = Float64();
      if (std::isinf(d)) {
        llvm::SmallString<64> str;
        f.toString(str, 6);
        return std::string(str);
      }
      return absl::StrFormat("%g", d);
    }
    case Kind::kComplex:
      return absl::StrFormat("(%g + %gi)", Float(f).Float64(), Float(im).Float64());
    default:
      return "?";
  }
}

}  // namespace gojit::frontend
