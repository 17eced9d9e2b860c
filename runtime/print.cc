// The print/println builtins, writing to fd 2. Mirrors runtime/print.go: every
// format (printfloat's shortest "1.5", printhex's "0x..", printeface's
// "(0x..,0x..)", printslice's "[len/cap]0x..") is gc's, digit for digit.
//
// The compiler brackets each print/println statement with printlock/printunlock
// (as gc's walk does). gc writes each piece immediately under debuglock; we
// buffer the pieces between printlock and printunlock and write once, so one
// statement becomes one write(2) and lines from different threads never
// interleave. Pieces printed without printlock are written at once.
//
// The lock state is per thread (gc keeps it per M, and an M is a thread). The
// preemption issue must treat "printlock held" (PrintLockHeld) as not an async safe
// point, as gc's isAsyncSafePoint does with m.printlock.
//
// Not yet: printiface (non-empty interfaces print through printeface until itabs
// land), gc's printBacklog for crash reports, GODEBUG-controlled output.
#include <algorithm>
#include <charconv>
#include <cstring>
#include <limits>
#include <string>

#include "runtime/debug.h"
#include "runtime/entrypoints.h"
#include "runtime/proc.h"

namespace gojit::rt {
namespace {

Mutex debuglock;  // serializes printing between threads (print.go's debuglock)

struct PrintState {
  int lockcount = 0;  // printlock nesting on this thread (m.printlock)
  size_t n = 0;
  char buf[1024];
};
thread_local PrintState ps;

int minhexdigits = 0;  // protected by printlock

void FlushLocked() {
  if (ps.n > 0) {
    WriteFd(2, ps.buf, ps.n);
    ps.n = 0;
  }
}

}  // namespace

void PrintLock() ABSL_NO_THREAD_SAFETY_ANALYSIS {
  if (++ps.lockcount == 1) debuglock.Lock();
}

void PrintUnlock() ABSL_NO_THREAD_SAFETY_ANALYSIS {
  if (ps.lockcount <= 0) return;  // unbalanced: ignore rather than corrupt the lock
  if (--ps.lockcount == 0) {
    FlushLocked();
    debuglock.Unlock();
  }
}

bool PrintLockHeld() { return ps.lockcount > 0; }

void PrintFlush() { FlushLocked(); }

// Mirrors gwrite.
void PrintBytes(const void* p, size_t n) {
  if (n == 0 || PrintCaptured(p, n)) return;
  if (ps.lockcount == 0) {
    WriteFd(2, p, n);
    return;
  }
  if (ps.n + n > sizeof ps.buf) {
    FlushLocked();
    if (n > sizeof ps.buf) {
      WriteFd(2, p, n);
      return;
    }
  }
  std::memcpy(ps.buf + ps.n, p, n);
  ps.n += n;
}

void PrintString(std::string_view s) { PrintBytes(s.data(), s.size()); }

// Mirrors printuint.
void PrintUint(uint64_t v) {
  char buf[100];
  size_t i = sizeof buf;
  for (i--; i > 0; i--) {
    buf[i] = static_cast<char>(v % 10 + '0');
    if (v < 10) break;
    v /= 10;
  }
  PrintBytes(buf + i, sizeof buf - i);
}

// Mirrors printint.
void PrintInt(int64_t v) {
  if (v < 0) {
    PrintString("-");
    PrintUint(0 - static_cast<uint64_t>(v));
    return;
  }
  PrintUint(static_cast<uint64_t>(v));
}

// Mirrors printhex.
void PrintHex(uint64_t v) {
  static constexpr char kDig[] = "0123456789abcdef";
  char buf[100];
  size_t i = sizeof buf;
  for (i--; i > 0; i--) {
    buf[i] = kDig[v % 16];
    if (v < 16 && sizeof buf - i >= static_cast<size_t>(minhexdigits)) break;
    v /= 16;
  }
  buf[--i] = 'x';
  buf[--i] = '0';
  PrintBytes(buf + i, sizeof buf - i);
}

void PrintPointer(const void* p) { PrintHex(reinterpret_cast<uintptr_t>(p)); }

// The shortest decimal that reads back as v (a float64, or a float32 when bits is
// 32), laid out as strconv's 'g' format with precision -1, which Go 1.26's
// printfloat64/printfloat32 use: an exponent (at least two digits) when the
// decimal exponent is below -4 or at least 6, plain digits otherwise.
// std::to_chars gives the shortest round-trip digits; only the layout is done here.
std::string FormatFloat(double v, int bits) {
  if (v != v) return "NaN";
  if (v == std::numeric_limits<double>::infinity()) return "+Inf";
  if (v == -std::numeric_limits<double>::infinity()) return "-Inf";
  char sci[64];
  std::to_chars_result r = bits == 32
      ? std::to_chars(sci, sci + sizeof sci, static_cast<float>(v), std::chars_format::scientific)
      : std::to_chars(sci, sci + sizeof sci, v, std::chars_format::scientific);
  std::string_view text(sci, static_cast<size_t>(r.ptr - sci));  // "-1.2345e+08"
  std::string out;
  if (!text.empty() && text[0] == '-') {
    out += '-';
    text.remove_prefix(1);
  }
  size_t e = text.find('e');
  std::string digits;
  for (char c : text.substr(0, e)) {
    if (c != '.') digits += c;
  }
  int exp = 0;
  std::from_chars(text.data() + e + 1 + (text[e + 1] == '+'), text.data() + text.size(), exp);
  if (digits == "0") exp = 0;
  int nd = static_cast<int>(digits.size());
  if (exp < -4 || exp >= 6) {
    out += digits[0];
    if (nd > 1) {
      out += '.';
      out.append(digits, 1, std::string::npos);
    }
    out += exp < 0 ? "e-" : "e+";
    int a = exp < 0 ? -exp : exp;
    if (a < 10) out += '0';
    out += std::to_string(a);
    return out;
  }
  int dp = exp + 1;  // digits before the decimal point
  if (dp > 0) {
    out.append(digits, 0, static_cast<size_t>(std::min(dp, nd)));
    if (dp > nd) out.append(static_cast<size_t>(dp - nd), '0');
  } else {
    out += '0';
  }
  if (nd > dp) {
    out += '.';
    if (dp < 0) out.append(static_cast<size_t>(-dp), '0');
    out.append(digits, static_cast<size_t>(std::max(dp, 0)), std::string::npos);
  }
  return out;
}

void PrintFloat(double v, int bits) {
  std::string s = FormatFloat(v, bits);
  PrintBytes(s.data(), s.size());
}

// Mirrors printcomplex128/64 (strconv.AppendComplex): "(re+imi)", the imaginary
// part always signed ("+NaN" included).
void PrintComplex(double re, double im, int bits) {
  std::string s = "(" + FormatFloat(re, bits);
  std::string i = FormatFloat(im, bits);
  if (i[0] != '+' && i[0] != '-') s += '+';
  s += i + "i)";
  PrintBytes(s.data(), s.size());
}

}  // namespace gojit::rt

