// Go channels: make, send, receive, close, len, cap. Mirrors runtime/chan.go; each
// function names the Go function it mirrors. select lives in select.cc.
//
// As in gc, a channel is one hchan (chan.h) with a lock, a ring buffer of
// dataqsiz elements and two FIFO wait queues of sudogs. A goroutine that cannot
// proceed enqueues a sudog pointing at its element (on its own stack or heap) and
// parks with gopark, whose unlockf (chanparkcommit) releases the channel lock only
// after the G is _Gwaiting; the goroutine that completes the operation copies the
// value directly to or from the parked one's element (no extra buffer copy for
// unbuffered channels), records the outcome in sudog.success and g.param, and
// readies it with goready. close wakes every waiter: receivers with a zero value
// and ok=false, senders to panic.
//
// The lock makes every path correct with many Ms running goroutines on the
// GOMAXPROCS Ps at once (proc.cc, mp.cc), so operations on one channel from
// different threads do contend on it. The lock-free fast paths of gc (a
// non-blocking operation on a channel that is visibly not ready) are kept, with
// atomic loads of qcount, closed and the queue heads.
//
// Not here: race/msan/asan hooks, block profiling (releasetime is kept at 0),
// write barriers (typedmemmove is memmove: the collector stops the world for its
// whole cycle, mgc.cc), stack copying's activeStackChans protocol beyond setting
// the flags (stack.cc moves a parked G's stack only with the world stopped or
// while no waker can write into it, and relocates its sudogs' elems itself).
#include "runtime/chan.h"

#include <cstring>

#include "runtime/deterministic_sched.h"
#include "runtime/entrypoints.h"
#include "runtime/mgc.h"
#include "runtime/proc.h"
#include "runtime/runtime.h"

