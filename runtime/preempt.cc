// Asynchronous preemption by signal. Mirrors runtime/preempt.go (asyncPreempt2,
// isAsyncSafePoint, wantAsyncPreempt), signal_unix.go (preemptM, doSigPreempt) and
// preempt_amd64.s (asyncPreempt: asm_amd64.S's gojit_async_preempt).
//
// How a running goroutine is stopped without its cooperation: sysmon (a G ran over
// 10ms) or stop-the-world sets gp->preempt and sends SIGURG to the G's thread
// (PreemptM, at most one signal in flight per M). The handler checks that the
// thread is at an async safe point: running a user G's JIT'd code (compiled with
// frame pointers and without a red zone, so pushing below SP is harmless), on the
// G's stack with room to spare, with no runtime lock or print lock held. If so it
// rewrites the signal context so that the thread, on leaving the handler, "calls"
// gojit_async_preempt from the interrupted pc; the trampoline saves every register
// on the goroutine stack and calls gojit_async_preempt2, which yields (the G goes
// to the global run queue, as gc's gopreempt_m). When the G runs again, on any
// thread, the trampoline restores the registers and returns to the exact
// instruction. PCs in the C++ runtime or natives are not safe points: the request
// stays in gp->preempt, and sysmon or stop-the-world asks again later.
//
// GODEBUG=asyncpreemptoff=1 turns the signal off, as in gc (unless --preempt says
// otherwise): a goroutine in a loop without calls then holds its P until it
// blocks, and a stop-the-world waits for it forever (the Go 1.13 behaviour of the
// tight-loop example). What requests there were and how they ended, and the
// watchdog that explains a hang, are preempt_trace.cc.
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cpuid.h>
#include <algorithm>
#include <vector>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "runtime/preempt.h"
#include "runtime/debug.h"
#include "runtime/deterministic_sched.h"
#include "runtime/entrypoints.h"
#include "runtime/proc.h"

extern "C" {
void __morestack();
// The XSAVE area size for this CPU's enabled state components, plus alignment
// slack; read by gojit_async_preempt (asm_amd64.S).
uint64_t gojit_xsave_size = 4096;
void gojit_async_preempt();
void gojit_async_preempt2();
void gojit_looppoll2();
}

