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

// futexsleep/futexwakeup (os_linux.go): sleep while *addr == val; wake n sleepers.
void FutexSleep(std::atomic<uint32_t>* addr, uint32_t val);
void FutexWakeup(std::atomic<uint32_t>* addr, uint32_t n);

}  // namespace gojit::rt
