// The signal queue of os/signal. Mirrors runtime/sigqueue.go in what it does,
// not in how: gc's queue is a state machine around a note; here it is three
// bit sets and a futex word.
//
//   wanted   the signals os/signal asked for (Notify); their handler is
//            QueueHandler while they are wanted.
//   pending  set by QueueHandler (in signal context: atomics and a futex wake
//            only, which are async-signal-safe), taken whole by SignalRecv.
//   taken    the signals SignalRecv took from pending and has not returned
//            yet, returned one per call (lowest number first); only the
//            receiving goroutine (os/signal's loop, there is one) touches it.
//
// wakeups counts QueueHandler calls; SignalRecv sleeps on it (FutexSleep)
// inside EnterSyscallBlock, so its M counts as running and its P goes to
// another M at once, as gc's notetsleepg does: a program waiting for a signal is
// not deadlocked, and its other goroutines run on.
//
// Invariants:
//  1. A signal is in pending at most once however often it arrives before it
//     is received (gc coalesces the same way).
//  2. A signal's disposition is QueueHandler iff it is in wanted, except the
//     signals gojit's runtime needs for itself (SIGURG: preemption; the
//     synchronous faults), which keep their handler and are never queued.
#include "runtime/sigqueue.h"

#include <signal.h>

#include <atomic>

#include "runtime/lock_futex.h"
#include "runtime/proc.h"

namespace gojit::rt {

void SigNotifyDefault(int sig);  // signal_unix.cc: the handler gojit installs otherwise

namespace {

constexpr uint32_t kNumSig = 65;
constexpr int kWords = (kNumSig + 31) / 32;

std::atomic<uint32_t> wanted[kWords];
std::atomic<uint32_t> ignored[kWords];
std::atomic<uint32_t> pending[kWords];
uint32_t taken[kWords];  // the receiver's own
std::atomic<uint32_t> wakeups{0};
std::atomic<bool> receiver_waiting{false};

uint32_t Bit(uint32_t sig) { return uint32_t{1} << (sig % 32); }

// Signals that stay the runtime's whatever os/signal asks.
bool RuntimeOwned(uint32_t sig) {
  return sig == SIGURG || sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE || sig == SIGILL ||
         sig == SIGKILL || sig == SIGSTOP;
}

void QueueHandler(int sig, siginfo_t*, void*) {
  auto s = static_cast<uint32_t>(sig);
  if ((wanted[s / 32].load(std::memory_order_relaxed) & Bit(s)) == 0) return;
  pending[s / 32].fetch_or(Bit(s), std::memory_order_release);
  wakeups.fetch_add(1, std::memory_order_release);
  FutexWakeup(&wakeups, 1);
}

}  // namespace

void SignalEnable(uint32_t sig) {
  if (sig >= kNumSig || RuntimeOwned(sig)) return;
  ignored[sig / 32].fetch_and(~Bit(sig));
  if ((wanted[sig / 32].fetch_or(Bit(sig)) & Bit(sig)) != 0) return;
  struct sigaction sa = {};
  sa.sa_sigaction = &QueueHandler;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESTART;
  sigfillset(&sa.sa_mask);
  sigaction(static_cast<int>(sig), &sa, nullptr);
}

void SignalDisable(uint32_t sig) {
  if (sig >= kNumSig || RuntimeOwned(sig)) return;
  wanted[sig / 32].fetch_and(~Bit(sig));
  SigNotifyDefault(static_cast<int>(sig));
}

void SignalIgnore(uint32_t sig) {
  if (sig >= kNumSig || RuntimeOwned(sig)) return;
  wanted[sig / 32].fetch_and(~Bit(sig));
  ignored[sig / 32].fetch_or(Bit(sig));
  signal(static_cast<int>(sig), SIG_IGN);
}

bool SignalIgnored(uint32_t sig) {
  if (sig >= kNumSig) return false;
  if ((ignored[sig / 32].load() & Bit(sig)) != 0) return true;
  struct sigaction sa = {};
  sigaction(static_cast<int>(sig), nullptr, &sa);
  return (sa.sa_flags & SA_SIGINFO) == 0 && sa.sa_handler == SIG_IGN;
}

uint32_t SignalRecv(G* gp) {
  for (;;) {
    for (int w = 0; w < kWords; w++) {
      if (taken[w] == 0) continue;
      uint32_t bit = static_cast<uint32_t>(__builtin_ctz(taken[w]));
      taken[w] &= ~(uint32_t{1} << bit);
      return static_cast<uint32_t>(w) * 32 + bit;
    }
    uint32_t seen = wakeups.load(std::memory_order_acquire);
    bool any = false;
    for (int w = 0; w < kWords; w++) {
      taken[w] = pending[w].exchange(0, std::memory_order_acquire);
      any = any || taken[w] != 0;
    }
    if (any) continue;
    receiver_waiting.store(true, std::memory_order_release);
    EnterSyscallBlock(gp);
    FutexSleep(&wakeups, seen);
    ExitSyscall(gp);
    receiver_waiting.store(false, std::memory_order_release);
  }
}

void SignalWaitUntilIdle(G* gp) {
  // gc waits until its receiver sleeps with nothing queued, so that a signal
  // delivered before Stop is not handed to the channel after it.
  for (;;) {
    bool queued = false;
    for (int w = 0; w < kWords; w++) queued = queued || pending[w].load() != 0;
    if (!queued && receiver_waiting.load(std::memory_order_acquire)) return;
    if (!queued && wakeups.load() == 0) return;  // nothing was ever delivered
    Gosched(gp);
  }
}

}  // namespace gojit::rt
