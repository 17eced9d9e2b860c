// Tracebacks: the table of JIT'd functions (FuncInfo, registered by jit/) and the
// goroutine dumps printed by panics, fatal errors and the signal handler.
// Mirrors runtime/traceback.go (traceback1, printcreatedby, goroutineheader,
// tracebackothers) and the findfunc/funcline role of runtime/symtab.go.
//
// How frames are found: gc unwinds with its pclntab's SP deltas; LLVM gives us no
// such table under the JIT, so we walk the frame-pointer chain, which JIT'd code
// keeps ("frame-pointer"="all") and the runtime keeps (-fno-omit-frame-pointer):
// at a frame pointer fp, [fp] is the caller's fp and [fp+8] the return address.
// Only frames whose pc lies in a registered FuncInfo are printed, which hides the
// runtime's own frames as gc's default GOTRACEBACK=single does. The walk stops at
// fp == 0 (newproc starts every G with bp = 0), at a frame outside both the G's
// stack and its M's g0 stack, or after 100 printed frames (gc's
// _TracebackMaxFrames).
//
// Return addresses are looked up at pc-1 (the call instruction), as gc's tracepc;
// the frame entered from the sigpanic trampoline is the faulting pc itself. The
// "+0x.." offset is the pc (return address) minus the function start, as in gc.
//
// Inlined calls: jit/ registers, per FuncInfo, the frames LLVM inlined at each pc
// range; PrintFrame prints them first, as gc prints inlined frames ("f(...)" and
// the line, no offset), and runtime.Callers lists them as frames of their own.
// GOTRACEBACK (GotracebackSetting, or debug.SetTraceback's override, debug.cc):
// none prints no goroutine, single (the default) the failing one (every one for a
// fatal error or a signal, as gc), all every user goroutine, system also the
// runtime's own goroutines, crash as system and then dies by SIGABRT; panic.cc,
// signal_unix.cc and TracebackOthers consult it.
//
// Not yet: argument lists (gc prints main.f(0x1, ...); we print "()"), the
// runtime's own (C++) frames at GOTRACEBACK=system, "created by" for goroutines
// started from C++.
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "runtime/debug.h"
#include "runtime/proc.h"

namespace gojit::rt {
namespace {

constexpr int kTracebackMaxFrames = 100;  // _TracebackMaxFrames

Mutex funcs_lock;
// Sorted by start; entries are never removed, so FuncInfo pointers stay valid.
std::vector<std::unique_ptr<FuncInfo>>& Funcs()
    ABSL_EXCLUSIVE_LOCKS_REQUIRED(funcs_lock) {
  static auto* funcs = new std::vector<std::unique_ptr<FuncInfo>>();
  return *funcs;
}

// The line of pc within f, or -1 (funcline).
int32_t FuncLine(const FuncInfo& f, uintptr_t pc) {
  uint32_t off = static_cast<uint32_t>(pc - f.start);
  auto it = std::upper_bound(
      f.lines.begin(), f.lines.end(), off,
      [](uint32_t o, const std::pair<uint32_t, int32_t>& e) { return o < e.first; });
  if (it == f.lines.begin()) return -1;
  return std::prev(it)->second;
}

// "\t/file.go:LINE +0xOFF\n". pc is the frame's pc (a return address unless
// exact); lookup is the pc its line is looked up at.
// line_override >= 0 replaces the line table's answer (the call site of an
// inlined call).
void PrintFileLine(const FuncInfo& f, uintptr_t pc, uintptr_t lookup, int32_t line_override = -1) {
  PrintString("\t");
  PrintString(f.file.empty() ? std::string_view("?") : std::string_view(f.file));
  PrintString(":");
  int32_t line = line_override >= 0 ? line_override : FuncLine(f, lookup);
  if (line >= 0) {
    PrintInt(line);
  } else {
    PrintString("?");
  }
  if (pc > f.start) {
    PrintString(" +");
    PrintHex(pc - f.start);
  }
  PrintString("\n");
}

// Frames gc would not show: the compiler's own glue (gojit.main runs the inits and
// main.main, as gc's runtime.main) and compiler-made wrappers (go/defer thunks,
// method-value and interface adapters), as gc hides its wrappers.
bool HiddenFrame(const std::string& name) {
  return name.rfind("gojit.", 0) == 0 || name.find(".gowrap") != std::string::npos ||
         name.find("\xc2\xb7i") != std::string::npos || name.find("-fm") != std::string::npos;
}

// The inlined calls at offset off of f (null if none).
const FuncInfo::InlineRange* InlinedAt(const FuncInfo& f, uint32_t off) {
  auto it = std::upper_bound(
      f.inlined.begin(), f.inlined.end(), off,
      [](uint32_t o, const FuncInfo::InlineRange& r) { return o < r.offset; });
  if (it == f.inlined.begin()) return nullptr;
  const FuncInfo::InlineRange* r = &*std::prev(it);
  return r->frames.empty() ? nullptr : r;
}

// Prints the frames at pc if it is in JIT'd code: the calls LLVM inlined there
// first, as gc prints inlined frames ("f(...)" and the line, no offset), then the
// function itself. Returns whether it printed anything.
bool PrintFrame(uintptr_t pc, bool exact) {
  uintptr_t lookup = exact ? pc : pc - 1;
  const FuncInfo* f = FindFunc(lookup);
  if (f == nullptr) return false;
  bool printed = false;
  int32_t outer_line = -1;
  if (const FuncInfo::InlineRange* r = InlinedAt(*f, static_cast<uint32_t>(lookup - f->start))) {
    for (const FuncInfo::InlinedFrame& fr : r->frames) {
      if (HiddenFrame(fr.name)) continue;
      PrintString(fr.name);
      PrintString("(...)\n\t");
      PrintString(fr.file.empty() ? std::string_view("?") : std::string_view(fr.file));
      PrintString(":");
      PrintInt(fr.line);
      PrintString("\n");
      printed = true;
    }
    outer_line = r->outer_line;
  }
  if (HiddenFrame(f->name)) return printed;
  PrintString(f->name);
  PrintString("()\n");
  PrintFileLine(*f, pc, lookup, outer_line);
  return true;
}

// The current thread's stack bounds (for walks outside any G).
Stack ThreadStack() {
  Stack s;
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    void* addr = nullptr;
    size_t size = 0;
    pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
    s.lo = reinterpret_cast<uintptr_t>(addr);
    s.hi = s.lo + size;
  }
  return s;
}

bool InStack(const Stack& s, uintptr_t fp) { return fp >= s.lo && fp + 16 <= s.hi; }

// Mirrors printcreatedby.
void PrintCreatedBy(G* gp) {
  if (gp->gopc == 0 || gp->goid == 1) return;
  const FuncInfo* f = FindFunc(gp->gopc - 1);
  if (f == nullptr) return;
  PrintString("created by ");
  PrintString(f->name);
  PrintString("\n");
  PrintFileLine(*f, gp->gopc, gp->gopc - 1);
}

}  // namespace

