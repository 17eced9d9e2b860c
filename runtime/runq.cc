// Run queues: the G queue, each P's 256-slot ring with runnext, the global queue,
// and stealing half of a victim's ring. Mirrors runqput, runqget, runqgrab,
// runqsteal and globrunqput/globrunqget in proc.go.
//
// Invariants (as gc's): a P's ring is written only by its owner (runqhead is
// advanced by thieves with a CAS, runqtail only by the owner); the global queue is
// guarded by sched.lock.
#include <atomic>
#include <cstdint>

#include "runtime/deterministic_sched.h"
#include "runtime/proc_internal.h"

namespace gojit::rt {

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


// --- run queues (runqput, runqget, runqgrab, runqsteal, globrunq*) ----------------

// Mirrors globrunqput: gp to the tail of the global queue.
void GlobRunqPut(G* gp) ABSL_EXCLUSIVE_LOCKS_REQUIRED(sched.lock) {
  sched.runq.PushBack(gp);
  sched.runqsize++;
}

// Mirrors globrunqputhead.
void GlobRunqPutHead(G* gp) ABSL_EXCLUSIVE_LOCKS_REQUIRED(sched.lock) {
  sched.runq.Push(gp);
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

// Mirrors runqempty: pp has no local work (runnext included).
bool RunqEmpty(P* pp) {
  // Defend against a race where 1) pp has G1 in runnext but runqhead == runqtail,
  // 2) runqput moves G1 to runq, 3) runqget takes it: read tail, runnext, then
  // tail again, as gc does.
  for (;;) {
    uint32_t head = pp->runqhead.load(std::memory_order_acquire);
    uint32_t tail = pp->runqtail.load(std::memory_order_acquire);
    G* runnext = pp->runnext.load(std::memory_order_acquire);
    if (tail == pp->runqtail.load(std::memory_order_acquire)) {
      return head == tail && runnext == nullptr;
    }
  }
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
  if (Deterministic()) {
    // One queue, from which FindRunnable picks (deterministic_sched.h).
    MutexLock l(&sched.lock);
    GlobRunqPut(gp);
    return;
  }
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

// Mirrors runqgrab: takes half of pp's local queue into batch (a ring indexed from
// batch_head); with steal_runnext, takes runnext when the queue is empty.
uint32_t RunqGrab(P* pp, std::atomic<G*>* batch, uint32_t batch_head, bool steal_runnext) {
  for (;;) {
    uint32_t h = pp->runqhead.load(std::memory_order_acquire);
    uint32_t t = pp->runqtail.load(std::memory_order_acquire);
    uint32_t n = t - h;
    n = n - n / 2;
    if (n == 0) {
      if (steal_runnext) {
        G* next = pp->runnext.load(std::memory_order_acquire);
        if (next != nullptr) {
          if (pp->status.load(std::memory_order_relaxed) ==
              static_cast<uint32_t>(Pstatus::kRunning)) {
            // pp's G is likely about to park and wake next on the same P, which
            // is cheaper than stealing it; give it 3us to do so (gc: usleep(3)).
            Usleep(3);
          }
          if (!pp->runnext.compare_exchange_strong(next, nullptr,
                                                   std::memory_order_acq_rel)) {
            continue;
          }
          batch[batch_head % kLocalRunQueueSize].store(next, std::memory_order_relaxed);
          return 1;
        }
      }
      return 0;
    }
    if (n > kLocalRunQueueSize / 2) continue;  // read inconsistent h and t
    for (uint32_t i = 0; i < n; i++) {
      G* g = pp->runq[(h + i) % kLocalRunQueueSize].load(std::memory_order_relaxed);
      batch[(batch_head + i) % kLocalRunQueueSize].store(g, std::memory_order_relaxed);
    }
    if (pp->runqhead.compare_exchange_strong(h, h + n, std::memory_order_release)) return n;
  }
}

// Mirrors runqsteal: steals half of p2's queue into pp's and returns one G.
G* RunqSteal(P* pp, P* p2, bool steal_runnext) {
  uint32_t t = pp->runqtail.load(std::memory_order_relaxed);
  uint32_t n = RunqGrab(p2, pp->runq, t, steal_runnext);
  if (n == 0) return nullptr;
  n--;
  G* gp = pp->runq[(t + n) % kLocalRunQueueSize].load(std::memory_order_relaxed);
  if (n == 0) return gp;
  uint32_t h = pp->runqhead.load(std::memory_order_acquire);
  if (t - h + n >= kLocalRunQueueSize) Throw("runqsteal: runq overflow");
  pp->runqtail.store(t + n, std::memory_order_release);
  return gp;
}

// Mirrors globrunqget: a batch from the global queue, the first returned and the
// rest put on pp's local queue.
G* GlobRunqGet(P* pp, int32_t max) ABSL_EXCLUSIVE_LOCKS_REQUIRED(sched.lock) {
  if (sched.runqsize == 0) return nullptr;
  if (Deterministic()) return DetPickRunnable();  // runqsize counts its set too
  int32_t n = sched.runqsize / gomaxprocs.load(std::memory_order_relaxed) + 1;
  if (n > sched.runqsize) n = sched.runqsize;
  if (max > 0 && n > max) n = max;
  if (n > kLocalRunQueueSize / 2) n = kLocalRunQueueSize / 2;
  sched.runqsize -= n;
  G* gp = sched.runq.Pop();
  for (n--; n > 0; n--) RunqPut(pp, sched.runq.Pop(), false);
  return gp;
}

}  // namespace gojit::rt
