// Internals of the fmt engine (format.cc): Value, the reflect.Value stand-in that
// walks TypeDescriptors, and Fmt, a port of fmt/format.go's `fmt` that formats one
// operand under the current flags. Split from format.cc to keep files short; not a
// public interface.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

#include "runtime/type.h"
#include "stdlib/format.h"
#include "stdlib/strconv.h"

namespace gojit::stdlib::fmt_internal {

using rt::GoEface;
using rt::GoSlice;
using rt::GoString;
using rt::Kind;
using rt::TypeDescriptor;

inline constexpr char kLDigits[] = "0123456789abcdefx";
inline constexpr char kUDigits[] = "0123456789ABCDEFX";

inline std::string_view View(const GoString& s) {
  return {reinterpret_cast<const char*>(s.ptr), static_cast<size_t>(s.len)};
}

inline bool TooLarge(int64_t x) { return x > 1000000 || x < -1000000; }

// A Go value in memory: what fmt reaches through reflect.Value. ro marks values
// reached through unexported struct fields, whose methods fmt must not call.
struct Value {
  const TypeDescriptor* t = nullptr;
  const void* p = nullptr;
  bool ro = false;
  bool valid() const { return t != nullptr; }
  Kind kind() const { return t->kind; }
  template <typename T>
  T Load() const {
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
  }
  int64_t Int() const {
    switch (kind()) {
      case Kind::kInt8:
        return Load<int8_t>();
      case Kind::kInt16:
        return Load<int16_t>();
      case Kind::kInt32:
        return Load<int32_t>();
      default:
        return Load<int64_t>();
    }
  }
  uint64_t Uint() const {
    switch (kind()) {
      case Kind::kUint8:
        return Load<uint8_t>();
      case Kind::kUint16:
        return Load<uint16_t>();
      case Kind::kUint32:
        return Load<uint32_t>();
      default:
        return Load<uint64_t>();
    }
  }
  std::string_view String() const { return View(Load<GoString>()); }
  // The address-sized word of pointer-shaped kinds (and a slice's data pointer).
  uintptr_t Pointer() const { return Load<uintptr_t>(); }
  Value Field(int64_t i) const {
    const rt::StructFieldDesc& f = t->fields[i];
    std::string_view name = View(f.name);
    bool exported = !name.empty() && name[0] >= 'A' && name[0] <= 'Z';
    return {f.type, static_cast<const char*>(p) + f.offset, ro || !exported};
  }
  int64_t Len() const { return kind() == Kind::kArray ? t->len : Load<GoSlice>().len; }
  Value Index(int64_t i) const {
    const char* base = kind() == Kind::kArray
                           ? static_cast<const char*>(p)
                           : static_cast<const char*>(Load<GoSlice>().ptr);
    return {t->elem, base + i * t->elem->size, ro};
  }
  // The dynamic value of an interface: an empty one is {type, data}, a non-empty
  // one {itab, data} with the dynamic type in the itab (runtime/type.h).
  Value Elem() const {
    if (kind() == Kind::kPointer) return {t->elem, Load<const void*>(), ro};
    GoEface e = Load<GoEface>();
    if (e.type == nullptr) return {};
    if (t->nmethods > 0) e.type = reinterpret_cast<const rt::Itab*>(e.type)->type;
    // A direct-interface value lives in the interface's own data word (not in the
    // local copy e).
    if (e.type->flags & rt::kTypeFlagDirectIface)
      return {e.type, static_cast<const char*>(p) + offsetof(GoEface, data), ro};
    return {e.type, e.data, ro};
  }
};

inline Value FromEface(const GoEface& e) {
  if (e.type == nullptr) return {};
  return {e.type, ValuePtr(e), false};
}

struct FmtFlags {
  bool wid_present = false, prec_present = false, minus = false, plus = false,
       sharp = false, space = false, zero = false;
  bool plus_v = false, sharp_v = false;  // %+v and %#v
};

// format.go's fmt: formats one operand into buf under the current flags.
class Fmt {
 public:
  explicit Fmt(std::string* buf) : buf_(buf) {}
  FmtFlags f;
  int64_t wid = 0, prec = 0;

  void ClearFlags() { f = FmtFlags{}; }

  void WritePadding(int64_t n) {
    if (n <= 0) return;
    // Zero padding only to the left: '-' wins over '0' (Go 1.23+ keeps both flags).
    buf_->append(static_cast<size_t>(n), f.zero && !f.minus ? '0' : ' ');
  }
  void Pad(std::string_view b) {
    if (!f.wid_present || wid == 0) {
      buf_->append(b);
      return;
    }
    int64_t width = wid - RuneCount(b);
    if (!f.minus) {
      WritePadding(width);
      buf_->append(b);
    } else {
      buf_->append(b);
      WritePadding(width);
    }
  }
  void PadNoZero(std::string_view b) {
    bool old = f.zero;
    f.zero = false;
    Pad(b);
    f.zero = old;
  }

  void FmtBoolean(bool v) { Pad(v ? "true" : "false"); }

