// Ms and Ps: the idle lists of Ps (pidle) and Ms (midle), associating an M with a
// P (acquirep/releasep), new Ms on new threads (newm, mstart's thread body), and the
// parking, starting and handing-off of Ms that keeps proc.go's invariant: if there
// is an idle P and runnable work, some M is spinning or about to be (startm, wakep,
// resetspinning, handoffp, entersyscallblock), including for stop-the-world
// (gcstopm) and locked Gs (stoplockedm, startlockedm, LockOSThread); and whether a
// lock waiter may spin (sync_runtime_canSpin). Mirrors the "Ms and Ps" half of runtime/proc.go;
// each function names the Go function it mirrors, and gc's comments apply. The
// scheduler loop that runs on these Ms is proc.cc; proc.cc's opening comment tells
// the whole story.
#include <pthread.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "runtime/proc.h"
#include "runtime/proc_internal.h"
#include "runtime/preempt.h"
#include "runtime/time.h"

namespace gojit::rt {

constexpr size_t kThreadStackSize = 8 << 20;  // g0 stacks of new Ms

// Mirrors pidleput: pp (with an empty local queue) onto the idle list.
void PidlePut(P* pp) ABSL_EXCLUSIVE_LOCKS_REQUIRED(sched.lock) {
  if (!RunqEmpty(pp)) Throw("pidleput: P has non-empty run queue");
  GoliveFlush(pp);
  pp->status.store(static_cast<uint32_t>(Pstatus::kIdle), std::memory_order_release);
  pp->link = sched.pidle;
  sched.pidle = pp;
  sched.npidle.fetch_add(1);
}

// Mirrors pidleget.
P* PidleGet() ABSL_EXCLUSIVE_LOCKS_REQUIRED(sched.lock) {
  P* pp = sched.pidle;
  if (pp != nullptr) {
    sched.pidle = pp->link;
    pp->link = nullptr;
    sched.npidle.fetch_sub(1);
  }
  return pp;
}

void CheckDead() ABSL_EXCLUSIVE_LOCKS_REQUIRED(sched.lock);

// Mirrors mput: mp onto the idle list; may find the program deadlocked.
void MPut(M* mp) ABSL_EXCLUSIVE_LOCKS_REQUIRED(sched.lock) {
  mp->schedlink = sched.midle;
  sched.midle = mp;
  sched.nmidle++;
  CheckDead();
}

// Mirrors mget.
M* MGet() ABSL_EXCLUSIVE_LOCKS_REQUIRED(sched.lock) {
  M* mp = sched.midle;
  if (mp != nullptr) {
    sched.midle = mp->schedlink;
    sched.nmidle--;
  }
  return mp;
}

// Mirrors wirep/acquirep: associates pp (idle) with mp.
void AcquireP(M* mp, P* pp) {
  if (mp->p != nullptr) Throw("wirep: already in go");
  if (pp->m != nullptr ||
      pp->status.load(std::memory_order_acquire) != static_cast<uint32_t>(Pstatus::kIdle)) {
    Throw("wirep: invalid p state");
  }
  mp->p = pp;
  pp->m = mp;
  pp->status.store(static_cast<uint32_t>(Pstatus::kRunning), std::memory_order_release);
}

// Mirrors releasep: disassociates mp from its P and returns it (now idle).
P* ReleaseP(M* mp) {
  P* pp = mp->p;
  if (pp == nullptr) Throw("releasep: invalid arg");
  if (pp->m != mp ||
      pp->status.load(std::memory_order_relaxed) != static_cast<uint32_t>(Pstatus::kRunning)) {
    Throw("releasep: invalid p state");
  }
  mp->p = nullptr;
  pp->m = nullptr;
  pp->status.store(static_cast<uint32_t>(Pstatus::kIdle), std::memory_order_release);
  return pp;
}

// Mirrors incidlelocked.
void IncIdleLocked(int32_t v) {
  MutexLock l(&sched.lock);
  sched.nmidlelocked += v;
  if (v > 0) CheckDead();
}

[[noreturn]] void ScheduleM(M* mp);
void StartM(P* pp, bool spinning);

// Mirrors mcommoninit: a new M (not yet on a thread) with a fresh id, on allm.
M* NewMStruct() {
  M* mp = new M();
  G* g0 = new G();
  g0->m = mp;
  mp->g0 = g0;
  MutexLock l(&sched.lock);
  mp->id = sched.mnext++;
  mp->alllink = allm;
  allm = mp;
  return mp;
}

// Mirrors minit for the calling thread: g0's stack is the thread's stack.
void MInit(M* mp) {
  G* g0 = mp->g0;
  pthread_attr_t attr;
  void* addr = nullptr;
  size_t size = 0;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
  }
  g0->stack.lo = reinterpret_cast<uintptr_t>(addr);
  g0->stack.hi = reinterpret_cast<uintptr_t>(addr) + size;
  g0->stackguard0 = g0->stack.lo + kStackGuard;
  mp->procid = static_cast<uint64_t>(syscall(SYS_gettid));
  // The thread pointer (glibc keeps it at %fs:0) locates this thread's stack-guard
  // slot, so that sysmon can write stackPreempt into it.
  uintptr_t tp;
  asm volatile("movq %%fs:0, %0" : "=r"(tp));
  mp->tls_stackguard = reinterpret_cast<uintptr_t*>(tp + TLS_STACKGUARD);
  tls_m = mp;
  MinitSignalStack(mp);
}

