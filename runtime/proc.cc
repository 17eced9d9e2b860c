// The scheduler: Ms (threads), Ps (the right to run Go code) and Gs, run queues
// with work stealing, spinning Ms, stop-the-world, system calls, LockOSThread, and
// the process entry RunMain. Mirrors runtime/proc.go; each function names the Go
// function it mirrors, and gc's comments on those functions apply.
//
// How a program runs (as in gc): RunMain (rt0_go) initializes the scheduler
// (schedinit: GOMAXPROCS Ps, from the environment or the CPU count), creates G1
// running RuntimeMain (newproc(runtime.main)) and calls mstart on the thread's own
// stack, which becomes M0's g0 stack. RuntimeMain starts sysmon, calls the JIT'd
// entry (package inits + main.main) and exits the process with 0 when it returns.
// Any other G's first function returns to goexit (asm), which mcall's goexit0 on
// g0: the G becomes _Gdead, goes on a free list (stack kept), and schedule() runs
// the next G.
//
// Ms and Ps (proc.go's "Worker thread parking/unparking" comment applies word for
// word): an M runs Go code only while it holds a P. When a G is made runnable
// (newproc, ready) and there is an idle P but no spinning M, wakep starts one more
// M in the spinning state (startm: an idle M from sched.midle, woken through its
// park note, or a new thread). A spinning M looks for work in the global queue and
// by stealing half of another P's local queue (stealWork, in random victim order,
// runnext only on the last pass); finding some, it stops spinning and wakes
// another spinner (resetspinning), so work spreads without a thundering herd. An M
// that finds nothing gives its P back (pidleput) and parks (stopm); before that, a
// spinning M re-checks every queue, so a G readied concurrently with the M
// going idle is never stranded. The invariant gc states: if there is an idle P and
// runnable work, some M is spinning or about to be.
//
// Timers live in per-P heaps (time.cc). An M with nothing to run but timers pending
// sleeps in the network poller until the earliest one (at most one M does; the
// others park), and whoever arms an earlier timer breaks that sleep.
//
// Blocking system calls (entersyscall/exitsyscall) leave the P in _Psyscall; sysmon
// (sysmon.cc) hands it to another M if the call lasts (retake), and exitsyscall
// takes it back if it can, else queues the G and parks the M.
//
// Stop-the-world (stw.cc: GOMAXPROCS(n), runtime.GC, the collector) sets
// sched.gcwaiting and waits until every P has stopped: idle and syscall Ps are
// taken at once, running ones stop when their M next enters the scheduler, which a
// signal forces (async preemption, preempt.cc). With GODEBUG=asyncpreemptoff=1 a
// goroutine that never blocks or yields holds the world up, as under Go 1.13.
//
// Deadlock (checkdead): when every M is idle and no goroutine can run, no timer is
// pending and no system call is in progress, gc's "all goroutines are asleep".
#include "runtime/proc.h"

#include <sys/mman.h>

#include <pthread.h>
#include <signal.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "runtime/chan.h"
#include "runtime/deterministic_sched.h"
#include "runtime/mgc.h"
#include "runtime/netpoll.h"
#include "runtime/proc_internal.h"
#include "runtime/preempt.h"
#include "runtime/sema.h"
#include "runtime/time.h"