namespace gojit::rt {
namespace {

// Room the trampoline needs below the interrupted SP: its GPR save area, the
// XSAVE area with alignment, and the frames of async_preempt2 and mcall.
uint64_t AsyncPreemptStack() { return gojit_xsave_size + 1024; }

}  // namespace

namespace {
std::atomic<PreemptMode> preempt_mode{PreemptMode::kAsync};
}  // namespace

std::atomic<bool> prologue_safepoints{true};
// Set only by an explicit --preempt, which then wins over GODEBUG=asyncpreemptoff.
std::atomic<bool> preempt_mode_explicit{false};
void SetPreemptMode(PreemptMode mode) {
  preempt_mode.store(mode);
  preempt_mode_explicit.store(true);
}
void SetPrologueSafepoints(bool on) { prologue_safepoints.store(on); }
bool PrologueSafepointsOn() { return prologue_safepoints.load(std::memory_order_relaxed); }

PreemptMode CurrentPreemptMode() {
  static const bool godebug_off = GodebugInt("asyncpreemptoff", 0) == 1;
  // Deterministic schedules preempt by safepoint counts only, never by signal.
  if (Deterministic()) return PreemptMode::kCooperative;
  PreemptMode m = preempt_mode.load(std::memory_order_relaxed);
  if (m == PreemptMode::kAsync && godebug_off && !preempt_mode_explicit.load(std::memory_order_relaxed))
    m = PreemptMode::kCooperative;
  return m;
}

bool AsyncPreemptOff() { return CurrentPreemptMode() != PreemptMode::kAsync; }

void RequestPreempt(M* mp, G* gp) {
  // Counted (and watched by the watchdog) even when off, where nothing acts on it.
  NotePreemptRequest(gp);
  if (CurrentPreemptMode() == PreemptMode::kOff) return;
  gp->preempt = true;
  // Cooperative: the next prologue check (or loop poll) of gp sees stackPreempt.
  if (prologue_safepoints.load(std::memory_order_relaxed)) {
    gp->stackguard0 = kStackPreempt;
    if (uintptr_t* slot = mp->tls_stackguard) {
      std::atomic_ref<uintptr_t>(*slot).store(kStackPreempt, std::memory_order_relaxed);
    }
  }
  PreemptM(mp);
}

void* MorestackAddress() { return reinterpret_cast<void*>(&__morestack); }

void InitPreempt() {
  unsigned eax, ebx, ecx, edx;
  if (__get_cpuid_count(0xd, 0, &eax, &ebx, &ecx, &edx) && ebx != 0) {
    gojit_xsave_size = ebx + 64;
  }
  struct sigaction sa = {};
  sa.sa_sigaction = &SigPreemptHandler;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESTART;
  sigfillset(&sa.sa_mask);
  sigaction(SIGURG, &sa, nullptr);
}

void PreemptM(M* mp) {
  if (AsyncPreemptOff()) return;
  uint32_t expected = 0;
  if (!mp->signal_pending.compare_exchange_strong(expected, 1)) return;
  syscall(SYS_tgkill, getpid(), static_cast<pid_t>(mp->procid), SIGURG);
}

// Mirrors wantAsyncPreempt and isAsyncSafePoint.
bool AsyncSafePoint(M* mp, G* gp, uintptr_t pc, uintptr_t sp) {
  if (gp == nullptr || gp == mp->g0 || mp->curg != gp) return false;
  if (!gp->preempt && sched.gcwaiting.load() == 0) return false;
  if (ReadGStatus(gp) != static_cast<uint32_t>(Gstatus::kRunning)) return false;
  if (mp->p == nullptr || mp->locks != 0 || mp->dying != 0 || PrintLockHeld()) return false;
  if (sp < gp->stack.lo + AsyncPreemptStack() || sp > gp->stack.hi) return false;
  // JIT'd code never holds the function table's lock, so FindFunc is safe once
  // pc is known to be inside the JIT's code.
  return InJitCode(pc) && FindFunc(pc) != nullptr;
}

// Mirrors doSigPreempt.
void SigPreemptHandler(int, siginfo_t*, void* ctx) {
  M* mp = tls_m;
  if (mp == nullptr) return;
  auto* uc = static_cast<ucontext_t*>(ctx);
  greg_t* regs = uc->uc_mcontext.gregs;
  auto pc = static_cast<uintptr_t>(regs[REG_RIP]);
  auto sp = static_cast<uintptr_t>(regs[REG_RSP]);
  G* gp = mp->curg;
  if (mp->probe.exchange(0) != 0) mp->probed_pc.store(pc);
  if (AsyncPreemptOff()) {
    mp->signal_pending.store(0);
    return;
  }
  bool wanted = gp != nullptr && gp != mp->g0 && (gp->preempt || sched.gcwaiting.load() != 0);
  if (AsyncSafePoint(mp, gp, pc, sp)) {
    // Inject a call to asyncPreempt (sigctxt.pushCall).
    sp -= 8;
    *reinterpret_cast<uintptr_t*>(sp) = pc;
    regs[REG_RSP] = static_cast<greg_t>(sp);
    regs[REG_RIP] = reinterpret_cast<greg_t>(&gojit_async_preempt);
    mp->preempt_count.fetch_add(1, std::memory_order_relaxed);
  } else if (wanted) {
    NoteUnsafeSignal(gp, pc, static_cast<uintptr_t>(regs[REG_RBP]));
  }
  // Acknowledge the preemption (the next PreemptM may signal again).
  mp->signal_pending.store(0);
}

}  // namespace gojit::rt

using namespace gojit::rt;

