// The network poller: an epoll instance plus a break descriptor, and the
// descriptors registered in it. Mirrors runtime/netpoll.go and netpoll_epoll.go.
//
// The poller has two users. The scheduler sleeps in it: an M with nothing to
// run and timers pending blocks in Netpoll(delay) until the earliest timer
// (findRunnable); whoever adds an earlier timer, or needs the sleeper awake,
// calls NetpollBreak. At most one M blocks here at a time (sched.lastpoll == 0
// while one does). And goroutines wait in it for their descriptors
// (runtime/netpoll.h): each registered descriptor has a PollDesc, whose address
// (with a 16-bit generation tag in the top bits) is the epoll event's data.
//
// A PollDesc's read and write semaphores (rg, wg) hold one of
//   kPdNil   no waiter, no pending readiness;
//   kPdReady the descriptor became ready and nobody has consumed that yet;
//   kPdWait  a goroutine is about to park (between its CAS and the park's commit);
//   a G*     that goroutine is parked waiting.
// Invariants:
//  1. Only the goroutine doing I/O on the descriptor moves a semaphore from
//     kPdNil to kPdWait, and only its park's commit from kPdWait to its G*
//     (internal/poll's fdMutex serialises readers, and writers).
//  2. Readiness (Netpoll) and wake-ups (deadlines, close) swap the semaphore to
//     kPdReady or kPdNil and return the G* they took out, which the caller then
//     readies: each parked G is readied exactly once. A wake-up that finds
//     kPdWait makes the commit fail, so the G does not park.
//  3. closing, rd and wd change under pd->lock; a deadline timer acts only if its
//     seq is still the descriptor's rseq/wseq (a reset or close bumps them), and
//     an epoll event only if its tag is still the descriptor's fdseq (a closed
//     and reused PollDesc gets a new one).
//  4. PollDescs are never freed, only reused (gc's pollcache): a stale event or
//     timer may still hold the address.
//
// Invariants of the poller itself: epfd and the break eventfd are created once
// (NetpollGenericInit) and never closed; netpoll_wake_sig is 1 from a
// NetpollBreak until a blocking Netpoll consumes it, so concurrent breaks write
// the descriptor once.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdint>

#include "runtime/netpoll.h"
#include "runtime/deterministic_sched.h"
#include "runtime/proc.h"
#include "runtime/time.h"