namespace gojit::rt {

SchedT sched;
std::atomic<int32_t> gomaxprocs{0};
P* allp[kMaxGomaxprocs] = {};
int32_t ncpu = 1;
Mutex allglock;
std::vector<G*> allgs;
thread_local M* tls_m = nullptr;



RunState run;

// The stack a new goroutine starts with (startingStackSize): small and growable
// for Go code, large for RunUntilDone's C++ test bodies, which never grow.
size_t StartingStackSize() { return run.exit_on_return ? kFixedStack : kTestStackSize; }

M* allm ABSL_GUARDED_BY(sched.lock) = nullptr;
int64_t nmfreed ABSL_GUARDED_BY(sched.lock) = 0;  // Ms that exited
int32_t newprocs = 0;  // GOMAXPROCS(n) while the world is stopped


uint32_t ReadGStatus(G* gp) { return gp->atomicstatus.load(std::memory_order_acquire); }

// Mirrors casgstatus. Without a GC there is no _Gscan bit to wait out, so a
// mismatch is a runtime bug.
void CasGStatus(G* gp, Gstatus oldval, Gstatus newval) {
  uint32_t o = static_cast<uint32_t>(oldval);
  if (oldval == newval || (o & static_cast<uint32_t>(Gstatus::kScan)) != 0) {
    Throw("casgstatus: bad incoming values");
  }
  uint32_t expected = o;
  while (!gp->atomicstatus.compare_exchange_weak(expected, static_cast<uint32_t>(newval),
                                                 std::memory_order_acq_rel)) {
    if ((expected & static_cast<uint32_t>(Gstatus::kScan)) == 0 && expected != o) {
      Throw("casgstatus: bad status transition");
    }
    expected = o;
    __builtin_ia32_pause();
  }
}

std::string_view GstatusString(uint32_t status) {
  static constexpr std::string_view kStrings[] = {
      "idle", "runnable", "running", "syscall",   "waiting",
      "",     "dead",     "",        "copystack", "preempted"};
  if (status < std::size(kStrings) && !kStrings[status].empty()) return kStrings[status];
  return "???";
}

std::string_view WaitReasonString(WaitReason r) {
  static constexpr std::string_view kStrings[] = {"",
                                                  "GC assist marking",
                                                  "IO wait",
                                                  "chan receive (nil chan)",
                                                  "chan send (nil chan)",
                                                  "dumping heap",
                                                  "garbage collection",
                                                  "garbage collection scan",
                                                  "panicwait",
                                                  "select",
                                                  "select (no cases)",
                                                  "GC assist wait",
                                                  "GC sweep wait",
                                                  "GC scavenge wait",
                                                  "chan receive",
                                                  "chan send",
                                                  "finalizer wait",
                                                  "force gc (idle)",
                                                  "semacquire",
                                                  "sleep",
                                                  "sync.Cond.Wait",
                                                  "timer goroutine (idle)",
                                                  "trace reader (blocked)",
                                                  "wait for GC cycle",
                                                  "GC worker (idle)",
                                                  "preempted",
                                                  "debug call",
                                                  "coroutine"};
  auto i = static_cast<size_t>(r);
  return i < std::size(kStrings) ? kStrings[i] : "unknown wait reason";
}

// Mirrors stealOrder (randomOrder in proc_internal.h); procresize recomputes it.
StealOrder steal_order;

// Mirrors randomEnum.
class RandomEnum {
 public:
  explicit RandomEnum(uint32_t seed)
      : count_(steal_order.count),
        pos_(seed % steal_order.count),
        inc_(steal_order.coprimes[seed / steal_order.count % steal_order.coprimes.size()]) {}
  bool Done() const { return i_ == count_; }
  void Next() {
    i_++;
    pos_ = (pos_ + inc_) % count_;
  }
  uint32_t Position() const { return pos_; }

