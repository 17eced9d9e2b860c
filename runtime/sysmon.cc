// sysmon: the thread without a P that watches the scheduler. Mirrors proc.go's
// sysmon, retake, preemptone and schedtrace.
//
// sysmon polls from 20 us to 10 ms (doubling while idle, as gc's delay; at most a
// tenth of a --timeslice under 10 ms): it
// retakes Ps from Ms blocked in system calls for over a tick (handoffp), asks Gs
// that ran over 10 ms to yield (preemptone: stackPreempt and, under async
// preemption, a signal), starts an M when an overdue timer has no one to run it,
// polls the network when nobody has for 10 ms, feeds the stop-the-world watchdog
// (preempt.cc), and prints GODEBUG=schedtrace lines. It sleeps on sched.sysmonnote while every P is idle.
#include <unistd.h>

#include <algorithm>

#include <cstdlib>
#include <string_view>

#include "runtime/netpoll.h"
#include "runtime/preempt.h"
#include "runtime/proc_internal.h"
#include "runtime/time.h"

namespace gojit::rt {

// --- sysmon ----------------------------------------------------------------------

// Mirrors forcePreemptNS: the time slice after which sysmon asks a G to yield
// (gc's 10 ms, or RunOptions::time_slice_ns: gojit run --timeslice).
int64_t ForcePreemptNS() { return CurrentRunOptions().time_slice_ns; }

// Mirrors preemptone: asks the G running on pp to stop: gp->preempt for the
// scheduler's own checks, and a signal for async preemption (preempt.cc).
bool PreemptOne(P* pp) {
  M* mp = pp->m;
  if (mp == nullptr || mp == tls_m) return false;
  G* gp = mp->curg;
  if (gp == nullptr || gp == mp->g0) return false;
  RequestPreempt(mp, gp);
  return true;
}

// Mirrors retake: takes Ps from Ms blocked in system calls for over a sysmon tick
// (20us-10ms) when there is other work, and asks Gs running for over 10ms to
// yield. Returns the number of Ps retaken.
uint32_t Retake(int64_t now) {
  uint32_t n = 0;
  int32_t procs = gomaxprocs.load();
  for (int32_t i = 0; i < procs; i++) {
    P* pp = allp[i];
    SysmonTick* pd = &pp->sysmontick;
    uint32_t s = pp->status.load();
    bool sysretake = false;
    if (s == static_cast<uint32_t>(Pstatus::kRunning) ||
        s == static_cast<uint32_t>(Pstatus::kSyscall)) {
      uint32_t t = pp->schedtick.load(std::memory_order_relaxed);
      if (pd->schedtick != t) {
        pd->schedtick = t;
        pd->schedwhen = now;
      } else if (pd->schedwhen + ForcePreemptNS() <= now) {
        PreemptOne(pp);
        sysretake = true;  // a syscall P over its slice is retaken below
        M* mp = pp->m;
        G* gp = mp != nullptr ? mp->curg : nullptr;
        // The watchdog speaks only when someone waits for this P: its local queue
        // (nobody idle to steal it) or a timer overdue by a second.
        bool others_wait = (!RunqEmpty(pp) && sched.npidle.load() == 0) ||
                           (NobarrierWakeTime(pp) != 0 && NobarrierWakeTime(pp) + 1000000000 < now);
        if (gp != nullptr && gp != mp->g0 && s == static_cast<uint32_t>(Pstatus::kRunning) &&
            others_wait) {
          WatchPreemptRequest(mp, gp, now);
        }
      }
    }
    if (s == static_cast<uint32_t>(Pstatus::kSyscall)) {
      uint32_t t = pp->syscalltick.load();
      if (!sysretake && pd->syscalltick != t) {
        pd->syscalltick = t;
        pd->syscallwhen = now;
        continue;
      }
      // Don't retake a P without work while other Ms spin or Ps idle, unless
      // the call has lasted 10ms (so that sysmon can sleep deeply).
      if (RunqEmpty(pp) && sched.nmspinning.load() + sched.npidle.load() > 0 &&
          pd->syscallwhen + 10 * 1000 * 1000 > now) {
        continue;
      }
      IncIdleLocked(-1);
      if (pp->status.compare_exchange_strong(s, static_cast<uint32_t>(Pstatus::kIdle))) {
        n++;
        pp->syscalltick.fetch_add(1);
        HandoffP(pp);
      }
      IncIdleLocked(1);
    }
  }
  return n;
}

// GODEBUG=schedtrace=N (ms) and scheddetail=1, read once.
struct SchedTraceSetting {
  int64_t period_ms = 0;
  bool detail = false;
};
SchedTraceSetting ReadSchedTrace() {
  SchedTraceSetting t;
  const char* env = getenv("GODEBUG");
  if (env == nullptr) return t;
  std::string_view v = env;
  size_t i = 0;
  while (i <= v.size()) {
    size_t j = v.find(',', i);
    if (j == std::string_view::npos) j = v.size();
    std::string_view kv = v.substr(i, j - i);
    if (kv.substr(0, 11) == "schedtrace=") t.period_ms = atoi(std::string(kv.substr(11)).c_str());
    if (kv.substr(0, 12) == "scheddetail=") t.detail = kv.substr(12) == "1";
    i = j + 1;
  }
  return t;
}
const SchedTraceSetting& SchedTrace() {
  static const SchedTraceSetting t = ReadSchedTrace();
  return t;
}
int64_t sched_start_time = 0;

// Mirrors schedtrace: one line of the scheduler's state ("SCHED 12ms: gomaxprocs=2
// idleprocs=1 threads=5 spinningthreads=0 idlethreads=2 runqueue=0 [0 0]"), and
// with scheddetail=1 one line per P, M and G as well.
void SchedTraceLine(bool detailed) {
  int64_t now = Nanotime();
  int32_t procs = gomaxprocs.load();
  MutexLock l(&sched.lock);
  PrintLock();
  PrintString("SCHED ");
  PrintInt((now - sched_start_time) / 1000000);
  PrintString("ms: gomaxprocs=");
  PrintInt(procs);
  PrintString(" idleprocs=");
  PrintInt(sched.npidle.load());
  PrintString(" threads=");
  PrintInt(sched.mnext - nmfreed);
  PrintString(" spinningthreads=");
  PrintInt(sched.nmspinning.load());
  PrintString(" idlethreads=");
  PrintInt(sched.nmidle);
  PrintString(" runqueue=");
  PrintInt(sched.runqsize);
  if (detailed) {
    PrintString(" gcwaiting=");
    PrintInt(sched.gcwaiting.load());
    PrintString(" nmidlelocked=");
    PrintInt(sched.nmidlelocked);
    PrintString(" stopwait=");
    PrintInt(sched.stopwait);
    PrintString(" sysmonwait=");
    PrintInt(sched.sysmonwait.load());
    PrintString("\n");
  }
  for (int32_t i = 0; i < procs; i++) {
    P* pp = allp[i];
    uint32_t h = pp->runqhead.load();
    uint32_t t = pp->runqtail.load();
    if (detailed) {
      M* mp = pp->m;
      PrintString("  P");
      PrintInt(i);
      PrintString(": status=");
      PrintUint(pp->status.load());
      PrintString(" schedtick=");
      PrintUint(pp->schedtick.load());
      PrintString(" syscalltick=");
      PrintUint(pp->syscalltick.load());
      PrintString(" m=");
      PrintInt(mp != nullptr ? mp->id : -1);
      PrintString(" runqsize=");
      PrintUint(t - h);
      PrintString(" gfreecnt=");
      PrintInt(pp->gfreecount);
      PrintString(" timerslen=");
      PrintUint(pp->numTimers.load());
      PrintString("\n");
    } else {
      PrintString(" ");
      if (i == 0) PrintString("[");
      PrintUint(t - h);
      if (i == procs - 1) PrintString("]\n");
    }
  }
  if (detailed) {
    for (M* mp = allm; mp != nullptr; mp = mp->alllink) {
      P* pp = mp->p;
      PrintString("  M");
      PrintInt(mp->id);
      PrintString(": p=");
      PrintInt(pp != nullptr ? pp->id : -1);
      PrintString(" curg=");
      PrintInt(mp->curg != nullptr ? mp->curg->goid : -1);
      PrintString(" mallocing=0 throwing=");
      PrintInt(mp->throwing);
      PrintString(" preemptoff= locks=");
      PrintInt(mp->locks);
      PrintString(" dying=");
      PrintInt(mp->dying);
      PrintString(" spinning=");
      PrintString(mp->spinning ? "true" : "false");
      PrintString(" blocked=");
      PrintString(mp->blocked ? "true" : "false");
      PrintString(" lockedg=");
      PrintInt(mp->lockedg != nullptr ? mp->lockedg->goid : -1);
      PrintString("\n");
    }
    MutexLock gl(&allglock);
    for (G* gp : allgs) {
      uint32_t st = ReadGStatus(gp);
      if (st == static_cast<uint32_t>(Gstatus::kDead)) continue;
      M* mp = gp->m;
      PrintString("  G");
      PrintInt(gp->goid);
      PrintString(": status=");
      PrintUint(st);
      PrintString("(");
      PrintString(WaitReasonString(gp->waitreason));
      PrintString(") m=");
      PrintInt(mp != nullptr ? mp->id : -1);
      PrintString(" lockedm=");
      PrintInt(gp->lockedm != nullptr ? gp->lockedm->id : -1);
      PrintString("\n");
    }
  }
  PrintUnlock();
}

// Mirrors sysmon: a thread without a P that retakes Ps from system calls, asks
// long-running Gs to yield, and makes sure timers that are due get run. It backs
// off from 20us to 10ms while nothing happens, and sleeps while all Ps are idle.
void Sysmon(M* mp) {
  {
    MutexLock l(&sched.lock);
    sched.nmsys++;
    CheckDead();
  }
  int64_t lasttrace = 0;
  int idle = 0;  // cycles in succession without waking anybody
  uint32_t delay = 0;
  for (;;) {
    if (idle == 0) {
      delay = 20;  // start with 20us sleep...
    } else if (idle > 50) {
      delay *= 2;  // ...then double it
    }
    if (delay > 10 * 1000) delay = 10 * 1000;  // up to 10ms
    // A time slice shorter than gc's 10 ms is noticed within a tenth of itself.
    if (int64_t slice_us = ForcePreemptNS() / 1000; slice_us < 10 * 1000 && delay > slice_us / 10)
      delay = static_cast<uint32_t>(std::max<int64_t>(20, slice_us / 10));
    Usleep(delay);
    int64_t now = Nanotime();
    if (SchedTrace().period_ms <= 0 &&
        (sched.gcwaiting.load() != 0 || sched.npidle.load() == gomaxprocs.load())) {
      sched.lock.Lock();
      if (sched.gcwaiting.load() != 0 || sched.npidle.load() == gomaxprocs.load()) {
        bool syscall_wake = false;
        int64_t next = TimeSleepUntil();
        if (next > now) {
          sched.sysmonwait.store(1);
          sched.lock.Unlock();
          // Wake up often enough for the sampling to stay correct.
          int64_t sleep = int64_t{60} * 1000 * 1000 * 1000;  // forcegcperiod / 2
          if (next - now < sleep) sleep = next - now;
          syscall_wake = NoteTSleep(&sched.sysmonnote, sleep);
          sched.lock.Lock();
          sched.sysmonwait.store(0);
          NoteClear(&sched.sysmonnote);
        }
        if (syscall_wake) {
          idle = 0;
          delay = 20;
        }
      }
      sched.lock.Unlock();
    }
    MutexLock l(&sched.sysmonlock);
    now = Nanotime();
    // Timers that are overdue although an M should be sleeping until them (the
    // owning P is busy running a G that does not yield): start an M for them.
    if (TimeSleepUntil() < now) StartM(nullptr, false);
    // Poll the network if nobody has for 10ms (every P busy with goroutines that
    // do not block): the goroutines whose descriptors are ready join the queue.
    int64_t lastpoll = sched.lastpoll.load();
    if (NetpollInited() && lastpoll != 0 && lastpoll + 10 * 1000 * 1000 < now) {
      sched.lastpoll.compare_exchange_strong(lastpoll, now);
      GQueue list = Netpoll(0);
      if (!list.Empty()) {
        InjectGList(list);
        idle = 0;
      }
    }
    if (Retake(now) != 0) {
      idle = 0;
    } else {
      idle++;
    }
    if (SchedTrace().period_ms > 0 && lasttrace + SchedTrace().period_ms * 1000000 <= now) {
      lasttrace = now;
      SchedTraceLine(SchedTrace().detail);
    }
  }
  (void)mp;
}

// The body of sysmon's thread: it never schedules.
[[noreturn]] void SysmonMain(M* mp) {
  Sysmon(mp);
  __builtin_trap();
}


void StartSysmon() { NewM(&SysmonMain, nullptr); }

}  // namespace gojit::rt
