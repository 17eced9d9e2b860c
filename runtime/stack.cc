// Goroutine stacks: allocation and growth by copying. Mirrors runtime/stack.go
// (stackalloc, stackfree, newstack's growth path, copystack, adjustpointers), with
// the difference docs/design.md explains ("Growth by copying"): LLVM emits no stack
// maps, so the words to relocate are found conservatively.
//
// A goroutine starts on a kFixedStack (32 KiB) stack. Every compiled Go function's
// split-stack prologue compares SP (minus its frame) with stackguard0 =
// stack.lo + kStackGuard (in the thread's %fs:0x70 slot) and calls __morestack
// when below it; gojit_newstack (preempt.cc) then calls GrowStack, which maps a
// stack twice as large (or more, for a big frame), copies the used part [sp, hi)
// to the top of it, and relocates every 8-byte word of the copy, and every
// register __morestack saved, whose value lies in the old stack: frame pointers,
// pointers to locals LLVM keeps in the frame, setjmp buffers and defer records
// (which live in frames), C++ runtime frames below a Go frame. g->defer_ and
// g->panic_ point into the stack from outside and are relocated too. A word that
// is not a pointer but happens to lie in the old stack's address range would be
// changed as well; stack addresses (0x7f... on Linux) make that unlikely, and it is
// the price of having no stack maps. The old stack stays mapped until the
// goroutine grows again or exits, because __morestack restores registers from it.
//
// kStackGuard is 16 KiB, not gc's 928 bytes: C++ code (runtime entry points and
// stdlib natives, which have no prologue check) runs on the goroutine stack below
// the last Go frame and may use that much. Stacks have no guard pages (each would
// split the mapping, and vm.max_map_count would cap goroutines near 32k).
//
// Stack memory: power-of-two sizes; up to 1 MiB they are cached on free lists
// (one per size, under stack_lock), larger ones are mapped and unmapped directly;
// starting stacks are mapped 64 at a time.
// The maximum is gc's: 1,000,000,000 bytes ("goroutine stack exceeds
// 1000000000-byte limit", fatal error: stack overflow).
//
// Parked stacks (gojit's, not gc's). gc starts goroutines on 2 KiB stacks; gojit
// cannot (kStackGuard above), so a parked goroutine would hold at least the 4 KiB
// page its frames touch. Instead, once the program has kCompactGoroutines or more
// goroutines alive, a goroutine that parks (ParkM) using at most kCompactMax of its
// kFixedStack stack moves to a compact stack: a 1 or 2 KiB slot, packed with others
// in one mapping; its kFixedStack stack returns to the free list, warm, for the next
// goroutine to start on. Execute moves it back onto a kFixedStack stack before it
// runs (ExpandStack): a goroutine never runs on a compact stack, so kStackGuard
// holds wherever code runs. For the same reason a goroutine created in that state
// with no dead G to reuse starts on a compact stack holding just its first frame:
// newproc runs ahead of the new goroutines, and stacks taken then would all be
// touched (then parked) before any came back to the free list. Both moves relocate as ShrinkStack does, with the world
// running, which is safe because:
//  - in ParkM, nobody can wake the goroutine yet: the lock its unlockf releases
//    (channel, select's channels, semaphore root) is held, or its timer is not yet
//    armed, so no waker writes through a sudog's elem into the stack meanwhile;
//  - in Execute, the goroutine is ours: its waker finished writing before readying
//    it, and the sudogs of its other select cases are only dequeued by others after
//    losing the selectDone race, which they learn without touching elem.
// Compact slots are never unmapped; free ones are reused (stack_lock), and the
// collector gives the pages of free ones back to the OS (ReleaseFreeStacks).
// GODEBUG=parkedstacks=0 turns this off, =2 compacts at every park (stress).
//
// Stacks shrink (ShrinkStack, gc's shrinkstack) at every collection, world stopped:
// a G that is not running and uses less than a quarter of its stack moves to one
// half the size, with the same relocation, plus its saved context and the elements
// of the channel operations it is parked in (the world is stopped, so nobody
// writes into them meanwhile). GODEBUG=gcshrinkstackoff=1 turns it off, as in gc.
#include <sys/mman.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <string_view>
#include <cstring>
#include <vector>