// The body of a new M's thread (mstart): schedule until the M exits.
void* MStartThread(void* arg) {
  auto* mp = static_cast<M*>(arg);
  MInit(mp);
  // NewM created the thread with every signal blocked; now that the signal stack
  // is set up, take signals (minitSignalMask).
  sigset_t none;
  sigemptyset(&none);
  pthread_sigmask(SIG_SETMASK, &none, nullptr);
  gojit_mstart0(mp->g0, &MStart1);
  // A locked G exited on this M (goexit0 gogo'd back here): the thread exits.
  MExit(mp);
}

// Mirrors newm/newm1/newosproc: a new M on a new thread, which will acquire pp
// (may be null: a system M such as sysmon) and run fn first.
void NewM(void (*fn)(M*), P* pp) {
  M* mp = NewMStruct();
  mp->mstartfn = fn;
  mp->nextp = pp;
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, kThreadStackSize);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  // Signals are handled on whichever thread they hit; block them while the new
  // thread sets up its signal stack (gc: sigblock around newosproc).
  sigset_t all, old;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &old);
  pthread_t tid;
  LockExec();  // no execve while the thread is half made
  int err = pthread_create(&tid, &attr, &MStartThread, mp);
  UnlockExec();
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  pthread_attr_destroy(&attr);
  if (err != 0) {
    PrintLock();
    PrintString("runtime: failed to create new OS thread (have ");
    PrintInt(mp->id);
    PrintString(" already; errno=");
    PrintInt(err);
    PrintString(")\n");
    PrintUnlock();
    Throw("newosproc");
  }
}

// Mirrors mspinning: the mstartfn of an M started to spin.
void MSpinning(M* mp) { mp->spinning = true; }

// Mirrors stopm: parks mp on its note until startm hands it a P.
void StopM(M* mp) {
  if (mp->locks != 0) Throw("stopm holding locks");
  if (mp->p != nullptr) Throw("stopm holding p");
  if (mp->spinning) Throw("stopm spinning");
  {
    MutexLock l(&sched.lock);
    MPut(mp);
  }
  NoteSleep(&mp->park);  // mPark
  NoteClear(&mp->park);
  if (run.done.load(std::memory_order_acquire) && mp == run.m0) {
    // RunUntilDone: every goroutine exited; hand the thread back to the test.
    gojit_setstackguard(0);
    gojit_gogo(&mp->g0->sched);
  }
  AcquireP(mp, mp->nextp);
  mp->nextp = nullptr;
}

// Mirrors startm: schedules some M to run pp (an idle P if null), creating one
// if necessary. spinning: the caller incremented nmspinning for the new M.
void StartM(P* pp, bool spinning) {
  sched.lock.Lock();
  if (pp == nullptr) {
    pp = PidleGet();
    if (pp == nullptr) {
      sched.lock.Unlock();
      if (spinning && sched.nmspinning.fetch_sub(1) - 1 < 0) {
        Throw("startm: negative nmspinning");
      }
      return;
    }
  }
  M* nmp = MGet();
  if (nmp == nullptr) {
    sched.lock.Unlock();
    NewM(spinning ? &MSpinning : nullptr, pp);
    return;
  }
  sched.lock.Unlock();
  if (nmp->spinning) Throw("startm: m is spinning");
  if (nmp->nextp != nullptr) Throw("startm: m has p");
  if (spinning && !RunqEmpty(pp)) Throw("startm: p has runnable gs");
  nmp->spinning = spinning;
  nmp->nextp = pp;
  NoteWakeup(&nmp->park);
}

// Mirrors handoffp: pp's M is about to block (syscall, locked M, exit); find
// another M to run pp if it has work or may be needed, else park it.
// Mirrors entersyscallblock: a system call known to block (a wait for a signal)
// gives its P to another M at once, as sysmon's retake would after a tick. Under
// --sched there is no sysmon, so only this lets the other goroutines go on.
void EnterSyscallBlock(G* gp) {
  EnterSyscall(gp);
  P* pp = gp->m->oldp;
  uint32_t s = static_cast<uint32_t>(Pstatus::kSyscall);
  IncIdleLocked(-1);
  if (pp->status.compare_exchange_strong(s, static_cast<uint32_t>(Pstatus::kIdle))) {
    pp->syscalltick.fetch_add(1);
    HandoffP(pp);
  }
  IncIdleLocked(1);
}

