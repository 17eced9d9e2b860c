// Go's strconv formatting and utf8 rules for fmt; see strconv.h. The float layout
// functions (FmtE, FmtF, FormatDigits, FmtB, FmtX) are line-by-line ports of
// strconv/ftoa.go so that the corner cases (%g's exponent switch, zero, rounding
// up into a new digit) agree with gc; only digit generation is std::to_chars.
#include "stdlib/strconv.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace gojit::stdlib {

namespace internal {
extern const uint16_t kIsPrint16[];
extern const int kIsPrint16Len;
extern const uint16_t kIsNotPrint16[];
extern const int kIsNotPrint16Len;
extern const uint32_t kIsPrint32[];
extern const int kIsPrint32Len;
extern const uint16_t kIsNotPrint32[];
extern const int kIsNotPrint32Len;
extern const uint16_t kIsGraphic[];
extern const int kIsGraphicLen;
}  // namespace internal

namespace {

constexpr char kLowerHex[] = "0123456789abcdef";
constexpr char kUpperHex[] = "0123456789ABCDEF";

template <typename T>
int BSearch(const T* a, int n, T x) {
  int i = 0, j = n;
  while (i < j) {
    int h = i + (j - i) / 2;
    if (a[h] < x) {
      i = h + 1;
    } else {
      j = h;
    }
  }
  return i;
}

bool ValidRune(int32_t r) {
  return (0 <= r && r < 0xD800) || (0xDFFF < r && r <= kMaxRune);
}

// A decimal digit string d[0..nd) with the decimal point at dp: the value is
// 0.d[0]d[1]... * 10^dp. Zero is nd == 0, dp == 0 (strconv's decimalSlice).
struct Digits {
  std::string d;
  int dp = 0;
};

// Parses std::to_chars output ("1.2345e+06", "123.4500", "0.0012") into Digits,
// stripping leading and trailing zeros as strconv's generators do.
Digits ParseDigits(std::string_view s) {
  Digits out;
  int exp10 = 0;
  int int_digits = 0;
  bool seen_point = false;
  size_t i = 0;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '.') {
      seen_point = true;
    } else if (c == 'e') {
      std::from_chars(s.data() + i + (s[i + 1] == '+' ? 2 : 1), s.data() + s.size(),
                      exp10);
      break;
    } else {
      out.d.push_back(c);
      if (!seen_point) ++int_digits;
    }
  }
  out.dp = int_digits + exp10;
  size_t lead = 0;
  while (lead < out.d.size() && out.d[lead] == '0') ++lead;
  out.d.erase(0, lead);
  out.dp -= static_cast<int>(lead);
  while (!out.d.empty() && out.d.back() == '0') out.d.pop_back();
  if (out.d.empty()) out.dp = 0;
  return out;
}

template <typename F>
Digits ToDigits(F v, std::chars_format f, int prec) {
  char buf[1200];
  auto r = prec < 0 ? std::to_chars(buf, buf + sizeof buf, v, f)
                    : std::to_chars(buf, buf + sizeof buf, v, f, prec);
  return ParseDigits(std::string_view(buf, r.ptr - buf));
}

// strconv.fmtE.
void FmtE(std::string& dst, bool neg, const Digits& d, int prec, char fmt) {
  int nd = static_cast<int>(d.d.size());
  if (neg) dst.push_back('-');
  dst.push_back(nd != 0 ? d.d[0] : '0');
  if (prec > 0) {
    dst.push_back('.');
    int i = 1;
    int m = std::min(nd, prec + 1);
    if (i < m) {
      dst.append(d.d, i, m - i);
      i = m;
    }
    for (; i <= prec; ++i) dst.push_back('0');
  }
  dst.push_back(fmt);
  int exp = nd == 0 ? 0 : d.dp - 1;
  dst.push_back(exp < 0 ? '-' : '+');
  if (exp < 0) exp = -exp;
  if (exp < 10) {
    dst.push_back('0');
    dst.push_back(static_cast<char>('0' + exp));
  } else if (exp < 100) {
    dst.push_back(static_cast<char>('0' + exp / 10));
    dst.push_back(static_cast<char>('0' + exp % 10));
  } else {
    dst.push_back(static_cast<char>('0' + exp / 100));
    dst.push_back(static_cast<char>('0' + exp / 10 % 10));
    dst.push_back(static_cast<char>('0' + exp % 10));
  }
}

