// Descriptors in the network poller: what internal/poll's runtime hooks
// (runtime_pollOpen, runtime_pollWait, ...) do, as gc's netpoll.go does it.
//
// Each pollable descriptor (a socket, a pipe in non-blocking mode) gets a
// PollDesc, registered edge-triggered with the poller's epoll instance
// (netpoll.cc) for reads and writes at once. A goroutine whose read or write
// would block parks on the PollDesc's read or write semaphore (PollWait); the
// scheduler's Netpoll, blocking when an M has nothing else to do or non-blocking
// when it looks for work, turns epoll's events into those goroutines, which it
// makes runnable. Deadlines are runtime timers that wake the waiter with
// "timeout". See netpoll.cc for the semaphores' states and invariants.
//
// The int results are internal/poll's codes: 0 ok, 1 the descriptor is closing,
// 2 the deadline has passed, 3 not pollable (an error event on the descriptor).
#pragma once

#include <cstdint>

#include "runtime/runtime2.h"

namespace gojit::rt {

struct PollDesc;

inline constexpr int kPollNoError = 0;
inline constexpr int kPollErrClosing = 1;
inline constexpr int kPollErrTimeout = 2;
inline constexpr int kPollErrNotPollable = 3;

// runtime_pollOpen: registers fd; null with *errno_out set when epoll refuses it
// (a regular file: EPERM), and internal/poll then uses fd in blocking mode.
PollDesc* PollOpen(int fd, int* errno_out);
// runtime_pollClose: deregisters; PollUnblock must have been called.
void PollClose(PollDesc* pd);
// runtime_pollReset: readies pd for a read ('r') or write ('w') that may wait.
int PollReset(PollDesc* pd, int mode);
// runtime_pollWait: parks gp until pd is ready for mode, closing, or past its
// deadline.
int PollWait(G* gp, PollDesc* pd, int mode);
// runtime_pollSetDeadline: d is relative (0 none, < 0 already passed); mode is
// 'r', 'w' or 'r'+'w'.
void PollSetDeadline(G* gp, PollDesc* pd, int64_t d, int mode);
// runtime_pollUnblock: marks pd closing and wakes its waiters.
void PollUnblock(G* gp, PollDesc* pd);
// runtime_isPollServerDescriptor: the poller's own descriptors.
bool IsPollServerDescriptor(int fd);
// Whether any goroutine is parked in PollWait (netpollAnyWaiters).
bool NetpollAnyWaiters();
// Makes the Gs of a Netpoll result runnable: onto the global run queue, with Ps
// started for them (injectglist).
void InjectGList(GQueue list);

}  // namespace gojit::rt