namespace {
// Where JIT'd code lies, readable without a lock (InJitCode runs in signal
// handlers): the hull of all registered code rejects most addresses at once, then
// each registered object's [lo, hi). The hull alone is not enough: objects are
// mapped on both sides of libc and of gojit's own text, so a PC in C++ code can lie
// inside it. The table is append-only and written under funcs_lock; a range is
// published by the release store of the count. Past kMaxCodeRanges objects the last
// slot widens to cover the rest (a superset, as the hull was before).
std::atomic<uintptr_t> jit_lo{UINTPTR_MAX};
std::atomic<uintptr_t> jit_hi{0};
constexpr int kMaxCodeRanges = 4096;
struct CodeRange {
  std::atomic<uintptr_t> lo{0}, hi{0};
};
CodeRange code_ranges[kMaxCodeRanges];
std::atomic<int> num_code_ranges{0};

void AddCodeRange(uintptr_t lo, uintptr_t hi) {
  const int n = num_code_ranges.load(std::memory_order_relaxed);
  if (n < kMaxCodeRanges) {
    code_ranges[n].lo.store(lo, std::memory_order_relaxed);
    code_ranges[n].hi.store(hi, std::memory_order_relaxed);
    num_code_ranges.store(n + 1, std::memory_order_release);
    return;
  }
  // Each bound only moves outwards, so a reader between the two stores still sees a
  // superset of the old range.
  CodeRange& last = code_ranges[kMaxCodeRanges - 1];
  last.lo.store(std::min(lo, last.lo.load(std::memory_order_relaxed)), std::memory_order_release);
  last.hi.store(std::max(hi, last.hi.load(std::memory_order_relaxed)), std::memory_order_release);
}
}  // namespace

bool InJitCode(uintptr_t pc) {
  if (pc < jit_lo.load(std::memory_order_acquire) || pc >= jit_hi.load(std::memory_order_acquire)) {
    return false;
  }
  const int n = num_code_ranges.load(std::memory_order_acquire);
  for (int i = 0; i < n; i++) {
    if (pc >= code_ranges[i].lo.load(std::memory_order_acquire) &&
        pc < code_ranges[i].hi.load(std::memory_order_acquire)) {
      return true;
    }
  }
  return false;
}

