// Runtime timers. Mirrors runtime/time.go: every P owns a 4-ary min-heap of timers
// ordered by when; the M that holds the P runs the due ones from the scheduler
// (checkTimers in schedule/findRunnable, and stealWork runs other Ps' timers), and an
// M with nothing to do sleeps in the network poller until the earliest when.
//
// Where gojit differs from gc, and why: gc never locks a timer to modify it; a
// status word walks a lock-free state machine (timerModifiedEarlier, timerDeleted,
// ...) and the owning P cleans its heap lazily. Here a timer records its heap (pp)
// and its index there (idx), and every change takes that P's timersLock, removing
// the timer eagerly. That is simpler to get right and costs one uncontended lock
// per operation; the P that owns a heap is the only one adding to it, so the lock
// is contended only by Stop/Reset from another P and by stealing.
//
// A timer's function runs on the M's g0 stack with timersLock released, as gc's
// runOneTimer does: it must not block (package time's functions do a non-blocking
// send or start a goroutine; time.Sleep's readies the sleeper).
//
// Channel timers (Go 1.23's synchronous time.Timer.C): gc keeps such a timer out
// of the heap until a goroutine blocks on its channel and sends lazily, so the
// channel never holds a stale value. Here the timer sends when due, into the
// channel's one-slot buffer, and Stop and Reset drain that buffer (and bump seq
// under send_lock, so a send already in flight is dropped): what a program can
// observe is the same (no value from before Stop or Reset, len and cap 0), but an
// unreferenced Ticker that nobody stops stays in its heap, as before Go 1.23.
#include "runtime/time.h"

#include <vector>

#include "runtime/chan.h"
#include "runtime/deterministic_sched.h"
#include "runtime/mgc.h"
#include "runtime/proc.h"
#include "runtime/runtime.h"

