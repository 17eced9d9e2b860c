// Go channels: the hchan structure and the pieces chan.cc and select.cc share.
// Mirrors runtime/chan.go's hchan and waitq (the entry points makechan, chansend1,
// chanrecv, closechan, chanlen, chancap, selectnbsend, selectnbrecv, selectgo and
// block are declared in entrypoints.h).
//
// What JIT'd code may rely on, and nothing more:
//   - a channel value is a HChan* (null for a nil channel), compared by address;
//   - len(c) is the uint64 at offset 0 and cap(c) the one at offset 8 (both 0 for
//     nil), as gc's hchan.qcount and dataqsiz; chanlen/chancap read them too;
//   - a select passes an array of SelectCase {c, elem}, the sends first.
// Everything else here is private to chan.cc, select.cc and their tests.
#pragma once

#include <atomic>
#include <cstdint>
#include <string_view>

#include "absl/base/thread_annotations.h"
#include "absl/functional/function_ref.h"
#include "runtime/lock_futex.h"
#include "runtime/runtime2.h"
#include "runtime/sudog.h"
#include "runtime/type.h"

namespace gojit::rt {

// Mirrors waitq: a FIFO of sudogs linked through next/prev, guarded by the lock
// of the channel that holds it.
struct WaitQ {
  Sudog* first = nullptr;
  Sudog* last = nullptr;

  void Enqueue(Sudog* sgp);  // waitq.enqueue
  // Removes and returns the first sudog whose G can be woken: select sudogs are
  // skipped (and dropped) when their G's selectDone was already won by another
  // case. Mirrors waitq.dequeue.
  Sudog* Dequeue();
  // Unlinks sgp if it is still queued (select's pass 3). Mirrors dequeueSudoG.
  void DequeueSudoG(Sudog* sgp);
};

// Mirrors hchan.
//
// Invariants (all under lock):
//  1. At most one of sendq and recvq is non-empty, except for an unbuffered
//     channel with a single goroutine blocked in a select on both directions.
//  2. Buffered (dataqsiz > 0): qcount > 0 implies recvq is empty, and
//     qcount < dataqsiz implies sendq is empty. The ring holds qcount elements
//     starting at recvx; sendx == (recvx + qcount) % dataqsiz.
//  3. Unbuffered: qcount == 0; values pass directly between the goroutines.
//  4. closed never goes back to 0; once closed, sendq is empty.
//  5. Buffer slots outside the ring are zeroed (so a collector sees no stale
//     pointers).
// qcount and closed are also read without the lock by the non-blocking fast
// paths and chanlen, hence atomic (gc reads them with atomic loads there).
struct HChan {
  std::atomic<uint64_t> qcount{0};  // offset 0: total data in the queue; len(c)
  uint64_t dataqsiz = 0;            // offset 8: size of the circular queue; cap(c)
  void* buf = nullptr;              // points to an array of dataqsiz elements
  uint16_t elemsize = 0;
  std::atomic<uint32_t> closed{0};
  const TypeDescriptor* elemtype = nullptr;  // element type
  uint64_t sendx ABSL_GUARDED_BY(lock) = 0;  // send index
  uint64_t recvx ABSL_GUARDED_BY(lock) = 0;  // receive index
  WaitQ recvq ABSL_GUARDED_BY(lock);         // list of recv waiters
  WaitQ sendq ABSL_GUARDED_BY(lock);         // list of send waiters
  // Set once, before the channel is shared, for a time.Timer's or time.Ticker's
  // channel (Timer invariant 4, runtime/time.h): len and cap report 0 for it.
  Timer* timer = nullptr;
  // lock protects all fields in hchan, as well as several fields in sudogs
  // blocked on this channel. Lock order: channels by address (select's
  // lockorder), then sched.sudoglock; never held across gopark except through
  // the park's unlockf, which releases it on g0.
  Mutex lock;
};

static_assert(offsetof(HChan, qcount) == 0);
static_assert(offsetof(HChan, dataqsiz) == 8);
static_assert(sizeof(std::atomic<uint64_t>) == 8);

// Mirrors scase (select.go): one case of a select, as the compiler lays it out.
// elem: the value to send, or where to receive (may be null).
struct SelectCase {
  HChan* c;
  void* elem;
};
static_assert(sizeof(SelectCase) == 16);

// Mirrors chanbuf: the address of slot i of c's buffer.
// typedmemmove and typedmemclr for channel elements (chan.cc): memmove and memset
// behind the write barrier.
void TypedMemmove(uint16_t size, void* dst, const void* src);
void TypedMemclr(uint16_t size, void* p);

inline void* ChanBuf(HChan* c, uint64_t i) {
  return static_cast<uint8_t*>(c->buf) + i * c->elemsize;
}

// A send to a receiver sg dequeued from c.recvq: copies *ep to it, runs unlockf
// (releasing c's lock) and readies it. Mirrors send.
void ChanSendTo(G* g, HChan* c, Sudog* sg, const void* ep,
                absl::FunctionRef<void()> unlockf);
// A receive from a sender sg dequeued from c.sendq (from the buffer head, which
// sg's value refills, for a buffered channel), then unlockf and ready. Mirrors
// recv.
void ChanRecvFrom(G* g, HChan* c, Sudog* sg, void* ep, absl::FunctionRef<void()> unlockf);

// Mirrors chanparkcommit: gopark's unlockf for a single channel.
bool ChanParkCommit(G* gp, void* chanlock);

// panic(plainError(msg)): a recoverable runtime panic printed as
// "panic: <msg>" (not a runtime.Error's "runtime error: " prefix).
[[noreturn]] void ChanPanic(G* g, std::string_view msg);

// Mirrors chansend: the send of *ep on c; false only when !block and it could not
// proceed. Blocks forever on a nil channel; panics on a closed one.
bool ChanSend(G* g, HChan* c, const void* ep, bool block);
// Mirrors timerchandrain: drops every value buffered in c, a timer's channel (no
// sender ever blocks on one); true if there was any.
bool ChanDrainTimer(HChan* c);

// Mirrors chanrecv: returns selected (false only when !block and nothing was
// ready) and sets *received (false: c is closed and drained, *ep zeroed).
bool ChanRecv(G* g, HChan* c, void* ep, bool block, bool* received);

// Mirrors fastrand (stubs.go; wyrand on amd64) with the state in mp->fastrand,
// seeded on first use from the M's id and the cycle counter (gc: mcommoninit).
inline uint32_t FastRand(M* mp) {
  if (mp->fastrand == 0) {
    uint64_t x = __builtin_ia32_rdtsc() ^ (static_cast<uint64_t>(mp->id) << 32) ^
                 reinterpret_cast<uintptr_t>(mp);
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9u;  // splitmix64 finalizer
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebu;
    mp->fastrand = (x ^ (x >> 31)) | 1;
  }
  mp->fastrand += 0xa0761d6478bd642fu;
  unsigned __int128 m =
      static_cast<unsigned __int128>(mp->fastrand) * (mp->fastrand ^ 0xe7037ed1a0b428dbu);
  return static_cast<uint32_t>(static_cast<uint64_t>(m >> 64) ^ static_cast<uint64_t>(m));
}
// Mirrors fastrandn: uniform in [0, n), Lemire's multiply-shift.
inline uint32_t FastRandN(M* mp, uint32_t n) {
  return static_cast<uint32_t>((static_cast<uint64_t>(FastRand(mp)) * n) >> 32);
}

}  // namespace gojit::rt