// strconv.fmtF.
void FmtF(std::string& dst, bool neg, const Digits& d, int prec) {
  int nd = static_cast<int>(d.d.size());
  if (neg) dst.push_back('-');
  if (d.dp > 0) {
    int m = std::min(nd, d.dp);
    dst.append(d.d, 0, m);
    for (; m < d.dp; ++m) dst.push_back('0');
  } else {
    dst.push_back('0');
  }
  if (prec > 0) {
    dst.push_back('.');
    for (int i = 0; i < prec; ++i) {
      int j = d.dp + i;
      dst.push_back(0 <= j && j < nd ? d.d[j] : '0');
    }
  }
}

// strconv.formatDigits.
void FormatDigits(std::string& dst, bool shortest, bool neg, const Digits& d, int prec,
                  char fmt) {
  int nd = static_cast<int>(d.d.size());
  switch (fmt) {
    case 'e':
    case 'E':
      FmtE(dst, neg, d, prec, fmt);
      return;
    case 'f':
      FmtF(dst, neg, d, prec);
      return;
    case 'g':
    case 'G': {
      int eprec = prec;
      if (eprec > nd && nd >= d.dp) eprec = nd;
      // %e is used if the exponent from the conversion is less than -4 or greater
      // than or equal to the precision; shortest uses precision 6 for this.
      if (shortest) eprec = 6;
      int exp = d.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > nd) prec = nd;
        FmtE(dst, neg, d, prec - 1, static_cast<char>(fmt + 'e' - 'g'));
        return;
      }
      if (prec > d.dp) prec = nd;
      FmtF(dst, neg, d, std::max(prec - d.dp, 0));
      return;
    }
  }
  dst.push_back('%');
  dst.push_back(fmt);
}

void AppendInt(std::string& dst, int64_t v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  dst.append(buf, r.ptr);
}

// strconv.fmtB: -ddddp±ddd.
void FmtB(std::string& dst, bool neg, uint64_t mant, int exp, int mantbits) {
  if (neg) dst.push_back('-');
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, mant);
  dst.append(buf, r.ptr);
  dst.push_back('p');
  exp -= mantbits;
  if (exp >= 0) dst.push_back('+');
  AppendInt(dst, exp);
}

// strconv.fmtX: -0x1.yyyyyyp±dd.
void FmtX(std::string& dst, int prec, char fmt, bool neg, uint64_t mant, int exp,
          int mantbits) {
  if (mant == 0) exp = 0;
  mant <<= 60 - mantbits;
  while (mant != 0 && (mant & (uint64_t{1} << 60)) == 0) {
    mant <<= 1;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    unsigned shift = static_cast<unsigned>(prec * 4);
    uint64_t extra = (mant << shift) & ((uint64_t{1} << 60) - 1);
    mant >>= 60 - shift;
    if ((extra | (mant & 1)) > (uint64_t{1} << 59)) mant++;
    mant <<= 60 - shift;
    if (mant & (uint64_t{1} << 61)) {
      mant >>= 1;
      exp++;
    }
  }
  const char* hex = fmt == 'X' ? kUpperHex : kLowerHex;
  if (neg) dst.push_back('-');
  dst.push_back('0');
  dst.push_back(fmt);
  dst.push_back(static_cast<char>('0' + ((mant >> 60) & 1)));
  mant <<= 4;
  if (prec < 0 && mant != 0) {
    dst.push_back('.');
    while (mant != 0) {
      dst.push_back(hex[(mant >> 60) & 15]);
      mant <<= 4;
    }
  } else if (prec > 0) {
    dst.push_back('.');
    for (int i = 0; i < prec; ++i) {
      dst.push_back(hex[(mant >> 60) & 15]);
      mant <<= 4;
    }
  }
  dst.push_back(fmt == 'X' ? 'P' : 'p');
  dst.push_back(exp < 0 ? '-' : '+');
  if (exp < 0) exp = -exp;
  if (exp < 10) dst.push_back('0');
  AppendInt(dst, exp);
}

