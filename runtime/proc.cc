// The scheduler skeleton: M0/g0/P setup, G creation, run queues, schedule,
// execute, goexit, Gosched/gopark/goready, and the process entry RunMain.
// Mirrors runtime/proc.go; each function names the Go function it mirrors.
//
// How a program runs (as in gc): RunMain (rt0_go) initializes the scheduler
// (schedinit), creates G1 running RuntimeMain (newproc(runtime.main)) and calls
// mstart on the thread's own stack, which becomes M0's g0 stack. schedule() picks
// G1 off P0's run queue and execute() gogo's to it. RuntimeMain calls the JIT'd
// entry (package inits + main.main) and exits the process with 0 when it returns.
// Any other G's first function returns to goexit (asm), which mcall's goexit0 on
// g0: the G becomes _Gdead, goes on a free list (stack kept), and schedule() runs
// the next G.
//
// Current state: one M and one P (gomaxprocs 1), cooperative only: a G leaves the
// CPU by returning, Gosched or Gopark. With nothing runnable, findRunnable calls
// checkdead ("all goroutines are asleep - deadlock!") since nothing (no timers,
// netpoll, other Ms) could make a G runnable. The queue code is gc's multi-P code.
//
// Not yet (later issues): more Ms and Ps (startm/wakep/stopm/handoffp, work
// stealing), sysmon, preemption, syscalls, timers, netpoll, lockOSThread, GC
// stop-the-world, "created by" lines in tracebacks.
#include "runtime/proc.h"

#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <utility>

namespace gojit::rt {

SchedT sched;
int32_t gomaxprocs = 0;
std::vector<P*> allp;
Mutex allglock;
std::vector<G*> allgs;
thread_local M* tls_m = nullptr;

namespace {

constexpr uint64_t kGoidCacheBatch = 16;  // _GoidCacheBatch

struct RunState {
  GoEntry entry = nullptr;
  bool exit_on_return = true;  // RunMain: exit 0 when main returns
  RunOptions options;
  std::vector<std::string> args;
  M* m0 = nullptr;
  int started = 0;  // goroutines created in this run (RunUntilDone's result)
};
RunState run;

// --- G status --------------------------------------------------------------------

}  // namespace

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
                                                  "debug call"};
  auto i = static_cast<size_t>(r);
  return i < std::size(kStrings) ? kStrings[i] : "unknown wait reason";
}

// --- queues ----------------------------------------------------------------------

void GQueue::Push(G* gp) {  // gQueue.push: to the head
  gp->schedlink = head;
  head = gp;
  if (tail == nullptr) tail = gp;
}

void GQueue::PushBack(G* gp) {  // gQueue.pushBack
  gp->schedlink = nullptr;
  if (tail != nullptr) {
    tail->schedlink = gp;
  } else {
    head = gp;
  }
  tail = gp;
}

G* GQueue::Pop() {  // gQueue.pop
  G* gp = head;
  if (gp != nullptr) {
    head = gp->schedlink;
    if (head == nullptr) tail = nullptr;
    gp->schedlink = nullptr;
  }
  return gp;
}

