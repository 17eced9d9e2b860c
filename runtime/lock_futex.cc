// Futex-based runtime mutex; mirrors runtime/lock_futex.go (lock2/unlock2) and the
// futexsleep/futexwakeup pair of runtime/os_linux.go. See lock_futex.h.
#include "runtime/lock_futex.h"

#include <linux/futex.h>
#include <sched.h>
#include <sys/syscall.h>
#include <time.h>
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

void FutexSleep(std::atomic<uint32_t>* addr, uint32_t val, int64_t ns) {
  struct timespec ts;
  struct timespec* tsp = nullptr;
  if (ns >= 0) {
    ts.tv_sec = ns / 1000000000;
    ts.tv_nsec = ns % 1000000000;
    tsp = &ts;
  }
  syscall(SYS_futex, reinterpret_cast<uint32_t*>(addr), FUTEX_WAIT_PRIVATE, val, tsp,
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

void NoteClear(Note* n) { n->key.store(0, std::memory_order_relaxed); }

// Mirrors notewakeup.
void NoteWakeup(Note* n) {
  uint32_t old = n->key.exchange(1, std::memory_order_release);
  if (old != 0) __builtin_trap();  // gc: throw("notewakeup - double wakeup")
  FutexWakeup(&n->key, 1);
}

// Mirrors notesleep.
void NoteSleep(Note* n) {
  while (n->key.load(std::memory_order_acquire) == 0) FutexSleep(&n->key, 0);
}

// Mirrors notetsleep_internal.
bool NoteTSleep(Note* n, int64_t ns) {
  if (ns < 0) {
    NoteSleep(n);
    return true;
  }
  if (n->key.load(std::memory_order_acquire) != 0) return true;
  int64_t deadline = Nanotime() + ns;
  for (;;) {
    FutexSleep(&n->key, 0, ns);
    if (n->key.load(std::memory_order_acquire) != 0) return true;
    int64_t now = Nanotime();
    if (now >= deadline) return false;
    ns = deadline - now;
  }
}

int64_t Nanotime() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return int64_t{ts.tv_sec} * 1000000000 + ts.tv_nsec;
}

void Usleep(uint32_t usec) {
  struct timespec ts = {static_cast<time_t>(usec / 1000000),
                        static_cast<long>(usec % 1000000) * 1000};
  nanosleep(&ts, nullptr);
}

void OsYield() { sched_yield(); }

bool Mutex::TryLock() {
  uint32_t expected = kUnlocked;
  return key_.compare_exchange_strong(expected, kLocked, std::memory_order_acquire);
}

}  // namespace gojit::rt