namespace gojit::rt {

constexpr uintptr_t kPdNil = 0;
constexpr uintptr_t kPdReady = 1;
constexpr uintptr_t kPdWait = 2;

struct PollDesc {
  PollDesc* link = nullptr;  // the free list
  Mutex lock;
  int fd = -1;
  std::atomic<uintptr_t> fdseq{0};  // the generation: bumped at each open and close
  std::atomic<bool> closing{false};
  std::atomic<bool> everr{false};  // an error event (EPOLLERR alone) was seen
  std::atomic<uintptr_t> rg{kPdNil};
  std::atomic<uintptr_t> wg{kPdNil};
  std::atomic<int64_t> rd{0};  // read deadline: 0 none, -1 passed, else nanotime
  std::atomic<int64_t> wd{0};
  uintptr_t rseq = 0;  // bumped when the read deadline changes: stale timers
  uintptr_t wseq = 0;
  Timer rt;
  Timer wt;
};

namespace {

int epfd = -1;
int break_fd = -1;
std::atomic<uint32_t> netpoll_inited{0};
Mutex netpoll_init_lock;
std::atomic<uint32_t> netpoll_wake_sig{0};
std::atomic<int32_t> netpoll_waiters{0};

Mutex pollcache_lock;
PollDesc* pollcache_free = nullptr;

constexpr int kTagShift = 48;
constexpr uintptr_t kAddressMask = (uintptr_t{1} << kTagShift) - 1;

uint64_t EventData(PollDesc* pd) {
  return reinterpret_cast<uintptr_t>(pd) | ((pd->fdseq & 0xffff) << kTagShift);
}

std::atomic<uintptr_t>* Semaphore(PollDesc* pd, int mode) { return mode == 'r' ? &pd->rg : &pd->wg; }

// Mirrors netpollcheckerr.
int CheckErr(PollDesc* pd, int mode) {
  if (pd->closing.load(std::memory_order_acquire)) return kPollErrClosing;
  if ((mode == 'r' && pd->rd.load() < 0) || (mode == 'w' && pd->wd.load() < 0)) return kPollErrTimeout;
  // An error event fails reads only: a write finds it in its own system call.
  if (mode == 'r' && pd->everr.load()) return kPollErrNotPollable;
  return kPollNoError;
}

// gopark's commit for PollWait: the G is off its stack; publish it, unless a
// wake-up came first (invariant 2: then it does not park).
bool BlockCommit(G* gp, void* arg) {
  auto* gpp = static_cast<std::atomic<uintptr_t>*>(arg);
  uintptr_t expected = kPdWait;
  if (!gpp->compare_exchange_strong(expected, reinterpret_cast<uintptr_t>(gp))) return false;
  netpoll_waiters.fetch_add(1);
  return true;
}

// Mirrors netpollblock: true when the descriptor is ready for mode, false when
// woken for another reason (deadline, close), which CheckErr then names.
bool Block(G* gp, PollDesc* pd, int mode) {
  std::atomic<uintptr_t>* gpp = Semaphore(pd, mode);
  for (;;) {
    uintptr_t expected = kPdReady;
    if (gpp->compare_exchange_strong(expected, kPdNil)) return true;
    expected = kPdNil;
    if (gpp->compare_exchange_strong(expected, kPdWait)) break;
    if (expected != kPdReady && expected != kPdNil) Throw("runtime: double wait");
  }
  if (CheckErr(pd, mode) == kPollNoError) Gopark(gp, &BlockCommit, gpp, WaitReason::kIOWait);
  uintptr_t old = gpp->exchange(kPdNil);
  if (old > kPdWait) Throw("runtime: corrupted polldesc");
  return old == kPdReady;
}

// Mirrors netpollunblock: takes the waiter out of pd's mode semaphore, leaving
// kPdReady when ioready; the G to ready, or null.
G* Unblock(PollDesc* pd, int mode, bool ioready) {
  std::atomic<uintptr_t>* gpp = Semaphore(pd, mode);
  for (;;) {
    uintptr_t old = gpp->load();
    if (old == kPdReady) return nullptr;
    if (old == kPdNil && !ioready) return nullptr;
    if (gpp->compare_exchange_strong(old, ioready ? kPdReady : kPdNil)) {
      if (old == kPdWait) return nullptr;  // its commit fails: it does not park
      if (old == kPdNil) return nullptr;
      netpoll_waiters.fetch_sub(1);
      return reinterpret_cast<G*>(old);
    }
  }
}

void ReadyIfAny(G* callergp, G* gp) {
  if (gp != nullptr) Goready(callergp, gp);
}

// The code of a deadline timer (netpollReadDeadline, netpollWriteDeadline):
// arg_data is the PollDesc, seq its rseq or wseq when armed; runs on g0.
template <int kMode>
void DeadlineCode(G* g, void*, const TypeDescriptor*, void* data, uintptr_t seq, int64_t) {
  auto* pd = static_cast<PollDesc*>(data);
  G* woken = nullptr;
  {
    MutexLock l(&pd->lock);
    if (seq != (kMode == 'r' ? pd->rseq : pd->wseq)) return;  // stale (invariant 3)
    (kMode == 'r' ? pd->rd : pd->wd).store(-1);
    woken = Unblock(pd, kMode, false);
  }
  ReadyIfAny(g, woken);
}
void* const kReadDeadline[1] = {reinterpret_cast<void*>(&DeadlineCode<'r'>)};
void* const kWriteDeadline[1] = {reinterpret_cast<void*>(&DeadlineCode<'w'>)};

}  // namespace

PollDesc* PollOpen(int fd, int* errno_out) {
  NetpollGenericInit();
  PollDesc* pd;
  {
    MutexLock l(&pollcache_lock);
    pd = pollcache_free;
    if (pd != nullptr) pollcache_free = pd->link;
  }
  if (pd == nullptr) pd = new PollDesc();
  {
    MutexLock l(&pd->lock);
    uintptr_t r = pd->rg.load(), w = pd->wg.load();
    if ((r != kPdNil && r != kPdReady) || (w != kPdNil && w != kPdReady))
      Throw("runtime: blocked write on free polldesc");
    pd->fd = fd;
    pd->fdseq++;
    pd->closing.store(false);
    pd->everr.store(false);
    pd->rseq++;
    pd->rg.store(kPdNil);
    pd->rd.store(0);
    pd->wseq++;
    pd->wg.store(kPdNil);
    pd->wd.store(0);
  }
  struct epoll_event ev = {};
  ev.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
  ev.data.u64 = EventData(pd);
  if (epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev) != 0) {
    *errno_out = errno;
    MutexLock l(&pollcache_lock);
    pd->link = pollcache_free;
    pollcache_free = pd;
    return nullptr;
  }
  *errno_out = 0;
  return pd;
}

