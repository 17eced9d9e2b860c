// The sudog cache: acquireSudog/releaseSudog of proc.go (see sudog.h). Per-P
// cache of 128, refilled half-full from the central list and spilled half-empty
// to it, as gc does. Runs on the goroutine stack and takes only sched.sudoglock
// (callers may hold channel locks: hchan.lock ranks above sudoglock).
#include "runtime/sudog.h"

#include "runtime/proc.h"

namespace gojit::rt {
namespace {

// Mirrors acquirem: the M of gp (or this thread's) with preemption disabled.
M* AcquireM(G* gp) {
  M* mp = gp != nullptr ? gp->m : tls_m;
  if (mp == nullptr || mp->p == nullptr) Throw("acquireSudog: no P");
  mp->locks++;
  return mp;
}

void ReleaseM(M* mp) { mp->locks--; }  // releasem

}  // namespace

// Mirrors acquireSudog.
Sudog* AcquireSudog(G* gp) {
  M* mp = AcquireM(gp);
  P* pp = mp->p;
  if (pp->nsudogcache == 0) {
    {
      MutexLock l(&sched.sudoglock);
      // First, try to grab a batch from the central cache.
      while (pp->nsudogcache < P::kSudogCacheSize / 2 && sched.sudogcache != nullptr) {
        Sudog* s = sched.sudogcache;
        sched.sudogcache = s->next;
        s->next = nullptr;
        pp->sudogcache[pp->nsudogcache++] = s;
      }
    }
    // If the central cache is empty, allocate a new one.
    if (pp->nsudogcache == 0) pp->sudogcache[pp->nsudogcache++] = new Sudog();
  }
  Sudog* s = pp->sudogcache[--pp->nsudogcache];
  pp->sudogcache[pp->nsudogcache] = nullptr;
  if (s->elem != nullptr) Throw("acquireSudog: found s.elem != nil in cache");
  ReleaseM(mp);
  return s;
}

// Mirrors releaseSudog.
void ReleaseSudog(G* gp, Sudog* s) {
  if (s->elem != nullptr) Throw("runtime: sudog with non-nil elem");
  if (s->isSelect) Throw("runtime: sudog with non-false isSelect");
  if (s->next != nullptr) Throw("runtime: sudog with non-nil next");
  if (s->prev != nullptr) Throw("runtime: sudog with non-nil prev");
  if (s->waitlink != nullptr) Throw("runtime: sudog with non-nil waitlink");
  if (s->c != nullptr) Throw("runtime: sudog with non-nil c");
  if (gp != nullptr && gp->param != nullptr) {
    Throw("runtime: releaseSudog with non-nil gp.param");
  }
  M* mp = AcquireM(gp);  // avoid rescheduling to another P
  P* pp = mp->p;
  if (pp->nsudogcache == P::kSudogCacheSize) {
    // Transfer half of the local cache to the central cache.
    Sudog* first = nullptr;
    Sudog* last = nullptr;
    while (pp->nsudogcache > P::kSudogCacheSize / 2) {
      Sudog* p = pp->sudogcache[--pp->nsudogcache];
      pp->sudogcache[pp->nsudogcache] = nullptr;
      if (first == nullptr) {
        first = p;
      } else {
        last->next = p;
      }
      last = p;
    }
    MutexLock l(&sched.sudoglock);
    last->next = sched.sudogcache;
    sched.sudogcache = first;
  }
  pp->sudogcache[pp->nsudogcache++] = s;
  ReleaseM(mp);
}

}  // namespace gojit::rt
