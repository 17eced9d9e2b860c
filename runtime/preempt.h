// Asynchronous preemption by signal (preempt.cc).
#pragma once

#include <signal.h>
#include <ucontext.h>

#include <cstdint>

#include "runtime/asm_offsets.h"
#include "runtime/runtime.h"
#include "runtime/runtime2.h"

namespace gojit::rt {

// gc's stackPreempt (stack.go): a stackguard0 no SP is above, so every prologue
// check fails and calls __morestack, which yields.
inline constexpr uintptr_t kStackPreempt = STACK_PREEMPT;  // asm_offsets.h

// PreemptMode, SetPreemptMode and SetPrologueSafepoints, which the CLI sets, are
// in runtime.h.
// The mode in force: GODEBUG=asyncpreemptoff=1 turns kAsync into kCooperative
// unless --preempt was given; --sched makes it kCooperative.
PreemptMode CurrentPreemptMode();
// Whether preemption requests write stackPreempt (not --safepoints=none).
bool PrologueSafepointsOn();
// No signals: the mode is not kAsync.
bool AsyncPreemptOff();
// Asks gp, running on mp, to stop: gp->preempt, stackguard0 = stackPreempt (also
// written into mp's thread slot) and, in kAsync, a signal. Mirrors preemptone.
void RequestPreempt(M* mp, G* gp);
// The address of __morestack (asm_amd64.S), for jit/ to define the symbol.
void* MorestackAddress();

// --- seeing it: GODEBUG=preempttrace=1 and the watchdog (preempt_trace.cc) ------
// How a requested preemption ended: the request made the G yield (at a prologue
// check, a loop poll, by signal), or the G blocked, yielded by itself or exited.
enum class PreemptEnd { kPrologue, kLoopPoll, kAsyncSignal, kAllocation, kBlocked, kYielded, kExited };
// A request for gp (counted once until it ends; sets gp->preempt_since).
void NotePreemptRequest(G* gp);
// gp's pending request, if any, ended so.
void NotePreempted(G* gp, PreemptEnd how);
// A signal that found gp at pc (frame pointer fp) where it cannot be preempted;
// attributed to the JIT'd function there or up the frame chain. Signal-safe.
void NoteUnsafeSignal(G* gp, uintptr_t pc, uintptr_t fp);
// GODEBUG=preempttrace=1: at exit, the requests and how each ended (they add up,
// with those still pending), latencies per ending with a histogram, and where
// unsafe-PC signals landed. Called by Exit.
void PrintPreemptTrace();
// The stop-the-world watchdog (StopTheWorldWithSema): describes, once the stop has
// waited a second, the goroutine running on mp that holds it up: where it runs
// (a signal samples its PC) and why it cannot stop.
void ReportStopHolder(M* mp, int64_t waited_ns);
// sysmon's half of the watchdog: once gp (running on mp) has ignored a preemption
// request for a second, says so, where it runs and why (once per request).
void WatchPreemptRequest(M* mp, G* gp, int64_t now);
// Installs the SIGURG handler and sizes the register save area (InitSig calls it).
void InitPreempt();
// Asks mp's thread, by SIGURG, to preempt its G at the next async safe point;
// no-op when async preemption is off or a signal is already pending. Mirrors
// preemptM.
void PreemptM(M* mp);
// The SIGURG handler (doSigPreempt).
void SigPreemptHandler(int sig, siginfo_t* info, void* ctx);

}  // namespace gojit::rt
