// Coroutines: goroutines that hand the thread to each other directly, for iter.Pull
// (runtime/coro.go's newcoro, coroswitch and coroexit).
//
// A coroutine is a pair of goroutines of which exactly one runs at a time: the one
// that called newcoro (or most recently switched in) and the one newcoro started.
// coroswitch parks the caller and runs the other on the same M and P at once, with
// no trip through the run queues; when the started goroutine's function returns
// (or it calls Goexit), it exits and the other one resumes.
//
// Invariants:
//  1. c->gp is the goroutine of the pair that is not running: kWaiting with reason
//     kCoroutine, on no run queue and in no wait queue, so only a switch on c can
//     make it run. Null once the started goroutine has exited.
//  2. The started goroutine has gp->coroarg == c until it exits.
//  3. Neither goroutine is locked to its thread (LockOSThread): gc moves the lock
//     along with the switch; gojit throws instead.
#pragma once

#include "runtime/runtime2.h"

namespace gojit::rt {

struct Coro {
  G* gp;     // the parked goroutine of the pair (invariant 1)
  void* fn;  // the func(*coro) value the started goroutine runs: a closure pointer
};

// newcoro(f): a coroutine whose started goroutine, parked until the first switch,
// will call f(c).
Coro* NewCoro(G* g, void* fn);
// coroswitch(c): parks g and runs c's other goroutine; returns when switched back.
void CoroSwitch(G* g, Coro* c);

}  // namespace gojit::rt
