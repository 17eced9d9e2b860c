// Panics and fatal errors: the runtime-error entry points (index, slice, divide,
// shift, nil dereference), panic(v), and throw. Mirrors runtime/panic.go
// (gopanic, preprintpanics, printpanics, fatalpanic, throw, fatalthrow,
// dopanic_m) and runtime/error.go (boundsError formats, printany/printpanicval).
//
// Two tiers, as in gc: a panic is a Go value that (later) deferred calls may
// recover; an unrecovered panic prints "panic: <value>", the goroutine's trace and
// exits 2. A throw is a runtime invariant broken: "fatal error: <msg>", every
// goroutine's trace, exit 2, never recoverable.
//
// GoPanic links a Panic record into gp->panic_ (gc's _panic) and runs gp->defer_
// (the frames' Defer records, runtime/defer.h), newest first; a deferred call that
// recovers makes it resume the deferring frame, and a panic nobody recovers ends in
// FatalPanic, which prints the chain. Runtime errors are runtime.Error values
// (error.cc).
//
// Invariant: gp->panic_ lists, newest first, panics whose raising frames are still
// on the stack; a recovery's jump drops those of the frames it abandons.
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "runtime/entrypoints.h"
#include "runtime/defer.h"
#include "runtime/proc.h"

namespace gojit::rt {

// Mirrors _panic.
struct Panic {
  GoEface arg{};           // argument to panic
  Panic* link = nullptr;   // link to earlier panic
  bool started = false;    // deferred calls are running on its behalf (recover may stop it)
  bool recovered = false;  // whether this panic is over
  bool goexit = false;
  // The panic after it in the chain (a newer one) raised this one's value again:
  // printed once (PreprintPanics, PrintPanics).
  bool repanicked = false;
  // The frame (frame pointer) of GoPanic while it runs this panic's deferred
  // calls: gc's argp, what recover() checks its caller against. It lives on the
  // goroutine stack with the Panic, so a stack copy adjusts it.
  uintptr_t deferring_frame = 0;
  // What its value's Error or String method returned, computed before printing
  // starts (PreprintPanics); printed instead of the value when has_text.
  GoString text{};
  bool has_text = false;
};

namespace {

thread_local int dying = 0;  // m.dying: > 0 once this thread prints a fatal error

// GoString from a method's result.
using StringMethod = GoString (*)(G*, void*);

const MethodDesc* FindMethod(const TypeDescriptor* t, std::string_view name) {
  for (int64_t i = 0; i < t->nmethods; i++) {
    const MethodDesc& m = t->methods[i];
    if (std::string_view(reinterpret_cast<const char*>(m.name.ptr),
                         static_cast<size_t>(m.name.len)) == name) {
      return &m;
    }
  }
  return nullptr;
}

std::string_view TypeString(const TypeDescriptor* t) {
  return std::string_view(reinterpret_cast<const char*>(t->name.ptr),
                          static_cast<size_t>(t->name.len));
}

// Prints a basic-kind value as print() does. Returns false for other kinds.
bool PrintBasic(Kind k, const void* p) {
  switch (k) {
    case Kind::kBool:
      PrintString(*static_cast<const uint8_t*>(p) ? "true" : "false");
      break;
    case Kind::kInt:
    case Kind::kInt64:
      PrintInt(*static_cast<const int64_t*>(p));
      break;
    case Kind::kInt8:
      PrintInt(*static_cast<const int8_t*>(p));
      break;
    case Kind::kInt16:
      PrintInt(*static_cast<const int16_t*>(p));
      break;
    case Kind::kInt32:
      PrintInt(*static_cast<const int32_t*>(p));
      break;
    case Kind::kUint:
    case Kind::kUint64:
    case Kind::kUintptr:
      PrintUint(*static_cast<const uint64_t*>(p));
      break;
    case Kind::kUint8:
      PrintUint(*static_cast<const uint8_t*>(p));
      break;
    case Kind::kUint16:
      PrintUint(*static_cast<const uint16_t*>(p));
      break;
    case Kind::kUint32:
      PrintUint(*static_cast<const uint32_t*>(p));
      break;
    case Kind::kFloat32:
      PrintFloat(*static_cast<const float*>(p), 32);
      break;
    case Kind::kFloat64:
      PrintFloat(*static_cast<const double*>(p), 64);
      break;
    case Kind::kComplex64: {
      auto* c = static_cast<const float*>(p);
      PrintComplex(c[0], c[1], 32);
      break;
    }
    case Kind::kComplex128: {
      auto* c = static_cast<const double*>(p);
      PrintComplex(c[0], c[1], 64);
      break;
    }
    case Kind::kString: {
      auto* s = static_cast<const GoString*>(p);
      PrintBytes(s->ptr, static_cast<size_t>(s->len));
      break;
    }
    default:
      return false;
  }
  return true;
}

// Mirrors preprintpanics + printany (printpanicval): error and Stringer values
// print their Error()/String(); predeclared basic types as print() does; defined
// basic types as main.T(5) / main.S("x"); anything else as (main.T) 0xADDR.
// Mirrors printindented: a panic value's text with a tab after each newline, so
// that a multi-line value stays inside the panic's block of the report.
void PrintIndented(const uint8_t* p, size_t n) {
  size_t start = 0;
  for (size_t i = 0; i < n; ++i) {
    if (p[i] != '\n') continue;
    PrintBytes(p + start, i + 1 - start);
    PrintString("\t");
    start = i + 1;
  }
  PrintBytes(p + start, n - start);
}

void PrintPanicVal(G* g, GoEface v) {
  const TypeDescriptor* t = v.type;
  if (t == nullptr) {
    PrintString("nil");
    return;
  }
  for (std::string_view name : {"Error", "String"}) {
    if (const MethodDesc* m = FindMethod(t, name); m != nullptr && m->fn != nullptr) {
      GoString s = reinterpret_cast<StringMethod>(m->fn)(g, v.data);
      PrintIndented(s.ptr, static_cast<size_t>(s.len));
      return;
    }
  }
  const void* p =
      (t->flags & kTypeFlagDirectIface) ? static_cast<const void*>(&v.data) : v.data;
  std::string_view ts = TypeString(t);
  bool custom = ts.find('.') != std::string_view::npos;  // not a predeclared type
  if (!custom && t->kind == Kind::kString) {
    auto* str = static_cast<const GoString*>(p);
    PrintIndented(str->ptr, static_cast<size_t>(str->len));
    return;
  }
  if (!custom) {
    if (PrintBasic(t->kind, p)) return;
  } else if (t->kind == Kind::kString) {
    auto* str = static_cast<const GoString*>(p);
    PrintString(ts);
    PrintString("(\"");
    PrintIndented(str->ptr, static_cast<size_t>(str->len));
    PrintString("\")");
    return;
  } else if (t->kind == Kind::kComplex64 || t->kind == Kind::kComplex128) {
    PrintString(ts);
    PrintBasic(t->kind, p);
    return;
  } else if (t->kind >= Kind::kBool && t->kind <= Kind::kFloat64) {
    PrintString(ts);
    PrintString("(");
    PrintBasic(t->kind, p);
    PrintString(")");
    return;
  }
  PrintString("(");
  PrintString(ts);
  PrintString(") ");
  PrintPointer(v.data);
}

// Mirrors preprintpanics: each panic value's Error or String text, called before
// anything is printed (the method may print, or panic). A method that panics is a
// fatal error naming what it panicked with.
void PreprintPanics(G* g, Panic* p) {
  for (; p != nullptr; p = p->link) {
    // A panic raising again the value of the recovered one before it (testing's
    // tRunner does, for a failing test) is printed once, as gc prints it since Go
    // 1.25: "panic: v [recovered, repanicked]".
    if (p->link != nullptr && p->link->arg.type == p->arg.type && p->link->arg.data == p->arg.data) {
      p->link->repanicked = true;
      continue;
    }
    const TypeDescriptor* t = p->arg.type;
    if (t == nullptr || p->goexit) continue;
    const MethodDesc* m = FindMethod(t, "Error");
    if (m == nullptr || m->fn == nullptr) m = FindMethod(t, "String");
    if (m == nullptr || m->fn == nullptr) continue;
    struct Call {
      StringMethod fn;
      void* data;
      GoString result;
    } call{reinterpret_cast<StringMethod>(m->fn), p->arg.data, {}};
    GoEface err;
    bool panicked = CallRecovering(
        g, [](G* g, void* arg) {
          auto* c = static_cast<Call*>(arg);
          c->result = c->fn(g, c->data);
        },
        &call, &err);
    if (panicked && err.type != nullptr) {
      std::string text = "panic while printing panic value";
      if (TypeString(err.type) == "string") {
        auto* str = static_cast<const GoString*>(err.data);
        text += ": ";
        text.append(reinterpret_cast<const char*>(str->ptr), static_cast<size_t>(str->len));
      } else {
        text += ": type ";
        text += TypeString(err.type);
      }
      Throw(text);
    }
    p->text = call.result;
    p->has_text = !panicked;
  }
}

// Mirrors printpanics: the chain, oldest first.
void PrintPanics(G* g, Panic* p) {
  if (p->link != nullptr) {
    PrintPanics(g, p->link);
    if (p->link->repanicked) return;  // the same value, printed with the link
    if (!p->link->goexit) PrintString("\t");
  }
  if (p->goexit) return;
  PrintString("panic: ");
  if (p->has_text) {
    PrintIndented(p->text.ptr, static_cast<size_t>(p->text.len));
  } else {
    PrintPanicVal(g, p->arg);
  }
  if (p->recovered && p->repanicked) {
    PrintString(" [recovered, repanicked]");
  } else if (p->recovered) {
    PrintString(" [recovered]");
  }
  PrintString("\n");
}

std::string_view SigName(uint32_t sig) {
  switch (sig) {
    case SIGSEGV:
      return "SIGSEGV: segmentation violation";
    case SIGBUS:
      return "SIGBUS: bus error";
    case SIGFPE:
      return "SIGFPE: floating-point exception";
    default:
      return "";
  }
}

// The signal line of dopanic_m.
void PrintSignalLine(G* gp) {
  if (gp == nullptr || gp->sig == 0) return;
  std::string_view name = SigName(gp->sig);
  PrintString("[signal ");
  if (!name.empty()) {
    PrintString(name);
  } else {
    PrintHex(gp->sig);
  }
  PrintString(" code=");
  PrintHex(gp->sigcode0);
  PrintString(" addr=");
  PrintHex(gp->sigcode1);
  PrintString(" pc=");
  PrintHex(gp->sigpc);
  PrintString("]\n");
}

// The thread that prints the fatal error, once one does (gc: panicking).
std::atomic<M*> panicking_m{nullptr};

// Mirrors startpanic_m: a second fatal error while printing one gives up at once;
// a fatal error on another thread while one is being printed waits for the
// process to exit (gc blocks such threads on the deadlock mutex).
void StartPanic() {
  PrintFlush();
  M* me = tls_m;
  M* expected = nullptr;
  if (!panicking_m.compare_exchange_strong(expected, me) && expected != me) {
    PrintUnlock();
    for (;;) pause();
  }
  if (++dying > 1) {
    PrintString("panic during panic\n");
    PrintFlush();
    Exit(2);
  }
}

// Mirrors fatalpanic + dopanic_m for gp, tracing from the caller's frame.
[[noreturn]] __attribute__((noinline)) void FatalPanic(G* g, Panic* p) {
  if (g != nullptr) PreprintPanics(g, p);
  PrintLock();
  StartPanic();
  PrintPanics(g, p);
  PrintSignalLine(g);
  Traceback tb = GotracebackSetting();
  if (tb.level > 0) {
    if (g != nullptr) {
      PrintString("\n");
      GoroutineHeader(g);
    }
    TracebackFrames(g, 0, reinterpret_cast<uintptr_t>(__builtin_frame_address(0)));
    if (tb.all) TracebackOthers(g);
  }
  PrintUnlock();
  if (tb.crash) CrashAbort();
  Exit(2);
}

// Mirrors gopanic: runs the deferred calls of the goroutine's frames, newest
// first; when one of them recovers the panic, resumes the frame that deferred it
// (runtime/defer.h), else prints the panic and dies.
[[noreturn]] void GoPanic(G* g, Panic* p) {
  if (g == nullptr) FatalPanic(g, p);
  p->link = g->panic_;
  g->panic_ = p;
  p->started = true;
  p->deferring_frame = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  while (Defer* d = g->defer_) {
    // A panic raised while an earlier one runs deferred calls takes over the
    // earlier one's remaining calls simply by running g->defer_ on from where it
    // is (gc: the earlier panic is aborted). Before that, a deferred call may
    // still recover the new panic and let the earlier one go on.
    DeferCall* c = d->calls;
    if (c == nullptr) {
      g->defer_ = d->link;  // this frame has nothing left to run
      continue;
    }
    d->calls = c->link;
    using Code = void (*)(G*, void*);
    reinterpret_cast<Code>(*static_cast<void**>(c->closure))(g, c->closure);
    if (p->recovered) {
      // Resume d's frame, which runs its remaining deferred calls and returns
      // normally. The jump abandons every frame below d's, so every panic raised
      // in them goes from the chain: this one, the ones it aborted, and an earlier
      // one that a deferred call recovered and then panicked anew (gc's recovery
      // unwinds gp._panic by startSP likewise). Panic records live in the frames
      // that raised them (PanicValue, gojit_rt_goexit), so their addresses order
      // them against d, which lives in its frame.
      g->panic_ = p->link;
      while (g->panic_ != nullptr && reinterpret_cast<uintptr_t>(g->panic_) < reinterpret_cast<uintptr_t>(d))
        g->panic_ = g->panic_->link;
      g->defer_ = d;
      gojit_longjmp(&d->resume);  // does not return
    }
  }
  FatalPanic(g, p);
}

}  // namespace

void PanicRuntimeError(G* g, std::string_view msg) {
  // gc's runtime errors add "runtime error: " in Error() (runtime/error.cc).
  PanicValue(g, RuntimeErrorValue(g, msg));
}

void PanicTypeAssertion(G* g, std::string_view msg) {
  PanicValue(g, TypeAssertionErrorValue(g, msg));
}

void PanicValue(G* g, GoEface v) {
  Panic p;
  p.arg = v;
  GoPanic(g, &p);
}

// Mirrors throw + fatalthrow + dopanic_m: every goroutine's trace.
void Throw(std::string_view msg) {
  G* gp = CurrentG();
  PrintLock();
  StartPanic();
  PrintString("fatal error: ");
  PrintString(msg);
  PrintString("\n");
  PrintSignalLine(gp);
  Traceback tb = GotracebackSetting();
  if (tb.level > 0) {
    if (gp != nullptr) {
      PrintString("\n");
      GoroutineHeader(gp);
      TracebackFrames(gp, 0, reinterpret_cast<uintptr_t>(__builtin_frame_address(0)));
    }
    TracebackOthers(gp);  // a throw shows every goroutine (gc: m.throwing)
  }
  PrintUnlock();
  if (tb.crash) CrashAbort();
  Exit(2);
}

}  // namespace gojit::rt

