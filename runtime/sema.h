// Semaphores and notify lists for package sync. Mirrors runtime/sema.go.
//
// A semaphore is a uint32 in Go memory: Semacquire waits until it is positive and
// decrements it, Semrelease increments it and wakes one waiter. sync.Mutex,
// RWMutex and WaitGroup sleep on them; sync.Cond sleeps on a NotifyList (a ticket
// queue, so Signal wakes the longest waiter even under races).
#pragma once

#include <cstdint>

#include "runtime/lock_futex.h"
#include "runtime/runtime2.h"

namespace gojit::rt {

// Mirrors semacquire1: lifo queues gp at the head of addr's waiters (sync.Mutex
// does so for a waiter that already waited once).
void Semacquire(G* gp, uint32_t* addr, bool lifo, WaitReason reason);
// Mirrors semrelease1: handoff passes the count straight to the first waiter and
// yields to it (sync.Mutex in starvation mode).
void Semrelease(G* gp, uint32_t* addr, bool handoff);

// Mirrors notifyList (sema.go), field for field sync.notifyList in
// stdlib/sync/runtime.go: wait is the next ticket to hand out, notify the next to
// wake; head/tail the waiting sudogs, under lock.
struct NotifyList {
  std::atomic<uint32_t> wait{0};
  std::atomic<uint32_t> notify{0};
  alignas(8) Mutex lock;
  struct Sudog* head = nullptr;
  struct Sudog* tail = nullptr;
};
static_assert(sizeof(Mutex) <= 8 && sizeof(NotifyList) == 32,
              "NotifyList mirrors sync.notifyList");

uint32_t NotifyListAdd(NotifyList* l);                   // notifyListAdd
void NotifyListWait(G* gp, NotifyList* l, uint32_t t);   // notifyListWait
void NotifyListNotifyAll(G* gp, NotifyList* l);          // notifyListNotifyAll
void NotifyListNotifyOne(G* gp, NotifyList* l);          // notifyListNotifyOne

}  // namespace gojit::rt