namespace gojit::rt {
namespace {

// --- the heap (siftupTimer / siftdownTimer, with idx maintained) ------------------

void SetAt(std::vector<Timer*>& h, size_t i, Timer* t) {
  h[i] = t;
  t->idx = static_cast<int32_t>(i);
}

void SiftUp(std::vector<Timer*>& h, size_t i) {
  Timer* t = h[i];
  int64_t when = t->when;
  while (i > 0) {
    size_t p = (i - 1) / 4;  // parent
    if (when >= h[p]->when) break;
    SetAt(h, i, h[p]);
    i = p;
  }
  SetAt(h, i, t);
}

void SiftDown(std::vector<Timer*>& h, size_t i) {
  size_t n = h.size();
  Timer* t = h[i];
  int64_t when = t->when;
  for (;;) {
    size_t c = i * 4 + 1;  // left child
    size_t c3 = c + 2;     // mid child
    if (c >= n) break;
    int64_t w = h[c]->when;
    if (c + 1 < n && h[c + 1]->when < w) {
      w = h[c + 1]->when;
      c++;
    }
    if (c3 < n) {
      int64_t w3 = h[c3]->when;
      if (c3 + 1 < n && h[c3 + 1]->when < w3) {
        w3 = h[c3 + 1]->when;
        c3++;
      }
      if (w3 < w) {
        w = w3;
        c = c3;
      }
    }
    if (w >= when) break;
    SetAt(h, i, h[c]);
    i = c;
  }
  SetAt(h, i, t);
}

void UpdateTimer0When(P* pp) ABSL_EXCLUSIVE_LOCKS_REQUIRED(pp->timersLock) {
  pp->timer0When.store(pp->timers.empty() ? 0 : pp->timers[0]->when,
                       std::memory_order_release);
  pp->numTimers.store(static_cast<uint32_t>(pp->timers.size()), std::memory_order_relaxed);
}

// Mirrors doaddtimer.
void DoAddTimer(P* pp, Timer* t) ABSL_EXCLUSIVE_LOCKS_REQUIRED(pp->timersLock) {
  NetpollGenericInit();  // timers rely on the network poller to sleep
  pp->timers.push_back(t);
  t->pp.store(pp, std::memory_order_release);
  t->status = kTimerWaiting;
  SiftUp(pp->timers, pp->timers.size() - 1);
  UpdateTimer0When(pp);
}

// Removes t (in pp's heap) from it; mirrors dodeltimer.
void DoDelTimer(P* pp, Timer* t) ABSL_EXCLUSIVE_LOCKS_REQUIRED(pp->timersLock) {
  auto& h = pp->timers;
  size_t i = static_cast<size_t>(t->idx);
  if (i >= h.size() || h[i] != t) Throw("timer data corruption");
  size_t last = h.size() - 1;
  if (i != last) SetAt(h, i, h[last]);
  h.pop_back();
  if (i != last) {
    SiftUp(h, i);
    SiftDown(h, static_cast<size_t>(h[i] == nullptr ? 0 : i));
  }
  t->pp.store(nullptr, std::memory_order_release);
  t->status = kTimerNoStatus;
  UpdateTimer0When(pp);
}

// Locks the heap t is in and returns its P, or returns null (t in no heap).
P* LockTimerHeap(Timer* t) ABSL_NO_THREAD_SAFETY_ANALYSIS {
  for (;;) {
    P* pp = t->pp.load(std::memory_order_acquire);
    if (pp == nullptr) return nullptr;
    pp->timersLock.Lock();
    if (t->pp.load(std::memory_order_relaxed) == pp) return pp;
    pp->timersLock.Unlock();
  }
}

P* CurrentP(G* gp) {
  M* mp = gp != nullptr ? gp->m : tls_m;
  if (mp == nullptr || mp->p == nullptr) Throw("timer: no P");
  return mp->p;
}

// The code of the timer that time.Sleep arms: readies the sleeping G (arg.data).
void GoroutineReadyCode(G* g, void*, const TypeDescriptor*, void* data, uintptr_t, int64_t) {
  Goready(g, static_cast<G*>(data));
}
void* const kGoroutineReady[1] = {reinterpret_cast<void*>(&GoroutineReadyCode)};

// gopark's unlock function for time.Sleep: arm the timer only once the G is off
// its stack, so that the wake-up cannot race with the park (resetForSleep).
bool ResetForSleep(G* gp, void* arg) {
  auto* t = static_cast<Timer*>(arg);
  (void)gp;  // already dropped from its M: the timer goes on this M's P
  ResetTimer(tls_m->g0, t, t->nextwhen);
  return true;
}

}  // namespace

void AddTimer(G* gp, Timer* t) {
  if (t->when <= 0) Throw("timer when must be positive");
  if (t->period < 0) Throw("timer period must be non-negative");
  if (t->status != kTimerNoStatus) Throw("addtimer called with initialized timer");
  int64_t when = t->when;
  P* pp = CurrentP(gp);
  {
    MutexLock l(&pp->timersLock);
    DoAddTimer(pp, t);
  }
  WakeNetPoller(when);
}

bool DelTimer(Timer* t) {
  P* pp = LockTimerHeap(t);
  if (pp == nullptr) return false;
  DoDelTimer(pp, t);
  pp->timersLock.Unlock();
  return true;
}

bool ModTimer(G* gp, Timer* t, int64_t when, int64_t period, void* f, GoEface arg,
              uintptr_t seq) {
  if (when <= 0) when = kMaxWhen;  // a when in the past overflowed: never (as gc)
  if (period < 0) Throw("timer period must be non-negative");
  bool pending = DelTimer(t);
  t->when = when;
  t->period = period;
  // A time.Timer's timer is a heap object: behind the write barrier.
  WbShade(t->f);
  WbShade(t->arg.data);
  t->f = f;
  t->arg = arg;
  t->seq = seq;
  AddTimer(gp, t);
  return pending;
}

bool ResetTimer(G* gp, Timer* t, int64_t when) {
  return ModTimer(gp, t, when, t->period, t->f, t->arg, t->seq);
}

TimeTimer* NewTimeTimer(G* gp, int64_t when, int64_t period, void* f, GoEface arg,
                        HChan* c) {
  static const TypeDescriptor kTimeTimerType = {
      .size = sizeof(TimeTimer), .ptrdata = sizeof(TimeTimer), .hash = 0,
      .kind = Kind::kStruct, .align = alignof(TimeTimer), .flags = 0, .pad = 0,
      .name = {reinterpret_cast<const uint8_t*>("runtime.timeTimer"), 17},
      .elem = nullptr, .key = nullptr, .len = 0, .fields = nullptr, .nfields = 0,
      .methods = nullptr, .nmethods = 0, .gcdata = nullptr, .ptr_to_this = nullptr};  // conservative
  auto* tt = new (Malloc(gp, sizeof(TimeTimer), &kTimeTimerType)) TimeTimer{};
  Timer* t = &tt->timer;
  if (c != nullptr) {
    if (c->dataqsiz == 0) Throw("invalid timer channel: no capacity");
    t->hchan = c;
    c->timer = t;
  }
  if (when <= 0) Throw("timer when must be positive");
  t->when = when;
  t->period = period;
  t->f = f;
  t->arg = arg;
  AddTimer(gp, t);
  tt->init = true;
  return tt;
}

bool StopTimeTimer(TimeTimer* tt) {
  Timer* t = &tt->timer;
  if (t->hchan == nullptr) return DelTimer(t);
  bool pending;
  {
    MutexLock l(&t->send_lock);
    pending = DelTimer(t);
    t->seq++;
  }
  if (ChanDrainTimer(t->hchan)) pending = true;
  return pending;
}

bool ResetTimeTimer(G* gp, TimeTimer* tt, int64_t when, int64_t period) {
  Timer* t = &tt->timer;
  if (t->hchan == nullptr) return ModTimer(gp, t, when, period, t->f, t->arg, t->seq);
  bool pending;
  {
    MutexLock l(&t->send_lock);
    pending = ModTimer(gp, t, when, period, t->f, t->arg, t->seq + 1);
  }
  if (ChanDrainTimer(t->hchan)) pending = true;
  return pending;
}

int64_t CheckTimers(G* g0, P* pp, int64_t now, int64_t* poll_until, bool* ran) {
  *ran = false;
  int64_t next = pp->timer0When.load(std::memory_order_acquire);
  if (next == 0) {
    *poll_until = 0;
    return now;
  }
  if (now == 0) now = ProgramNanotime();
  if (now < next) {
    *poll_until = next;
    return now;
  }
  pp->timersLock.Lock();
  while (!pp->timers.empty()) {
    Timer* t = pp->timers[0];
    if (t->when > now) break;
    // Mirrors runOneTimer: a periodic timer is re-armed before f runs.
    void* f = t->f;
    GoEface arg = t->arg;
    uintptr_t seq = t->seq;
    int64_t delay = now - t->when;
    bool is_chan = t->hchan != nullptr;
    if (t->period > 0) {
      int64_t delta = t->when - now;
      t->when += t->period * (1 + -delta / t->period);
      if (t->when < 0) t->when = kMaxWhen;  // overflow
      SiftDown(pp->timers, 0);
      UpdateTimer0When(pp);
    } else {
      DoDelTimer(pp, t);
    }
    pp->timersLock.Unlock();
    auto code = *static_cast<TimerFuncCode*>(f);
    if (is_chan) {
      // Timer invariant 4: a Stop or Reset since t left the heap wins.
      MutexLock l(&t->send_lock);
      if (t->seq == seq) code(g0, f, arg.type, arg.data, seq, delay);
    } else {
      code(g0, f, arg.type, arg.data, seq, delay);
    }
    *ran = true;
    pp->timersLock.Lock();
  }
  *poll_until = pp->timers.empty() ? 0 : pp->timers[0]->when;
  pp->timersLock.Unlock();
  return now;
}

int64_t TimeSleepUntil() {
  int64_t next = kMaxWhen;
  int32_t n = gomaxprocs.load(std::memory_order_acquire);
  for (int32_t i = 0; i < n; i++) {
    int64_t w = allp[i]->timer0When.load(std::memory_order_acquire);
    if (w != 0 && w < next) next = w;
  }
  return next;
}

void MoveTimers(P* to, P* from) ABSL_NO_THREAD_SAFETY_ANALYSIS {
  MutexLock lf(&from->timersLock);
  MutexLock lt(&to->timersLock);
  std::vector<Timer*> moving;
  moving.swap(from->timers);
  UpdateTimer0When(from);
  for (Timer* t : moving) DoAddTimer(to, t);
}

void TimeSleep(G* gp, int64_t ns) {
  if (ns <= 0) return;
  Timer* t = gp->timer;
  if (t == nullptr) {
    t = new Timer();
    gp->timer = t;
  }
  t->f = const_cast<void**>(kGoroutineReady);
  t->arg = GoEface{nullptr, gp};
  t->period = 0;
  t->nextwhen = ProgramNanotime() + ns;
  if (t->nextwhen < 0) t->nextwhen = kMaxWhen;  // overflow
  Gopark(gp, &ResetForSleep, t, WaitReason::kSleep);
}

}  // namespace gojit::rt