int32_t FuncLineAt(const FuncInfo& f, uintptr_t pc) { return FuncLine(f, pc); }

// The table stays sorted by start address. One object's functions are sorted
// among themselves and merged in at once: linear in the table per object, where
// inserting them one by one was quadratic (objects are mapped at falling addresses,
// so each insertion shifted the whole table: seconds for a net/http program).
void RegisterFunctions(std::vector<FuncInfo> infos) {
  if (infos.empty()) return;
  std::vector<std::unique_ptr<FuncInfo>> batch;
  batch.reserve(infos.size());
  uintptr_t batch_lo = UINTPTR_MAX, batch_hi = 0;
  for (FuncInfo& info : infos) {
    std::sort(info.lines.begin(), info.lines.end());
    batch_lo = std::min(batch_lo, info.start);
    batch_hi = std::max(batch_hi, info.end);
    batch.push_back(std::make_unique<FuncInfo>(std::move(info)));
  }
  auto by_start = [](const std::unique_ptr<FuncInfo>& a, const std::unique_ptr<FuncInfo>& b) {
    return a->start < b->start;
  };
  std::sort(batch.begin(), batch.end(), by_start);
  uintptr_t lo = jit_lo.load();
  while (batch_lo < lo && !jit_lo.compare_exchange_weak(lo, batch_lo)) {
  }
  uintptr_t hi = jit_hi.load();
  while (batch_hi > hi && !jit_hi.compare_exchange_weak(hi, batch_hi)) {
  }
  MutexLock l(&funcs_lock);
  AddCodeRange(batch_lo, batch_hi);
  auto& funcs = Funcs();
  size_t old_size = funcs.size();
  funcs.insert(funcs.end(), std::make_move_iterator(batch.begin()), std::make_move_iterator(batch.end()));
  std::inplace_merge(funcs.begin(), funcs.begin() + static_cast<std::ptrdiff_t>(old_size), funcs.end(), by_start);
}

// Mirrors findfunc. Called from the signal handler too: the lock is only ever
// held briefly by RegisterFunction, which does not run on a faulting path.
const FuncInfo* FindFunc(uintptr_t pc) {
  MutexLock l(&funcs_lock);
  auto& funcs = Funcs();
  auto it = std::upper_bound(
      funcs.begin(), funcs.end(), pc,
      [](uintptr_t p, const std::unique_ptr<FuncInfo>& f) { return p < f->start; });
  if (it == funcs.begin()) return nullptr;
  const FuncInfo* f = std::prev(it)->get();
  return pc < f->end ? f : nullptr;
}

// Mirrors goroutineheader.
void GoroutineHeader(G* gp) {
  uint32_t status = ReadGStatus(gp) & ~static_cast<uint32_t>(Gstatus::kScan);
  std::string_view s = GstatusString(status);
  if (status == static_cast<uint32_t>(Gstatus::kWaiting) &&
      gp->waitreason != WaitReason::kZero) {
    s = WaitReasonString(gp->waitreason);
  }
  // Blocked for a minute or more (waitsince is set when a collection sees the G
  // blocked, as gc's markroot does).
  int64_t waitfor = 0;
  if ((status == static_cast<uint32_t>(Gstatus::kWaiting) ||
       status == static_cast<uint32_t>(Gstatus::kSyscall)) &&
      gp->waitsince != 0) {
    waitfor = (Nanotime() - gp->waitsince) / 60000000000;
  }
  PrintString("goroutine ");
  PrintInt(gp->goid);
  PrintString(" [");
  PrintString(s);
  if (waitfor >= 1) {
    PrintString(", ");
    PrintInt(waitfor);
    PrintString(" minutes");
  }
  if (gp->lockedm != nullptr) PrintString(", locked to thread");
  PrintString("]:\n");
}

void TracebackFrames(G* gp, uintptr_t pc, uintptr_t fp) {
  Stack gs = gp != nullptr ? gp->stack : Stack{};
  Stack g0s = (gp != nullptr && gp->m != nullptr && gp->m->g0 != nullptr)
                  ? gp->m->g0->stack
                  : ThreadStack();
  int printed = 0;
  if (pc != 0 && PrintFrame(pc, /*exact=*/true)) printed++;
  uintptr_t prevfp = 0;
  bool next_exact = false;
  auto tramp = reinterpret_cast<uintptr_t>(&gojit_sigpanic_tramp);
  while (fp != 0 && (fp & 7) == 0) {
    bool in_g = InStack(gs, fp);
    if (!in_g && !InStack(g0s, fp)) break;
    if (fp <= prevfp && InStack(gs, prevfp) == in_g) break;  // not moving outward
    auto* frame = reinterpret_cast<const uintptr_t*>(fp);
    uintptr_t ret = frame[1];
    if (ret == 0) break;
    if (printed >= kTracebackMaxFrames) {
      if (FindFunc(next_exact ? ret : ret - 1) != nullptr) {
        PrintString("...additional frames elided...\n");
        break;
      }
    } else if (PrintFrame(ret, next_exact)) {
      printed++;
    }
    // The frame at fp belongs to the function ret returns into; if that is the
    // sigpanic trampoline, its own "return address" is the exact faulting pc.
    next_exact = ret >= tramp && ret < tramp + 32;
    prevfp = fp;
    fp = frame[0];
  }
  if (gp != nullptr) PrintCreatedBy(gp);
}

