// Stop-the-world and procresize. Mirrors proc.go's stopTheWorldWithSema,
// startTheWorldWithSema, procresize and (*p).destroy.
//
// StopTheWorld takes worldsema (a runtime semaphore, so a second stopper parks),
// then on g0: sets sched.gcwaiting, asks every running G to stop (PreemptAll: the
// prologue check's stackPreempt and, under async preemption, a signal), takes idle
// and syscall Ps at once and waits for the others, re-asking every 100 us; the
// watchdog (preempt.cc) explains a wait over 1 s. StartTheWorld applies a pending
// GOMAXPROCS change (procresize), hands the Ps with work to Ms and wakes a spinner.
#include "runtime/preempt.h"
#include "runtime/deterministic_sched.h"
#include "runtime/proc_internal.h"
#include "runtime/sema.h"
#include "runtime/time.h"

namespace gojit::rt {

// Serializes stop-the-world requests: a semaphore, so a G waiting for its turn
// parks rather than blocking its M (which would hold up the stop).
uint32_t worldsema = 1;

// Mirrors (*p).destroy: moves everything of pp (a P beyond the new GOMAXPROCS)
// to the global queues and to mp's P. World stopped.
void DestroyP(M* mp, P* pp) ABSL_EXCLUSIVE_LOCKS_REQUIRED(sched.lock) {
  while (pp->runqhead.load() != pp->runqtail.load()) {
    uint32_t t = pp->runqtail.load() - 1;
    pp->runqtail.store(t);
    GlobRunqPutHead(pp->runq[t % kLocalRunQueueSize].load());
  }
  if (G* next = pp->runnext.exchange(nullptr)) GlobRunqPutHead(next);
  if (pp->numTimers.load() > 0) MoveTimers(mp->p, pp);
  GfPurge(pp);
  GoliveFlush(pp);
  pp->status.store(static_cast<uint32_t>(Pstatus::kDead));
}

// Mirrors procresize: changes the number of Ps to nprocs, with the world stopped
// (or at startup). Returns the Ps with local work, each with an M to run it in
// pp->m if one was idle, linked through link.
P* ProcResize(M* mp, int32_t nprocs) ABSL_EXCLUSIVE_LOCKS_REQUIRED(sched.lock) {
  int32_t old = gomaxprocs.load();
  if (old < 0 || nprocs <= 0 || nprocs > kMaxGomaxprocs) Throw("procresize: invalid arg");
  for (int32_t i = old; i < nprocs; i++) {
    P* pp = allp[i];
    if (pp == nullptr) {
      pp = new P();
      pp->id = i;
      allp[i] = pp;
    }
    pp->status.store(static_cast<uint32_t>(Pstatus::kGcstop));
  }
  if (mp->p != nullptr && mp->p->id < nprocs) {
    // Continue to use the current P.
    mp->p->status.store(static_cast<uint32_t>(Pstatus::kRunning));
  } else {
    // Release the current P and acquire allp[0].
    if (mp->p != nullptr) mp->p->m = nullptr;
    mp->p = nullptr;
    P* pp = allp[0];
    pp->m = nullptr;
    pp->status.store(static_cast<uint32_t>(Pstatus::kIdle));
    AcquireP(mp, pp);
  }
  for (int32_t i = nprocs; i < old; i++) DestroyP(mp, allp[i]);
  P* runnable = nullptr;
  for (int32_t i = nprocs - 1; i >= 0; i--) {
    P* pp = allp[i];
    if (mp->p == pp) continue;
    pp->status.store(static_cast<uint32_t>(Pstatus::kIdle));
    if (RunqEmpty(pp)) {
      PidlePut(pp);
    } else {
      pp->m = MGet();
      pp->link = runnable;
      runnable = pp;
    }
  }
  steal_order.Reset(static_cast<uint32_t>(nprocs));
  gomaxprocs.store(nprocs);
  return runnable;
}

// Mirrors preemptall: asks every running G to stop (PreemptOne).
void PreemptAll() {
  int32_t n = gomaxprocs.load();
  for (int32_t i = 0; i < n; i++) {
    P* pp = allp[i];
    if (pp->status.load() != static_cast<uint32_t>(Pstatus::kRunning)) continue;
    PreemptOne(pp);
  }
}

// Mirrors stopTheWorldWithSema; runs on g0 of mp, which holds a P.
void StopTheWorldWithSema(void* arg) {
  M* mp = static_cast<M*>(arg);
  sched.lock.Lock();
  sched.stopwait = gomaxprocs.load();
  sched.gcwaiting.store(1);
  PreemptAll();
  // Stop the current P.
  mp->p->status.store(static_cast<uint32_t>(Pstatus::kGcstop));
  sched.stopwait--;
  // Try to retake all Ps in system calls.
  int32_t n = gomaxprocs.load();
  for (int32_t i = 0; i < n; i++) {
    P* pp = allp[i];
    uint32_t s = static_cast<uint32_t>(Pstatus::kSyscall);
    if (pp->status.compare_exchange_strong(s, static_cast<uint32_t>(Pstatus::kGcstop))) {
      pp->syscalltick.fetch_add(1);
      sched.stopwait--;
    }
  }
  // Stop idle Ps.
  while (P* pp = PidleGet()) {
    pp->status.store(static_cast<uint32_t>(Pstatus::kGcstop));
    sched.stopwait--;
  }
  bool wait = sched.stopwait > 0;
  sched.lock.Unlock();
  // Wait for the remaining Ps to stop voluntarily, re-asking every 100us.
  if (wait) {
    int64_t start = Nanotime();
    bool reported = false;
    for (;;) {
      if (NoteTSleep(&sched.stopnote, 100 * 1000)) {
        NoteClear(&sched.stopnote);
        break;
      }
      PreemptAll();
      // The watchdog: after a second, say who holds the world up, and why.
      int64_t waited = Nanotime() - start;
      if (!reported && waited > 1000000000) {
        reported = true;
        for (int32_t i = 0; i < n; i++) {
          P* pp = allp[i];
          if (pp->status.load() == static_cast<uint32_t>(Pstatus::kRunning) &&
              pp->m != nullptr && pp->m != mp) {
            ReportStopHolder(pp->m, waited);
          }
        }
      }
    }
  }
  MutexLock l(&sched.lock);
  bool bad = sched.stopwait != 0;
  for (int32_t i = 0; i < n; i++) {
    if (allp[i]->status.load() != static_cast<uint32_t>(Pstatus::kGcstop)) bad = true;
  }
  if (bad) Throw("stopTheWorld: not stopped");
}

// Mirrors startTheWorldWithSema; runs on g0 of mp.
void StartTheWorldWithSema(void* arg) {
  M* mp = static_cast<M*>(arg);
  P* p1;
  {
    MutexLock l(&sched.lock);
    int32_t procs = gomaxprocs.load();
    if (newprocs != 0) {
      procs = newprocs;
      newprocs = 0;
    }
    p1 = ProcResize(mp, procs);
    sched.gcwaiting.store(0);
    if (sched.sysmonwait.load() != 0) {
      sched.sysmonwait.store(0);
      NoteWakeup(&sched.sysmonnote);
    }
  }
  while (p1 != nullptr) {
    P* pp = p1;
    p1 = p1->link;
    pp->link = nullptr;
    if (pp->m != nullptr) {
      M* nmp = pp->m;
      pp->m = nullptr;
      if (nmp->nextp != nullptr) Throw("startTheWorld: inconsistent mp->nextp");
      nmp->nextp = pp;
      NoteWakeup(&nmp->park);
    } else {
      NewM(nullptr, pp);
    }
  }
  // Wake an additional proc in case there are excess runnable goroutines.
  WakeP();
}


void StopTheWorld(G* gp, const char* reason) {
  Semacquire(gp, &worldsema, false, WaitReason::kZero);
  // For the watchdog: who asked, and why (gc's stwReason), until the next stop.
  stw_reason.store(reason, std::memory_order_relaxed);
  stw_requester.store(gp->goid, std::memory_order_relaxed);
  gojit_systemstack(gp, &StopTheWorldWithSema, gp->m);
}

void StartTheWorld(G* gp) {
  gojit_systemstack(gp, &StartTheWorldWithSema, gp->m);
  Semrelease(gp, &worldsema, false);
}

std::atomic<const char*> stw_reason{nullptr};
std::atomic<int64_t> stw_requester{0};

int32_t SetGomaxprocs(G* gp, int32_t n) {
  int32_t ret = gomaxprocs.load();
  // Deterministic schedules keep one P (deterministic_sched.h).
  if (n <= 0 || n == ret || Deterministic()) return ret;
  StopTheWorld(gp, "GOMAXPROCS");
  newprocs = n > kMaxGomaxprocs ? kMaxGomaxprocs : n;
  StartTheWorld(gp);
  return ret;
}

}  // namespace gojit::rt
