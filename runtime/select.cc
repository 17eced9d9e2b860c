// The select statement: selectgo and select {}. Mirrors runtime/select.go.
//
// As in gc, selectgo (1) shuffles the cases with a cheap random (pollorder), so
// among the cases ready at once each is chosen with equal probability, and sorts
// them by channel address (lockorder, a heap sort: n log n time, constant stack)
// so that every select locks the channels it involves in one global order;
// (2) with all of them locked, takes the first ready case in poll order; (3) with
// none ready and no default, enqueues one sudog per case on each channel (linked
// in lock order through g->waiting) and parks, releasing the locks on g0
// (selparkcommit). The first waker to CAS g->selectDone from 0 to 1
// (waitq.dequeue) wins, completes its side of the communication as for a plain
// send/receive and sets g->param to the winning sudog; the others skip this G.
// On wake-up selectgo relocks everything and unlinks its other sudogs (pass 3).
//
// gc's compiler passes selectgo a [2*ncases]uint16 order array in the caller's
// frame; gojit's ABI does not, so selectgo keeps it in its own frame for up to
// kSmallSelect cases (bounded stack use: it runs on the goroutine stack without
// a check) and on the heap beyond that.
//
// Not here: reflect.Select (rselect), race/msan hooks, block profiling.
#include <cstring>

#include "runtime/chan.h"
#include "runtime/deterministic_sched.h"
#include "runtime/entrypoints.h"
#include "runtime/proc.h"
#include "runtime/runtime.h"