using namespace gojit::rt;

extern "C" {

// Mirrors goPanicIndex: boundsIndex.
void gojit_rt_panicindex(G* g, int64_t x, int64_t y) {
  std::string m = x < 0 ? absl::StrCat("index out of range [", x, "]")
                        : absl::StrCat("index out of range [", x, "] with length ", y);
  PanicRuntimeError(g, m);
}

// Mirrors goPanicSliceAcap: boundsSliceAcap ("[:x] with capacity y").
void gojit_rt_panicbounds(G* g, int64_t code, int64_t x, int64_t y) {
  // Mirrors boundsError.Error: boundsErrorFmt, and boundsNegErrorFmt when x < 0.
  static const char* const kFmt[][2] = {
      {"index out of range [%x] with length %y", "index out of range [%x]"},
      {"slice bounds out of range [:%x] with length %y", "slice bounds out of range [:%x]"},
      {"slice bounds out of range [:%x] with capacity %y", "slice bounds out of range [:%x]"},
      {"slice bounds out of range [%x:%y]", "slice bounds out of range [%x:]"},
      {"slice bounds out of range [::%x] with length %y", "slice bounds out of range [::%x]"},
      {"slice bounds out of range [::%x] with capacity %y", "slice bounds out of range [::%x]"},
      {"slice bounds out of range [:%x:%y]", "slice bounds out of range [:%x:]"},
      {"slice bounds out of range [%x:%y:]", "slice bounds out of range [%x::]"},
      {"cannot convert slice with length %x to array or pointer to array with length %y",
       "cannot convert slice with length %x to array or pointer to array with length %y"},
  };
  if (code < 0 || code > 8) code = 0;
  std::string m = kFmt[code][x < 0 ? 1 : 0];
  m = absl::StrReplaceAll(m, {{"%x", absl::StrCat(x)}, {"%y", absl::StrCat(y)}});
  PanicRuntimeError(g, m);
}

// Mirrors panicrangestate: an iterator that called yield when it must not, or
// swallowed the loop body's panic (the states are ir/range_func.cc's RangeState).
void gojit_rt_panicrangestate(G* g, int64_t state) {
  switch (state) {
    case 0: PanicRuntimeError(g, "range function continued iteration after function for loop body returned false");
    case 2: PanicRuntimeError(g, "range function continued iteration after loop body panic");
    case 3: PanicRuntimeError(g, "range function continued iteration after whole loop exit");
    case 4: PanicRuntimeError(g, "range function recovered a loop body panic and did not resume panicking");
    default: Throw("unexpected state passed to panicrangestate");
  }
}

// Mirrors panicdivide.
void gojit_rt_panicdivide(G* g) { PanicRuntimeError(g, "integer divide by zero"); }

// Mirrors panicshift.
void gojit_rt_panicshift(G* g) { PanicRuntimeError(g, "negative shift amount"); }

// Mirrors panicmem after an explicit nil check: gc gets here from a SIGSEGV and
// prints the signal line, so we print the one the fault would have produced.
void gojit_rt_panicnilmem(G* g) {
  if (g != nullptr && g->sig == 0) {
    g->sig = SIGSEGV;
    g->sigcode0 = 1;  // SEGV_MAPERR
    g->sigcode1 = 0;
    g->sigpc = reinterpret_cast<uintptr_t>(__builtin_return_address(0));
  }
  PanicRuntimeError(g, "invalid memory address or nil pointer dereference");
}

void gojit_rt_gopanic(G* g, const TypeDescriptor* t, void* data) {
  PanicValue(g, GoEface{t, data});
}

void gojit_rt_throw(G*, const uint8_t* p, int64_t n) {
  Throw(std::string_view(reinterpret_cast<const char*>(p), static_cast<size_t>(n)));
}

}  // extern "C"

