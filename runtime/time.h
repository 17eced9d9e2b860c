// Runtime timers: per-P heaps, time.Sleep, and the timers behind package time's
// Timer, Ticker, After and AfterFunc. Mirrors runtime/time.go (see time.cc for how
// and why the locking differs).
#pragma once

#include <cstdint>

#include "runtime/runtime2.h"
#include "runtime/type.h"

namespace gojit::rt {

// The code of a timer function: f(arg, seq) called as Go code, with the closure
// pointer as its hidden second argument and arg's eface split in two words.
using TimerFuncCode = void (*)(G* g, void* closure, const TypeDescriptor* arg_type,
                               void* arg_data, uintptr_t seq);

// Mirrors timer (runtime2.go) and, field for field, time.runtimeTimer in
// stdlib/time/sleep.go: package time allocates it and passes it to the natives.
//
// Invariants:
//  1. pp != null iff the timer is in pp's heap (status kWaiting), at timers[idx];
//     pp and idx change only under pp->timersLock.
//  2. when > 0 while in a heap; period > 0 makes it fire repeatedly.
//  3. f is a Go func value (a closure whose first word is TimerFuncCode).
struct Timer {
  std::atomic<P*> pp{nullptr};
  int64_t when = 0;
  int64_t period = 0;
  void* f = nullptr;
  GoEface arg = {};
  uintptr_t seq = 0;
  int64_t nextwhen = 0;  // time.Sleep: when the parked G should wake
  uint32_t status = 0;   // kTimerNoStatus or kTimerWaiting
  int32_t idx = 0;       // position in pp->timers while in a heap
};
static_assert(sizeof(Timer) == 72, "Timer mirrors time.runtimeTimer");

inline constexpr uint32_t kTimerNoStatus = 0;
inline constexpr uint32_t kTimerWaiting = 1;

// The largest when (maxWhen): timers past it never fire.
inline constexpr int64_t kMaxWhen = INT64_MAX;

// Mirrors addtimer: t (not in any heap) goes into the current P's heap.
// REQUIRES: gp runs on an M with a P (or is that M's g0).
void AddTimer(G* gp, Timer* t);
// Mirrors deltimer: removes t from its heap. True if it was there (had not fired).
bool DelTimer(Timer* t);
// Mirrors modtimer: (re)arms t with the given fields; true if it was pending.
bool ModTimer(G* gp, Timer* t, int64_t when, int64_t period, void* f, GoEface arg,
              uintptr_t seq);
// Mirrors resettimer: re-arms t for when; true if it was pending.
bool ResetTimer(G* gp, Timer* t, int64_t when);

// Mirrors checkTimers: runs pp's due timers (pp must be the caller's P, or a P the
// caller may steal timers from). Returns now (read if 0 was passed); *poll_until is
// the next timer's when (0: none); *ran says whether any timer ran.
int64_t CheckTimers(G* g0, P* pp, int64_t now, int64_t* poll_until, bool* ran);
// Mirrors nobarrierWakeTime: pp's earliest when, 0 if none.
inline int64_t NobarrierWakeTime(P* pp) {
  return pp->timer0When.load(std::memory_order_acquire);
}
// Mirrors timeSleepUntil: the earliest when over all Ps (kMaxWhen if none).
int64_t TimeSleepUntil();
// Mirrors moveTimers: every timer of `from` (a P being destroyed) into `to`.
void MoveTimers(P* to, P* from);

// Mirrors timeSleep: parks gp for ns nanoseconds (returns at once if ns <= 0).
void TimeSleep(G* gp, int64_t ns);

// Mirrors wakeNetPoller (proc.go): makes sure some M will notice a timer at when.
void WakeNetPoller(int64_t when);

// netpoll.cc: the network poller, used today as the scheduler's timed sleep.
void NetpollGenericInit();   // netpollGenericInit: idempotent
bool NetpollInited();        // netpollinited
// Blocks up to delay ns (< 0: until woken; 0: poll) and returns the Gs made ready
// (none today: no descriptors are registered yet).
GQueue Netpoll(int64_t delay);
void NetpollBreak();  // netpollBreak: wakes an M blocked in Netpoll

}  // namespace gojit::rt