// Mirrors newstack: called by __morestack with F's registers saved at regs (nregs
// words) and F's entry SP; returns the SP F resumes with. A preemption request
// (stackguard0 == stackPreempt) yields; SP really below the guard grows the stack
// by copying (stack.cc); anything else is a stale guard in the thread's slot
// (sysmon wrote stackPreempt after the M had moved on), which is reset.
// The goroutine is the M's curg, found here as gc's morestack finds g in TLS: F's
// first argument is not necessarily g, because LLVM drops a G* parameter that an
// internal function never uses (and then passes other arguments in %rdi). Go code
// whose SP is outside curg's stack runs on g0 (timer functions): never grown.
extern "C" uintptr_t gojit_newstack(uint64_t framesize, uintptr_t sp, uintptr_t* regs,
                                    uint64_t nregs) {
  M* mp = tls_m;
  G* gp = mp != nullptr ? mp->curg : nullptr;
  if (gp == nullptr || sp <= gp->stack.lo || sp > gp->stack.hi) {
    // Go code on g0: give the slot g0's guard back. (A stale slot on curg's
    // stack is reset below, after the checks.)
    G* g0 = mp != nullptr ? mp->g0 : nullptr;
    gojit_setstackguard(g0 != nullptr ? g0->stackguard0 : 0);
    return sp;
  }
  if (Deterministic()) {
    // Every safepoint comes here (the guard stays armed); the slice decides.
    if (DetSafepoint(gp) && mp->locks == 0 && mp->p != nullptr && !PrintLockHeld()) {
      mp->preempt_count.fetch_add(1, std::memory_order_relaxed);
      Gosched(gp);  // DetStartSlice re-armed the guard when gp ran again
    }
    if (sp - framesize <= gp->stack.lo + kStackGuard) {
      sp = GrowStack(gp, sp, framesize, regs, nregs);
      gp->stackguard0 = kStackPreempt;  // GrowStack set the new stack's guard
    }
    gojit_setstackguard(gp->stackguard0);
    return sp;
  }
  if (gp->preempt || gp->stackguard0 == kStackPreempt) {
    gp->stackguard0 = gp->stack.lo + kStackGuard;
    gojit_setstackguard(gp->stackguard0);
    if (mp->locks == 0 && mp->p != nullptr && !PrintLockHeld()) {
      gp->preempt = false;
      mp->preempt_count.fetch_add(1, std::memory_order_relaxed);
      NotePreempted(gp, PreemptEnd::kPrologue);
      Gosched(gp);  // gopreempt_m
      // Back on some M; the stack did not move. The frame may still not fit:
      // fall through to the growth check.
    }
  }
  if (sp - framesize <= gp->stack.lo + kStackGuard) {
    sp = GrowStack(gp, sp, framesize, regs, nregs);
  }
  gojit_setstackguard(gp->stackguard0);
  return sp;
}

// looppoll: --safepoints=loops found stackPreempt in the guard slot at a loop
// back-edge; the same decision as a prologue's. Called by asm_amd64.S's
// gojit_rt_looppoll with every register saved. The G is the thread's (as
// gojit_newstack finds it); Go code running on g0 (SP outside curg's stack) is
// never preempted.
extern "C" void gojit_looppoll2() {
  M* mp = tls_m;
  if (mp == nullptr || mp->curg == nullptr) return;
  G* g = mp->curg;
  auto sp = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  if (sp < g->stack.lo || sp >= g->stack.hi) return;
  if (Deterministic()) {
    if (DetSafepoint(g) && mp->locks == 0 && mp->p != nullptr && !PrintLockHeld()) {
      mp->preempt_count.fetch_add(1, std::memory_order_relaxed);
      Gosched(g);
    }
    gojit_setstackguard(g->stackguard0);
    return;
  }
  g->stackguard0 = g->stack.lo + kStackGuard;
  gojit_setstackguard(g->stackguard0);
  if (g->preempt && mp->locks == 0 && mp->p != nullptr && !PrintLockHeld()) {
    g->preempt = false;
    mp->preempt_count.fetch_add(1, std::memory_order_relaxed);
    NotePreempted(g, PreemptEnd::kLoopPoll);
    Gosched(g);
  }
}

// Mirrors asyncPreempt2: on the goroutine stack, with every register saved by the
// trampoline. Yields like Gosched; returns when the G runs again.
extern "C" void gojit_async_preempt2() {
  G* gp = tls_m->curg;
  NotePreempted(gp, PreemptEnd::kAsyncSignal);
  gp->preempt = false;
  Gosched(gp);
}
