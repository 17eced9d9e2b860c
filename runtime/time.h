// Runtime timers: per-P heaps, time.Sleep, and the timers behind package time's
// Timer, Ticker, After and AfterFunc. Mirrors runtime/time.go (see time.cc for how
// and why the locking differs).
#pragma once

#include <cstdint>

#include "runtime/lock_futex.h"
#include "runtime/runtime2.h"
#include "runtime/type.h"

namespace gojit::rt {

// The code of a timer function: f(arg, seq, delay) called as Go code, with the
// closure pointer as its hidden second argument and arg's eface split in two
// words. delay is how late the call is (now - when), which package time's sendTime
// subtracts from the time it sends.
using TimerFuncCode = void (*)(G* g, void* closure, const TypeDescriptor* arg_type,
                               void* arg_data, uintptr_t seq, int64_t delay);

struct HChan;

// Mirrors timer (runtime/time.go): a time.Sleep timer (G.timer), or the runtime
// half of a time.Timer or time.Ticker (TimeTimer below).
//
// Invariants:
//  1. pp != null iff the timer is in pp's heap (status kWaiting), at timers[idx];
//     pp and idx change only under pp->timersLock.
//  2. when > 0 while in a heap; period > 0 makes it fire repeatedly.
//  3. f is a Go func value (a closure whose first word is TimerFuncCode).
//  4. hchan != null makes it a channel timer with Go 1.23's synchronous channel:
//     f runs under send_lock and only while seq still equals the seq read when it
//     was taken from the heap; Stop and Reset bump seq under send_lock and then
//     drain the channel, so no value from before them is ever received.
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
  HChan* hchan = nullptr;
  Mutex send_lock;
};

// Mirrors timeTimer: what time.newTimer returns. Package time's Timer and Ticker
// are its first two fields ({C <-chan Time; initTimer bool}); the rest is the
// runtime's. Allocated on the Go heap and scanned conservatively.
struct TimeTimer {
  void* c;
  bool init;
  Timer timer;
};

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

// time.newTimer: a TimeTimer armed for when (period > 0: a Ticker) that calls f
// with arg; c != null makes it a channel timer (Timer invariant 4).
TimeTimer* NewTimeTimer(G* gp, int64_t when, int64_t period, void* f, GoEface arg,
                        HChan* c);
// time.stopTimer: true if the timer was pending (or a value was drained from
// its channel).
bool StopTimeTimer(TimeTimer* t);
// time.resetTimer: re-arms t for when and period; true as for StopTimeTimer.
bool ResetTimeTimer(G* gp, TimeTimer* t, int64_t when, int64_t period);

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