void AppendEscapedRune(std::string& buf, int32_t r, char quote, bool ascii_only) {
  if (r == quote || r == '\\') {
    buf.push_back('\\');
    buf.push_back(static_cast<char>(r));
    return;
  }
  if (ascii_only) {
    if (r < 0x80 && IsPrint(r)) {
      buf.push_back(static_cast<char>(r));
      return;
    }
  } else if (IsPrint(r)) {
    AppendRune(buf, r);
    return;
  }
  switch (r) {
    case '\a':
      buf += "\\a";
      return;
    case '\b':
      buf += "\\b";
      return;
    case '\f':
      buf += "\\f";
      return;
    case '\n':
      buf += "\\n";
      return;
    case '\r':
      buf += "\\r";
      return;
    case '\t':
      buf += "\\t";
      return;
    case '\v':
      buf += "\\v";
      return;
  }
  if (r < ' ' || r == 0x7f) {
    buf += "\\x";
    buf.push_back(kLowerHex[(r >> 4) & 0xF]);
    buf.push_back(kLowerHex[r & 0xF]);
    return;
  }
  if (!ValidRune(r)) r = kRuneError;
  if (r < 0x10000) {
    buf += "\\u";
    for (int s = 12; s >= 0; s -= 4) buf.push_back(kLowerHex[(r >> s) & 0xF]);
  } else {
    buf += "\\U";
    for (int s = 28; s >= 0; s -= 4) buf.push_back(kLowerHex[(r >> s) & 0xF]);
  }
}

}  // namespace