namespace gojit::rt {

// typedmemmove/typedmemclr: memmove/memset behind the write barrier
// (mbarrier.cc), as a buffer slot or a receiver's variable may be a heap object.
void TypedMemmove(uint16_t size, void* dst, const void* src) {
  if (size == 0 || dst == src) return;
  WbBulkPreWrite(dst, size);
  std::memmove(dst, src, size);
}
void TypedMemclr(uint16_t size, void* p) {
  if (size == 0) return;
  WbBulkPreWrite(p, size);
  std::memset(p, 0, size);
}

namespace {

constexpr uint64_t kMaxAlign = 8;
// Mirrors hchanSize: sizeof(hchan) rounded up to maxAlign.
constexpr uint64_t kHChanSize = (sizeof(HChan) + kMaxAlign - 1) & ~(kMaxAlign - 1);
// Mirrors maxAlloc on linux/amd64 (malloc.go: 1 << heapAddrBits).
constexpr uint64_t kMaxAlloc = uint64_t{1} << 48;

template <typename T>
T LoadRelaxed(const T* p) {
  return __atomic_load_n(p, __ATOMIC_RELAXED);
}

// Mirrors full: whether a send on c would block (read without the lock).
bool Full(HChan* c) {
  if (c->dataqsiz == 0) return LoadRelaxed(&c->recvq.first) == nullptr;
  return c->qcount.load(std::memory_order_relaxed) == c->dataqsiz;
}

// Mirrors empty: whether a receive on c would block (read without the lock).
bool Empty(HChan* c) {
  if (c->dataqsiz == 0) return LoadRelaxed(&c->sendq.first) == nullptr;
  return c->qcount.load(std::memory_order_relaxed) == 0;
}

}  // namespace

void ChanPanic(G* g, std::string_view msg) { PanicValue(g, PlainErrorValue(g, msg)); }

// --- wait queues -------------------------------------------------------------------

// Mirrors waitq.enqueue.
void WaitQ::Enqueue(Sudog* sgp) {
  sgp->next = nullptr;
  Sudog* x = last;
  if (x == nullptr) {
    sgp->prev = nullptr;
    first = sgp;
    last = sgp;
    return;
  }
  sgp->prev = x;
  x->next = sgp;
  last = sgp;
}

// Mirrors waitq.dequeue.
Sudog* WaitQ::Dequeue() {
  for (;;) {
    Sudog* sgp = first;
    if (sgp == nullptr) return nullptr;
    Sudog* y = sgp->next;
    if (y == nullptr) {
      __atomic_store_n(&first, nullptr, __ATOMIC_RELAXED);
      last = nullptr;
    } else {
      y->prev = nullptr;
      __atomic_store_n(&first, y, __ATOMIC_RELAXED);
      sgp->next = nullptr;  // mark as removed (see DequeueSudoG)
    }
    // If a goroutine was put on this queue because of a select, there is a
    // small window between the goroutine being woken up by a different case and
    // it grabbing the channel locks. Once it has the lock it removes itself from
    // the queue, so we won't see it after that. We use a flag in the G struct to
    // tell us when someone else has won the race to signal this goroutine but the
    // goroutine hasn't removed itself from the queue yet.
    if (sgp->isSelect) {
      uint32_t zero = 0;
      if (!sgp->g->selectDone.compare_exchange_strong(zero, 1)) continue;
    }
    return sgp;
  }
}

// --- make ----------------------------------------------------------------------------

namespace {

// Mirrors makechan (makechan64's range check is vacuous on 64-bit).
HChan* MakeChan(G* g, const TypeDescriptor* t, int64_t size) {
  const TypeDescriptor* elem = t->elem;
  // The compiler checks this, but be safe.
  if (elem->size >= (int64_t{1} << 16)) Throw("makechan: invalid channel element type");
  if (kHChanSize % kMaxAlign != 0 || elem->align > kMaxAlign) {
    Throw("makechan: bad alignment");
  }
  unsigned __int128 mem128 =
      static_cast<unsigned __int128>(static_cast<uint64_t>(elem->size)) *
      static_cast<uint64_t>(size);
  bool overflow = (mem128 >> 64) != 0;
  auto mem = static_cast<uint64_t>(mem128);
  if (overflow || mem > kMaxAlloc - kHChanSize || size < 0) {
    ChanPanic(g, "makechan: size out of range");
  }
  // Hchan does not contain pointers interesting for GC when elements stored in
  // buf do not contain pointers; buf then follows the header in one allocation.
  void* p;
  void* buf;
  if (mem == 0) {
    // Queue or element size is zero.
    p = Malloc(g, static_cast<int64_t>(kHChanSize), nullptr);
    buf = p;  // gc: c.raceaddr(); any non-null address serves
  } else if (elem->ptrdata == 0) {
    // Elements do not contain pointers: hchan and buf in one call.
    p = Malloc(g, static_cast<int64_t>(kHChanSize + mem), nullptr);
    buf = static_cast<uint8_t*>(p) + kHChanSize;
  } else {
    // Elements contain pointers.
    p = Malloc(g, static_cast<int64_t>(kHChanSize), &kPointerWordsType);  // buf is a pointer
    buf = Malloc(g, static_cast<int64_t>(mem), elem);
  }
  auto* c = new (p) HChan();
  c->buf = buf;
  c->elemsize = static_cast<uint16_t>(elem->size);
  c->elemtype = elem;
  c->dataqsiz = static_cast<uint64_t>(size);
  return c;
}

}  // namespace

// --- send ----------------------------------------------------------------------------

// Mirrors chanparkcommit: runs on g0 once gp is _Gwaiting.
bool ChanParkCommit(G* gp, void* chanlock) {
  gp->activeStackChans = true;
  gp->parkingOnChan.store(0);
  static_cast<Mutex*>(chanlock)->Unlock();
  return true;
}

// Mirrors chansend. Lock juggling (unlock through gopark or a callback) is
// beyond the thread-safety analysis.
bool ChanSend(G* g, HChan* c, const void* ep, bool block) ABSL_NO_THREAD_SAFETY_ANALYSIS {
  if (c == nullptr) {
    if (!block) return false;
    Gopark(g, nullptr, nullptr, WaitReason::kChanSendNilChan);
    Throw("unreachable");
  }

  // Fast path: check for failed non-blocking operation without acquiring the
  // lock. A closed channel cannot become unclosed, and full() is read after
  // closed, so if both were observed the channel was not closed and full at one
  // moment (see chan.go for the full argument).
  if (!block && c->closed.load(std::memory_order_relaxed) == 0 && Full(c)) return false;

  c->lock.Lock();

  if (c->closed.load(std::memory_order_relaxed) != 0) {
    c->lock.Unlock();
    ChanPanic(g, "send on closed channel");
  }

  if (Sudog* sg = c->recvq.Dequeue()) {
    // Found a waiting receiver. Pass the value directly to it, bypassing the
    // channel buffer (if any).
    ChanSendTo(g, c, sg, ep, [c] { c->lock.Unlock(); });
    return true;
  }

  uint64_t qcount = c->qcount.load(std::memory_order_relaxed);
  if (qcount < c->dataqsiz) {
    // Space is available in the channel buffer. Enqueue the element to send.
    TypedMemmove(c->elemsize, ChanBuf(c, c->sendx), ep);
    c->sendx++;
    if (c->sendx == c->dataqsiz) c->sendx = 0;
    c->qcount.store(qcount + 1, std::memory_order_relaxed);
    c->lock.Unlock();
    return true;
  }

  if (!block) {
    c->lock.Unlock();
    return false;
  }

  // Block on the channel. Some receiver will complete our operation for us.
  Sudog* mysg = AcquireSudog(g);
  mysg->releasetime = 0;
  // No stack splits between assigning elem and enqueuing mysg on g->waiting
  // where copystack can find it.
  mysg->elem = const_cast<void*>(ep);
  mysg->waitlink = nullptr;
  mysg->g = g;
  mysg->isSelect = false;
  mysg->c = c;
  g->waiting = mysg;
  g->param = nullptr;
  c->sendq.Enqueue(mysg);
  // Signal to anyone trying to shrink our stack that we're about to park on a
  // channel (set back to 0 by chanparkcommit).
  g->parkingOnChan.store(1);
  Gopark(g, &ChanParkCommit, &c->lock, WaitReason::kChanSend);

  // Someone woke us up.
  if (mysg != g->waiting) Throw("G waiting list is corrupted");
  g->waiting = nullptr;
  g->activeStackChans = false;
  bool closed = !mysg->success;
  g->param = nullptr;
  mysg->c = nullptr;
  ReleaseSudog(g, mysg);
  if (closed) {
    if (c->closed.load(std::memory_order_relaxed) == 0)
      Throw("chansend: spurious wakeup");
    ChanPanic(g, "send on closed channel");
  }
  return true;
}

// Mirrors send. sg must already be dequeued from c; c must be locked, and
// unlockf unlocks it. For a buffered channel this is only reached with an empty
// buffer and a waiting receiver, so the value goes straight to the receiver.
void ChanSendTo(G* g, HChan* c, Sudog* sg, const void* ep,
                absl::FunctionRef<void()> unlockf) ABSL_NO_THREAD_SAFETY_ANALYSIS {
  if (sg->elem != nullptr) {
    // sendDirect: write to another goroutine's stack (or heap) while it is
    // parked; safe because sg is off every queue and we hold c's lock.
    TypedMemmove(c->elemsize, sg->elem, ep);
    sg->elem = nullptr;
  }
  G* gp = sg->g;
  unlockf();
  gp->param = sg;
  sg->success = true;
  Goready(g, gp);
}

// --- receive -------------------------------------------------------------------------

// Mirrors chanrecv.
bool ChanRecv(G* g, HChan* c, void* ep, bool block,
              bool* received) ABSL_NO_THREAD_SAFETY_ANALYSIS {
  *received = false;
  if (c == nullptr) {
    if (!block) return false;
    Gopark(g, nullptr, nullptr, WaitReason::kChanReceiveNilChan);
    Throw("unreachable");
  }

  // Fast path: check for failed non-blocking operation without acquiring the
  // lock.
  if (!block && Empty(c)) {
    // After observing that the channel is not ready for receiving, we observe
    // whether the channel is closed. Reordering of these checks could lead to
    // incorrect behavior when racing with a close.
    if (c->closed.load(std::memory_order_acquire) == 0) return false;
    // The channel is irreversibly closed. Re-check whether the channel has any
    // pending data to receive, which could have arrived between the empty and
    // closed checks above.
    if (Empty(c)) {
      if (ep != nullptr) TypedMemclr(c->elemsize, ep);
      return true;
    }
  }

  c->lock.Lock();

  if (c->closed.load(std::memory_order_relaxed) != 0) {
    if (c->qcount.load(std::memory_order_relaxed) == 0) {
      c->lock.Unlock();
      if (ep != nullptr) TypedMemclr(c->elemsize, ep);
      return true;
    }
    // The channel has been closed, but the buffer has data.
  } else {
    // Just found waiting sender with not closed.
    if (Sudog* sg = c->sendq.Dequeue()) {
      // Found a waiting sender. If the buffer is size 0, receive the value
      // directly from the sender. Otherwise, receive from the head of the queue
      // and add the sender's value to the tail of the queue (both map to the
      // same buffer slot because the queue is full).
      ChanRecvFrom(g, c, sg, ep, [c] { c->lock.Unlock(); });
      *received = true;
      return true;
    }
  }

  uint64_t qcount = c->qcount.load(std::memory_order_relaxed);
  if (qcount > 0) {
    // Receive directly from the queue.
    void* qp = ChanBuf(c, c->recvx);
    if (ep != nullptr) TypedMemmove(c->elemsize, ep, qp);
    TypedMemclr(c->elemsize, qp);
    c->recvx++;
    if (c->recvx == c->dataqsiz) c->recvx = 0;
    c->qcount.store(qcount - 1, std::memory_order_relaxed);
    c->lock.Unlock();
    *received = true;
    return true;
  }

  if (!block) {
    c->lock.Unlock();
    return false;
  }

  // No sender available: block on this channel.
  Sudog* mysg = AcquireSudog(g);
  mysg->releasetime = 0;
  // No stack splits between assigning elem and enqueuing mysg on g->waiting
  // where copystack can find it.
  mysg->elem = ep;
  mysg->waitlink = nullptr;
  g->waiting = mysg;
  mysg->g = g;
  mysg->isSelect = false;
  mysg->c = c;
  g->param = nullptr;
  c->recvq.Enqueue(mysg);
  g->parkingOnChan.store(1);
  Gopark(g, &ChanParkCommit, &c->lock, WaitReason::kChanReceive);

  // Someone woke us up.
  if (mysg != g->waiting) Throw("G waiting list is corrupted");
  g->waiting = nullptr;
  g->activeStackChans = false;
  bool success = mysg->success;
  g->param = nullptr;
  mysg->c = nullptr;
  ReleaseSudog(g, mysg);
  *received = success;
  return true;
}

// Mirrors recv. sg must already be dequeued from c.sendq; c must be locked, and
// unlockf unlocks it.
void ChanRecvFrom(G* g, HChan* c, Sudog* sg, void* ep,
                  absl::FunctionRef<void()> unlockf) ABSL_NO_THREAD_SAFETY_ANALYSIS {
  if (c->dataqsiz == 0) {
    if (ep != nullptr) {
      // recvDirect: copy the data from the sender.
      TypedMemmove(c->elemsize, ep, sg->elem);
    }
  } else {
    // Queue is full. Take the item at the head of the queue. Make the sender
    // enqueue its item at the tail of the queue. Since the queue is full, those
    // are both the same slot.
    void* qp = ChanBuf(c, c->recvx);
    // copy data from queue to receiver
    if (ep != nullptr) TypedMemmove(c->elemsize, ep, qp);
    // copy data from sender to queue
    TypedMemmove(c->elemsize, qp, sg->elem);
    c->recvx++;
    if (c->recvx == c->dataqsiz) c->recvx = 0;
    c->sendx = c->recvx;  // c->sendx = (c->sendx+1) % c->dataqsiz
  }
  sg->elem = nullptr;
  G* gp = sg->g;
  unlockf();
  gp->param = sg;
  sg->success = true;
  Goready(g, gp);
}

// --- close ---------------------------------------------------------------------------

namespace {

// Mirrors closechan.
void CloseChan(G* g, HChan* c) ABSL_NO_THREAD_SAFETY_ANALYSIS {
  if (c == nullptr) ChanPanic(g, "close of nil channel");

  c->lock.Lock();
  if (c->closed.load(std::memory_order_relaxed) != 0) {
    c->lock.Unlock();
    ChanPanic(g, "close of closed channel");
  }
  c->closed.store(1, std::memory_order_release);

  GQueue glist;

  // release all readers
  while (Sudog* sg = c->recvq.Dequeue()) {
    if (sg->elem != nullptr) {
      TypedMemclr(c->elemsize, sg->elem);
      sg->elem = nullptr;
    }
    G* gp = sg->g;
    gp->param = sg;
    sg->success = false;
    glist.Push(gp);
  }

  // release all writers (they will panic)
  while (Sudog* sg = c->sendq.Dequeue()) {
    sg->elem = nullptr;
    G* gp = sg->g;
    gp->param = sg;
    sg->success = false;
    glist.Push(gp);
  }
  c->lock.Unlock();

  // Ready all Gs now that we've dropped the channel lock.
  while (G* gp = glist.Pop()) {
    gp->schedlink = nullptr;
    Goready(g, gp);
  }
}

}  // namespace

bool ChanDrainTimer(HChan* c) {
  if (c->qcount.load(std::memory_order_relaxed) == 0) return false;
  MutexLock l(&c->lock);
  uint64_t n = c->qcount.load(std::memory_order_relaxed);
  for (uint64_t i = 0; i < n; i++) {
    TypedMemclr(c->elemsize, ChanBuf(c, c->recvx));
    c->recvx++;
    if (c->recvx == c->dataqsiz) c->recvx = 0;
  }
  c->sendx = c->recvx;
  c->qcount.store(0, std::memory_order_relaxed);
  return n > 0;
}

}  // namespace gojit::rt