  void FmtInteger(uint64_t u, int base, bool is_signed, char32_t verb,
                  const char* digits) {
    bool negative = is_signed && static_cast<int64_t>(u) < 0;
    if (negative) u = -u;
    int64_t p = 0;
    if (f.prec_present) {
      p = prec;
      if (p == 0 && u == 0) {
        bool old = f.zero;
        f.zero = false;
        WritePadding(wid);
        f.zero = old;
        return;
      }
    } else if (f.zero && !f.minus && f.wid_present) {
      p = wid;
      if (negative || f.plus || f.space) --p;  // leave room for the sign
    }
    std::string r;  // the digits, reversed
    switch (base) {
      case 10:
        for (; u >= 10; u /= 10) r.push_back(static_cast<char>('0' + u % 10));
        break;
      case 16:
        for (; u >= 16; u >>= 4) r.push_back(digits[u & 0xF]);
        break;
      case 8:
        for (; u >= 8; u >>= 3) r.push_back(static_cast<char>('0' + (u & 7)));
        break;
      case 2:
        for (; u >= 2; u >>= 1) r.push_back(static_cast<char>('0' + (u & 1)));
        break;
    }
    r.push_back(digits[u]);
    while (p > static_cast<int64_t>(r.size())) r.push_back('0');
    if (f.sharp) {
      switch (base) {
        case 2:
          r += "b0";
          break;
        case 8:
          if (r.back() != '0') r.push_back('0');
          break;
        case 16:
          r.push_back(digits[16]);
          r.push_back('0');
          break;
      }
    }
    if (verb == 'O') r += "o0";
    if (negative) {
      r.push_back('-');
    } else if (f.plus) {
      r.push_back('+');
    } else if (f.space) {
      r.push_back(' ');
    }
    std::reverse(r.begin(), r.end());
    PadNoZero(r);
  }

  std::string_view Truncate(std::string_view s) {
    if (f.prec_present) {
      int64_t n = prec;
      size_t i = 0;
      while (i < s.size()) {
        if (--n < 0) return s.substr(0, i);
        i += std::max(DecodeRune(s.substr(i)).second, 1);
      }
    }
    return s;
  }

  void FmtS(std::string_view s) { Pad(Truncate(s)); }

  void FmtSbx(std::string_view s, const char* digits) {
    int64_t length = static_cast<int64_t>(s.size());
    if (f.prec_present && prec < length) length = prec;
    int64_t width = 2 * length;
    if (width > 0) {
      if (f.space) {
        if (f.sharp) width *= 2;
        width += length - 1;
      } else if (f.sharp) {
        width += 2;
      }
    } else {
      if (f.wid_present) WritePadding(wid);
      return;
    }
    if (f.wid_present && wid > width && !f.minus) WritePadding(wid - width);
    if (f.sharp) {
      buf_->push_back('0');
      buf_->push_back(digits[16]);
    }
    for (int64_t i = 0; i < length; ++i) {
      if (f.space && i > 0) {
        buf_->push_back(' ');
        if (f.sharp) {
          buf_->push_back('0');
          buf_->push_back(digits[16]);
        }
      }
      uint8_t c = static_cast<uint8_t>(s[i]);
      buf_->push_back(digits[c >> 4]);
      buf_->push_back(digits[c & 0xF]);
    }
    if (f.wid_present && wid > width && f.minus) WritePadding(wid - width);
  }

  void FmtQ(std::string_view s) {
    s = Truncate(s);
    if (f.sharp && CanBackquote(s)) {
      Pad("`" + std::string(s) + "`");
      return;
    }
    std::string q;
    AppendQuote(q, s, f.plus);
    Pad(q);
  }

  void FmtC(uint64_t c) {
    std::string b;
    AppendRune(
        b, c > static_cast<uint64_t>(kMaxRune) ? kRuneError : static_cast<int32_t>(c));
    Pad(b);
  }

  void FmtQc(uint64_t c) {
    std::string b;
    AppendQuoteRune(
        b, c > static_cast<uint64_t>(kMaxRune) ? kRuneError : static_cast<int32_t>(c),
        f.plus);
    Pad(b);
  }

  void FmtFloat(double v, int size, char verb, int p) {
    if (f.prec_present) p = static_cast<int>(prec);
    std::string num = "+";
    AppendFloat(num, v, verb, p, size);
    if (num[1] == '-' || num[1] == '+') {
      num.erase(0, 1);
    } else {
      num[0] = '+';
    }
    if (f.space && num[0] == '+' && !f.plus) num[0] = ' ';
    if (num[1] == 'I' || num[1] == 'N') {
      if (num[1] == 'N' && !f.space && !f.plus) num.erase(0, 1);
      PadNoZero(num);
      return;
    }
    if (f.sharp && verb != 'b') {
      int digits = 0;
      switch (verb) {
        case 'v':
        case 'g':
        case 'G':
        case 'x':
          digits = p == -1 ? 6 : p;
          break;
      }
      std::string tail;
      bool has_point = false, saw_nonzero = false;
      for (size_t i = 1; i < num.size(); ++i) {
        char c = num[i];
        if (c == '.') {
          has_point = true;
          continue;
        }
        if (c == 'p' || c == 'P' ||
            ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
          tail = num.substr(i);
          num.resize(i);
          break;
        }
        if (c != '0') saw_nonzero = true;
        if (saw_nonzero) --digits;
      }
      if (!has_point) {
        if (num.size() == 2 && num[1] == '0') --digits;
        num.push_back('.');
      }
      for (; digits > 0; --digits) num.push_back('0');
      num += tail;
    }
    if (f.plus || num[0] != '+') {
      if (f.zero && !f.minus && f.wid_present && wid > static_cast<int64_t>(num.size())) {
        buf_->push_back(num[0]);
        WritePadding(wid - static_cast<int64_t>(num.size()));
        buf_->append(num, 1);
        return;
      }
      Pad(num);
      return;
    }
    Pad(std::string_view(num).substr(1));
  }

 private:
  std::string* buf_;
};

}  // namespace gojit::stdlib::fmt_internal
