// os/signal's side of the runtime: which signals a program has asked for, and the
// queue between the signal handler and os/signal's receiving goroutine. Mirrors
// runtime/sigqueue.go (signal_enable, signal_disable, signal_ignore,
// signal_ignored, signal_recv, signalWaitUntilIdle); see sigqueue.cc.
#pragma once

#include <cstdint>

namespace gojit::rt {

struct G;

// Delivers sig to os/signal from now on (os/signal.Notify): its handler queues it
// instead of the default action.
void SignalEnable(uint32_t sig);
// Gives sig back its default behaviour under gojit (Stop, Reset).
void SignalDisable(uint32_t sig);
// Ignores sig (signal.Ignore): SIG_IGN, which processes the program starts inherit.
void SignalIgnore(uint32_t sig);
// Whether sig is ignored, by signal.Ignore or by the disposition the process
// started with.
bool SignalIgnored(uint32_t sig);
// Blocks gp (in a system call, its P released) until a queued signal is there,
// and returns it; each signal received once per delivery burst, as in gc.
uint32_t SignalRecv(G* gp);
// Waits until the receiving goroutine has taken every queued signal.
void SignalWaitUntilIdle(G* gp);

}  // namespace gojit::rt
