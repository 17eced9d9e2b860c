// Futex-based runtime mutex; mirrors runtime/lock_futex.go (lock2/unlock2) and the
// futexsleep/futexwakeup pair of runtime/os_linux.go. See lock_futex.h.
#include "runtime/lock_futex.h"

#include <linux/futex.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace gojit::rt {
namespace {

constexpr int kActiveSpin = 4;      // active_spin
constexpr int kActiveSpinCnt = 30;  // active_spin_cnt
constexpr int kPassiveSpin = 1;     // passive_spin

// procyield (asm_amd64.s): PAUSE n times.
inline void ProcYield(int n) {
  for (int i = 0; i < n; i++) __builtin_ia32_pause();
}

}  // namespace

void FutexSleep(std::atomic<uint32_t>* addr, uint32_t val) {
  syscall(SYS_futex, reinterpret_cast<uint32_t*>(addr), FUTEX_WAIT_PRIVATE, val, nullptr,
          nullptr, 0);
}

void FutexWakeup(std::atomic<uint32_t>* addr, uint32_t n) {
  syscall(SYS_futex, reinterpret_cast<uint32_t*>(addr), FUTEX_WAKE_PRIVATE, n, nullptr,
          nullptr, 0);
}

// Mirrors lock2.
void Mutex::Lock() {
  uint32_t v = key_.exchange(kLocked, std::memory_order_acquire);
  if (v == kUnlocked) return;
  // wait is either kLocked or kSleeping depending on whether there is a thread
  // sleeping on this mutex. If we ever change key_ from kSleeping to some other
  // value, we must be careful to change it back to kSleeping before returning.
  uint32_t wait = v;
  for (;;) {
    for (int i = 0; i < kActiveSpin; i++) {
      while (key_.load(std::memory_order_relaxed) == kUnlocked) {
        uint32_t expected = kUnlocked;
        if (key_.compare_exchange_weak(expected, wait, std::memory_order_acquire)) return;
      }
      ProcYield(kActiveSpinCnt);
    }
    for (int i = 0; i < kPassiveSpin; i++) {
      while (key_.load(std::memory_order_relaxed) == kUnlocked) {
        uint32_t expected = kUnlocked;
        if (key_.compare_exchange_weak(expected, wait, std::memory_order_acquire)) return;
      }
      sched_yield();  // osyield
    }
    v = key_.exchange(kSleeping, std::memory_order_acquire);
    if (v == kUnlocked) return;
    wait = kSleeping;
    FutexSleep(&key_, kSleeping);
  }
}

// Mirrors unlock2.
void Mutex::Unlock() {
  uint32_t v = key_.exchange(kUnlocked, std::memory_order_release);
  if (v == kUnlocked) {
    // gc: throw("unlock of unlocked lock"); no Throw here to keep this file leaf.
    __builtin_trap();
  }
  if (v == kSleeping) FutexWakeup(&key_, 1);
}

bool Mutex::TryLock() {
  uint32_t expected = kUnlocked;
  return key_.compare_exchange_strong(expected, kLocked, std::memory_order_acquire);
}

}  // namespace gojit::rt
