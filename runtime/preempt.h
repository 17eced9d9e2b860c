// Asynchronous preemption by signal (preempt.cc).
#pragma once

#include <signal.h>
#include <ucontext.h>

#include <cstdint>

#include "runtime/runtime2.h"

namespace gojit::rt {

// GODEBUG=asyncpreemptoff=1 (read once).
bool AsyncPreemptOff();
// Installs the SIGURG handler and sizes the register save area (InitSig calls it).
void InitPreempt();
// Asks mp's thread, by SIGURG, to preempt its G at the next async safe point;
// no-op when async preemption is off or a signal is already pending. Mirrors
// preemptM.
void PreemptM(M* mp);
// The SIGURG handler (doSigPreempt).
void SigPreemptHandler(int sig, siginfo_t* info, void* ctx);

}  // namespace gojit::rt
