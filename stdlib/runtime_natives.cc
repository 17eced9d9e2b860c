// Natives of package runtime (stdlib/runtime/runtime.go) over gojit's runtime.
#include <unistd.h>

#include <cstdint>

#include "runtime/entrypoints.h"
#include "runtime/proc.h"
#include "runtime/runtime2.h"
#include "stdlib/natives.h"

namespace gojit::stdlib {
namespace {

void Gosched(rt::G* g, void*, void*) { rt::Gosched(g); }

void Goexit(rt::G* g, void*, void*) { gojit_rt_goexit(g); }

void NumGoroutine(rt::G*, void*, void* results) {
  int64_t n = 0;
  {
    rt::MutexLock l(&rt::allglock);
    for (rt::G* gp : rt::allgs) {
      uint32_t s = rt::ReadGStatus(gp);
      if (s != static_cast<uint32_t>(rt::Gstatus::kDead) && s != static_cast<uint32_t>(rt::Gstatus::kIdle))
        ++n;
    }
  }
  *static_cast<int64_t*>(results) = n;
}

void NumCPU(rt::G*, void*, void* results) { *static_cast<int64_t*>(results) = rt::ncpu; }

// func GOMAXPROCS(n int) int
void Gomaxprocs(rt::G* g, void* args, void* results) {
  int64_t n = *static_cast<int64_t*>(args);
  if (n > rt::kMaxGomaxprocs) n = rt::kMaxGomaxprocs;
  *static_cast<int64_t*>(results) = rt::SetGomaxprocs(g, static_cast<int32_t>(n < 0 ? 0 : n));
}

void LockOSThread(rt::G* g, void*, void*) { rt::LockOSThread(g); }

// func GC(): stops the world, shrinks the stacks of goroutines that use less than
// a quarter of theirs, and starts the world again. The collector itself (issue 6)
// is not there yet, so no heap memory is freed; the stop-the-world is real (a
// goroutine spinning in a loop without calls holds it up forever unless it can be
// preempted asynchronously).
void GC(rt::G* g, void*, void*) {
  rt::StopTheWorld(g);
  rt::MarkWaitSince();
  rt::ShrinkStacks();
  rt::StartTheWorld(g);
}
void UnlockOSThread(rt::G* g, void*, void*) { rt::UnlockOSThread(g); }

void KeepAlive(rt::G*, void*, void*) {}

const NativeSymbol kRuntimeNatives[] = {
    {"runtime.Gosched", &Gosched},     {"runtime.Goexit", &Goexit},
    {"runtime.NumGoroutine", &NumGoroutine},
    {"runtime.NumCPU", &NumCPU},       {"runtime.GOMAXPROCS", &Gomaxprocs},
    {"runtime.KeepAlive", &KeepAlive},
    {"runtime.LockOSThread", &LockOSThread},
    {"runtime.GC", &GC},
    {"runtime.UnlockOSThread", &UnlockOSThread},
};

}  // namespace

std::span<const NativeSymbol> RuntimeNatives() { return kRuntimeNatives; }

}  // namespace gojit::stdlib
