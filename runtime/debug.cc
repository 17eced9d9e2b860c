// The run-time settings of package runtime/debug and the capture of print output
// (debug.h). Each setting is one atomic word read where the runtime needs it:
// newstack (stack.cc) for the stack limit, GotracebackSetting (traceback.cc) for
// the traceback level, PrintBytes (print.cc) for the capture.
//
// The capture is per thread rather than per G (gc hangs writebuf on the g0 that
// runs the traceback, which is per M too): CaptureStack neither blocks nor yields
// between starting and ending it, so its G cannot move to another thread.
#include "runtime/debug.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>

#include "runtime/proc.h"

namespace gojit::rt {
namespace {

constexpr size_t kInitialMaxStack = 1000000000;  // maxstacksize on 64-bit
std::atomic<size_t> max_stack{kInitialMaxStack};

thread_local std::string* capture = nullptr;

// Set once by the first SetTracebackLevel, then replaced; old values are leaked
// on purpose (a reader in a signal handler may still hold one).
std::atomic<const Traceback*> traceback_override{nullptr};

}  // namespace

size_t MaxStackSize() { return max_stack.load(std::memory_order_relaxed); }

size_t MaxStackCeiling() { return 2 * kInitialMaxStack; }

size_t SetMaxStackSize(size_t n) { return max_stack.exchange(n); }

void PrintStackLimitExceeded() {
  PrintString("runtime: goroutine stack exceeds ");
  PrintUint(std::min(MaxStackSize(), MaxStackCeiling()));
  PrintString("-byte limit\n");
}

PrintCapture::PrintCapture(std::string* out) : prev_(capture) { capture = out; }

PrintCapture::~PrintCapture() { capture = prev_; }

bool PrintCaptured(const void* p, size_t n) {
  if (capture == nullptr) return false;
  capture->append(static_cast<const char*>(p), n);
  return true;
}

std::string CaptureStack(G* g, uintptr_t fp, bool all) {
  std::string out;
  if (all) StopTheWorld(g, "all goroutines stack trace");
  {
    PrintCapture c(&out);
    GoroutineHeader(g);
    TracebackFrames(g, 0, fp);
    if (all) TracebackOthers(g);
  }
  if (all) StartTheWorld(g);
  return out;
}

const Traceback* TracebackOverride() {
  return traceback_override.load(std::memory_order_acquire);
}

void SetTracebackLevel(std::string_view level) {
  // The environment's setting, read while no override exists (the first call).
  static const Traceback env = GotracebackSetting();
  Traceback t;
  if (level == "none") {
    t.level = 0;
  } else if (level == "single" || level.empty()) {
    t.level = 1;
  } else if (level == "all") {
    t.all = true;
  } else if (level == "system") {
    t.level = 2;
    t.all = true;
  } else if (level == "crash") {
    t.level = 2;
    t.all = true;
    t.crash = true;
  } else {
    t.all = true;
    t.level = 0;
    bool ok = true;
    int64_t n = 0;
    for (char ch : level) {
      if (ch < '0' || ch > '9' || n > (int64_t{1} << 32)) {
        ok = false;
        break;
      }
      n = n * 10 + (ch - '0');
    }
    if (ok && n <= UINT32_MAX) t.level = static_cast<int>(n);
  }
  // t |= traceback_env
  t.level = std::max(t.level, env.level);
  t.all = t.all || env.all;
  t.crash = t.crash || env.crash;
  traceback_override.store(new Traceback(t), std::memory_order_release);
}

int64_t GodebugInt(std::string_view name, int64_t def) {
  const char* env = getenv("GODEBUG");
  if (env == nullptr) return def;
  std::string_view v = env;
  int64_t result = def;
  size_t i = 0;
  while (i <= v.size()) {
    size_t j = v.find(',', i);
    if (j == std::string_view::npos) j = v.size();
    std::string_view kv = v.substr(i, j - i);
    if (kv.size() > name.size() && kv.substr(0, name.size()) == name && kv[name.size()] == '=') {
      std::string_view num = kv.substr(name.size() + 1);
      int64_t n = 0;
      bool ok = !num.empty();
      for (char c : num) {
        if (c < '0' || c > '9') ok = false;
        else n = n * 10 + (c - '0');
      }
      if (ok) result = n;
    }
    i = j + 1;
  }
  return result;
}

}  // namespace gojit::rt
