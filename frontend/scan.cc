// Lexical literal checks, ported from cmd/compile/internal/syntax/scanner.go (Go
// 1.19): number(), digits(), invalidSep(), rune(), stdString(), escape(). Offsets
// are byte offsets into the literal's text, where gc's errorf/errorAtf point.
#include "frontend/scan.h"

#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace gojit::frontend {
namespace {

bool IsDecimal(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) {
  return IsDecimal(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
char Lower(char c) { return static_cast<char>(c | 0x20); }

const char* BaseName(int base) {
  switch (base) {
    case 2: return "binary";
    case 8: return "octal";
    case 10: return "decimal";
  }
  return "hexadecimal";
}

// Decodes one UTF-8 sequence at text[i] (invalid bytes decode as themselves).
char32_t DecodeAt(std::string_view text, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (i + n > text.size()) n = 1;
  char32_t r = n == 1 ? c : n == 2 ? (c & 0x1f) : n == 3 ? (c & 0x0f) : (c & 0x07);
  for (int k = 1; k < n; ++k) r = (r << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3f);
  *len = n;
  return r;
}

bool Printable(char32_t r) {
  if (r < 0x20 || r == 0x7f) return false;
  if (r >= 0x80 && r < 0xa0) return false;
  if (r == 0xad || r == 0xfeff || (r >= 0xd800 && r < 0xe000) || r > 0x10ffff) return false;
  if (r == 0x2028 || r == 0x2029 || r == 0xfffe || r == 0xffff) return false;
  return true;
}

std::string Utf8(char32_t r) {
  std::string out;
  if (r < 0x80) {
    out += static_cast<char>(r);
  } else if (r < 0x800) {
    out += static_cast<char>(0xc0 | (r >> 6));
    out += static_cast<char>(0x80 | (r & 0x3f));
  } else if (r < 0x10000) {
    out += static_cast<char>(0xe0 | (r >> 12));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (r & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (r >> 18));
    out += static_cast<char>(0x80 | ((r >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (r & 0x3f));
  }
  return out;
}

// scanner.digits: consumes digits of `base` (all decimal digits when base <= 10)
// and '_'; returns bit 0 for a digit, bit 1 for a '_'.
int Digits(std::string_view t, size_t* i, int base, long* invalid) {
  int digsep = 0;
  if (base <= 10) {
    char max = static_cast<char>('0' + base);
    while (*i < t.size() && (IsDecimal(t[*i]) || t[*i] == '_')) {
      int ds = 1;
      if (t[*i] == '_') {
        ds = 2;
      } else if (t[*i] >= max && invalid != nullptr && *invalid < 0) {
        *invalid = static_cast<long>(*i);
      }
      digsep |= ds;
      ++*i;
    }
  } else {
    while (*i < t.size() && (IsHex(t[*i]) || t[*i] == '_')) {
      digsep |= t[*i] == '_' ? 2 : 1;
      ++*i;
    }
  }
  return digsep;
}

// scanner.invalidSep: the index of the first '_' that does not separate digits.
long InvalidSep(std::string_view x) {
  char x1 = ' ';
  char d = '.';
  size_t i = 0;
  if (x.size() >= 2 && x[0] == '0') {
    x1 = Lower(x[1]);
    if (x1 == 'x' || x1 == 'o' || x1 == 'b') {
      d = '0';
      i = 2;
    }
  }
  for (; i < x.size(); ++i) {
    char p = d;
    d = x[i];
    if (d == '_') {
      if (p != '0') return static_cast<long>(i);
    } else if (IsDecimal(d) || (x1 == 'x' && IsHex(d))) {
      d = '0';
    } else {
      if (p == '_') return static_cast<long>(i) - 1;
      d = '.';
    }
  }
  if (d == '_') return static_cast<long>(x.size()) - 1;
  return -1;
}

// scanner.escape after the backslash at t[*i-1]; false (and an error) when invalid.
bool Escape(std::string_view t, size_t* i, char quote, std::vector<LexError>* errors) {
  if (*i >= t.size()) return true;  // the caller complains about the end
  char c = t[*i];
  int n = 0;
  uint32_t base = 0, max = 0;
  switch (c) {
    case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v': case '\\':
      ++*i;
      return true;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
      n = 3, base = 8, max = 255;
      break;
    case 'x':
      ++*i;
      n = 2, base = 16, max = 255;
      break;
    case 'u':
      ++*i;
      n = 4, base = 16, max = 0x10ffff;
      break;
    case 'U':
      ++*i;
      n = 8, base = 16, max = 0x10ffff;
      break;
    default:
      if (c == quote) {
        ++*i;
        return true;
      }
      errors->push_back({*i, "unknown escape"});
      return false;
  }
  uint32_t x = 0;
  for (int k = n; k > 0; --k) {
    if (*i >= t.size()) return true;
    char ch = t[*i];
    uint32_t d = base;
    if (IsDecimal(ch)) {
      d = ch - '0';
    } else if (Lower(ch) >= 'a' && Lower(ch) <= 'f') {
      d = Lower(ch) - 'a' + 10;
    }
    if (d >= base) {
      size_t len;
      char32_t r = DecodeAt(t, *i, &len);
      if (ch == '\n' || (quote == '"' && ch == '"') || (quote == '\'' && ch == '\'')) r = ch;
      errors->push_back({*i, absl::StrFormat("invalid character %s in %s escape", QuoteRune(r),
                                             BaseName(static_cast<int>(base)))});
      return false;
    }
    x = x * base + d;
    ++*i;
  }
  if (x > max && base == 8) {
    errors->push_back({*i, absl::StrFormat("octal escape value %d > 255", x)});
    return false;
  }
  if (x > max || (x >= 0xd800 && x < 0xe000)) {
    errors->push_back(
        {*i, absl::StrCat("escape is invalid Unicode code point ", FormatCodePoint(x))});
    return false;
  }
  return true;
}

}  // namespace

std::string QuoteRune(char32_t r) {
  switch (r) {
    case '\a': return "'\\a'";
    case '\b': return "'\\b'";
    case '\f': return "'\\f'";
    case '\n': return "'\\n'";
    case '\r': return "'\\r'";
    case '\t': return "'\\t'";
    case '\v': return "'\\v'";
    case '\\': return "'\\\\'";
    case '\'': return "'\\''";
  }
  if (Printable(r)) return absl::StrCat("'", Utf8(r), "'");
  if (r < 0x80) return absl::StrFormat("'\\x%02x'", static_cast<uint32_t>(r));
  if (r > 0x10ffff || (r >= 0xd800 && r < 0xe000)) return "'\\ufffd'";
  if (r < 0x10000) return absl::StrFormat("'\\u%04x'", static_cast<uint32_t>(r));
  return absl::StrFormat("'\\U%08x'", static_cast<uint32_t>(r));
}

std::string FormatCodePoint(char32_t r) {
  std::string out = absl::StrFormat("U+%04X", static_cast<uint32_t>(r));
  if (Printable(r)) absl::StrAppend(&out, " '", Utf8(r), "'");
  return out;
}

LitKind CheckNumber(std::string_view t, std::vector<LexError>* errors) {
  bool ok = true;
  LitKind kind = LitKind::kInt;
  int base = 10;
  char prefix = 0;
  int digsep = 0;
  long invalid = -1;
  size_t i = 0;
  bool seen_point = !t.empty() && t[0] == '.';
  if (!seen_point) {
    if (i < t.size() && t[i] == '0') {
      ++i;
      char c = i < t.size() ? Lower(t[i]) : 0;
      if (c == 'x') {
        ++i, base = 16, prefix = 'x';
      } else if (c == 'o') {
        ++i, base = 8, prefix = 'o';
      } else if (c == 'b') {
        ++i, base = 2, prefix = 'b';
      } else {
        base = 8, prefix = '0';
        digsep = 1;  // leading 0
      }
    }
    digsep |= Digits(t, &i, base, &invalid);
    if (i < t.size() && t[i] == '.') {
      if (prefix == 'o' || prefix == 'b') {
        errors->push_back({i, absl::StrFormat("invalid radix point in %s literal", BaseName(base))});
        ok = false;
      }
      ++i;
      seen_point = true;
    }
  } else {
    ++i;  // the leading '.'
  }
  if (seen_point) {
    kind = LitKind::kFloat;
    digsep |= Digits(t, &i, base, &invalid);
  }
  if ((digsep & 1) == 0 && ok) {
    errors->push_back({i, absl::StrFormat("%s literal has no digits", BaseName(base))});
    ok = false;
  }
  char e = i < t.size() ? Lower(t[i]) : 0;
  if (e == 'e' || e == 'p') {
    if (ok) {
      if (e == 'e' && prefix != 0 && prefix != '0') {
        errors->push_back({i, absl::StrFormat("%s exponent requires decimal mantissa", QuoteRune(t[i]))});
        ok = false;
      } else if (e == 'p' && prefix != 'x') {
        errors->push_back({i, absl::StrFormat("%s exponent requires hexadecimal mantissa", QuoteRune(t[i]))});
        ok = false;
      }
    }
    ++i;
    kind = LitKind::kFloat;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    digsep = Digits(t, &i, 10, nullptr) | (digsep & 2);
    if ((digsep & 1) == 0 && ok) {
      errors->push_back({i, "exponent has no digits"});
      ok = false;
    }
  } else if (prefix == 'x' && kind == LitKind::kFloat && ok) {
    errors->push_back({i, "hexadecimal mantissa requires a 'p' exponent"});
    ok = false;
  }
  if (i < t.size() && t[i] == 'i') {
    kind = LitKind::kImag;
    ++i;
  }
  if (kind == LitKind::kInt && invalid >= 0 && ok) {
    errors->push_back({static_cast<size_t>(invalid),
                       absl::StrFormat("invalid digit %s in %s literal", QuoteRune(t[invalid]),
                                       BaseName(base))});
    ok = false;
  }
  if ((digsep & 2) != 0 && ok) {
    long s = InvalidSep(t.substr(0, i));
    if (s >= 0) {
      errors->push_back({static_cast<size_t>(s), "'_' must separate successive digits"});
      ok = false;
    }
  }
  return kind;
}

void CheckRune(std::string_view t, bool at_eof, std::vector<LexError>* errors) {
  bool ok = true;
  size_t i = 1;  // after the opening quote
  for (int n = 0;; ++n) {
    if (i >= t.size()) {
      // The lexer stops an unterminated rune before the newline or at EOF.
      if (ok) {
        if (at_eof) {
          errors->push_back({0, "rune literal not terminated"});
        } else {
          errors->push_back({i, "newline in rune literal"});
        }
      }
      return;
    }
    char c = t[i];
    if (c == '\'') {
      if (ok) {
        if (n == 0) {
          errors->push_back({i, "empty rune literal or unescaped ' in rune literal"});
        } else if (n != 1) {
          errors->push_back({0, "more than one character in rune literal"});
        }
      }
      return;
    }
    if (c == '\\') {
      ++i;
      if (!Escape(t, &i, '\'', errors)) ok = false;
      continue;
    }
    if (c == '\n') {
      if (ok) errors->push_back({i, "newline in rune literal"});
      return;
    }
    size_t len;
    DecodeAt(t, i, &len);
    i += len;
  }
}

void CheckString(std::string_view t, bool at_eof, std::vector<LexError>* errors) {
  size_t i = 1;
  for (;;) {
    if (i >= t.size()) {
      // The lexer stops an unterminated string before the newline or at EOF.
      if (at_eof) {
        errors->push_back({0, "string not terminated"});
      } else {
        errors->push_back({i, "newline in string"});
      }
      return;
    }
    char c = t[i];
    if (c == '"') return;
    if (c == '\\') {
      ++i;
      Escape(t, &i, '"', errors);
      continue;
    }
    ++i;
  }
}

}  // namespace gojit::frontend