void PollClose(PollDesc* pd) {
  if (!pd->closing.load()) Throw("runtime: close polldesc w/o unblock");
  uintptr_t r = pd->rg.load(), w = pd->wg.load();
  if ((r != kPdNil && r != kPdReady) || (w != kPdNil && w != kPdReady))
    Throw("runtime: blocked write on closing polldesc");
  struct epoll_event ev = {};
  epoll_ctl(epfd, EPOLL_CTL_DEL, pd->fd, &ev);
  {
    MutexLock l(&pd->lock);
    pd->fdseq++;  // events still queued for the old descriptor are dropped
  }
  MutexLock l(&pollcache_lock);
  pd->link = pollcache_free;
  pollcache_free = pd;
}

int PollReset(PollDesc* pd, int mode) {
  if (int err = CheckErr(pd, mode); err != kPollNoError) return err;
  Semaphore(pd, mode)->store(kPdNil);
  return kPollNoError;
}

int PollWait(G* gp, PollDesc* pd, int mode) {
  if (int err = CheckErr(pd, mode); err != kPollNoError) return err;
  while (!Block(gp, pd, mode)) {
    if (int err = CheckErr(pd, mode); err != kPollNoError) return err;
    // Woken with no error and no readiness: a deadline was moved; wait again.
  }
  return kPollNoError;
}

void PollSetDeadline(G* gp, PollDesc* pd, int64_t d, int mode) {
  G* rg = nullptr;
  G* wg = nullptr;
  {
    MutexLock l(&pd->lock);
    if (pd->closing.load()) return;
    if (d > 0) {
      d += ProgramNanotime();
      if (d <= 0) d = kMaxWhen;  // overflow: never
    }
    for (int m : {'r', 'w'}) {
      if (mode != m && mode != 'r' + 'w') continue;
      std::atomic<int64_t>& deadline = m == 'r' ? pd->rd : pd->wd;
      uintptr_t& seq = m == 'r' ? pd->rseq : pd->wseq;
      Timer& timer = m == 'r' ? pd->rt : pd->wt;
      deadline.store(d);
      seq++;  // a timer armed for the old deadline is now stale
      DelTimer(&timer);
      if (d > 0) {
        void* code = const_cast<void**>(m == 'r' ? kReadDeadline : kWriteDeadline);
        ModTimer(gp, &timer, d, 0, code, GoEface{nullptr, pd}, seq);
      } else if (d < 0) {
        (m == 'r' ? rg : wg) = Unblock(pd, m, false);
      }
    }
  }
  ReadyIfAny(gp, rg);
  ReadyIfAny(gp, wg);
}

void PollUnblock(G* gp, PollDesc* pd) {
  G* rg;
  G* wg;
  {
    MutexLock l(&pd->lock);
    if (pd->closing.load()) Throw("runtime: unblock on closing polldesc");
    pd->closing.store(true);
    pd->rseq++;
    pd->wseq++;
    rg = Unblock(pd, 'r', false);
    wg = Unblock(pd, 'w', false);
    DelTimer(&pd->rt);
    DelTimer(&pd->wt);
  }
  ReadyIfAny(gp, rg);
  ReadyIfAny(gp, wg);
}

bool IsPollServerDescriptor(int fd) { return fd >= 0 && (fd == epfd || fd == break_fd); }

bool NetpollAnyWaiters() { return netpoll_waiters.load() > 0; }

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

// Mirrors netpoll: waits up to delay ns (< 0 forever, 0 not at all) for events,
// and returns the goroutines they make ready (still kWaiting: see InjectGList).
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
        continue;
      }
      uint32_t ev = events[i].events;
      int mode = 0;
      if (ev & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) mode += 'r';
      if (ev & (EPOLLOUT | EPOLLHUP | EPOLLERR)) mode += 'w';
      if (mode == 0) continue;
      auto* pd = reinterpret_cast<PollDesc*>(events[i].data.u64 & kAddressMask);
      uintptr_t tag = events[i].data.u64 >> kTagShift;
      if ((pd->fdseq & 0xffff) != tag) continue;  // closed since (invariant 3)
      if (ev == EPOLLERR) pd->everr.store(true);
      // Mirrors netpollready.
      if (mode == 'r' || mode == 'r' + 'w') {
        if (G* gp = Unblock(pd, 'r', true)) ready.PushBack(gp);
      }
      if (mode == 'w' || mode == 'r' + 'w') {
        if (G* gp = Unblock(pd, 'w', true)) ready.PushBack(gp);
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