namespace gojit::rt {
namespace {

// gc caps ncases at 65536 (the order arrays are uint16).
constexpr int64_t kMaxSelectCases = int64_t{1} << 16;
// Cases whose order arrays live in selectgo's frame (4 bytes per case).
constexpr int64_t kSmallSelect = 32;

uintptr_t SortKey(const HChan* c) { return reinterpret_cast<uintptr_t>(c); }  // sortkey

// Mirrors sellock: locks every distinct channel of the select, in lock order.
void SelLock(SelectCase* scases, const uint16_t* lockorder,
             int norder) ABSL_NO_THREAD_SAFETY_ANALYSIS {
  HChan* c = nullptr;
  for (int i = 0; i < norder; i++) {
    HChan* c0 = scases[lockorder[i]].c;
    if (c0 != c) {
      c = c0;
      c->lock.Lock();
    }
  }
}

// Mirrors selunlock. We must be very careful here to not touch the cases after
// unlocking the last lock once another M may run this G (see select.go).
void SelUnlock(SelectCase* scases, const uint16_t* lockorder,
               int norder) ABSL_NO_THREAD_SAFETY_ANALYSIS {
  for (int i = norder - 1; i >= 0; i--) {
    HChan* c = scases[lockorder[i]].c;
    if (i > 0 && c == scases[lockorder[i - 1]].c) continue;  // unlocked next iteration
    c->lock.Unlock();
  }
}

// Mirrors selparkcommit: on g0, once gp is _Gwaiting, unlocks every channel of
// gp->waiting (which is in lock order). Must not touch gp's stack (the cases).
bool SelParkCommit(G* gp, void*) ABSL_NO_THREAD_SAFETY_ANALYSIS {
  gp->activeStackChans = true;
  gp->parkingOnChan.store(0);
  HChan* lastc = nullptr;
  for (Sudog* sg = gp->waiting; sg != nullptr; sg = sg->waitlink) {
    // As soon as we unlock a channel, fields in any sudog with that channel may
    // change, including c and waitlink. Since multiple sudogs may have the same
    // channel, we unlock only after we've passed the last instance of it.
    if (sg->c != lastc && lastc != nullptr) lastc->lock.Unlock();
    lastc = sg->c;
  }
  if (lastc != nullptr) lastc->lock.Unlock();
  return true;
}

// Mirrors selectgo. Returns the index of the chosen case (-1: default) and sets
// *recv_ok for a receive case.
int64_t SelectGo(G* g, SelectCase* scases, int64_t ncases, int64_t nsends, bool block,
                 bool* recv_ok) ABSL_NO_THREAD_SAFETY_ANALYSIS {
  if (ncases < 0 || ncases > kMaxSelectCases || nsends < 0 || nsends > ncases) {
    Throw("selectgo: bad case count");
  }
  uint16_t small[2 * kSmallSelect];
  uint16_t* order = small;
  if (ncases > kSmallSelect) {
    order = static_cast<uint16_t*>(
        Malloc(g, static_cast<int64_t>(2 * ncases * sizeof(uint16_t)), nullptr));
  }
  uint16_t* pollorder = order;
  uint16_t* lockorder = order + ncases;
  M* mp = g != nullptr ? g->m : tls_m;  // fastrand state

  // Generate the permuted order, omitting cases without channels from the poll
  // and lock orders (a select whose channels are all nil blocks forever).
  int norder = 0;
  for (int64_t i = 0; i < ncases; i++) {
    SelectCase* cas = &scases[i];
    if (cas->c == nullptr) {
      cas->elem = nullptr;  // allow GC
      continue;
    }
    uint32_t j = Deterministic() ? DetChoose(Decision::kSelect, static_cast<uint32_t>(norder + 1))
                                 : FastRandN(mp, static_cast<uint32_t>(norder + 1));
    pollorder[norder] = pollorder[j];
    pollorder[j] = static_cast<uint16_t>(i);
    norder++;
  }

  // Sort the cases by hchan address to get the locking order: a heap sort,
  // starting from the poll order to permute cases on the same channel.
  for (int i = 0; i < norder; i++) {
    int j = i;
    HChan* c = scases[pollorder[i]].c;
    while (j > 0 && SortKey(scases[lockorder[(j - 1) / 2]].c) < SortKey(c)) {
      int k = (j - 1) / 2;
      lockorder[j] = lockorder[k];
      j = k;
    }
    lockorder[j] = pollorder[i];
  }
  for (int i = norder - 1; i >= 0; i--) {
    uint16_t o = lockorder[i];
    HChan* c = scases[o].c;
    lockorder[i] = lockorder[0];
    int j = 0;
    for (;;) {
      int k = j * 2 + 1;
      if (k >= i) break;
      if (k + 1 < i &&
          SortKey(scases[lockorder[k]].c) < SortKey(scases[lockorder[k + 1]].c)) {
        k++;
      }
      if (SortKey(c) < SortKey(scases[lockorder[k]].c)) {
        lockorder[j] = lockorder[k];
        j = k;
        continue;
      }
      break;
    }
    lockorder[j] = o;
  }

  // Lock all the channels involved in the select.
  SelLock(scases, lockorder, norder);

  int64_t casi = -1;
  SelectCase* cas = nullptr;
  HChan* c = nullptr;
  Sudog* sg = nullptr;
  bool recvOK = false;
  void* qp = nullptr;
  auto unlock_all = [&] { SelUnlock(scases, lockorder, norder); };

  // Pass 1: look for something already waiting.
  for (int i = 0; i < norder; i++) {
    casi = pollorder[i];
    cas = &scases[casi];
    c = cas->c;
    if (casi >= nsends) {
      sg = c->sendq.Dequeue();
      if (sg != nullptr) goto recv;
      if (c->qcount.load(std::memory_order_relaxed) > 0) goto bufrecv;
      if (c->closed.load(std::memory_order_relaxed) != 0) goto rclose;
    } else {
      if (c->closed.load(std::memory_order_relaxed) != 0) goto sclose;
      sg = c->recvq.Dequeue();
      if (sg != nullptr) goto send;
      if (c->qcount.load(std::memory_order_relaxed) < c->dataqsiz) goto bufsend;
    }
  }

  if (!block) {
    SelUnlock(scases, lockorder, norder);
    casi = -1;
    goto retc;
  }

  {
    // Pass 2: enqueue on all channels, building g->waiting in lock order.
    if (g->waiting != nullptr) Throw("gp.waiting != nil");
    Sudog** nextp = &g->waiting;
    for (int i = 0; i < norder; i++) {
      int64_t ci = lockorder[i];
      SelectCase* k = &scases[ci];
      Sudog* s = AcquireSudog(g);
      s->g = g;
      s->isSelect = true;
      // No stack splits between assigning elem and enqueuing s on g->waiting
      // where copystack can find it.
      s->elem = k->elem;
      s->releasetime = 0;
      s->c = k->c;
      *nextp = s;
      nextp = &s->waitlink;
      if (ci < nsends) {
        k->c->sendq.Enqueue(s);
      } else {
        k->c->recvq.Enqueue(s);
      }
    }

    // Wait for someone to wake us up. (With no channels at all, nobody will:
    // the park is forever, as gc's.)
    g->param = nullptr;
    g->parkingOnChan.store(1);
    Gopark(g, &SelParkCommit, nullptr, WaitReason::kSelect);
    g->activeStackChans = false;

    SelLock(scases, lockorder, norder);

    g->selectDone.store(0);
    sg = static_cast<Sudog*>(g->param);
    g->param = nullptr;

    // Pass 3: dequeue from the unsuccessful channels, otherwise they stack up on
    // quiet channels, and record the successful case. The sudogs are singly
    // linked in lock order.
    casi = -1;
    cas = nullptr;
    bool caseSuccess = false;
    Sudog* sglist = g->waiting;
    // Clear all elem before unlinking from g->waiting.
    for (Sudog* sg1 = g->waiting; sg1 != nullptr; sg1 = sg1->waitlink) {
      sg1->isSelect = false;
      sg1->elem = nullptr;
      sg1->c = nullptr;
    }
    g->waiting = nullptr;

    for (int i = 0; i < norder; i++) {
      int64_t ci = lockorder[i];
      SelectCase* k = &scases[ci];
      if (sg == sglist) {
        // sg has already been dequeued by the G that woke us up.
        casi = ci;
        cas = k;
        caseSuccess = sglist->success;
      } else if (ci < nsends) {
        k->c->sendq.DequeueSudoG(sglist);
      } else {
        k->c->recvq.DequeueSudoG(sglist);
      }
      Sudog* sgnext = sglist->waitlink;
      sglist->waitlink = nullptr;
      ReleaseSudog(g, sglist);
      sglist = sgnext;
    }

    if (cas == nullptr) Throw("selectgo: bad wakeup");
    c = cas->c;

    if (casi < nsends) {
      if (!caseSuccess) goto sclose;
    } else {
      recvOK = caseSuccess;
    }
    SelUnlock(scases, lockorder, norder);
    goto retc;
  }

bufrecv:
  // Can receive from the buffer.
  recvOK = true;
  qp = ChanBuf(c, c->recvx);
  if (cas->elem != nullptr) TypedMemmove(c->elemsize, cas->elem, qp);
  TypedMemclr(c->elemsize, qp);
  c->recvx++;
  if (c->recvx == c->dataqsiz) c->recvx = 0;
  c->qcount.store(c->qcount.load(std::memory_order_relaxed) - 1,
                  std::memory_order_relaxed);
  SelUnlock(scases, lockorder, norder);
  goto retc;

bufsend:
  // Can send to the buffer.
  TypedMemmove(c->elemsize, ChanBuf(c, c->sendx), cas->elem);
  c->sendx++;
  if (c->sendx == c->dataqsiz) c->sendx = 0;
  c->qcount.store(c->qcount.load(std::memory_order_relaxed) + 1,
                  std::memory_order_relaxed);
  SelUnlock(scases, lockorder, norder);
  goto retc;

recv:
  // Can receive from a sleeping sender (sg).
  ChanRecvFrom(g, c, sg, cas->elem, unlock_all);
  recvOK = true;
  goto retc;

rclose:
  // Read at the end of a closed channel.
  SelUnlock(scases, lockorder, norder);
  recvOK = false;
  if (cas->elem != nullptr) TypedMemclr(c->elemsize, cas->elem);
  goto retc;

send:
  // Can send to a sleeping receiver (sg).
  ChanSendTo(g, c, sg, cas->elem, unlock_all);
  goto retc;

retc:
  *recv_ok = recvOK;
  return casi;

sclose:
  // Send on a closed channel.
  SelUnlock(scases, lockorder, norder);
  ChanPanic(g, "send on closed channel");
}

}  // namespace

// Mirrors waitq.dequeueSudoG.
void WaitQ::DequeueSudoG(Sudog* sgp) {
  Sudog* x = sgp->prev;
  Sudog* y = sgp->next;
  if (x != nullptr) {
    if (y != nullptr) {
      // middle of queue
      x->next = y;
      y->prev = x;
      sgp->next = nullptr;
      sgp->prev = nullptr;
      return;
    }
    // end of queue
    x->next = nullptr;
    last = x;
    sgp->prev = nullptr;
    return;
  }
  if (y != nullptr) {
    // start of queue
    y->prev = nullptr;
    __atomic_store_n(&first, y, __ATOMIC_RELAXED);
    sgp->next = nullptr;
    return;
  }
  // x==y==nullptr. Either sgp is the only element in the queue, or it has
  // already been removed. Use first to disambiguate.
  if (first == sgp) {
    __atomic_store_n(&first, nullptr, __ATOMIC_RELAXED);
    last = nullptr;
  }
}

}  // namespace gojit::rt

using namespace gojit::rt;

extern "C" {

// Mirrors selectgo (see SelectGo); *recvok: whether a receive case got a value.
int64_t gojit_rt_selectgo(G* g, SelectCase* cases, int64_t ncases, int64_t nsends,
                          int8_t block, int8_t* recvok) {
  bool ok = false;
  DetSyncPoint(g);
  int64_t casi = SelectGo(g, cases, ncases, nsends, block != 0, &ok);
  if (recvok != nullptr) *recvok = ok ? 1 : 0;
  return casi;
}

// Mirrors block: select {} parks forever.
void gojit_rt_block(G* g) {
  Gopark(g, nullptr, nullptr, WaitReason::kSelectNoCases);
  Throw("unreachable");
}

}  // extern "C"
