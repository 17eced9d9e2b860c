// Natives of package runtime (stdlib/runtime/runtime.go) over gojit's runtime.
#include <unistd.h>

#include <cstdint>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "runtime/alg.h"
#include "runtime/coro.h"
#include "runtime/debug.h"
#include "runtime/entrypoints.h"
#include "runtime/map.h"
#include "runtime/mgc.h"
#include "runtime/proc.h"
#include "runtime/runtime2.h"
#include "stdlib/natives.h"

namespace gojit::stdlib {
namespace {

void Gosched(rt::G* g, void*, void*) { rt::Gosched(g); }

void Goexit(rt::G* g, void*, void*) { gojit_rt_goexit(g); }

void NumGoroutine(rt::G*, void*, void* results) { *static_cast<int64_t*>(results) = rt::NumGoroutine(); }

void NumCPU(rt::G*, void*, void* results) { *static_cast<int64_t*>(results) = rt::ncpu; }

// func GOMAXPROCS(n int) int
void Gomaxprocs(rt::G* g, void* args, void* results) {
  int64_t n = *static_cast<int64_t*>(args);
  if (n > rt::kMaxGomaxprocs) n = rt::kMaxGomaxprocs;
  *static_cast<int64_t*>(results) = rt::SetGomaxprocs(g, static_cast<int32_t>(n < 0 ? 0 : n));
}

void LockOSThread(rt::G* g, void*, void*) { rt::LockOSThread(g); }

// func GC(): a full collection (runtime/mgc.cc), which also shrinks the stacks of
// goroutines that use less than a quarter of theirs. Then the caller yields, as
// gc's GC() does while it sweeps (a Gosched per span): a goroutine calling GC in
// a loop must not keep the others of its P from running.
void GC(rt::G* g, void*, void*) {
  rt::GcCollect(g, rt::GcReason::kForced);
  rt::Gosched(g);
}

// func callers(skip int, pc []uintptr) int
void Callers(rt::G* g, void* args, void* results) {
  struct Args {
    int64_t skip;
    rt::GoSlice pc;
  };
  auto* a = static_cast<Args*>(args);
  int n = rt::CallerPCs(g, reinterpret_cast<uintptr_t>(__builtin_frame_address(0)),
                        static_cast<int>(a->skip), static_cast<uintptr_t*>(a->pc.ptr),
                        static_cast<int>(a->pc.len));
  *static_cast<int64_t*>(results) = n;
}

// func funcInfo(pc uintptr) (name, file string, line int, entry uintptr, ok bool)
void FuncInfo(rt::G*, void* args, void* results) {
  struct Results {
    rt::GoString name;
    rt::GoString file;
    int64_t line;
    uintptr_t entry;
    uint8_t ok;
  };
  auto* r = static_cast<Results*>(results);
  rt::LogicalFrame f;
  *r = Results{};
  if (!rt::LogicalFrameAt(*static_cast<uintptr_t*>(args), &f)) return;
  // The strings live in the runtime's function table for good: no copy needed.
  r->name = rt::GoString{reinterpret_cast<const uint8_t*>(f.name.data()), static_cast<int64_t>(f.name.size())};
  r->file = rt::GoString{reinterpret_cast<const uint8_t*>(f.file.data()), static_cast<int64_t>(f.file.size())};
  r->line = f.line;
  r->entry = f.entry;
  r->ok = 1;
}

// func SetFinalizer(obj any, finalizer any)
void SetFinalizer(rt::G* g, void* args, void*) {
  auto* a = static_cast<rt::GoEface*>(args);
  rt::SetFinalizer(g, a[0], a[1]);
}

// func ReadMemStats(m *MemStats)
void ReadMemStats(rt::G* g, void* args, void*) {
  rt::ReadMemStats(g, *static_cast<rt::MemStats**>(args));
}

void UnlockOSThread(rt::G* g, void*, void*) { rt::UnlockOSThread(g); }

void KeepAlive(rt::G*, void*, void*) {}

// func Breakpoint(): a trap instruction, as gc's; the SIGTRAP handler dumps the
// goroutines and exits 2 (signal_unix.cc).
void Breakpoint(rt::G*, void*, void*) { __asm__ volatile("int3"); }

// The frame pointer to start a traceback at so that its first frame is the caller
// of the Go function `stub` whose native this is, as gc's start at getcallerpc:
// the native's caller is that stub unless LLVM inlined the stub into its caller.
uintptr_t CallerOfStub(uintptr_t native_fp, std::string_view stub) {
  auto* frame = reinterpret_cast<const uintptr_t*>(native_fp);
  const rt::FuncInfo* f = rt::FindFunc(frame[1] - 1);
  return f != nullptr && f->name == stub ? frame[0] : native_fp;
}

// func Stack(buf []byte, all bool) int
void Stack(rt::G* g, void* args, void* results) {
  struct Args {
    rt::GoSlice buf;
    uint8_t all;
  };
  auto* a = static_cast<Args*>(args);
  uintptr_t fp = CallerOfStub(reinterpret_cast<uintptr_t>(__builtin_frame_address(0)), "runtime.Stack");
  std::string s = rt::CaptureStack(g, fp, a->all != 0);
  size_t n = std::min(s.size(), static_cast<size_t>(a->buf.len));
  std::memcpy(a->buf.ptr, s.data(), n);
  *static_cast<int64_t*>(results) = static_cast<int64_t>(n);
}

// func runtimeError(msg string) any: the runtime.Error the runtime itself panics
// with for msg ("integer divide by zero" prints as "runtime error: integer divide
// by zero"), for the error variables Go's packages link to (math/bits'). An any,
// not an error: the value is an eface, and the Go side asserts it to error.
void NewRuntimeError(rt::G* g, void* args, void* results) {
  const auto* msg = static_cast<const rt::GoString*>(args);
  *static_cast<rt::GoEface*>(results) = rt::RuntimeErrorValue(
      g, std::string_view(reinterpret_cast<const char*>(msg->ptr), static_cast<size_t>(msg->len)));
}

// --- what Go's packages link to in the runtime (//go:linkname) ---------------------

// func rand() uint64 (math/rand's runtime_rand, and others): a random number from
// the per-thread generator, seeded from the OS (gc: per-M ChaCha8).
void Rand(rt::G*, void*, void* results) { *static_cast<uint64_t*>(results) = rt::FastRand64(); }

// func write(fd uintptr, p unsafe.Pointer, n int32) int32 (internal/godebug's
// runtime.write): raw write(2), all of it.
void Write(rt::G*, void* args, void* results) {
  struct Args {
    uintptr_t fd;
    const void* p;
    int32_t n;
  };
  auto* a = static_cast<Args*>(args);
  rt::WriteFd(static_cast<int>(a->fd), a->p, static_cast<size_t>(a->n));
  *static_cast<int32_t*>(results) = a->n;
}

// func setUpdate(update func(string, string)) (internal/godebug): the runtime
// reports the GODEBUG settings at once, as gc's godebug_setUpdate does: the
// program's default (empty: a program of no module speaks the toolchain's own
// language version, whose defaults need no overrides) and $GODEBUG. gojit does
// not report later os.Setenv("GODEBUG", ...) calls.
void GodebugSetUpdate(rt::G* g, void* args, void*) {
  using UpdateFn = void (*)(rt::G*, const void*, rt::GoString, rt::GoString);
  const void* closure = *static_cast<const void* const*>(args);
  if (closure == nullptr) return;
  const char* env = std::getenv("GODEBUG");
  rt::GoString godebug = rt::NewString(g, env != nullptr ? env : "");
  (*static_cast<const UpdateFn*>(closure))(g, closure, rt::GoString{nullptr, 0}, godebug);
}

// func registerMetric(name string, read func() uint64) and
// func setNewIncNonDefault(newIncNonDefault func(string) func()) (internal/godebug):
// they feed runtime/metrics' /godebug/non-default-behavior counters, which gojit
// does not publish; the settings themselves work without them.
void GodebugIgnore(rt::G*, void*, void*) {}

// func clone(m any) any (maps.clone, gc's maps_clone): a new map of m's type with
// m's entries; a nil map clones to nil.
void MapsClone(rt::G* g, void* args, void* results) {
  auto m = *static_cast<rt::GoEface*>(args);
  auto* out = static_cast<rt::GoEface*>(results);
  *out = m;
  auto* h = static_cast<rt::HMap*>(m.data);
  if (h == nullptr) return;
  const rt::TypeDescriptor* t = m.type;
  rt::HMap* copy = gojit_rt_makemap(g, t, h->count);
  rt::MapIter it{};
  for (gojit_rt_mapiterinit(g, t, h, &it); it.key != nullptr; gojit_rt_mapiternext(g, &it)) {
    void* slot = gojit_rt_mapassign(g, t, copy, it.key);
    std::memcpy(slot, it.elem, static_cast<size_t>(t->elem->size));
  }
  out->data = copy;
}

// func newcoro(func(*coro)) *coro and func coroswitch(*coro), which package iter
// links to for Pull and Pull2 (runtime/coro.h).
void NewCoro(rt::G* g, void* args, void* results) {
  *static_cast<rt::Coro**>(results) = rt::NewCoro(g, *static_cast<void**>(args));
}

void CoroSwitch(rt::G* g, void* args, void*) { rt::CoroSwitch(g, *static_cast<rt::Coro**>(args)); }

// func GOROOT() string
void Goroot(rt::G* g, void*, void* results) {
  const char* env = std::getenv("GOROOT");
  *static_cast<rt::GoString*>(results) =
      rt::NewString(g, env != nullptr && *env != '\0' ? env : rt::CurrentRunOptions().goroot);
}

// func addCleanup(ptr unsafe.Pointer, fn func()) uint64
void AddCleanup(rt::G* g, void* args, void* results) {
  auto* a = static_cast<void**>(args);
  *static_cast<uint64_t*>(results) = rt::AddCleanup(g, a[0], a[1]);
}

// func stopCleanup(id uint64)
void StopCleanup(rt::G*, void* args, void*) { rt::StopCleanup(*static_cast<uint64_t*>(args)); }

// func runtime_registerWeakPointer(unsafe.Pointer) unsafe.Pointer and
// func runtime_makeStrongFromWeak(unsafe.Pointer) unsafe.Pointer (package weak).
void RegisterWeakPointer(rt::G* g, void* args, void* results) {
  *static_cast<void**>(results) = rt::WeakHandle(g, *static_cast<void**>(args));
}
void MakeStrongFromWeak(rt::G*, void* args, void* results) {
  *static_cast<void**>(results) = rt::WeakValue(*static_cast<void**>(args));
}

// func getIndicator() uint8 and func setIndicator(uint8) (crypto/internal/fips140):
// the calling goroutine's FIPS 140 service indicator.
void GetFipsIndicator(rt::G* g, void*, void* results) {
  *static_cast<uint8_t*>(results) = g->fips_indicator;
}
void SetFipsIndicator(rt::G* g, void* args, void*) { g->fips_indicator = *static_cast<uint8_t*>(args); }

const NativeSymbol kRuntimeNatives[] = {
    {"crypto/internal/fips140.getIndicator", &GetFipsIndicator},
    {"crypto/internal/fips140.setIndicator", &SetFipsIndicator},
    {"runtime.addCleanup", &AddCleanup},
    {"runtime.stopCleanup", &StopCleanup},
    {"weak.runtime_registerWeakPointer", &RegisterWeakPointer},
    {"weak.runtime_makeStrongFromWeak", &MakeStrongFromWeak},
    {"runtime.GOROOT", &Goroot},
    {"runtime.newcoro", &NewCoro},
    {"runtime.coroswitch", &CoroSwitch},
    {"maps.clone", &MapsClone},
    {"runtime.rand", &Rand},
    {"runtime.write", &Write},
    {"internal/godebug.setUpdate", &GodebugSetUpdate},
    {"internal/godebug.registerMetric", &GodebugIgnore},
    {"internal/godebug.setNewIncNonDefault", &GodebugIgnore},
    {"runtime.runtimeError", &NewRuntimeError},
    {"runtime.Gosched", &Gosched},     {"runtime.Goexit", &Goexit},
    {"runtime.NumGoroutine", &NumGoroutine},
    {"runtime.NumCPU", &NumCPU},       {"runtime.GOMAXPROCS", &Gomaxprocs},
    {"runtime.KeepAlive", &KeepAlive},
    {"runtime.Breakpoint", &Breakpoint},
    {"runtime.Stack", &Stack},
    {"runtime.LockOSThread", &LockOSThread},
    {"runtime.GC", &GC},
    {"runtime.ReadMemStats", &ReadMemStats},
    {"runtime.SetFinalizer", &SetFinalizer},
    {"runtime.callers", &Callers},
    {"runtime.funcInfo", &FuncInfo},
    {"runtime.UnlockOSThread", &UnlockOSThread},
};

}  // namespace

std::span<const NativeSymbol> RuntimeNatives() { return kRuntimeNatives; }

}  // namespace gojit::stdlib
