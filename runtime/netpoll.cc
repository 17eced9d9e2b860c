// The network poller: an epoll instance plus a break descriptor. Mirrors
// runtime/netpoll.go and netpoll_epoll.go.
//
// Today no file descriptor is registered (package net does not exist), so what the
// poller does for gojit is gc's other use of it: the scheduler's timed sleep. An M
// with nothing to run and timers pending blocks in Netpoll(delay) until the earliest
// timer (findRunnable); whoever adds an earlier timer, or needs the sleeper awake,
// calls NetpollBreak. At most one M blocks here at a time (sched.lastpoll == 0 while
// one does).
//
// Invariants: epfd and the break eventfd are created once (NetpollGenericInit) and
// never closed; netpoll_wake_sig is 1 from a NetpollBreak until a blocking
// Netpoll consumes it, so concurrent breaks write the descriptor once.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdint>

#include "runtime/proc.h"
#include "runtime/time.h"

namespace gojit::rt {
namespace {

int epfd = -1;
int break_fd = -1;
std::atomic<uint32_t> netpoll_inited{0};
Mutex netpoll_init_lock;
std::atomic<uint32_t> netpoll_wake_sig{0};

}  // namespace

void NetpollGenericInit() {
  if (netpoll_inited.load(std::memory_order_acquire) != 0) return;
  MutexLock l(&netpoll_init_lock);
  if (netpoll_inited.load(std::memory_order_relaxed) != 0) return;
  epfd = epoll_create1(EPOLL_CLOEXEC);
  if (epfd < 0) Throw("runtime: netpollinit failed");
  break_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (break_fd < 0) Throw("runtime: netpollinit failed");
  struct epoll_event ev = {};
  ev.events = EPOLLIN;
  ev.data.ptr = &break_fd;
  if (epoll_ctl(epfd, EPOLL_CTL_ADD, break_fd, &ev) != 0) {
    Throw("runtime: netpollinit failed");
  }
  netpoll_inited.store(1, std::memory_order_release);
}

bool NetpollInited() { return netpoll_inited.load(std::memory_order_acquire) != 0; }

// Mirrors netpoll.
GQueue Netpoll(int64_t delay) {
  GQueue ready;
  if (epfd < 0) return ready;
  int waitms;
  if (delay < 0) {
    waitms = -1;
  } else if (delay == 0) {
    waitms = 0;
  } else if (delay < 1000000) {
    waitms = 1;
  } else if (delay < 1000000000000000) {
    waitms = static_cast<int>(delay / 1000000);
  } else {
    waitms = 1000000000;  // an arbitrary cap: about 11.5 days
  }
  struct epoll_event events[128];
  for (;;) {
    int n = epoll_wait(epfd, events, 128, waitms);
    if (n < 0) {
      if (errno != EINTR) Throw("runtime: netpoll failed");
      if (waitms > 0) return ready;  // recompute how long to sleep
      continue;
    }
    for (int i = 0; i < n; i++) {
      if (events[i].data.ptr == &break_fd) {
        if (delay != 0) {
          // A non-blocking poll may see a break meant for a blocking one: only
          // the blocking poll consumes it.
          uint64_t v;
          [[maybe_unused]] ssize_t r = read(break_fd, &v, sizeof v);
          netpoll_wake_sig.store(0, std::memory_order_release);
        }
      }
    }
    return ready;
  }
}

// Mirrors netpollBreak.
void NetpollBreak() {
  uint32_t expected = 0;
  if (!netpoll_wake_sig.compare_exchange_strong(expected, 1)) return;
  uint64_t one = 1;
  for (;;) {
    ssize_t n = write(break_fd, &one, sizeof one);
    if (n == static_cast<ssize_t>(sizeof one)) return;
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EAGAIN) return;
    Throw("runtime: netpollBreak write failed");
  }
}

}  // namespace gojit::rt
