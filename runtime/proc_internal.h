// The scheduler's internals shared by its files: proc.cc (Gs, Ms, Ps,
// schedule/findRunnable, system calls), runq.cc (run queues), sysmon.cc (sysmon, retake, schedtrace) and
// stw.cc (stop-the-world, procresize). Not for the rest of the runtime, which uses
// proc.h. Each function mirrors the proc.go function its comment names.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "runtime/proc.h"
#include "runtime/runtime2.h"

namespace gojit::rt {

// The current run: RunMain's or RunUntilDone's.
struct RunState {
  GoEntry entry = nullptr;
  bool exit_on_return = true;  // RunMain: exit 0 when main returns
  RunOptions options;
  std::vector<std::string> args;
  M* m0 = nullptr;
  std::atomic<int> started{0};  // goroutines created in this run (RunUntilDone's result)
  std::atomic<bool> main_started{false};  // mainStarted: newproc may wake Ps
  std::atomic<bool> done{false};          // RunUntilDone: every goroutine exited
};
extern RunState run;

// Mirrors randomOrder (stealOrder): visits 0..count-1 in a pseudo-random order by
// stepping from a random start by a random number coprime with count. The
// coprimes are recomputed by procresize (world stopped) and read without a lock.
struct StealOrder {
  uint32_t count = 0;
  std::vector<uint32_t> coprimes;

  void Reset(uint32_t n) {
    count = n;
    coprimes.clear();
    for (uint32_t i = 1; i <= n; i++) {
      if (Gcd(i, n) == 1) coprimes.push_back(i);
    }
  }
  static uint32_t Gcd(uint32_t a, uint32_t b) {
    while (b != 0) {
      uint32_t t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
};
extern StealOrder steal_order;

// Serializes stop-the-world requests (stw.cc).
extern uint32_t worldsema;
// When the scheduler started (schedtrace's clock; sysmon.cc).
extern int64_t sched_start_time;

extern M* allm ABSL_GUARDED_BY(sched.lock);
extern int64_t nmfreed ABSL_GUARDED_BY(sched.lock);  // Ms that exited
extern int32_t newprocs;  // GOMAXPROCS(n) while the world is stopped

// runq.cc
bool RunqEmpty(P* pp);
void RunqPut(P* pp, G* gp, bool next);
G* RunqGet(P* pp, bool* inherit_time);
G* RunqSteal(P* pp, P* p2, bool steal_runnext);
void GlobRunqPut(G* gp) ABSL_EXCLUSIVE_LOCKS_REQUIRED(sched.lock);
void GlobRunqPutHead(G* gp) ABSL_EXCLUSIVE_LOCKS_REQUIRED(sched.lock);
void GlobRunqPutBatch(G* head, G* tail, int32_t n) ABSL_EXCLUSIVE_LOCKS_REQUIRED(sched.lock);
G* GlobRunqGet(P* pp, int32_t max) ABSL_EXCLUSIVE_LOCKS_REQUIRED(sched.lock);

// goroutines.cc
void AllGAdd(G* gp);
G* Malg(size_t stacksize);
void GfPut(P* pp, G* gp);
G* GfGet(P* pp, size_t size, bool compact);
void GfPurge(P* pp);
void GoliveAdd(P* pp, int32_t n);  // n goroutines started (+) or exited (-) on pp
void GoliveFlush(P* pp);           // pp's held-back count into sched.ngolive
G* NewProc1(G* callergp, GoFunc fn, void* arg, size_t stacksize, uintptr_t callerpc);

// proc.cc
size_t StartingStackSize();  // a new goroutine's first stack (RunUntilDone: large)
void CheckDead() ABSL_EXCLUSIVE_LOCKS_REQUIRED(sched.lock);
[[noreturn]] void MStart1(G* g0);  // mstart1: the M's first schedule, on g0
[[noreturn]] void MExit(M* mp);    // mexit: the M's thread ends

[[noreturn]] void Execute(M* mp, G* gp, bool inherit_time);  // execute
void DropG(M* mp);                                            // dropg
// coro.cc
[[noreturn]] void CoroExitResume(M* mp, Coro* c);  // coroexit's tail, from GoExit0
// mp.cc: Ms and Ps
void PidlePut(P* pp) ABSL_EXCLUSIVE_LOCKS_REQUIRED(sched.lock);
P* PidleGet() ABSL_EXCLUSIVE_LOCKS_REQUIRED(sched.lock);
void MPut(M* mp) ABSL_EXCLUSIVE_LOCKS_REQUIRED(sched.lock);
M* MGet() ABSL_EXCLUSIVE_LOCKS_REQUIRED(sched.lock);
void AcquireP(M* mp, P* pp);
P* ReleaseP(M* mp);
void IncIdleLocked(int32_t v);
M* NewMStruct();
void MInit(M* mp);
void NewM(void (*fn)(M*), P* pp);
void MSpinning(M* mp);
void StopM(M* mp);
void StartM(P* pp, bool spinning);
void HandoffP(P* pp);
void WakeP();
void ResetSpinning(M* mp);
void GcStopM(M* mp);
void StopLockedM(M* mp);
void StartLockedM(M* mp, G* gp);

// sysmon.cc
bool PreemptOne(P* pp);
void SchedTraceLine(bool detailed);

// stw.cc
P* ProcResize(M* mp, int32_t nprocs) ABSL_EXCLUSIVE_LOCKS_REQUIRED(sched.lock);
void PreemptAll();
void StopTheWorldWithSema(void* arg);
// The current (or last) stop-the-world's reason and requesting goroutine.
extern std::atomic<const char*> stw_reason;
extern std::atomic<int64_t> stw_requester;
void StartTheWorldWithSema(void* arg);

}  // namespace gojit::rt