namespace {

// Mirrors globrunqput: gp to the tail of the global queue.
void GlobRunqPut(G* gp) ABSL_EXCLUSIVE_LOCKS_REQUIRED(sched.lock) {
  sched.runq.PushBack(gp);
  sched.runqsize++;
}

// Mirrors globrunqputbatch: n Gs linked from head to tail.
void GlobRunqPutBatch(G* head, G* tail, int32_t n)
    ABSL_EXCLUSIVE_LOCKS_REQUIRED(sched.lock) {
  tail->schedlink = nullptr;
  if (sched.runq.tail != nullptr) {
    sched.runq.tail->schedlink = head;
  } else {
    sched.runq.head = head;
  }
  sched.runq.tail = tail;
  sched.runqsize += n;
}

void RunqPut(P* pp, G* gp, bool next);

// Mirrors runqputslow: moves half of the full local queue plus gp to the global
// queue. Returns false if a stealer raced with us (the caller retries).
bool RunqPutSlow(P* pp, G* gp, uint32_t h, uint32_t t) {
  G* batch[kLocalRunQueueSize / 2 + 1];
  uint32_t n = (t - h) / 2;
  if (n != kLocalRunQueueSize / 2) Throw("runqputslow: queue is not full");
  for (uint32_t i = 0; i < n; i++) {
    batch[i] = pp->runq[(h + i) % kLocalRunQueueSize].load(std::memory_order_relaxed);
  }
  if (!pp->runqhead.compare_exchange_strong(h, h + n, std::memory_order_release))
    return false;
  batch[n] = gp;
  for (uint32_t i = 0; i < n; i++) batch[i]->schedlink = batch[i + 1];
  MutexLock l(&sched.lock);
  GlobRunqPutBatch(batch[0], batch[n], static_cast<int32_t>(n + 1));
  return true;
}

// Mirrors runqput: gp to pp's runnext (next) or local queue tail; a full local
// queue spills half to the global queue. Executed only by the owner P.
void RunqPut(P* pp, G* gp, bool next) {
  if (next) {
    G* oldnext = pp->runnext.load(std::memory_order_relaxed);
    while (!pp->runnext.compare_exchange_weak(oldnext, gp, std::memory_order_acq_rel)) {
    }
    if (oldnext == nullptr) return;
    gp = oldnext;  // kick the old runnext to the regular queue
  }
  for (;;) {
    uint32_t h = pp->runqhead.load(std::memory_order_acquire);
    uint32_t t = pp->runqtail.load(std::memory_order_relaxed);
    if (t - h < kLocalRunQueueSize) {
      pp->runq[t % kLocalRunQueueSize].store(gp, std::memory_order_relaxed);
      pp->runqtail.store(t + 1, std::memory_order_release);
      return;
    }
    if (RunqPutSlow(pp, gp, h, t)) return;
  }
}

// Mirrors runqget. inherit_time: gp came from runnext and inherits the slice.
G* RunqGet(P* pp, bool* inherit_time) {
  G* next = pp->runnext.load(std::memory_order_relaxed);
  if (next != nullptr &&
      pp->runnext.compare_exchange_strong(next, nullptr, std::memory_order_acq_rel)) {
    *inherit_time = true;
    return next;
  }
  *inherit_time = false;
  for (;;) {
    uint32_t h = pp->runqhead.load(std::memory_order_acquire);
    uint32_t t = pp->runqtail.load(std::memory_order_relaxed);
    if (t == h) return nullptr;
    G* gp = pp->runq[h % kLocalRunQueueSize].load(std::memory_order_relaxed);
    if (pp->runqhead.compare_exchange_strong(h, h + 1, std::memory_order_release))
      return gp;
  }
}

// Mirrors globrunqget: a batch from the global queue, the first returned and the
// rest put on pp's local queue.
G* GlobRunqGet(P* pp, int32_t max) ABSL_EXCLUSIVE_LOCKS_REQUIRED(sched.lock) {
  if (sched.runqsize == 0) return nullptr;
  int32_t n = sched.runqsize / gomaxprocs + 1;
  if (n > sched.runqsize) n = sched.runqsize;
  if (max > 0 && n > max) n = max;
  if (n > kLocalRunQueueSize / 2) n = kLocalRunQueueSize / 2;
  sched.runqsize -= n;
  G* gp = sched.runq.Pop();
  for (n--; n > 0; n--) RunqPut(pp, sched.runq.Pop(), false);
  return gp;
}

// --- G allocation ----------------------------------------------------------------

// Mirrors allgadd.
void AllGAdd(G* gp) {
  MutexLock l(&allglock);
  allgs.push_back(gp);
}

// Mirrors malg: a new G with a stack of stacksize bytes (0: none, for g0).
G* Malg(size_t stacksize) {
  G* gp = new G();
  if (stacksize > 0) StackAlloc(gp, stacksize);
  return gp;
}

// Mirrors gfput: a dead G onto pp's free list; spills to the global list when
// the local one grows past 64.
void GfPut(P* pp, G* gp) {
  gp->schedlink = pp->gfree;
  pp->gfree = gp;
  pp->gfreecount++;
  if (pp->gfreecount >= 64) {
    MutexLock l(&sched.gfree_lock);
    while (pp->gfreecount >= 32) {
      G* g1 = pp->gfree;
      pp->gfree = g1->schedlink;
      pp->gfreecount--;
      g1->schedlink = sched.gfree;
      sched.gfree = g1;
      sched.ngfree++;
    }
  }
}

// Mirrors gfget: a dead G with a stack of at least `size` bytes, or null.
G* GfGet(P* pp, size_t size) {
  if (pp->gfree == nullptr) {
    MutexLock l(&sched.gfree_lock);
    while (pp->gfreecount < 32 && sched.gfree != nullptr) {
      G* gp = sched.gfree;
      sched.gfree = gp->schedlink;
      sched.ngfree--;
      gp->schedlink = pp->gfree;
      pp->gfree = gp;
      pp->gfreecount++;
    }
  }
  G* gp = pp->gfree;
  if (gp == nullptr) return nullptr;
  pp->gfree = gp->schedlink;
  pp->gfreecount--;
  gp->schedlink = nullptr;
  if (gp->stack.hi - gp->stack.lo < size) {
    StackFree(gp);
    StackAlloc(gp, size);
  }
  return gp;
}

// Mirrors newproc1: a G in state kRunnable that will run fn(g, arg) and then
// goexit. The stack top holds [sp] = goexit+1, [sp+8] = g, [sp+16] = 0, so sp is
// 8 mod 16 at fn's entry, as after a call.
G* NewProc1(G* callergp, GoFunc fn, void* arg, size_t stacksize, uintptr_t callerpc) {
  M* mp = callergp != nullptr ? callergp->m : tls_m;
  P* pp = mp->p;
  G* newg = GfGet(pp, stacksize);
  if (newg == nullptr) {
    newg = Malg(stacksize);
    CasGStatus(newg, Gstatus::kIdle, Gstatus::kDead);
    AllGAdd(newg);  // publishes with a kDead status so tracebacks skip it
  }
  if (newg->stack.hi == 0) Throw("newproc1: newg missing stack");
  if (ReadGStatus(newg) != static_cast<uint32_t>(Gstatus::kDead)) {
    Throw("newproc1: new g is not Gdead");
  }
  uintptr_t top = newg->stack.hi & ~uintptr_t{15};
  auto* slots = reinterpret_cast<uintptr_t*>(top - 24);
  slots[0] = reinterpret_cast<uintptr_t>(&gojit_goexit) + 1;  // PCQuantum
  slots[1] = reinterpret_cast<uintptr_t>(newg);
  slots[2] = 0;
  newg->sched = Gobuf{};
  newg->sched.sp = top - 24;
  newg->sched.pc = reinterpret_cast<uintptr_t>(fn);
  newg->sched.g = newg;
  newg->sched.ctxt = arg;
  newg->sched.bp = 0;  // ends the frame-pointer chain
  newg->gopc = callerpc;
  newg->startpc = reinterpret_cast<uintptr_t>(fn);
  newg->waitreason = WaitReason::kZero;
  newg->sig = 0;
  CasGStatus(newg, Gstatus::kDead, Gstatus::kRunnable);
  if (pp->goidcache == pp->goidcacheend) {
    pp->goidcache = sched.goidgen.fetch_add(kGoidCacheBatch) + kGoidCacheBatch;
    pp->goidcache -= kGoidCacheBatch - 1;
    pp->goidcacheend = pp->goidcache + kGoidCacheBatch;
  }
  newg->goid = static_cast<int64_t>(pp->goidcache++);
  sched.ngolive.fetch_add(1);
  run.started++;
  return newg;
}

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
  mp->curg = gp;
  gp->m = mp;
  CasGStatus(gp, Gstatus::kRunnable, Gstatus::kRunning);
  gp->waitsince = 0;
  gp->preempt = false;
  gp->stackguard0 = gp->stack.lo + kStackGuard;
  if (!inherit_time) mp->p->schedtick++;
  gojit_setstackguard(gp->stackguard0);
  gojit_gogo(&gp->sched);
}