Traceback GotracebackSetting() {
  if (const Traceback* t = TracebackOverride()) return *t;
  static const Traceback setting = [] {
    Traceback t;
    const char* env = getenv("GOTRACEBACK");
    std::string_view v = env != nullptr ? env : "";
    if (v == "none" || v == "0") {
      t.level = 0;
    } else if (v == "all" || v == "1") {
      t.all = true;
    } else if (v == "system" || v == "2") {
      t.level = 2;
      t.all = true;
    } else if (v == "crash") {
      t.level = 2;
      t.all = true;
      t.crash = true;
    }
    return t;
  }();
  return setting;
}

void CrashAbort() {
  signal(SIGABRT, SIG_DFL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGABRT);
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
  raise(SIGABRT);
  _exit(2);
}

// Mirrors tracebackothers: every other goroutine that is not dead.
void TracebackOthers(G* me) ABSL_NO_THREAD_SAFETY_ANALYSIS {
  // Like gc's forEachGRace: no lock, we are dying and may hold allglock already.
  bool system = GotracebackSetting().level >= 2;
  for (G* gp : allgs) {
    if (gp == me || gp == nullptr || (gp->system && !system)) continue;
    uint32_t status = ReadGStatus(gp) & ~static_cast<uint32_t>(Gstatus::kScan);
    if (status == static_cast<uint32_t>(Gstatus::kDead) ||
        status == static_cast<uint32_t>(Gstatus::kIdle)) {
      continue;
    }
    PrintString("\n");
    GoroutineHeader(gp);
    if (status == static_cast<uint32_t>(Gstatus::kRunning)) {
      PrintString("\tgoroutine running on other thread; stack unavailable\n");
      PrintCreatedBy(gp);
      continue;
    }
    // A G that never ran starts at sched.pc (its function's entry).
    uintptr_t pc = FindFunc(gp->sched.pc) != nullptr ? gp->sched.pc : 0;
    TracebackFrames(gp, pc, gp->sched.bp);
  }
}

// --- runtime.Callers and friends ------------------------------------------------
//
// A logical frame is a function as gc's CallersFrames lists it: the calls LLVM
// inlined at a call site count as frames of their own, innermost first. Callers
// hands out one "pc" per logical frame: the physical return address in the low 56
// bits, the inline depth k in bits 56-62 (0: the physical function, k >= 1: the
// k-th inlined call, innermost first) and bit 63 set (a return address: look the
// line up at pc-1). Three markers stand for frames gc lists that gojit has no code
// for: runtime.Callers itself, and the goroutine's outermost frames, runtime.main
// (the main goroutine: gojit.main's place) and runtime.goexit (every goroutine),
// at gc 1.26's lines.

namespace {
constexpr uintptr_t kReturnBit = uintptr_t{1} << 63;
constexpr uintptr_t kAddrMask = (uintptr_t{1} << 56) - 1;
constexpr uintptr_t kCallersMarker = kReturnBit | (uintptr_t{0x7f} << 56);
constexpr uintptr_t kMainMarker = kReturnBit | (uintptr_t{0x7e} << 56);
constexpr uintptr_t kGoexitMarker = kReturnBit | (uintptr_t{0x7d} << 56);

// Where gc's runtime sources are: $GOROOT, else gc's default.
const std::string& RuntimeSource(const char* file) {
  static auto* paths = new std::map<std::string, std::string>();
  static Mutex lock;
  MutexLock l(&lock);
  std::string& p = (*paths)[file];
  if (p.empty()) {
    const char* root = getenv("GOROOT");
    p = std::string(root != nullptr && *root != '\0' ? root : "/usr/local/go") + "/src/runtime/" + file;
  }
  return p;
}
}  // namespace