 private:
  uint32_t count_;
  uint32_t i_ = 0;
  uint32_t pos_;
  uint32_t inc_;
};

// --- the scheduler ---------------------------------------------------------------

// Mirrors dropg: disassociates the M and its current G.
void DropG(M* mp) {
  if (mp->curg != nullptr) {
    mp->curg->m = nullptr;
    mp->curg = nullptr;
  }
}

// Mirrors execute: runs gp on the current M. Never returns.
[[noreturn]] void Execute(M* mp, G* gp, bool inherit_time) {
  if (IsCompactStack(gp)) ExpandStack(gp);  // a goroutine never runs on one
  mp->curg = gp;
  gp->m = mp;
  CasGStatus(gp, Gstatus::kRunnable, Gstatus::kRunning);
  gp->waitsince = 0;
  gp->preempt = false;
  gp->stackguard0 = gp->stack.lo + kStackGuard;
  if (Deterministic()) DetStartSlice(gp);  // arms the guard: every safepoint counts
  if (!inherit_time) mp->p->schedtick.fetch_add(1, std::memory_order_relaxed);
  gojit_setstackguard(gp->stackguard0);
  gojit_gogo(&gp->sched);
}

// Mirrors checkdead: called whenever an M goes idle (mput) or a thread exits.
// Panics when no M is running, no goroutine is runnable and no timer is pending.
void CheckDead() ABSL_EXCLUSIVE_LOCKS_REQUIRED(sched.lock) {
  int64_t mcount = sched.mnext - nmfreed;
  int64_t running = mcount - sched.nmidle - sched.nmidlelocked - sched.nmsys;
  if (running > 0) return;
  if (running < 0) Throw("checkdead: inconsistent counts");
  if (!run.exit_on_return && sched.ngolive.load() == 0) {
    // RunUntilDone: every goroutine has exited. M0 (parked or about to park)
    // returns to the test (StopM).
    run.done.store(true, std::memory_order_release);
    M* m0 = run.m0;
    for (M** pm = &sched.midle; *pm != nullptr; pm = &(*pm)->schedlink) {
      if (*pm == m0) {
        *pm = m0->schedlink;
        sched.nmidle--;
        NoteWakeup(&m0->park);
        break;
      }
    }
    return;
  }
  int grunning = 0;
  {
    MutexLock l(&allglock);
    for (G* gp : allgs) {
      if (gp->system) continue;  // isSystemGoroutine
      uint32_t s = ReadGStatus(gp) & ~static_cast<uint32_t>(Gstatus::kScan);
      if (s == static_cast<uint32_t>(Gstatus::kWaiting) ||
          s == static_cast<uint32_t>(Gstatus::kPreempted)) {
        grunning++;
      } else if (s == static_cast<uint32_t>(Gstatus::kRunnable) ||
                 s == static_cast<uint32_t>(Gstatus::kRunning) ||
                 s == static_cast<uint32_t>(Gstatus::kSyscall)) {
        PrintLock();
        PrintString("runtime: checkdead: find g ");
        PrintInt(gp->goid);
        PrintString(" in status ");
        PrintUint(s);
        PrintString("\n");
        PrintUnlock();
        Throw("checkdead: runnable g");
      }
    }
  }
  if (grunning == 0) Throw("no goroutines (main called runtime.Goexit) - deadlock!");
  // No goroutine is running, so a pending timer will make progress.
  int32_t n = gomaxprocs.load();
  for (int32_t i = 0; i < n; i++) {
    if (allp[i]->numTimers.load() > 0) return;
  }
  Throw("all goroutines are asleep - deadlock!");
}

// Mirrors checkRunqsNoP: an idle P, if some P has local work.
P* CheckRunqsNoP() {
  int32_t n = gomaxprocs.load();
  for (int32_t i = 0; i < n; i++) {
    P* p2 = allp[i];
    if (p2->status.load(std::memory_order_relaxed) != static_cast<uint32_t>(Pstatus::kIdle) &&
        !RunqEmpty(p2)) {
      MutexLock l(&sched.lock);
      return PidleGet();
    }
  }
  return nullptr;
}

// Mirrors checkTimersNoP: the earliest timer over all Ps, or poll_until if earlier.
int64_t CheckTimersNoP(int64_t poll_until) {
  int32_t n = gomaxprocs.load();
  for (int32_t i = 0; i < n; i++) {
    int64_t w = NobarrierWakeTime(allp[i]);
    if (w != 0 && (poll_until == 0 || w < poll_until)) poll_until = w;
  }
  return poll_until;
}

// Mirrors stealWork: tries to steal a G (or run timers) from every other P, four
// passes in random order, runnext and timers only on the last one.
G* StealWork(M* mp, int64_t* now, int64_t* poll_until, bool* new_work) {
  P* pp = mp->p;
  bool ran_timer = false;
  *new_work = false;
  constexpr int kStealTries = 4;
  for (int i = 0; i < kStealTries; i++) {
    bool steal_timers_or_runnext = i == kStealTries - 1;
    for (RandomEnum e(FastRand(mp)); !e.Done(); e.Next()) {
      if (sched.gcwaiting.load() != 0) {
        *new_work = true;  // the world is stopping: go back to the top
        return nullptr;
      }
      P* p2 = allp[e.Position()];
      if (pp == p2) continue;
      if (steal_timers_or_runnext && p2->numTimers.load(std::memory_order_relaxed) > 0) {
        int64_t w = 0;
        bool ran = false;
        *now = CheckTimers(mp->g0, p2, *now, &w, &ran);
        if (w != 0 && (*poll_until == 0 || w < *poll_until)) *poll_until = w;
        if (ran) {
          // Running the timers may have made an arbitrary number of Gs ready
          // and added them to this P's local run queue.
          bool inherit = false;
          if (G* gp = RunqGet(pp, &inherit)) {
            *new_work = ran_timer;
            return gp;
          }
          ran_timer = true;
        }
      }
      if (p2->status.load(std::memory_order_relaxed) != static_cast<uint32_t>(Pstatus::kIdle)) {
        if (G* gp = RunqSteal(pp, p2, steal_timers_or_runnext)) {
          *new_work = ran_timer;
          return gp;
        }
      }
    }
  }
  *new_work = ran_timer;
  return nullptr;
}

// Mirrors findRunnable: the next G to run on mp, blocking (parking the M) until
// there is one. mp holds a P on entry and on return.
G* FindRunnable(M* mp, bool* inherit_time) {
top:
  P* pp = mp->p;
  if (sched.gcwaiting.load() != 0) {
    GcStopM(mp);
    goto top;
  }
  if (Deterministic()) {
    // Every runnable G is on the global queue; a decision picks one. Null: only
    // I/O waits, or nothing (the search below blocks in the poller or parks).
    if (G* gp = DetFindRunnable(mp)) {
      *inherit_time = false;
      return gp;
    }
    if (sched.gcwaiting.load() != 0) goto top;
  }
  int64_t poll_until = 0;
  bool ran = false;
  int64_t now = CheckTimers(mp->g0, pp, 0, &poll_until, &ran);
  // Check the global runnable queue once in a while to ensure fairness.
  if (pp->schedtick.load(std::memory_order_relaxed) % 61 == 0) {
    MutexLock l(&sched.lock);
    if (sched.runqsize > 0) {
      if (G* gp = GlobRunqGet(pp, 1)) {
        *inherit_time = false;
        return gp;
      }
    }
  }
  if (G* gp = RunqGet(pp, inherit_time)) return gp;
  {
    MutexLock l(&sched.lock);
    if (sched.runqsize > 0) {
      *inherit_time = false;
      return GlobRunqGet(pp, 0);
    }
  }
  // Goroutines whose descriptors are ready come before stealing (a
  // non-blocking poll, when some goroutine waits and no M sleeps in the poller).
  if (NetpollInited() && NetpollAnyWaiters() && sched.lastpoll.load() != 0) {
    GQueue list = Netpoll(0);
    if (!list.Empty()) {
      G* gp = list.Pop();
      InjectGList(list);
      CasGStatus(gp, Gstatus::kWaiting, Gstatus::kRunnable);
      *inherit_time = false;
      return gp;
    }
  }
  // Spinning Ms steal; limit them to half the busy Ps (gc's heuristic).
  {
    int32_t procs = gomaxprocs.load();
    if (mp->spinning || 2 * sched.nmspinning.load() < procs - sched.npidle.load()) {
      if (!mp->spinning) {
        mp->spinning = true;
        sched.nmspinning.fetch_add(1);
      }
      bool new_work = false;
      int64_t w = 0;
      G* gp = StealWork(mp, &now, &w, &new_work);
      if (gp != nullptr) {
        *inherit_time = false;
        return gp;
      }
      if (new_work) goto top;  // timers ran or the world is stopping: look again
      if (w != 0 && (poll_until == 0 || w < poll_until)) poll_until = w;
    }
  }
  // Nothing to do: give up the P.
  sched.lock.Lock();
  if (sched.gcwaiting.load() != 0) {
    sched.lock.Unlock();
    goto top;
  }
  if (sched.runqsize != 0) {
    G* gp = GlobRunqGet(pp, 0);
    sched.lock.Unlock();
    *inherit_time = false;
    return gp;
  }
  if (ReleaseP(mp) != pp) Throw("findrunnable: wrong p");
  PidlePut(pp);
  sched.lock.Unlock();
  bool was_spinning = mp->spinning;
  if (mp->spinning) {
    mp->spinning = false;
    if (sched.nmspinning.fetch_sub(1) - 1 < 0) Throw("findrunnable: negative nmspinning");
    // A G may have been readied while we were giving up the P, by a thread that
    // saw us spinning and so did not wake anyone: look at every queue once more.
    if (P* p2 = CheckRunqsNoP()) {
      AcquireP(mp, p2);
      mp->spinning = true;
      sched.nmspinning.fetch_add(1);
      goto top;
    }
    poll_until = CheckTimersNoP(poll_until);
  }
  // Sleep in the poller until the next timer, or until a descriptor some
  // goroutine waits for is ready, if no other M does.
  if (NetpollInited() && (NetpollAnyWaiters() || poll_until != 0) && sched.lastpoll.exchange(0) != 0) {
    sched.pollUntil.store(poll_until);
    if (mp->p != nullptr) Throw("findrunnable: netpoll with p");
    if (mp->spinning) Throw("findrunnable: netpoll with spinning");
    int64_t delay = -1;  // no timer: until a descriptor is ready, or a break
    if (poll_until != 0) {
      if (now == 0) now = Nanotime();
      delay = poll_until - now;
      if (delay < 0) delay = 0;
    }
    GQueue list = Netpoll(delay);
    sched.pollUntil.store(0);
    sched.lastpoll.store(Nanotime());
    P* p2;
    {
      MutexLock l(&sched.lock);
      p2 = PidleGet();
    }
    if (p2 != nullptr) {
      AcquireP(mp, p2);
      if (!list.Empty()) {
        // Run the first ready goroutine here, the others from the global queue.
        G* gp = list.Pop();
        InjectGList(list);
        CasGStatus(gp, Gstatus::kWaiting, Gstatus::kRunnable);
        *inherit_time = false;
        return gp;
      }
      if (was_spinning) {
        mp->spinning = true;
        sched.nmspinning.fetch_add(1);
      }
      goto top;
    }
    if (!list.Empty()) {
      // Ready goroutines but no P for this M: they go to the global queue, with
      // Ps started for them, and this M parks.
      InjectGList(list);
    }
  } else if (poll_until != 0 && NetpollInited()) {
    int64_t poller_until = sched.pollUntil.load();
    if (poller_until == 0 || poller_until > poll_until) NetpollBreak();
  }
  StopM(mp);
  goto top;
}

// Mirrors schedule: one round of scheduling: find a runnable G and execute it.
// Runs on g0; never returns.
[[noreturn]] void ScheduleM(M* mp) {
  // On g0 now: Go code run from here (timer functions) checks g0's guard.
  gojit_setstackguard(mp->g0->stackguard0);
  if (mp->locks != 0) Throw("schedule: holding locks");
  if (mp->curg != nullptr) Throw("schedule: curg still set");
  if (mp->lockedg != nullptr) {
    StopLockedM(mp);
    Execute(mp, mp->lockedg, false);
  }
  for (;;) {
    bool inherit_time = false;
    G* gp = FindRunnable(mp, &inherit_time);
    // This M runs a G now: if it was spinning, another M may have to start.
    if (mp->spinning) ResetSpinning(mp);
    if (gp->lockedm != nullptr) {
      // Hand our P to the M gp is locked to, and wait for a new P.
      StartLockedM(mp, gp);
      continue;
    }
    Execute(mp, gp, inherit_time);
  }
}

// Mirrors goexit0, on g0.
[[noreturn]] void GoExit0(G* gp) {
  M* mp = gp->m;
  NotePreempted(gp, PreemptEnd::kExited);  // a pending request ends here
  Coro* coro = gp->coroarg;
  CasGStatus(gp, Gstatus::kRunning, Gstatus::kDead);
  bool locked = gp->lockedm != nullptr;
  gp->m = nullptr;
  gp->lockedm = nullptr;
  mp->lockedg = nullptr;
  gp->preempt = false;
  gp->param = nullptr;
  gp->waitreason = WaitReason::kZero;
  gp->panic_ = nullptr;
  gp->defer_ = nullptr;
  gp->sig = 0;
  gp->coroarg = nullptr;
  mp->curg = nullptr;  // dropg
  mp->lockedExt = 0;
  mp->lockedInt = 0;
  GfPut(mp->p, gp);
  GoliveAdd(mp->p, -1);
  if (coro != nullptr) CoroExitResume(mp, coro);  // coro.cc; does not return
  if (locked) {
    // The goroutine may have put its thread in an unusual state: the thread
    // exits rather than returning to the pool (back to mstart, then MExit).
    gojit_setstackguard(0);
    gojit_gogo(&mp->g0->sched);
  }
  ScheduleM(mp);
}

// Mirrors gosched_m / goschedImpl, on g0.
[[noreturn]] void GoschedM(G* gp) {
  M* mp = gp->m;
  NotePreempted(gp, PreemptEnd::kYielded);  // no-op when a request made it yield
  CasGStatus(gp, Gstatus::kRunning, Gstatus::kRunnable);
  DropG(mp);
  {
    MutexLock l(&sched.lock);
    GlobRunqPut(gp);
  }
  ScheduleM(mp);
}

// Mirrors goyield_m: gp stays runnable on this P's local queue (not runnext,
// not the global queue), so a G it just readied runs first.
[[noreturn]] void GoyieldM(G* gp) {
  M* mp = gp->m;
  P* pp = mp->p;
  CasGStatus(gp, Gstatus::kRunning, Gstatus::kRunnable);
  DropG(mp);
  RunqPut(pp, gp, false);
  ScheduleM(mp);
}

// Mirrors park_m, on g0.
[[noreturn]] void ParkM(G* gp) {
  M* mp = gp->m;
  NotePreempted(gp, PreemptEnd::kBlocked);
  CasGStatus(gp, Gstatus::kRunning, Gstatus::kWaiting);
  gp->waitreason = mp->waitreason;
  DropG(mp);
  // Before unlockf: until it runs nobody can wake gp (stack.cc, "Parked stacks").
  CompactStack(gp, sched.ngolive.load(std::memory_order_relaxed));
  if (auto fn = std::exchange(mp->waitunlockf, nullptr)) {
    bool ok = fn(gp, std::exchange(mp->waitlock, nullptr));
    if (!ok) {
      CasGStatus(gp, Gstatus::kWaiting, Gstatus::kRunnable);
      Execute(mp, gp, true);  // schedule it back, never returning
    }
  }
  ScheduleM(mp);
}

// Mirrors exitsyscall0, on g0: no P was free when gp's system call returned.
[[noreturn]] void ExitSyscall0(G* gp) {
  M* mp = gp->m;
  CasGStatus(gp, Gstatus::kSyscall, Gstatus::kRunnable);
  DropG(mp);
  P* pp;
  bool locked = false;
  {
    MutexLock l(&sched.lock);
    pp = PidleGet();
    if (pp == nullptr) {
      GlobRunqPut(gp);
      // gp is on the global queue now; read lockedm before another M can take it.
      locked = gp->lockedm != nullptr;
    } else if (sched.sysmonwait.load() != 0) {
      sched.sysmonwait.store(0);
      NoteWakeup(&sched.sysmonnote);
    }
  }
  if (pp != nullptr) {
    AcquireP(mp, pp);
    Execute(mp, gp, false);
  }
  if (locked) {
    StopLockedM(mp);
    Execute(mp, gp, false);
  }
  StopM(mp);
  ScheduleM(mp);
}

// Mirrors mstart1's tail: the first scheduling round of a fresh M, on g0.
[[noreturn]] void MStart1(G* g0) {
  M* mp = g0->m;
  if (mp->mstartfn != nullptr) mp->mstartfn(mp);
  if (mp != run.m0 && mp->nextp != nullptr) {
    AcquireP(mp, mp->nextp);
    mp->nextp = nullptr;
  }
  ScheduleM(mp);
}

// Mirrors mexit: the thread of mp ends (its locked G exited). M0 cannot exit
// (it is the process's main thread): it parks forever instead.
[[noreturn]] void MExit(M* mp) {
  P* pp = mp->p != nullptr ? ReleaseP(mp) : nullptr;
  if (pp != nullptr) HandoffP(pp);
  {
    MutexLock l(&sched.lock);
    nmfreed++;
    CheckDead();
  }
  if (mp == run.m0) {
    for (;;) pause();  // gc: mPark(); throw("locked m0 woke up")
  }
  UnminitSignalStack(mp);
  tls_m = nullptr;
  pthread_exit(nullptr);
}

// Mirrors runtime.main: the body of G1.
void RuntimeMain(G* gp, void* arg) {
  auto entry = reinterpret_cast<GoEntry>(arg);
  // No sysmon under --sched: it preempts and polls by the real clock.
  if (run.exit_on_return && !Deterministic()) StartSysmon();
  run.main_started.store(true, std::memory_order_release);
  entry(gp);
  if (run.exit_on_return) Exit(0);
  // RunUntilDone: return into goexit like any other goroutine.
}

// Mirrors schedinit's part for Ps: ncpu, GOMAXPROCS, procresize.
void SchedInit(M* mp, int32_t requested) {
  cpu_set_t set;
  ncpu = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : 1;
  if (ncpu < 1) ncpu = 1;
  int32_t procs = ncpu;
  if (const char* env = getenv("GOMAXPROCS"); env != nullptr && *env != '\0') {
    char* end = nullptr;
    long n = strtol(env, &end, 10);
    if (*end == '\0' && n > 0) procs = static_cast<int32_t>(n);
  }
  if (requested > 0) procs = requested;
  if (Deterministic()) procs = 1;
  if (procs > kMaxGomaxprocs) procs = kMaxGomaxprocs;
  MutexLock l(&sched.lock);
  sched_start_time = Nanotime();
  sched.lastpoll.store(sched_start_time);
  if (ProcResize(mp, procs) != nullptr) Throw("unknown runnable goroutine during bootstrap");
}

// Creates M0 on this thread, the Ps and G1, and runs the scheduler until (for
// RunUntilDone) every goroutine has exited.
void Boot(GoEntry entry, int32_t procs) {
  M* mp = NewMStruct();
  MInit(mp);
  run.m0 = mp;
  SchedInit(mp, procs);
  InitSig();
  G* g1 =
      NewProc1(nullptr, &RuntimeMain, reinterpret_cast<void*>(entry), StartingStackSize(), 0);
  // On the local queue, not runnext: its first run is then a scheduling tick, as
  // gc's main goroutine's is by the time main.main runs (runtime.main has waited on
  // bgsweep and bgscavenge by then). With schedtick still 0, the first Gosched would
  // take the fairness path (schedtick%61 == 0) and run the yielding G again from the
  // global queue instead of the goroutine it just started.
  RunqPut(mp->p, g1, false);
  gojit_mstart0(mp->g0, &MStart1);
  // Back here either because RunUntilDone's goroutines are all done, or because a
  // goroutine locked to M0 exited (goexit0): M0 then stops for good (MExit).
  if (!run.done.load(std::memory_order_acquire)) MExit(mp);
}

// Frees what Boot made so the next RunUntilDone starts clean. Other Ms stay
// parked on their notes for good (their threads are never woken again).
void TearDown() ABSL_NO_THREAD_SAFETY_ANALYSIS {
  M* mp = run.m0;
  ResetFinalizers();
  ResetWeakHandles();
  ResetGcRunner();
  {
    MutexLock l(&allglock);
    for (G* gp : allgs) {
      StackFree(gp);
      delete gp->timer;
      delete gp;
    }
    allgs.clear();
  }
  for (P*& pp : allp) {
    delete pp;
    pp = nullptr;
  }
  gomaxprocs.store(0);
  sched.gfree = nullptr;
  sched.ngfree = 0;
  sched.runq = GQueue{};
  sched.runqsize = 0;
  sched.midle = nullptr;
  sched.nmidle = 0;
  sched.nmidlelocked = 0;
  sched.mnext = 0;
  sched.nmsys = 0;
  sched.pidle = nullptr;
  sched.npidle.store(0);
  sched.nmspinning.store(0);
  sched.goidgen.store(0);
  sched.ngolive.store(0);
  allm = nullptr;
  nmfreed = 0;
  UnminitSignalStack(mp);
  delete mp->g0;
  delete mp;
  tls_m = nullptr;
  run.m0 = nullptr;
}



extern "C" void gojit_goexit1(G* gp) {  // mirrors goexit1
  gojit_mcall(gp, &GoExit0);
  __builtin_trap();
}

G* NewProc(G* callergp, GoFunc fn, void* arg, uintptr_t callerpc) {
  G* newg = NewProc1(callergp, fn, arg, StartingStackSize(), callerpc);
  RunqPut(callergp->m->p, newg, true);
  if (run.main_started.load(std::memory_order_relaxed)) WakeP();
  return newg;
}

void Gosched(G* gp) { gojit_mcall(gp, &GoschedM); }

void Goyield(G* gp) { gojit_mcall(gp, &GoyieldM); }

void Gopark(G* gp, bool (*unlockf)(G*, void*), void* lock, WaitReason reason) {
  M* mp = gp->m;
  mp->waitunlockf = unlockf;
  mp->waitlock = lock;
  mp->waitreason = reason;
  gojit_mcall(gp, &ParkM);
}

// Mirrors goready/ready.
void Goready(G* callergp, G* gp) {
  if ((ReadGStatus(gp) & ~static_cast<uint32_t>(Gstatus::kScan)) !=
      static_cast<uint32_t>(Gstatus::kWaiting)) {
    Throw("bad g->status in ready");
  }
  CasGStatus(gp, Gstatus::kWaiting, Gstatus::kRunnable);
  M* mp = callergp != nullptr ? callergp->m : tls_m;
  RunqPut(mp->p, gp, true);
  WakeP();
}

// Mirrors injectglist: the Gs of a Netpoll result (kWaiting) become runnable on
// the global queue, and as many idle Ps as there are Gs are started for them.
void InjectGList(GQueue list) {
  if (list.Empty()) return;
  int32_t n = 0;
  G* tail = nullptr;
  for (G* gp = list.head; gp != nullptr; gp = gp->schedlink) {
    CasGStatus(gp, Gstatus::kWaiting, Gstatus::kRunnable);
    tail = gp;
    n++;
  }
  {
    MutexLock l(&sched.lock);
    GlobRunqPutBatch(list.head, tail, n);
  }
  for (; n > 0 && sched.npidle.load() != 0; n--) StartM(nullptr, false);
}

void WakeNetPoller(int64_t when) {
  if (sched.lastpoll.load() == 0) {
    // An M sleeps in the poller: wake it if it would sleep past when.
    int64_t poller_until = sched.pollUntil.load();
    if (poller_until == 0 || poller_until > when) NetpollBreak();
  } else {
    // No M sleeps in the poller; get one there so it handles the new timer.
    WakeP();
  }
}

// Mirrors entersyscall/reentersyscall.
void EnterSyscall(G* gp) {
  M* mp = gp->m;
  mp->locks++;
  gp->syscallsp = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  gp->syscallpc = reinterpret_cast<uintptr_t>(__builtin_return_address(0));
  gp->sched.bp = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  gp->sched.pc = 0;
  CasGStatus(gp, Gstatus::kRunning, Gstatus::kSyscall);
  if (sched.sysmonwait.load() != 0) {
    MutexLock l(&sched.lock);
    if (sched.sysmonwait.load() != 0) {
      sched.sysmonwait.store(0);
      NoteWakeup(&sched.sysmonnote);
    }
  }
  P* pp = mp->p;
  mp->syscalltick = pp->syscalltick.load();
  pp->m = nullptr;
  mp->oldp = pp;
  mp->p = nullptr;
  pp->status.store(static_cast<uint32_t>(Pstatus::kSyscall));
  if (sched.gcwaiting.load() != 0) {
    // entersyscall_gcwait: the world is stopping; stop our P for it now.
    MutexLock l(&sched.lock);
    uint32_t s = static_cast<uint32_t>(Pstatus::kSyscall);
    if (sched.stopwait > 0 &&
        pp->status.compare_exchange_strong(s, static_cast<uint32_t>(Pstatus::kGcstop))) {
      pp->syscalltick.fetch_add(1);
      if (--sched.stopwait == 0) NoteWakeup(&sched.stopnote);
    }
  }
  mp->locks--;
}


// Mirrors exitsyscallfast: reacquire the old P or any idle one.
bool ExitSyscallFast(M* mp, P* oldp) {
  uint32_t s = static_cast<uint32_t>(Pstatus::kSyscall);
  if (oldp != nullptr &&
      oldp->status.compare_exchange_strong(s, static_cast<uint32_t>(Pstatus::kIdle))) {
    AcquireP(mp, oldp);
    // exitsyscallfast_reacquired: if the P was retaken and reentered a syscall
    // meanwhile, bump syscalltick so sysmon does not retake it again wrongly.
    if (mp->syscalltick != oldp->syscalltick.load()) oldp->syscalltick.fetch_add(1);
    return true;
  }
  if (sched.npidle.load() != 0) {
    P* pp;
    {
      MutexLock l(&sched.lock);
      pp = PidleGet();
      if (pp != nullptr && sched.sysmonwait.load() != 0) {
        sched.sysmonwait.store(0);
        NoteWakeup(&sched.sysmonnote);
      }
    }
    if (pp != nullptr) {
      AcquireP(mp, pp);
      return true;
    }
  }
  return false;
}


// Mirrors exitsyscall.
void ExitSyscall(G* gp) {
  M* mp = gp->m;
  mp->locks++;
  gp->waitsince = 0;
  P* oldp = mp->oldp;
  mp->oldp = nullptr;
  if (ExitSyscallFast(mp, oldp)) {
    mp->p->syscalltick.fetch_add(1);
    CasGStatus(gp, Gstatus::kSyscall, Gstatus::kRunning);
    gp->syscallsp = 0;
    mp->locks--;
    return;
  }
  mp->locks--;
  // Call the scheduler: gp resumes on some M that holds a P.
  gojit_mcall(gp, &ExitSyscall0);
  gp->syscallsp = 0;
  gp->m->p->syscalltick.fetch_add(1);
}

void MarkWaitSince() {
  int64_t now = Nanotime();
  MutexLock l(&allglock);
  for (G* gp : allgs) {
    uint32_t s = ReadGStatus(gp) & ~static_cast<uint32_t>(Gstatus::kScan);
    if ((s == static_cast<uint32_t>(Gstatus::kWaiting) ||
         s == static_cast<uint32_t>(Gstatus::kSyscall)) &&
        gp->waitsince == 0) {
      gp->waitsince = now;
    }
  }
}

int ShrinkStacks() {
  static const bool off = [] {
    const char* env = getenv("GODEBUG");
    return env != nullptr && std::string_view(env).find("gcshrinkstackoff=1") != std::string_view::npos;
  }();
  if (off) return 0;
  int n = 0;
  MutexLock l(&allglock);
  for (G* gp : allgs) {
    size_t before = gp->stack.hi - gp->stack.lo;
    ShrinkStack(gp);
    if (gp->stack.hi - gp->stack.lo != before) n++;
  }
  return n;
}


G* CurrentG() { return tls_m != nullptr ? tls_m->curg : nullptr; }

const RunOptions& CurrentRunOptions() { return run.options; }

const std::vector<std::string>& Args() { return run.args; }

int RunMain(GoEntry entry, std::vector<std::string> args, RunOptions options) {
  run.entry = entry;
  run.exit_on_return = true;
  run.options = options;
  run.args = std::move(args);
  InitDeterministic(options.sched);
  Boot(entry, options.gomaxprocs);
  Exit(0);  // not reached: RuntimeMain exits
}

int RunUntilDone(GoEntry entry, RunOptions options) {
  if (run.m0 != nullptr) Throw("RunUntilDone: already running");
  run.entry = entry;
  run.exit_on_return = false;
  run.options = options;
  run.started.store(0);
  run.main_started.store(false);
  run.done.store(false);
  Boot(entry, options.gomaxprocs > 0 ? options.gomaxprocs : 1);
  int started = run.started.load();
  TearDown();
  return started;
}

// Mirrors exit (os_linux / sys_linux_amd64.s) plus `go run`'s "exit status N".
void Exit(int code) {
  if (run.options.at_exit != nullptr) run.options.at_exit();
  DetFinish();
  PrintPreemptTrace();
  PrintStackTrace();
  if (code != 0 && run.options.print_exit_status) {
    char buf[32];
    int n = snprintf(buf, sizeof buf, "exit status %d\n", code);
    WriteFd(2, buf, static_cast<size_t>(n));
  }
  _exit(code);
}

void WriteFd(int fd, const void* p, size_t n) {
  const char* c = static_cast<const char*>(p);
  while (n > 0) {
    ssize_t w = write(fd, c, n);
    if (w < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      return;  // gc ignores write errors on fd 1/2 too
    }
    c += w;
    n -= static_cast<size_t>(w);
  }
}

// The head of allm, for the collector (world stopped).
M* AllMHead() ABSL_NO_THREAD_SAFETY_ANALYSIS { return allm; }

}  // namespace gojit::rt