// Mirrors checkdead, reduced to the one-M case: nothing is runnable and nothing
// can make a G runnable.
[[noreturn]] void CheckDead(M* mp) {
  if (!run.exit_on_return && sched.ngolive.load() == 0) {
    // RunUntilDone: every goroutine has exited; hand the thread back to the
    // caller of mstart0 (its context is still in g0->sched).
    gojit_setstackguard(0);
    gojit_gogo(&mp->g0->sched);
  }
  Throw("all goroutines are asleep - deadlock!");
}

// Mirrors findRunnable: local queue, then the global queue. (No timers, netpoll,
// or stealing yet; with one M there is nobody to wait for.)
G* FindRunnable(M* mp, bool* inherit_time) {
  P* pp = mp->p;
  // Check the global runnable queue once in a while to ensure fairness.
  if (pp->schedtick % 61 == 0) {
    MutexLock l(&sched.lock);
    if (sched.runqsize > 0) {
      G* gp = GlobRunqGet(pp, 1);
      if (gp != nullptr) {
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
  CheckDead(mp);
}

// Mirrors schedule: one round of scheduling: find a runnable G and execute it.
// Runs on g0; never returns.
[[noreturn]] void ScheduleM(M* mp) {
  if (mp->locks != 0) Throw("schedule: holding locks");
  if (mp->curg != nullptr) Throw("schedule: curg still set");
  bool inherit_time = false;
  G* gp = FindRunnable(mp, &inherit_time);
  Execute(mp, gp, inherit_time);
}

// Mirrors goexit0, on g0.
[[noreturn]] void GoExit0(G* gp) {
  M* mp = gp->m;
  CasGStatus(gp, Gstatus::kRunning, Gstatus::kDead);
  gp->m = nullptr;
  gp->lockedm = nullptr;
  gp->preempt = false;
  gp->param = nullptr;
  gp->waitreason = WaitReason::kZero;
  gp->panic_ = nullptr;
  gp->defer_ = nullptr;
  gp->sig = 0;
  mp->curg = nullptr;  // dropg
  GfPut(mp->p, gp);
  sched.ngolive.fetch_sub(1);
  ScheduleM(mp);
}

// Mirrors gosched_m / goschedImpl, on g0.
[[noreturn]] void GoschedM(G* gp) {
  M* mp = gp->m;
  CasGStatus(gp, Gstatus::kRunning, Gstatus::kRunnable);
  DropG(mp);
  {
    MutexLock l(&sched.lock);
    GlobRunqPut(gp);
  }
  ScheduleM(mp);
}

// Mirrors park_m, on g0.
[[noreturn]] void ParkM(G* gp) {
  M* mp = gp->m;
  CasGStatus(gp, Gstatus::kRunning, Gstatus::kWaiting);
  gp->waitreason = mp->waitreason;
  DropG(mp);
  if (auto fn = std::exchange(mp->waitunlockf, nullptr)) {
    bool ok = fn(gp, std::exchange(mp->waitlock, nullptr));
    if (!ok) {
      CasGStatus(gp, Gstatus::kWaiting, Gstatus::kRunnable);
      Execute(mp, gp, true);  // schedule it back, never returning
    }
  }
  ScheduleM(mp);
}

// Mirrors mstart1's tail: the first scheduling round of a fresh M, on g0.
[[noreturn]] void MStart1(G* g0) { ScheduleM(g0->m); }

// Mirrors runtime.main: the body of G1.
void RuntimeMain(G* gp, void* arg) {
  auto entry = reinterpret_cast<GoEntry>(arg);
  entry(gp);
  if (run.exit_on_return) Exit(0);
  // RunUntilDone: return into goexit like any other goroutine.
}

// Mirrors mcommoninit + minit: a new M for this thread, its g0 on the thread stack.
M* AllocM() {
  M* mp = new M();
  {
    MutexLock l(&sched.lock);
    mp->id = sched.mnext++;
  }
  G* g0 = Malg(0);
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
  g0->m = mp;
  mp->g0 = g0;
  mp->procid = static_cast<uint64_t>(syscall(SYS_gettid));
  tls_m = mp;
  MinitSignalStack(mp);
  return mp;
}

// Mirrors schedinit + procresize(1) + acquirep for M0.
void SchedInit(M* mp) {
  gomaxprocs = 1;
  for (int32_t i = 0; i < gomaxprocs; i++) {
    P* pp = new P();
    pp->id = i;
    allp.push_back(pp);
  }
  P* pp = allp[0];
  pp->m = mp;
  pp->status.store(static_cast<uint32_t>(Pstatus::kRunning));
  mp->p = pp;
}

// Creates G1 and runs the scheduler on this thread until (RunUntilDone) every
// goroutine has exited.
void StartTheWorld(GoEntry entry) {
  M* mp = AllocM();
  run.m0 = mp;
  SchedInit(mp);
  InitSig();
  G* g1 =
      NewProc1(nullptr, &RuntimeMain, reinterpret_cast<void*>(entry), kMainStackSize, 0);
  RunqPut(mp->p, g1, true);
  gojit_mstart0(mp->g0, &MStart1);
}

// Frees what StartTheWorld made so the next RunUntilDone starts clean.
void TearDown() {
  M* mp = run.m0;
  {
    MutexLock l(&allglock);
    for (G* gp : allgs) {
      StackFree(gp);
      delete gp;
    }
    allgs.clear();
  }
  for (P* pp : allp) delete pp;
  allp.clear();
  {
    MutexLock l(&sched.gfree_lock);
    sched.gfree = nullptr;
    sched.ngfree = 0;
  }
  {
    MutexLock l(&sched.lock);
    sched.runq = GQueue{};
    sched.runqsize = 0;
  }
  sched.goidgen.store(0);
  UnminitSignalStack(mp);
  delete mp->g0;
  delete mp;
  tls_m = nullptr;
  run.m0 = nullptr;
}

}  // namespace

extern "C" void gojit_goexit1(G* gp) {  // mirrors goexit1
  gojit_mcall(gp, &GoExit0);
  __builtin_trap();
}

G* NewProc(G* callergp, GoFunc fn, void* arg, uintptr_t callerpc) {
  G* newg = NewProc1(callergp, fn, arg, kGoroutineStackSize, callerpc);
  RunqPut(callergp->m->p, newg, true);
  return newg;
}

void Gosched(G* gp) { gojit_mcall(gp, &GoschedM); }

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
}

G* CurrentG() { return tls_m != nullptr ? tls_m->curg : nullptr; }

const RunOptions& CurrentRunOptions() { return run.options; }

const std::vector<std::string>& Args() { return run.args; }

int RunMain(GoEntry entry, std::vector<std::string> args, RunOptions options) {
  run = RunState{};
  run.entry = entry;
  run.exit_on_return = true;
  run.options = options;
  run.args = std::move(args);
  StartTheWorld(entry);
  Exit(0);  // not reached: RuntimeMain exits
}

int RunUntilDone(GoEntry entry, RunOptions options) {
  if (run.m0 != nullptr) Throw("RunUntilDone: already running");
  run = RunState{};
  run.entry = entry;
  run.exit_on_return = false;
  run.options = options;
  StartTheWorld(entry);
  int started = run.started;
  TearDown();
  return started;
}

// Mirrors exit (os_linux / sys_linux_amd64.s) plus `go run`'s "exit status N".
void Exit(int code) {
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

}  // namespace gojit::rt