#include "runtime/debug.h"
#include "runtime/proc.h"
#include "runtime/sudog.h"

namespace gojit::rt {
namespace {

constexpr size_t kCachedStackMax = size_t{1} << 20;
constexpr int kStackClasses = 6;                  // 32 KiB .. 1 MiB
constexpr size_t kStackChunk = size_t{2} << 20;   // starting stacks mapped together

Mutex stack_lock;
// Free stacks per size class. Not linked through the stacks themselves: writing a
// link would commit a page at the bottom of every cached stack.
std::vector<void*>* stack_free[kStackClasses] ABSL_GUARDED_BY(stack_lock) = {};
// The first stack_released[c] entries of stack_free[c] have been given back to the
// OS (ReleaseFreeStacks). Stacks are taken from the back, so the prefix stays
// released until the list shrinks into it.
size_t stack_released[kStackClasses] ABSL_GUARDED_BY(stack_lock) = {};

std::vector<void*>& FreeList(int c) ABSL_EXCLUSIVE_LOCKS_REQUIRED(stack_lock) {
  if (stack_free[c] == nullptr) stack_free[c] = new std::vector<void*>();
  return *stack_free[c];
}

int StackClass(size_t size) {
  int c = 0;
  for (size_t s = kFixedStack; s < size; s <<= 1) c++;
  return c;
}

// Compact stacks: kCompactClasses sizes from kCompactMin, carved from kCompactChunk
// mappings.
constexpr size_t kCompactMin = 1024;
constexpr int kCompactClasses = 2;  // 1 KiB, 2 KiB
constexpr size_t kCompactChunk = size_t{256} << 10;
std::vector<void*>* compact_free[kCompactClasses] ABSL_GUARDED_BY(stack_lock) = {};
// Compact slots freed since the last ReleaseFreeStacks, per class: it sorts and
// releases a class's free slots only when some were freed.
size_t compact_frees[kCompactClasses] ABSL_GUARDED_BY(stack_lock) = {};

void* MapStackMemory(size_t size) {
  void* p = mmap(nullptr, size, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
  if (p == MAP_FAILED) Throw("runtime: cannot allocate memory for stack");
  // A stack touches a page or two at its top; a transparent huge page would
  // commit 2 MiB for it.
  madvise(p, size, MADV_NOHUGEPAGE);
  return p;
}

int CompactClass(size_t size) {
  int c = 0;
  for (size_t s = kCompactMin; s < size; s <<= 1) c++;
  return c;
}

void* StackMemAlloc(size_t size) {
  if (size < kFixedStack) {
    MutexLock l(&stack_lock);
    int c = CompactClass(size);
    if (compact_free[c] == nullptr) compact_free[c] = new std::vector<void*>();
    std::vector<void*>& list = *compact_free[c];
    if (list.empty()) {
      // No MADV_NOHUGEPAGE here: slots are packed, every page is used.
      void* p = mmap(nullptr, kCompactChunk, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
      if (p == MAP_FAILED) Throw("runtime: cannot allocate memory for stack");
      auto* chunk = static_cast<char*>(p);
      for (size_t off = kCompactChunk; off > 0; off -= size) list.push_back(chunk + off - size);
    }
    void* p = list.back();
    list.pop_back();
    return p;
  }
  if (size <= kCachedStackMax) {
    MutexLock l(&stack_lock);
    std::vector<void*>& list = FreeList(StackClass(size));
    if (list.empty() && size == kFixedStack) {
      // Starting stacks come kStackChunk at a time (gc's stackpool spans): one
      // mmap for many goroutines.
      auto* chunk = static_cast<char*>(MapStackMemory(kStackChunk));
      for (size_t off = kStackChunk; off > 0; off -= kFixedStack) list.push_back(chunk + off - kFixedStack);
    }
    if (!list.empty()) {
      void* p = list.back();
      list.pop_back();
      size_t& released = stack_released[StackClass(size)];
      if (released > list.size()) released = list.size();
      return p;
    }
  }
  return MapStackMemory(size);
}

void StackMemFree(void* p, size_t size) {
  if (size < kFixedStack) {
    MutexLock l(&stack_lock);
    compact_free[CompactClass(size)]->push_back(p);
    compact_frees[CompactClass(size)]++;
    return;
  }
  if (size <= kCachedStackMax) {
    MutexLock l(&stack_lock);
    FreeList(StackClass(size)).push_back(p);
    return;
  }
  munmap(p, size);
}

}  // namespace

// The collector, world stopped: the memory of cached free stacks back to the OS.
uintptr_t ReleaseFreeStacks() {
  MutexLock l(&stack_lock);
  uintptr_t released = 0;
  for (int c = 0; c < kStackClasses; ++c) {
    if (stack_free[c] == nullptr) continue;
    std::vector<void*>& list = *stack_free[c];
    size_t size = kFixedStack << c;
    for (size_t i = stack_released[c]; i < list.size(); ++i) {
      madvise(list[i], size, MADV_DONTNEED);
      released += size;
    }
    stack_released[c] = list.size();
  }
  // Free compact slots: the whole pages inside runs of adjacent free slots (after
  // a crowd of parked goroutines has gone, whole chunks).
  for (int c = 0; c < kCompactClasses; ++c) {
    if (compact_free[c] == nullptr || compact_frees[c] == 0) continue;
    compact_frees[c] = 0;
    std::vector<void*>& list = *compact_free[c];
    const uintptr_t slot = kCompactMin << c, page = 4096;
    std::sort(list.begin(), list.end());
    for (size_t i = 0; i < list.size();) {
      uintptr_t start = reinterpret_cast<uintptr_t>(list[i]), end = start + slot;
      size_t j = i + 1;
      for (; j < list.size() && reinterpret_cast<uintptr_t>(list[j]) == end; ++j) end += slot;
      uintptr_t from = (start + page - 1) & ~(page - 1), to = end & ~(page - 1);
      if (to > from) {
        madvise(reinterpret_cast<void*>(from), to - from, MADV_DONTNEED);
        released += to - from;
      }
      i = j;
    }
  }
  return released;
}

namespace {

// GODEBUG=stacktrace=1 counters.
std::atomic<uint64_t> grow_count{0};
std::atomic<uint64_t> shrink_count{0};
std::atomic<uint64_t> compact_count{0};
std::atomic<uint64_t> largest_stack{0};

size_t RoundUpPow2(size_t n) {
  size_t s = kFixedStack;
  while (s < n) s <<= 1;
  return s;
}

void Relocate(uintptr_t* word, const Stack& old, intptr_t delta) {
  uintptr_t v = *word;
  if (v >= old.lo && v < old.hi) *word = v + static_cast<uintptr_t>(delta);
}

}  // namespace

void StackAlloc(G* gp, size_t size) {
  size = RoundUpPow2(size);
  auto b = reinterpret_cast<uintptr_t>(StackMemAlloc(size));
  gp->stack_map = b;
  gp->stack.lo = b;
  gp->stack.hi = b + size;
  gp->stackguard0 = gp->stack.lo + kStackGuard;
  gp->stackguard1 = gp->stackguard0;
}

void StackFree(G* gp) {
  if (gp->old_stack.lo != 0) {
    StackMemFree(reinterpret_cast<void*>(gp->old_stack.lo), gp->old_stack.hi - gp->old_stack.lo);
    gp->old_stack = Stack{};
  }
  if (gp->stack.lo == 0) return;
  StackMemFree(reinterpret_cast<void*>(gp->stack.lo), gp->stack.hi - gp->stack.lo);
  gp->stack_map = 0;
  gp->stack = Stack{};
  gp->stackguard0 = gp->stackguard1 = 0;
}

void FreeOldStack(G* gp) {
  if (gp->old_stack.lo == 0) return;
  StackMemFree(reinterpret_cast<void*>(gp->old_stack.lo), gp->old_stack.hi - gp->old_stack.lo);
  gp->old_stack = Stack{};
}

uintptr_t GrowStack(G* gp, uintptr_t sp, uint64_t framesize, uintptr_t* regs, size_t nregs) {
  FreeOldStack(gp);
  Stack old = gp->stack;
  size_t used = old.hi - sp;
  size_t oldsize = old.hi - old.lo;
  size_t need = used + framesize + kStackGuard + 4096;
  size_t newsize = oldsize * 2;
  while (newsize < need) newsize *= 2;
  if (newsize > MaxStackSize() || newsize > MaxStackCeiling()) {
    PrintLock();
    PrintStackLimitExceeded();
    PrintString("runtime: sp=");
    PrintHex(sp);
    PrintString(" stack=[");
    PrintHex(old.lo);
    PrintString(", ");
    PrintHex(old.hi);
    PrintString("]\n");
    PrintUnlock();
    Throw("stack overflow");
  }
  auto nlo = reinterpret_cast<uintptr_t>(StackMemAlloc(newsize));
  Stack fresh{nlo, nlo + newsize};
  auto delta = static_cast<intptr_t>(fresh.hi - old.hi);
  uintptr_t nsp = sp + static_cast<uintptr_t>(delta);
  std::memcpy(reinterpret_cast<void*>(nsp), reinterpret_cast<void*>(sp), used);
  // adjustpointers, conservatively: every aligned word of the copy.
  for (auto* w = reinterpret_cast<uintptr_t*>(nsp); w < reinterpret_cast<uintptr_t*>(fresh.hi); ++w) {
    Relocate(w, old, delta);
  }
  for (size_t i = 0; i < nregs; ++i) Relocate(&regs[i], old, delta);
  Relocate(reinterpret_cast<uintptr_t*>(&gp->defer_), old, delta);
  Relocate(reinterpret_cast<uintptr_t*>(&gp->panic_), old, delta);
  grow_count.fetch_add(1, std::memory_order_relaxed);
  uint64_t big = largest_stack.load(std::memory_order_relaxed);
  while (newsize > big && !largest_stack.compare_exchange_weak(big, newsize)) {
  }
  gp->old_stack = old;
  gp->stack = fresh;
  gp->stack_map = fresh.lo;
  gp->stackguard0 = fresh.lo + kStackGuard;
  gp->stackguard1 = gp->stackguard0;
  return nsp;
}

namespace {

// copystack for a goroutine that is not running: moves its used stack
// [sched.sp, hi) to a new stack of newsize bytes and relocates what points into
// the old one: every word of the copy (frames, the callee-saved registers mcall
// pushed), its saved context, its defer and panic records, and the elements of
// the channel operations it is parked in. Frees the old stack.
void MoveStack(G* gp, size_t newsize) {
  Stack old = gp->stack;
  uintptr_t sp = gp->sched.sp;
  size_t used = old.hi - sp;
  FreeOldStack(gp);
  auto nlo = reinterpret_cast<uintptr_t>(StackMemAlloc(newsize));
  Stack fresh{nlo, nlo + newsize};
  auto delta = static_cast<intptr_t>(fresh.hi - old.hi);
  uintptr_t nsp = sp + static_cast<uintptr_t>(delta);
  std::memcpy(reinterpret_cast<void*>(nsp), reinterpret_cast<void*>(sp), used);
  for (auto* w = reinterpret_cast<uintptr_t*>(nsp); w < reinterpret_cast<uintptr_t*>(fresh.hi); ++w) {
    Relocate(w, old, delta);
  }
  Relocate(&gp->sched.sp, old, delta);
  Relocate(&gp->sched.bp, old, delta);
  Relocate(&gp->syscallsp, old, delta);
  Relocate(reinterpret_cast<uintptr_t*>(&gp->defer_), old, delta);
  Relocate(reinterpret_cast<uintptr_t*>(&gp->panic_), old, delta);
  // adjustsudogs: a channel operation's element may live in this stack.
  for (Sudog* sg = gp->waiting; sg != nullptr; sg = sg->waitlink) {
    Relocate(reinterpret_cast<uintptr_t*>(&sg->elem), old, delta);
  }
  StackMemFree(reinterpret_cast<void*>(old.lo), old.hi - old.lo);
  gp->stack = fresh;
  gp->stack_map = fresh.lo;
  gp->stackguard0 = fresh.lo + kStackGuard;
  gp->stackguard1 = gp->stackguard0;
}

}  // namespace

void ShrinkStack(G* gp) {
  uint32_t status = ReadGStatus(gp) & ~static_cast<uint32_t>(Gstatus::kScan);
  if (status != static_cast<uint32_t>(Gstatus::kWaiting) &&
      status != static_cast<uint32_t>(Gstatus::kRunnable)) {
    return;  // running, in a system call, dead: not ours to move
  }
  Stack old = gp->stack;
  size_t oldsize = old.hi - old.lo;
  if (old.lo == 0 || oldsize <= kFixedStack || gp->sched.sp == 0) return;
  size_t used = old.hi - gp->sched.sp;
  // Shrink only if less than a quarter is in use (gc's rule), keeping the guard
  // headroom below the frames.
  size_t newsize = oldsize / 2;
  if (used >= oldsize / 4 || used + kStackGuard + 4096 > newsize) return;
  MoveStack(gp, newsize);
  shrink_count.fetch_add(1, std::memory_order_relaxed);
}

bool CompactStacksOn(int64_t live_goroutines) {
  // GODEBUG=parkedstacks=0: never; 1 (default): from kCompactGoroutines alive;
  // 2: always (a stress mode for the moves).
  static const int64_t mode = GodebugInt("parkedstacks", 1);
  return mode == 2 || (mode == 1 && live_goroutines >= kCompactGoroutines);
}

void StackAllocCompact(G* gp) {
  auto b = reinterpret_cast<uintptr_t>(StackMemAlloc(kCompactMin));
  gp->stack_map = b;
  gp->stack.lo = b;
  gp->stack.hi = b + kCompactMin;
  gp->stackguard0 = gp->stackguard1 = gp->stack.hi;  // never runs here
}

void CompactStack(G* gp, int64_t live_goroutines) {
  if (!CompactStacksOn(live_goroutines)) return;
  Stack old = gp->stack;
  if (old.hi - old.lo != kFixedStack || gp->sched.sp == 0) return;
  size_t used = old.hi - gp->sched.sp;
  if (used > kCompactMax) return;
  size_t size = kCompactMin;
  while (size < used) size <<= 1;
  MoveStack(gp, size);
  compact_count.fetch_add(1, std::memory_order_relaxed);
}

void ExpandStack(G* gp) { MoveStack(gp, kFixedStack); }

void PrintStackTrace() {
  static const bool on = [] {
    const char* env = getenv("GODEBUG");
    return env != nullptr && std::string_view(env).find("stacktrace=1") != std::string_view::npos;
  }();
  if (!on) return;
  PrintLock();
  PrintString("stacktrace: grew ");
  PrintUint(grow_count.load());
  PrintString(" times, shrank ");
  PrintUint(shrink_count.load());
  PrintString(" times, parked compactly ");
  PrintUint(compact_count.load());
  PrintString(" times, largest stack ");
  PrintUint(largest_stack.load());
  PrintString(" bytes\n");
  PrintUnlock();
}

}  // namespace gojit::rt