bool InnermostFrameAt(uintptr_t pc, LogicalFrame* out) {
  const FuncInfo* f = FindFunc(pc);
  if (f == nullptr) return false;
  if (const FuncInfo::InlineRange* r = InlinedAt(*f, static_cast<uint32_t>(pc - f->start))) {
    for (const FuncInfo::InlinedFrame& fr : r->frames) {
      if (HiddenFrame(fr.name)) continue;
      *out = LogicalFrame{fr.name, fr.file, fr.line, f->start};
      return true;
    }
  }
  *out = LogicalFrame{f->name, f->file, FuncLine(*f, pc), f->start};
  return true;
}

bool LogicalFrameAt(uintptr_t pc, LogicalFrame* out) {
  // Callers' pcs are return addresses, and callers look up pc-1 for the call
  // (runtime.CallersFrames does, so does github.com/pkg/errors with FuncForPC):
  // a marker less one is the marker.
  for (uintptr_t marker : {kCallersMarker, kMainMarker, kGoexitMarker}) {
    if (pc == marker - 1) pc = marker;
  }
  if (pc == kCallersMarker) {
    *out = LogicalFrame{"runtime.Callers", RuntimeSource("extern.go"), 0, 0};
    return true;
  }
  if (pc == kMainMarker) {
    *out = LogicalFrame{"runtime.main", RuntimeSource("proc.go"), 290, 0};
    return true;
  }
  if (pc == kGoexitMarker) {
    *out = LogicalFrame{"runtime.goexit", RuntimeSource("asm_amd64.s"), 1771, 0};
    return true;
  }
  bool ret = (pc & kReturnBit) != 0;
  uintptr_t k = ret ? (pc >> 56) & 0x7f : 0;
  uintptr_t addr = ret ? pc & kAddrMask : pc;
  uintptr_t lookup = ret ? addr - 1 : addr;
  const FuncInfo* f = FindFunc(lookup);
  if (f == nullptr) return false;
  const FuncInfo::InlineRange* r = InlinedAt(*f, static_cast<uint32_t>(lookup - f->start));
  if (k == 0) {
    int32_t line = r != nullptr ? r->outer_line : FuncLine(*f, lookup);
    *out = LogicalFrame{f->name, f->file, line, f->start};
    return true;
  }
  if (r == nullptr || k > r->frames.size()) return false;
  const FuncInfo::InlinedFrame& fr = r->frames[k - 1];
  *out = LogicalFrame{fr.name, fr.file, fr.line, f->start};
  return true;
}

int CallerPCs(G* gp, uintptr_t fp, int skip, uintptr_t* out, int max) {
  Stack gs = gp != nullptr ? gp->stack : ThreadStack();
  std::vector<uintptr_t> frames;  // every logical frame, innermost first
  uintptr_t prevfp = 0;
  while (fp != 0 && (fp & 7) == 0 && InStack(gs, fp) && fp > prevfp) {
    auto* frame = reinterpret_cast<const uintptr_t*>(fp);
    uintptr_t ret = frame[1];
    if (ret == 0) break;
    if (const FuncInfo* f = FindFunc(ret - 1); f != nullptr) {
      if (const FuncInfo::InlineRange* r = InlinedAt(*f, static_cast<uint32_t>(ret - 1 - f->start))) {
        for (size_t k = 1; k <= r->frames.size() && k < 0x7f; ++k) {
          if (!HiddenFrame(r->frames[k - 1].name)) frames.push_back(kReturnBit | (k << 56) | ret);
        }
      }
      if (f->name == "gojit.main") {
        frames.push_back(kMainMarker);
      } else if (!HiddenFrame(f->name)) {
        frames.push_back(kReturnBit | ret);
      }
    }
    prevfp = fp;
    fp = frame[0];
  }
  if (gp != nullptr) {
    // gojit.main may have tail-called main.main, leaving no frame of its own.
    if (gp->goid == 1 && (frames.empty() || frames.back() != kMainMarker)) frames.push_back(kMainMarker);
    frames.push_back(kGoexitMarker);
  }
  // The API's own Go wrappers (runtime.Caller, runtime.Callers) come first; they
  // are replaced by the one frame gc shows for runtime.Callers.
  size_t first = 0;
  LogicalFrame lf;
  while (first < frames.size() && LogicalFrameAt(frames[first], &lf) &&
         lf.name.substr(0, 8) == "runtime.") {
    ++first;
  }
  frames.erase(frames.begin(), frames.begin() + static_cast<ptrdiff_t>(first));
  frames.insert(frames.begin(), kCallersMarker);
  int n = 0;
  for (size_t i = static_cast<size_t>(skip < 0 ? 0 : skip); i < frames.size() && n < max; ++i) {
    out[n++] = frames[i];
  }
  return n;
}

}  // namespace gojit::rt
