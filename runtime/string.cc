// String conversions and operations called by compiled code. Mirrors
// runtime/string.go (concatstrings, intstring, slicebytetostring,
// slicerunetostring, stringtoslicebyte, stringtoslicerune), runtime/utf8.go
// (encoderune, decoderune) and internal/bytealg's cmpstring.
//
// Every result lives on the heap: gc's stack temporaries (tmpBuf, chosen by escape
// analysis) are not used, so []byte(s) always has gc's heap capacity
// (roundupsize(len)), as it does in gc whenever the slice escapes.
#include <cstring>

#include "runtime/entrypoints.h"
#include "runtime/proc.h"

namespace gojit::rt {
namespace {

// utf8.go's constants.
constexpr int32_t kRuneError = 0xFFFD;
constexpr int32_t kMaxRune = 0x10FFFF;
constexpr uint32_t kSurrogateMin = 0xD800;
constexpr uint32_t kSurrogateMax = 0xDFFF;
constexpr uint8_t tx = 0x80, t2 = 0xC0, t3 = 0xE0, t4 = 0xF0, t5 = 0xF8;
constexpr uint8_t maskx = 0x3F, mask2 = 0x1F, mask3 = 0x0F, mask4 = 0x07;
constexpr int32_t rune1Max = (1 << 7) - 1, rune2Max = (1 << 11) - 1,
                  rune3Max = (1 << 16) - 1;
constexpr uint8_t locb = 0x80, hicb = 0xBF;

// Mirrors encoderune: writes r's UTF-8 (RuneError for invalid runes) to p, which
// has room for 4 bytes. Returns the number of bytes written.
int EncodeRune(uint8_t* p, int32_t r) {
  uint32_t i = static_cast<uint32_t>(r);
  if (i <= static_cast<uint32_t>(rune1Max)) {
    p[0] = static_cast<uint8_t>(r);
    return 1;
  }
  if (i <= static_cast<uint32_t>(rune2Max)) {
    p[0] = t2 | static_cast<uint8_t>(r >> 6);
    p[1] = tx | (static_cast<uint8_t>(r) & maskx);
    return 2;
  }
  if (i > static_cast<uint32_t>(kMaxRune) || (kSurrogateMin <= i && i <= kSurrogateMax)) {
    r = kRuneError;
    i = static_cast<uint32_t>(r);
  }
  if (i <= static_cast<uint32_t>(rune3Max)) {
    p[0] = t3 | static_cast<uint8_t>(r >> 12);
    p[1] = tx | (static_cast<uint8_t>(r >> 6) & maskx);
    p[2] = tx | (static_cast<uint8_t>(r) & maskx);
    return 3;
  }
  p[0] = t4 | static_cast<uint8_t>(r >> 18);
  p[1] = tx | (static_cast<uint8_t>(r >> 12) & maskx);
  p[2] = tx | (static_cast<uint8_t>(r >> 6) & maskx);
  p[3] = tx | (static_cast<uint8_t>(r) & maskx);
  return 4;
}

// Mirrors decoderune, extended to ASCII: gc's compiler handles s[k] < 0x80 inline
// and calls decoderune only for the rest; here an ASCII byte decodes to itself so
// ir/ may call this for any byte. Returns (RuneError, k+1) for invalid input.
RuneK DecodeRune(const uint8_t* s0, int64_t n, int64_t k) {
  if (k >= n || k < 0) return RuneK{kRuneError, k + 1};
  const uint8_t* s = s0 + k;
  int64_t len = n - k;
  uint8_t c = s[0];
  if (c < tx) return RuneK{c, k + 1};
  auto cont = [](uint8_t b) { return locb <= b && b <= hicb; };
  if (t2 <= c && c < t3) {
    // 0080-07FF two byte sequence
    if (len > 1 && cont(s[1])) {
      int32_t r = static_cast<int32_t>(c & mask2) << 6 | (s[1] & maskx);
      if (rune1Max < r) return RuneK{r, k + 2};
    }
  } else if (t3 <= c && c < t4) {
    // 0800-FFFF three byte sequence
    if (len > 2 && cont(s[1]) && cont(s[2])) {
      int32_t r = static_cast<int32_t>(c & mask3) << 12 |
                  static_cast<int32_t>(s[1] & maskx) << 6 | (s[2] & maskx);
      if (rune2Max < r && !(kSurrogateMin <= static_cast<uint32_t>(r) &&
                            static_cast<uint32_t>(r) <= kSurrogateMax)) {
        return RuneK{r, k + 3};
      }
    }
  } else if (t4 <= c && c < t5) {
    // 10000-1FFFFF four byte sequence
    if (len > 3 && cont(s[1]) && cont(s[2]) && cont(s[3])) {
      int32_t r = static_cast<int32_t>(c & mask4) << 18 |
                  static_cast<int32_t>(s[1] & maskx) << 12 |
                  static_cast<int32_t>(s[2] & maskx) << 6 | (s[3] & maskx);
      if (rune3Max < r && r <= kMaxRune) return RuneK{r, k + 4};
    }
  }
  return RuneK{kRuneError, k + 1};
}

// Mirrors rawstring: a heap string of n bytes to fill in.
GoString RawString(G* g, int64_t n, uint8_t** b) {
  *b = static_cast<uint8_t*>(Malloc(g, n, nullptr));
  return GoString{*b, n};
}

}  // namespace
}  // namespace gojit::rt

