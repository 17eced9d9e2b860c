// Coroutines (coro.h). Mirrors runtime/coro.go: newcoro starts the goroutine
// parked (newproc1's parked case), coroswitch_m swaps the running goroutine for the
// parked one on g0, and coroexit's tail runs from goexit0.
#include "runtime/coro.h"

#include <utility>

#include "runtime/proc.h"
#include "runtime/proc_internal.h"
#include "runtime/runtime.h"

namespace gojit::rt {

namespace {

// The started goroutine's first function: calls the Go function f(c); returning
// goes to goexit, whose GoExit0 sees gp->coroarg and resumes the other goroutine.
void CoroStart(G* gp, void* arg) {
  auto* c = static_cast<Coro*>(arg);
  using Fn = void (*)(G*, void* closure, Coro*);
  reinterpret_cast<Fn>(*static_cast<void**>(c->fn))(gp, c->fn, c);
}

// Hands mp to `next`, a parked member of a coroutine pair. On g0.
[[noreturn]] void RunParked(M* mp, G* next) {
  if (next == nullptr) Throw("coroswitch on exited coro");
  if (next->lockedm != nullptr || mp->lockedg != nullptr) Throw("coroswitch with a locked thread");
  CasGStatus(next, Gstatus::kWaiting, Gstatus::kRunnable);
  Execute(mp, next, /*inherit_time=*/true);
}

// coroswitch_m, on g0: gp parks in c and c's parked goroutine runs.
[[noreturn]] void CoroSwitchM(G* gp) {
  M* mp = gp->m;
  auto* c = static_cast<Coro*>(std::exchange(mp->waitlock, nullptr));
  if (gp->lockedm != nullptr) Throw("coroswitch with a locked thread");
  G* next = c->gp;
  CasGStatus(gp, Gstatus::kRunning, Gstatus::kWaiting);
  gp->waitreason = WaitReason::kCoroutine;
  DropG(mp);
  c->gp = gp;
  RunParked(mp, next);
}

}  // namespace

Coro* NewCoro(G* g, void* fn) {
  auto* c = static_cast<Coro*>(Malloc(g, sizeof(Coro), &kPointerWordsType));
  c->fn = fn;
  G* gp = NewProc1(g, &CoroStart, c, StartingStackSize(),
                   reinterpret_cast<uintptr_t>(__builtin_return_address(0)));
  // Parked from the start: on no run queue, so nobody else can see the change.
  CasGStatus(gp, Gstatus::kRunnable, Gstatus::kWaiting);
  gp->waitreason = WaitReason::kCoroutine;
  gp->coroarg = c;
  c->gp = gp;
  return c;
}

void CoroSwitch(G* g, Coro* c) {
  g->m->waitlock = c;
  gojit_mcall(g, &CoroSwitchM);
}

// coroexit's tail: the started goroutine is dead (GoExit0 did its bookkeeping);
// the other one resumes.
[[noreturn]] void CoroExitResume(M* mp, Coro* c) {
  RunParked(mp, std::exchange(c->gp, nullptr));
}

}  // namespace gojit::rt