std::pair<int32_t, int> DecodeRune(std::string_view s) {
  if (s.empty()) return {kRuneError, 0};
  auto b = [&](size_t i) { return static_cast<uint8_t>(s[i]); };
  uint8_t c0 = b(0);
  if (c0 < 0x80) return {c0, 1};
  auto cont = [&](size_t i, uint8_t lo = 0x80, uint8_t hi = 0xBF) {
    return i < s.size() && b(i) >= lo && b(i) <= hi;
  };
  if (c0 >= 0xC2 && c0 <= 0xDF) {
    if (cont(1)) return {((c0 & 0x1F) << 6) | (b(1) & 0x3F), 2};
  } else if (c0 >= 0xE0 && c0 <= 0xEF) {
    uint8_t lo = c0 == 0xE0 ? 0xA0 : 0x80;
    uint8_t hi = c0 == 0xED ? 0x9F : 0xBF;  // no surrogates
    if (cont(1, lo, hi) && cont(2)) {
      return {((c0 & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F), 3};
    }
  } else if (c0 >= 0xF0 && c0 <= 0xF4) {
    uint8_t lo = c0 == 0xF0 ? 0x90 : 0x80;
    uint8_t hi = c0 == 0xF4 ? 0x8F : 0xBF;
    if (cont(1, lo, hi) && cont(2) && cont(3)) {
      return {((c0 & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) |
                  (b(3) & 0x3F),
              4};
    }
  }
  return {kRuneError, 1};
}

void AppendRune(std::string& out, int32_t r) {
  if (!ValidRune(r)) r = kRuneError;
  if (r < 0x80) {
    out.push_back(static_cast<char>(r));
  } else if (r < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (r >> 6)));
    out.push_back(static_cast<char>(0x80 | (r & 0x3F)));
  } else if (r < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (r >> 12)));
    out.push_back(static_cast<char>(0x80 | ((r >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (r & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (r >> 18)));
    out.push_back(static_cast<char>(0x80 | ((r >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((r >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (r & 0x3F)));
  }
}

int64_t RuneCount(std::string_view s) {
  int64_t n = 0;
  while (!s.empty()) {
    s.remove_prefix(std::max(DecodeRune(s).second, 1));
    ++n;
  }
  return n;
}

bool IsPrint(int32_t r) {
  using namespace internal;
  if (r <= 0xFF) {
    if (0x20 <= r && r <= 0x7E) return true;
    if (0xA1 <= r && r <= 0xFF) return r != 0xAD;
    return false;
  }
  if (0 <= r && r < (1 << 16)) {
    uint16_t rr = static_cast<uint16_t>(r);
    int i = BSearch(kIsPrint16, kIsPrint16Len, rr);
    if (i >= kIsPrint16Len || rr < kIsPrint16[i & ~1] || kIsPrint16[i | 1] < rr)
      return false;
    int j = BSearch(kIsNotPrint16, kIsNotPrint16Len, rr);
    return j >= kIsNotPrint16Len || kIsNotPrint16[j] != rr;
  }
  uint32_t rr = static_cast<uint32_t>(r);
  int i = BSearch(kIsPrint32, kIsPrint32Len, rr);
  if (i >= kIsPrint32Len || rr < kIsPrint32[i & ~1] || kIsPrint32[i | 1] < rr)
    return false;
  if (r >= 0x20000) return true;
  uint16_t r16 = static_cast<uint16_t>(r - 0x10000);
  int j = BSearch(kIsNotPrint32, kIsNotPrint32Len, r16);
  return j >= kIsNotPrint32Len || kIsNotPrint32[j] != r16;
}

bool IsGraphic(int32_t r) {
  if (IsPrint(r)) return true;
  if (r < 0 || r > 0xFFFF) return false;
  uint16_t rr = static_cast<uint16_t>(r);
  int i = BSearch(internal::kIsGraphic, internal::kIsGraphicLen, rr);
  return i < internal::kIsGraphicLen && internal::kIsGraphic[i] == rr;
}

void AppendFloat(std::string& out, double v, char fmt, int prec, int bit_size) {
  uint64_t bits;
  int mantbits, expbits, bias;
  if (bit_size == 32) {
    float f = static_cast<float>(v);
    uint32_t b32;
    std::memcpy(&b32, &f, 4);
    bits = b32;
    mantbits = 23, expbits = 8, bias = -127;
  } else {
    std::memcpy(&bits, &v, 8);
    mantbits = 52, expbits = 11, bias = -1023;
  }
  bool neg = (bits >> (expbits + mantbits)) != 0;
  int exp = static_cast<int>(bits >> mantbits) & ((1 << expbits) - 1);
  uint64_t mant = bits & ((uint64_t{1} << mantbits) - 1);
  if (exp == (1 << expbits) - 1) {
    out += mant != 0 ? "NaN" : neg ? "-Inf" : "+Inf";
    return;
  }
  if (exp == 0) {
    exp++;
  } else {
    mant |= uint64_t{1} << mantbits;
  }
  exp += bias;
  if (fmt == 'b') return FmtB(out, neg, mant, exp, mantbits);
  if (fmt == 'x' || fmt == 'X') return FmtX(out, prec, fmt, neg, mant, exp, mantbits);

  double a = std::fabs(v);
  auto digits = [&](std::chars_format f, int p) {
    return bit_size == 32 ? ToDigits(static_cast<float>(a), f, p) : ToDigits(a, f, p);
  };
  bool shortest = prec < 0;
  Digits d;
  if (shortest) {
    d = digits(std::chars_format::scientific, -1);
    int nd = static_cast<int>(d.d.size());
    switch (fmt) {
      case 'e':
      case 'E':
        prec = std::max(nd - 1, 0);
        break;
      case 'f':
        prec = std::max(nd - d.dp, 0);
        break;
      case 'g':
      case 'G':
        prec = nd;
        break;
    }
  } else {
    switch (fmt) {
      case 'e':
      case 'E':
        d = digits(std::chars_format::scientific, prec);
        break;
      case 'f':
        d = digits(std::chars_format::fixed, prec);
        break;
      case 'g':
      case 'G':
        if (prec == 0) prec = 1;
        d = digits(std::chars_format::scientific, prec - 1);
        break;
      default:
        out.push_back('%');
        out.push_back(fmt);
        return;
    }
  }
  FormatDigits(out, shortest, neg, d, prec, fmt);
}

std::string FormatFloat(double v, char fmt, int prec, int bit_size) {
  std::string s;
  AppendFloat(s, v, fmt, prec, bit_size);
  return s;
}

void AppendQuote(std::string& out, std::string_view s, bool ascii_only) {
  out.push_back('"');
  while (!s.empty()) {
    auto [r, width] = DecodeRune(s);
    if (width == 1 && r == kRuneError) {
      out += "\\x";
      out.push_back(kLowerHex[static_cast<uint8_t>(s[0]) >> 4]);
      out.push_back(kLowerHex[static_cast<uint8_t>(s[0]) & 0xF]);
    } else {
      AppendEscapedRune(out, r, '"', ascii_only);
    }
    s.remove_prefix(width);
  }
  out.push_back('"');
}

void AppendQuoteRune(std::string& out, int32_t r, bool ascii_only) {
  out.push_back('\'');
  if (!ValidRune(r)) r = kRuneError;
  AppendEscapedRune(out, r, '\'', ascii_only);
  out.push_back('\'');
}

bool CanBackquote(std::string_view s) {
  while (!s.empty()) {
    auto [r, wid] = DecodeRune(s);
    s.remove_prefix(wid);
    if (wid > 1) {
      if (r == 0xFEFF) return false;
      continue;
    }
    if (r == kRuneError) return false;
    if ((r < ' ' && r != '\t') || r == '`' || r == 0x7F) return false;
  }
  return true;
}

}  // namespace gojit::stdlib