using namespace gojit::rt;

extern "C" {

// Mirrors concatstrings for two operands.
GoString gojit_rt_concatstring2(G* g, const uint8_t* a, int64_t alen, const uint8_t* b,
                                int64_t blen) {
  if (alen + blen < alen) Throw("string concatenation too long");
  // If there is just one non-empty string, return it directly (gc does too when
  // it is not on the stack; gojit strings never are).
  if (alen == 0) return GoString{b, blen};
  if (blen == 0) return GoString{a, alen};
  uint8_t* p;
  GoString s = RawString(g, alen + blen, &p);
  std::memcpy(p, a, static_cast<size_t>(alen));
  std::memcpy(p + alen, b, static_cast<size_t>(blen));
  return s;
}

// Mirrors internal/bytealg.Compare on strings: -1, 0 or +1.
int64_t gojit_rt_cmpstring(G*, const uint8_t* a, int64_t alen, const uint8_t* b,
                           int64_t blen) {
  int64_t l = alen < blen ? alen : blen;
  if (l > 0 && a != b) {
    int c = std::memcmp(a, b, static_cast<size_t>(l));
    if (c != 0) return c < 0 ? -1 : 1;
  }
  if (alen == blen) return 0;
  return alen < blen ? -1 : 1;
}

// Mirrors intstring: string(rune(v)); values that are not runes give "\uFFFD".
GoString gojit_rt_intstring(G* g, int64_t v) {
  if (static_cast<int64_t>(static_cast<int32_t>(v)) != v) v = kRuneError;
  uint8_t buf[4];
  int n = EncodeRune(buf, static_cast<int32_t>(v));
  uint8_t* p;
  GoString s = RawString(g, n, &p);
  std::memcpy(p, buf, static_cast<size_t>(n));
  return s;
}

// Mirrors slicebytetostring.
GoString gojit_rt_slicebytetostring(G* g, const uint8_t* p, int64_t n) {
  if (n == 0) return GoString{nullptr, 0};
  uint8_t* b;
  GoString s = RawString(g, n, &b);
  std::memmove(b, p, static_cast<size_t>(n));
  return s;
}

// Mirrors slicerunetostring.
GoString gojit_rt_slicerunetostring(G* g, const int32_t* a, int64_t n) {
  uint8_t dum[4];
  int64_t size1 = 0;
  for (int64_t i = 0; i < n; i++) size1 += EncodeRune(dum, a[i]);
  if (size1 == 0) return GoString{nullptr, 0};
  uint8_t* b;
  GoString s = RawString(g, size1 + 3, &b);
  int64_t size2 = 0;
  for (int64_t i = 0; i < n && size2 < size1; i++) size2 += EncodeRune(b + size2, a[i]);
  s.len = size2;
  return s;
}

// Mirrors stringtoslicebyte without a stack buffer (rawbyteslice): cap is
// roundupsize(len), as in gc for an escaping []byte(s).
void gojit_rt_stringtoslicebyte(G* g, GoSlice* dst, const uint8_t* p, int64_t n) {
  auto cap = static_cast<int64_t>(RoundUpSize(static_cast<uintptr_t>(n)));
  void* b = Malloc(g, cap, nullptr);
  if (n > 0) std::memcpy(b, p, static_cast<size_t>(n));
  *dst = GoSlice{b, n, cap};
}

// Mirrors stringtoslicerune without a stack buffer (rawruneslice).
void gojit_rt_stringtoslicerune(G* g, GoSlice* dst, const uint8_t* p, int64_t n) {
  int64_t count = 0;
  for (int64_t k = 0; k < n;) {
    k = DecodeRune(p, n, k).k;
    count++;
  }
  auto mem = RoundUpSize(static_cast<uintptr_t>(count) * 4);
  auto* a = static_cast<int32_t*>(Malloc(g, static_cast<int64_t>(mem), nullptr));
  int64_t i = 0;
  for (int64_t k = 0; k < n; i++) {
    RuneK rk = DecodeRune(p, n, k);
    a[i] = rk.r;
    k = rk.k;
  }
  *dst = GoSlice{a, count, static_cast<int64_t>(mem / 4)};
}

RuneK gojit_rt_decoderune(G*, const uint8_t* p, int64_t n, int64_t k) {
  return DecodeRune(p, n, k);
}

}  // extern "C"