// Mirrors gorecover: the value of the panic whose deferred calls are running, which
// then stops (GoPanic resumes the deferring frame). As in gc, only a function that
// the panic itself called as a deferred call may recover: fp is the frame pointer
// of the function that calls recover() (for `defer recover()`, of the function
// that deferred it, gc's ORECOVERFP), and the frame chain must lead from it to
// GoPanic's frame for the current panic through the thunk that made the deferred
// call (ir/defer.cc), or directly (a deferred C++ function: the runtime's tests).
// ir/ keeps that chain intact: a function that calls or defers recover is never
// inlined, and thunks call without tail calls.
extern "C" GoEface gojit_rt_gorecover(G* g, const uintptr_t* fp) {
  Panic* p = g != nullptr ? g->panic_ : nullptr;
  if (p == nullptr || !p->started || p->recovered || p->goexit) return GoEface{nullptr, nullptr};
  const auto* caller = reinterpret_cast<const uintptr_t*>(fp != nullptr ? fp[0] : 0);
  const uintptr_t thunk_caller = caller != nullptr ? caller[0] : 0;
  if (reinterpret_cast<uintptr_t>(caller) != p->deferring_frame && thunk_caller != p->deferring_frame)
    return GoEface{nullptr, nullptr};
  p->recovered = true;
  return p->arg;
}

// Mirrors runtime.Goexit: runs every deferred call of the goroutine (recover()
// returns nil meanwhile: the goexit record is not a panic), then ends it.
extern "C" void gojit_rt_goexit(G* g) {
  Panic p;
  p.goexit = true;
  p.started = true;
  p.link = g->panic_;
  g->panic_ = &p;
  while (Defer* d = g->defer_) {
    DeferCall* c = d->calls;
    if (c == nullptr) {
      g->defer_ = d->link;
      continue;
    }
    d->calls = c->link;
    using Code = void (*)(G*, void*);
    reinterpret_cast<Code>(*static_cast<void**>(c->closure))(g, c->closure);
  }
  g->panic_ = p.link;
  gojit_goexit1(g);
}
