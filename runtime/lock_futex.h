// The runtime's mutex: a futex-based lock mirroring runtime/lock_futex.go.
//
// Why not absl::Mutex or std::mutex: runtime locks are taken on g0, on goroutine
// stacks in lean entry points, and (later) around signal-driven preemption; gc's
// lock is three states in one word, spins briefly, then sleeps in the kernel, and
// never allocates. That is what this is. It does not yet bump m.locks (gc uses that
// to forbid preemption while a runtime lock is held); the preemption issue adds it.
//
// Invariants:
//  1. key_ is kUnlocked, kLocked (held, no sleepers) or kSleeping (held, maybe
//     sleepers in futex_wait on key_).
//  2. Unlock() wakes one sleeper iff it saw kSleeping.
#pragma once

#include <atomic>
#include <cstdint>

#include "absl/base/thread_annotations.h"

namespace gojit::rt {

class ABSL_LOCKABLE Mutex {
 public:
  constexpr Mutex() = default;
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  void Lock() ABSL_EXCLUSIVE_LOCK_FUNCTION();  // mirrors lock2
  void Unlock() ABSL_UNLOCK_FUNCTION();        // mirrors unlock2
  bool TryLock() ABSL_EXCLUSIVE_TRYLOCK_FUNCTION(true);

 private:
  static constexpr uint32_t kUnlocked = 0;  // mutex_unlocked
  static constexpr uint32_t kLocked = 1;    // mutex_locked
  static constexpr uint32_t kSleeping = 2;  // mutex_sleeping
  std::atomic<uint32_t> key_{kUnlocked};
};

// RAII holder for a runtime Mutex.
class ABSL_SCOPED_LOCKABLE MutexLock {
 public:
  explicit MutexLock(Mutex* mu) ABSL_EXCLUSIVE_LOCK_FUNCTION(mu) : mu_(mu) {
    mu_->Lock();
  }
  ~MutexLock() ABSL_UNLOCK_FUNCTION() { mu_->Unlock(); }
  MutexLock(const MutexLock&) = delete;
  MutexLock& operator=(const MutexLock&) = delete;

 private:
  Mutex* mu_;
};

// futexsleep/futexwakeup (os_linux.go): sleep while *addr == val (at most ns
// nanoseconds when ns >= 0); wake n sleepers. Spurious wake-ups are allowed.
void FutexSleep(std::atomic<uint32_t>* addr, uint32_t val, int64_t ns = -1);
void FutexWakeup(std::atomic<uint32_t>* addr, uint32_t n);

// Mirrors note (lock_futex.go): a one-shot wake-up between threads. NoteSleep
// blocks until NoteWakeup; NoteTSleep gives up after ns and says whether it was
// woken. A note is reused only after NoteClear, and only one thread sleeps on it.
//
// Invariants: key is 0 (clear) or 1 (woken); NoteWakeup on a woken note is a
// runtime bug ("notewakeup - double wakeup").
struct Note {
  std::atomic<uint32_t> key{0};
};
void NoteClear(Note* n);                 // noteclear
void NoteWakeup(Note* n);                // notewakeup
void NoteSleep(Note* n);                 // notesleep
bool NoteTSleep(Note* n, int64_t ns);    // notetsleep: true if woken
int64_t Nanotime();                      // nanotime: CLOCK_MONOTONIC in ns
void Usleep(uint32_t usec);              // usleep
void OsYield();                          // osyield

}  // namespace gojit::rt
