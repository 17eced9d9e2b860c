// Semaphores and notify lists; mirrors runtime/sema.go. See sema.h.
//
// Waiters hang off a table of 251 roots hashed by address, each with its own lock
// and waiter count (nwait, read without the lock so that a release with no
// waiters costs one atomic add). gc keeps each root's distinct addresses in a
// treap; here they are a doubly-linked list (sudog prev/next) of one head sudog
// per address, with that address's other waiters chained behind the head through
// waitlink (waittail: the last). With 251 roots the lists stay short; the treap is
// the upgrade if profiles ever show a long one.
//
// Invariants (per root, under its lock):
//  1. Every head sudog has a distinct elem (the address); its waiters for the
//     same address follow in waitlink order, FIFO except for lifo acquires.
//  2. nwait counts the sudogs in the root plus acquirers between incrementing it
//     and queueing; a releaser that sees nwait == 0 after its add wakes nobody,
//     and an acquirer re-checks the count after incrementing nwait, so no wake-up
//     is lost.
#include "runtime/sema.h"

#include "runtime/proc.h"
#include "runtime/sudog.h"

namespace gojit::rt {
namespace {

constexpr uintptr_t kSemTabSize = 251;  // semTabSize

struct SemaRoot {
  Mutex lock;
  Sudog* head = nullptr;  // distinct-address heads, linked through prev/next
  std::atomic<uint32_t> nwait{0};
};

// Padded so roots don't share cache lines (gc: semTable's pad).
struct alignas(64) PaddedRoot {
  SemaRoot root;
};
PaddedRoot semtable[kSemTabSize];

SemaRoot* SemRoot(const uint32_t* addr) {
  return &semtable[(reinterpret_cast<uintptr_t>(addr) >> 3) % kSemTabSize].root;
}

std::atomic_ref<uint32_t> Ref(uint32_t* addr) { return std::atomic_ref<uint32_t>(*addr); }

// Mirrors cansemacquire.
bool CanSemacquire(uint32_t* addr) {
  auto a = Ref(addr);
  for (;;) {
    uint32_t v = a.load(std::memory_order_acquire);
    if (v == 0) return false;
    if (a.compare_exchange_weak(v, v - 1, std::memory_order_acq_rel)) return true;
  }
}

// Mirrors semaRoot.queue: s waits on addr.
void Queue(SemaRoot* root, uint32_t* addr, Sudog* s, bool lifo) {
  s->elem = addr;
  s->next = nullptr;
  s->prev = nullptr;
  s->waitlink = nullptr;
  s->waittail = nullptr;
  for (Sudog* t = root->head; t != nullptr; t = t->next) {
    if (t->elem != addr) continue;
    if (lifo) {
      // s takes t's place as the head; t and its waiters follow s.
      s->prev = t->prev;
      s->next = t->next;
      if (s->prev != nullptr) {
        s->prev->next = s;
      } else {
        root->head = s;
      }
      if (s->next != nullptr) s->next->prev = s;
      t->prev = nullptr;
      t->next = nullptr;
      s->waitlink = t;
      s->waittail = t->waittail != nullptr ? t->waittail : t;
      t->waittail = nullptr;
    } else {
      if (t->waittail == nullptr) {
        t->waitlink = s;
      } else {
        t->waittail->waitlink = s;
      }
      t->waittail = s;
    }
    return;
  }
  // The first waiter on addr.
  s->next = root->head;
  if (root->head != nullptr) root->head->prev = s;
  root->head = s;
}

// Mirrors semaRoot.dequeue: the first waiter on addr, unlinked, or null.
Sudog* Dequeue(SemaRoot* root, uint32_t* addr) {
  Sudog* s = root->head;
  while (s != nullptr && s->elem != addr) s = s->next;
  if (s == nullptr) return nullptr;
  if (Sudog* t = s->waitlink) {
    // t, also waiting on addr, replaces s as the head.
    t->prev = s->prev;
    t->next = s->next;
    if (t->prev != nullptr) {
      t->prev->next = t;
    } else {
      root->head = t;
    }
    if (t->next != nullptr) t->next->prev = t;
    t->waittail = t->waitlink != nullptr ? s->waittail : nullptr;
    s->waitlink = nullptr;
    s->waittail = nullptr;
  } else {
    if (s->prev != nullptr) {
      s->prev->next = s->next;
    } else {
      root->head = s->next;
    }
    if (s->next != nullptr) s->next->prev = s->prev;
  }
  s->elem = nullptr;
  s->next = nullptr;
  s->prev = nullptr;
  s->ticket = 0;
  return s;
}

bool UnlockRoot(G*, void* lock) ABSL_NO_THREAD_SAFETY_ANALYSIS {
  static_cast<Mutex*>(lock)->Unlock();
  return true;
}

}  // namespace

void Semacquire(G* gp, uint32_t* addr, bool lifo, WaitReason reason)
    ABSL_NO_THREAD_SAFETY_ANALYSIS {
  // Easy case.
  if (CanSemacquire(addr)) return;
  // Harder case: increment the waiter count, try again, then queue and sleep.
  Sudog* s = AcquireSudog(gp);
  SemaRoot* root = SemRoot(addr);
  s->g = gp;
  s->ticket = 0;
  for (;;) {
    root->lock.Lock();
    root->nwait.fetch_add(1);
    // Check cansemacquire to avoid a missed wake-up.
    if (CanSemacquire(addr)) {
      root->nwait.fetch_sub(1);
      root->lock.Unlock();
      break;
    }
    // Any semrelease after the CanSemacquire knows we're waiting (nwait).
    Queue(root, addr, s, lifo);
    Gopark(gp, &UnlockRoot, &root->lock, reason);
    if (s->ticket != 0 || CanSemacquire(addr)) break;
  }
  s->g = nullptr;
  s->ticket = 0;
  ReleaseSudog(gp, s);
}

void Semrelease(G* gp, uint32_t* addr, bool handoff) ABSL_NO_THREAD_SAFETY_ANALYSIS {
  SemaRoot* root = SemRoot(addr);
  Ref(addr).fetch_add(1, std::memory_order_acq_rel);
  // Easy case: no waiters? This check must happen after the add, to avoid a
  // missed wake-up (see Semacquire's loop).
  if (root->nwait.load() == 0) return;
  root->lock.Lock();
  if (root->nwait.load() == 0) {
    // The count is already consumed by another goroutine.
    root->lock.Unlock();
    return;
  }
  Sudog* s = Dequeue(root, addr);
  if (s != nullptr) root->nwait.fetch_sub(1);
  root->lock.Unlock();
  if (s == nullptr) return;
  if (handoff && CanSemacquire(addr)) s->ticket = 1;
  bool handed = s->ticket == 1;
  Goready(gp, s->g);
  if (handed && gp->m->locks == 0) {
    // Direct handoff: the waiter took the count; yield so it runs at once
    // (starvation mode must not let this G re-acquire first).
    Goyield(gp);
  }
}

uint32_t NotifyListAdd(NotifyList* l) { return l->wait.fetch_add(1) ; }

void NotifyListWait(G* gp, NotifyList* l, uint32_t t) ABSL_NO_THREAD_SAFETY_ANALYSIS {
  l->lock.Lock();
  // Return right away if this ticket has already been notified.
  if (static_cast<int32_t>(t - l->notify.load()) < 0) {
    l->lock.Unlock();
    return;
  }
  Sudog* s = AcquireSudog(gp);
  s->g = gp;
  s->ticket = t;
  if (l->tail == nullptr) {
    l->head = s;
  } else {
    l->tail->next = s;
  }
  l->tail = s;
  Gopark(gp, &UnlockRoot, &l->lock, WaitReason::kSyncCondWait);
  s->g = nullptr;
  s->ticket = 0;
  ReleaseSudog(gp, s);
}

void NotifyListNotifyAll(G* gp, NotifyList* l) ABSL_NO_THREAD_SAFETY_ANALYSIS {
  // Fast path: no new waiters since the last notification.
  if (l->wait.load() == l->notify.load()) return;
  l->lock.Lock();
  Sudog* s = l->head;
  l->head = nullptr;
  l->tail = nullptr;
  // Every ticket handed out so far counts as notified, including those of
  // waiters that have not queued yet (they will see it in NotifyListWait).
  l->notify.store(l->wait.load());
  l->lock.Unlock();
  while (s != nullptr) {
    Sudog* next = s->next;
    s->next = nullptr;
    Goready(gp, s->g);
    s = next;
  }
}

void NotifyListNotifyOne(G* gp, NotifyList* l) ABSL_NO_THREAD_SAFETY_ANALYSIS {
  if (l->wait.load() == l->notify.load()) return;
  l->lock.Lock();
  uint32_t t = l->notify.load();
  if (t == l->wait.load()) {
    l->lock.Unlock();
    return;
  }
  // Move notify forward: ticket t is woken now or, if its waiter has not queued
  // yet, returns at once from NotifyListWait.
  l->notify.store(t + 1);
  for (Sudog *p = nullptr, *s = l->head; s != nullptr; p = s, s = s->next) {
    if (s->ticket == t) {
      Sudog* n = s->next;
      if (p != nullptr) {
        p->next = n;
      } else {
        l->head = n;
      }
      if (n == nullptr) l->tail = p;
      l->lock.Unlock();
      s->next = nullptr;
      Goready(gp, s->g);
      return;
    }
  }
  l->lock.Unlock();
}

// The collector (world stopped): every sudog waiting on a semaphore.
void ForEachSemaWaiter(void (*fn)(Sudog*, void*), void* arg) {
  for (PaddedRoot& pr : semtable) {
    SemaRoot* root = &pr.root;
    MutexLock l(&root->lock);
    for (Sudog* head = root->head; head != nullptr; head = head->next) {
      for (Sudog* s = head; s != nullptr; s = s->waitlink) fn(s, arg);
    }
  }
}

}  // namespace gojit::rt