using namespace gojit::rt;

extern "C" {

void gojit_rt_printlock(G*) { PrintLock(); }
void gojit_rt_printunlock(G*) { PrintUnlock(); }
void gojit_rt_printbool(G*, int8_t v) { PrintString(v ? "true" : "false"); }
void gojit_rt_printint(G*, int64_t v) { PrintInt(v); }
void gojit_rt_printuint(G*, uint64_t v) { PrintUint(v); }
void gojit_rt_printhex(G*, uint64_t v) { PrintHex(v); }
void gojit_rt_printfloat(G*, double v, int64_t bits) { PrintFloat(v, static_cast<int>(bits)); }
void gojit_rt_printcomplex(G*, double re, double im, int64_t bits) {
  PrintComplex(re, im, static_cast<int>(bits));
}

void gojit_rt_printstring(G*, const uint8_t* p, int64_t n) {
  PrintBytes(p, static_cast<size_t>(n));
}

void gojit_rt_printpointer(G*, const void* p) { PrintPointer(p); }

// Mirrors printeface: print("(", e._type, ",", e.data, ")").
void gojit_rt_printeface(G*, const TypeDescriptor* t, const void* data) {
  PrintString("(");
  PrintPointer(t);
  PrintString(",");
  PrintPointer(data);
  PrintString(")");
}

// Mirrors printslice: print("[", len(s), "/", cap(s), "]"); printpointer(array).
void gojit_rt_printslice(G*, const void* p, int64_t len, int64_t cap) {
  PrintString("[");
  PrintInt(len);
  PrintString("/");
  PrintInt(cap);
  PrintString("]");
  PrintPointer(p);
}

void gojit_rt_printsp(G*) { PrintString(" "); }
void gojit_rt_printnl(G*) { PrintString("\n"); }

}  // extern "C"
