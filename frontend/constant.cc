// Exact constant arithmetic over llvm::APSInt and ConstFloat (see constant.h).
#include "frontend/constant.h"

#include <cmath>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "llvm/ADT/SmallString.h"

namespace gojit::frontend {
namespace {

using llvm::APInt;
using llvm::APSInt;

APSInt MakeInt(int64_t v) { return APSInt(APInt(kIntBits, static_cast<uint64_t>(v), true), false); }

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

std::optional<ConstFloat> ParseFloat(const std::string& text) {
  return ConstFloat::FromLiteral(absl::StrReplaceAll(text, {{"_", ""}}));
}

// A string constant as gc shows it in a message (go/constant's String): quoted
// with Go's escapes (\n, \t, \x.. for other control bytes and for bytes that are
// not UTF-8), and past 72 characters cut to 69 and "...". Multi-byte UTF-8 runes are
// taken as printable (strconv.Quote escapes the few that are not).
std::string QuoteForMessage(const std::string& s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = s[i];
    int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool valid = n > 0 && i + n <= s.size();
    for (int k = 1; valid && k < n; ++k) valid = (static_cast<unsigned char>(s[i + k]) >> 6) == 2;
    if (!valid) {
      out += absl::StrFormat("\\x%02x", c);
      ++i;
      continue;
    }
    if (n > 1) {
      out.append(s, i, n);
      i += n;
      continue;
    }
    switch (c) {
      case '\a': out += "\\a"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\v': out += "\\v"; break;
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      default:
        if (c < 0x20 || c == 0x7f) out += absl::StrFormat("\\x%02x", c);
        else out += static_cast<char>(c);
    }
    ++i;
  }
  out += '"';
  // Cut by runes: keep 69, add "...".
  constexpr int kMaxRunes = 72;
  int runes = 0;
  size_t cut = std::string::npos;
  for (size_t i = 0; i < out.size(); ++i) {
    if ((static_cast<unsigned char>(out[i]) >> 6) == 2) continue;  // continuation byte
    if (runes == kMaxRunes - 3) cut = i;
    ++runes;
  }
  if (runes > kMaxRunes) out = out.substr(0, cut) + "...";
  return out;
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
ConstValue ConstValue::Float(ConstFloat v) {
  ConstValue c;
  c.kind = v.IsInf() ? Kind::kUnknown : Kind::kFloat;
  c.f = std::move(v);
  return c;
}
ConstValue ConstValue::Complex(ConstFloat re, ConstFloat im) {
  ConstValue c;
  c.kind = re.IsInf() || im.IsInf() ? Kind::kUnknown : Kind::kComplex;
  c.f = std::move(re);
  c.im = std::move(im);
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
      std::optional<ConstFloat> v;
      // The mantissa is any int_lit or float_lit; a decimal one stays decimal even
      // with a leading 0 (0123i), and a hex one without a 'p' exponent is an integer
      // (0x_cafei).
      const char prefix = body.size() > 1 && body[0] == '0' ? body[1] : '\0';
      const bool hex = prefix == 'x' || prefix == 'X';
      const bool int_prefix = prefix == 'b' || prefix == 'B' || prefix == 'o' || prefix == 'O';
      if (int_prefix || (hex && body.find_first_of("pP") == std::string::npos)) {
        auto i = ParseInt(body);
        if (i) v = ConstFloat::FromInt(*i);
      } else if (!hex && body.find_first_of(".eE") == std::string::npos) {
        v = ParseFloat(absl::StrReplaceAll(body, {{"_", ""}}));
      } else {
        v = ParseFloat(body);
      }
      if (!v) {
        *error = absl::StrCat("invalid imaginary literal ", text);
        return std::nullopt;
      }
      return Complex(ConstFloat(), std::move(*v));
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
      std::optional<APSInt> r = f.ToInt(kIntBits);
      if (!r) return std::nullopt;
      return Int(*r);
    }
    case Kind::kComplex:
      if (!im.IsZero()) return std::nullopt;
      return Float(f).ToInt();
    default:
      return std::nullopt;
  }
}

