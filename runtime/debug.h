// Settings that package runtime/debug changes at run time, and the capture of the
// runtime's print output into a string (for runtime.Stack and debug.Stack).
// Mirrors the runtime halves of runtime/debug: setMaxStack (stack.go's
// maxstacksize), setTraceback (runtime1.go), and the gwrite redirection gc does
// with gp.writebuf. Not here: the GC settings (SetGCPercent, SetMemoryLimit and
// FreeOSMemory live with the collector in mgc.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace gojit::rt {

struct Traceback;
struct G;

// --- stack limit (stack.cc reads it) ---------------------------------------------

// The largest goroutine stack, in bytes: gc's maxstacksize, 1,000,000,000 at start.
// A stack that would grow past min(MaxStackSize(), MaxStackCeiling()) is a fatal
// "stack overflow".
size_t MaxStackSize();
// gc's maxstackceiling: twice the initial maximum, whatever SetMaxStackSize says.
size_t MaxStackCeiling();
// Mirrors setMaxStack: stores n, returns the previous maximum.
size_t SetMaxStackSize(size_t n);
// "runtime: goroutine stack exceeds N-byte limit\n" with gc's N (newstack).
void PrintStackLimitExceeded();

// --- print capture (print.cc's write path calls PrintCaptured) -------------------

// While a PrintCapture is alive on this thread, the runtime's print output on this
// thread (PrintBytes) is appended to *out instead of written to fd 2, as gc's
// gwrite appends to gp.writebuf. Printing must not be under PrintLock meanwhile.
// REQUIRES: the G stays on this thread while capturing (no blocking in between).
class PrintCapture {
 public:
  explicit PrintCapture(std::string* out);
  ~PrintCapture();
  PrintCapture(const PrintCapture&) = delete;
  PrintCapture& operator=(const PrintCapture&) = delete;

 private:
  std::string* prev_;
};
// If this thread captures, appends p[0:n] and returns true.
bool PrintCaptured(const void* p, size_t n);

// Traceback of the calling goroutine (all: and every other one, with the world
// stopped) in gc's format, as runtime.Stack prints it; fp is the frame pointer of
// the frame whose caller is the first frame shown.
std::string CaptureStack(G* g, uintptr_t fp, bool all);

// --- GOTRACEBACK (traceback.cc's GotracebackSetting consults the override) ------

// The level set by SetTracebackLevel, or null while it was never called.
const Traceback* TracebackOverride();
// Mirrors setTraceback: "none", "single", "all", "system", "crash" or a number;
// never below the GOTRACEBACK environment setting.
void SetTracebackLevel(std::string_view level);

// The value of name in GODEBUG (a comma-separated list of name=value, the last
// setting winning, as gc's parsedebugvars), or def when absent or not a number.
int64_t GodebugInt(std::string_view name, int64_t def);

}  // namespace gojit::rt