void HandoffP(P* pp) {
  // If it has local work, start it straight away.
  if (!RunqEmpty(pp)) {
    StartM(pp, false);
    return;
  }
  bool global_work;
  {
    MutexLock l(&sched.lock);
    global_work = sched.runqsize != 0;
  }
  if (global_work) {
    StartM(pp, false);
    return;
  }
  // No local work: start a spinning M only if none is spinning or idle.
  int32_t zero = 0;
  if (sched.nmspinning.load() + sched.npidle.load() == 0 &&
      sched.nmspinning.compare_exchange_strong(zero, 1)) {
    StartM(pp, true);
    return;
  }
  sched.lock.Lock();
  if (sched.gcwaiting.load() != 0) {
    pp->status.store(static_cast<uint32_t>(Pstatus::kGcstop));
    if (--sched.stopwait == 0) NoteWakeup(&sched.stopnote);
    sched.lock.Unlock();
    return;
  }
  if (sched.runqsize != 0) {
    sched.lock.Unlock();
    StartM(pp, false);
    return;
  }
  // If this is the last running P and nobody is polling the network (our timed
  // sleep), wake another M to do it.
  if (sched.npidle.load() == gomaxprocs.load() - 1 && sched.lastpoll.load() != 0) {
    sched.lock.Unlock();
    StartM(pp, false);
    return;
  }
  int64_t when = NobarrierWakeTime(pp);
  PidlePut(pp);
  sched.lock.Unlock();
  if (when != 0) WakeNetPoller(when);
}

// Mirrors wakep: one more spinning M if there is an idle P and no spinner.
void WakeP() {
  if (sched.npidle.load() == 0) return;
  int32_t zero = 0;
  if (sched.nmspinning.load() != 0 || !sched.nmspinning.compare_exchange_strong(zero, 1)) {
    return;
  }
  StartM(nullptr, true);
}

// Mirrors resetspinning: mp found work; if it was the last spinner, start another.
void ResetSpinning(M* mp) {
  if (!mp->spinning) Throw("resetspinning: not a spinning m");
  mp->spinning = false;
  if (sched.nmspinning.fetch_sub(1) - 1 < 0) Throw("findrunnable: negative nmspinning");
  WakeP();
}

// Mirrors gcstopm: stops mp's P for a stop-the-world and parks mp.
void GcStopM(M* mp) {
  if (sched.gcwaiting.load() == 0) Throw("gcstopm: not waiting for gc");
  if (mp->spinning) {
    mp->spinning = false;
    if (sched.nmspinning.fetch_sub(1) - 1 < 0) Throw("gcstopm: negative nmspinning");
  }
  P* pp = ReleaseP(mp);
  {
    MutexLock l(&sched.lock);
    pp->status.store(static_cast<uint32_t>(Pstatus::kGcstop));
    if (--sched.stopwait == 0) NoteWakeup(&sched.stopnote);
  }
  StopM(mp);
}

// Mirrors stoplockedm: mp's locked G is not runnable; give the P away and wait
// until the locked G is scheduled again.
void StopLockedM(M* mp) {
  if (mp->lockedg == nullptr || mp->lockedg->lockedm != mp) {
    Throw("stoplockedm: inconsistent locking");
  }
  if (mp->p != nullptr) HandoffP(ReleaseP(mp));
  IncIdleLocked(1);
  NoteSleep(&mp->park);
  NoteClear(&mp->park);
  uint32_t status = ReadGStatus(mp->lockedg) & ~static_cast<uint32_t>(Gstatus::kScan);
  if (status != static_cast<uint32_t>(Gstatus::kRunnable)) Throw("stoplockedm: not runnable");
  AcquireP(mp, mp->nextp);
  mp->nextp = nullptr;
}

// Mirrors startlockedm: hands mp's P to the M gp is locked to, then parks mp.
void StartLockedM(M* mp, G* gp) {
  M* lm = gp->lockedm;
  if (lm == mp) Throw("startlockedm: locked to me");
  if (lm->nextp != nullptr) Throw("startlockedm: m has p");
  IncIdleLocked(-1);
  lm->nextp = ReleaseP(mp);
  NoteWakeup(&lm->park);
  StopM(mp);
}

// --- LockOSThread and lock spinning ------------------------------------------------

void LockOSThread(G* gp) {
  M* mp = gp->m;
  if (++mp->lockedExt == 0) {
    mp->lockedExt--;
    PanicValue(gp, PlainErrorValue(gp, "LockOSThread nesting overflow"));
  }
  mp->lockedg = gp;
  gp->lockedm = mp;
}

void UnlockOSThread(G* gp) {
  M* mp = gp->m;
  if (mp->lockedExt == 0) return;
  mp->lockedExt--;
  if (mp->lockedInt != 0 || mp->lockedExt != 0) return;
  mp->lockedg = nullptr;
  gp->lockedm = nullptr;
}

bool CanSpin(G* gp, int64_t i) {
  // sync.Mutex is cooperative, so be conservative with spinning: only a few
  // times, only on a multicore machine with GOMAXPROCS > 1, at least one other
  // running P, and an empty local run queue.
  if (i >= 4 || ncpu <= 1 ||
      gomaxprocs.load() <= sched.npidle.load() + sched.nmspinning.load() + 1) {
    return false;
  }
  return RunqEmpty(gp->m->p);
}

}  // namespace gojit::rt
