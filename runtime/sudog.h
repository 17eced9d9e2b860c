// Sudogs: a G waiting in a wait list (a channel's sendq/recvq, a semaphore's
// tree: sema.cc), and their per-P cache. Mirrors runtime2.go's sudog and proc.go's
// acquireSudog/releaseSudog.
//
// A G can wait on many objects (select) and many Gs can wait on one object, so the
// membership is a separate record, not fields of G. Sudogs are allocated from a
// per-P cache (P::sudogcache, 128 entries) refilled from and spilled to a central
// list (sched.sudogcache under sched.sudoglock), so blocking is allocation-free in
// the steady state.
//
// gojit: sudogs are C++ objects (`new Sudog`), never freed, not Go heap objects as
// in gc. They hold pointers into goroutine stacks (elem) and to channels (c); the
// collector scans every sudog on a G's `waiting` list and every semaphore waiter's
// as a root (mgcmark.cc; gc gets this by scanning the G and the hchan).
#pragma once

#include <cstdint>

#include "runtime/runtime2.h"

namespace gojit::rt {

struct HChan;  // chan.h

// Mirrors sudog.
//
// Invariants:
//  1. g, next, prev and elem are guarded by the lock of the channel c the sudog
//     waits on (shrinkstack/copystack relies on this for channel sudogs).
//  2. waitlink (for channels), acquiretime, releasetime, ticket, isSelect,
//     success and parent are not accessed concurrently: for channels only g itself
//     touches waitlink; for semaphores everything is under the semaRoot lock.
//  3. A sudog in a P's cache or the central cache has elem, c, next (central
//     cache: used as its link), prev, waitlink null and isSelect false.
struct Sudog {
  G* g = nullptr;
  Sudog* next = nullptr;
  Sudog* prev = nullptr;
  void* elem = nullptr;  // data element (may point to a goroutine stack)

  int64_t acquiretime = 0;
  int64_t releasetime = 0;
  uint32_t ticket = 0;

  // isSelect: g is in a select, so g->selectDone must be CAS'd to win the
  // wake-up race (waitq.dequeue).
  bool isSelect = false;
  // success: the communication on c went through (true) or g was woken because c
  // was closed (false).
  bool success = false;

  Sudog* parent = nullptr;    // semaRoot binary tree
  Sudog* waitlink = nullptr;  // g.waiting list or semaRoot
  Sudog* waittail = nullptr;  // semaRoot
  HChan* c = nullptr;         // channel
};

// A free sudog from gp's P's cache. REQUIRES: gp runs on an M with a P.
// Mirrors acquireSudog.
Sudog* AcquireSudog(G* gp);
// Returns s to gp's P's cache; throws if s is still linked anywhere or
// gp->param is set. Mirrors releaseSudog.
void ReleaseSudog(G* gp, Sudog* s);

}  // namespace gojit::rt