using namespace gojit::rt;

// --- entry points (abi.def) ------------------------------------------------------

extern "C" {

// Mirrors makechan64/makechan.
HChan* gojit_rt_makechan(G* g, const TypeDescriptor* t, int64_t size) {
  return MakeChan(g, t, size);
}

// Mirrors chansend1.
// Under --sched every channel operation a goroutine starts is a synchronisation
// point (DetSyncPoint, deterministic_sched.h).
void gojit_rt_chansend1(G* g, HChan* c, const void* elem) {
  DetSyncPoint(g);
  ChanSend(g, c, elem, true);
}

// Mirrors chanrecv1/chanrecv2: received-ok (the `v, ok := <-c` form).
int8_t gojit_rt_chanrecv(G* g, HChan* c, void* elem) {
  bool received = false;
  DetSyncPoint(g);
  ChanRecv(g, c, elem, true, &received);
  return received ? 1 : 0;
}

// Mirrors closechan.
void gojit_rt_closechan(G* g, HChan* c) {
  DetSyncPoint(g);
  CloseChan(g, c);
}

// Mirrors reflect_chanlen (the compiler reads qcount inline).
int64_t gojit_rt_chanlen(G* g, HChan* c) {
  if (c == nullptr || c->timer != nullptr) return 0;
  return static_cast<int64_t>(c->qcount.load(std::memory_order_relaxed));
}

// Mirrors reflect_chancap.
int64_t gojit_rt_chancap(G* g, HChan* c) {
  if (c == nullptr || c->timer != nullptr) return 0;
  return static_cast<int64_t>(c->dataqsiz);
}

// Mirrors selectnbsend: `select { case c <- v: ...; default: ... }`.
int8_t gojit_rt_selectnbsend(G* g, HChan* c, const void* elem) {
  DetSyncPoint(g);
  return ChanSend(g, c, elem, false) ? 1 : 0;
}

// Mirrors selectnbrecv: `select { case v, ok = <-c: ...; default: ... }`; returns
// selected and writes received to *received (may be null).
int8_t gojit_rt_selectnbrecv(G* g, void* elem, HChan* c, int8_t* received) {
  bool r = false;
  DetSyncPoint(g);
  bool selected = ChanRecv(g, c, elem, false, &r);
  if (received != nullptr) *received = r ? 1 : 0;
  return selected ? 1 : 0;
}

}  // extern "C"
