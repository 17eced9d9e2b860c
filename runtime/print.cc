// The print/println builtins, writing to fd 2. Mirrors runtime/print.go: every
// format (printfloat's "+1.500000e+000", printhex's "0x..", printeface's
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
#include <cstring>

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

// Mirrors printfloat: 7 significant digits, always an exponent of 3 digits.
void PrintFloat(double v) {
  if (v != v) {
    PrintString("NaN");
    return;
  }
  if (v + v == v && v > 0) {
    PrintString("+Inf");
    return;
  }
  if (v + v == v && v < 0) {
    PrintString("-Inf");
    return;
  }
  constexpr int n = 7;  // digits printed
  char buf[n + 7];
  buf[0] = '+';
  int e = 0;  // exp
  if (v == 0) {
    if (1 / v < 0) buf[0] = '-';
  } else {
    if (v < 0) {
      v = -v;
      buf[0] = '-';
    }
    // normalize
    while (v >= 10) {
      e++;
      v /= 10;
    }
    while (v < 1) {
      e--;
      v *= 10;
    }
    // round
    double h = 5.0;
    for (int i = 0; i < n; i++) h /= 10;
    v += h;
    if (v >= 10) {
      e++;
      v /= 10;
    }
  }
  // format +d.dddd+edd
  for (int i = 0; i < n; i++) {
    int s = static_cast<int>(v);
    buf[i + 2] = static_cast<char>(s + '0');
    v -= s;
    v *= 10;
  }
  buf[1] = buf[2];
  buf[2] = '.';
  buf[n + 2] = 'e';
  buf[n + 3] = '+';
  if (e < 0) {
    e = -e;
    buf[n + 3] = '-';
  }
  buf[n + 4] = static_cast<char>(e / 100 + '0');
  buf[n + 5] = static_cast<char>(e / 10 % 10 + '0');
  buf[n + 6] = static_cast<char>(e % 10 + '0');
  PrintBytes(buf, sizeof buf);
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
void gojit_rt_printfloat(G*, double v) { PrintFloat(v); }

// Mirrors printcomplex: print("(", real(c), imag(c), "i)").
void gojit_rt_printcomplex(G*, double re, double im) {
  PrintString("(");
  PrintFloat(re);
  PrintFloat(im);
  PrintString("i)");
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