ConstValue ConstValue::ToFloat() const {
  switch (kind) {
    case Kind::kInt:
      return Float(ConstFloat::FromInt(i));
    case Kind::kComplex:
      return Float(f);
    default:
      return *this;
  }
}

ConstValue ConstValue::ToComplex() const {
  switch (kind) {
    case Kind::kInt:
      return Complex(ConstFloat::FromInt(i), ConstFloat());
    case Kind::kFloat:
      return Complex(f, ConstFloat());
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
          return Float(ConstFloat::Quo(ConstFloat::FromInt(a), ConstFloat::FromInt(b)));
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
    case Kind::kFloat:
      switch (op) {
        case Tok::kAdd: return Float(ConstFloat::Add(x.f, y.f));
        case Tok::kSub: return Float(ConstFloat::Sub(x.f, y.f));
        case Tok::kMul: return Float(ConstFloat::Mul(x.f, y.f));
        case Tok::kQuo:
          if (y.f.IsZero()) return std::nullopt;
          return Float(ConstFloat::Quo(x.f, y.f));
        default: return std::nullopt;
      }
    case Kind::kComplex: {
      // go/constant's formulas, each step exact or 512-bit as ConstFloat decides.
      const ConstFloat &a = x.f, &b = x.im, &c = y.f, &d = y.im;
      using F = ConstFloat;
      switch (op) {
        case Tok::kAdd: return Complex(F::Add(a, c), F::Add(b, d));
        case Tok::kSub: return Complex(F::Sub(a, c), F::Sub(b, d));
        case Tok::kMul:
          return Complex(F::Sub(F::Mul(a, c), F::Mul(b, d)), F::Add(F::Mul(b, c), F::Mul(a, d)));
        case Tok::kQuo: {
          F den = F::Add(F::Mul(c, c), F::Mul(d, d));
          if (den.IsZero()) return std::nullopt;
          F re = F::Add(F::Mul(a, c), F::Mul(b, d));
          F im = F::Sub(F::Mul(b, c), F::Mul(a, d));
          return Complex(F::Quo(re, den), F::Quo(im, den));
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
    case Kind::kFloat:
      c = ConstFloat::Compare(x.f, y.f);
      break;
    case Kind::kComplex:
      c = ConstFloat::Compare(x.f, y.f) == 0 && ConstFloat::Compare(x.im, y.im) == 0 ? 0 : 1;
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
      if (x.kind == Kind::kFloat) return Float(x.f.Neg());
      if (x.kind == Kind::kComplex) return Complex(x.f.Neg(), x.im.Neg());
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
  return v.f.ToDouble();
}

float ConstValue::Float32() const {
  ConstValue v = kind == Kind::kInt ? ToFloat() : *this;
  std::optional<double> d = v.f.Round(IeeeFormat::kBinary32);
  if (!d) return v.f.Sign() < 0 ? -HUGE_VALF : HUGE_VALF;
  return static_cast<float>(*d);  // exact: *d is a float32 value
}

bool ConstValue::FitsInt(int bits, bool is_unsigned) const {
  if (kind != Kind::kInt) return false;
  if (is_unsigned) return !i.isNegative() && i.getActiveBits() <= static_cast<unsigned>(bits);
  return i.getSignificantBits() <= static_cast<unsigned>(bits);
}

bool ConstValue::IsZero() const {
  switch (kind) {
    case Kind::kInt: return i == 0;
    case Kind::kFloat: return f.IsZero();
    case Kind::kComplex: return f.IsZero() && im.IsZero();
    default: return false;
  }
}

std::string ConstValue::String_() const {
  switch (kind) {
    case Kind::kBool:
      return b ? "true" : "false";
    case Kind::kString:
      return QuoteForMessage(s);
    case Kind::kInt: {
      llvm::SmallString<64> str;
      i.toString(str, 10, /*Signed=*/true);
      return std::string(str);
    }
    case Kind::kFloat:
      return f.String();
    case Kind::kComplex:
      return absl::StrCat("(", f.String(), " + ", im.String(), "i)");
    default:
      return "?";
  }
}

}  // namespace gojit::frontend
