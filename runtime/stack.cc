// Goroutine stacks: allocation and growth by copying. Mirrors runtime/stack.go
// (stackalloc, stackfree, newstack's growth path, copystack, adjustpointers), with
// the difference DESIGN.md explains: LLVM emits no stack maps, so the words to
// relocate are found conservatively.
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
// Stacks shrink (ShrinkStack, gc's shrinkstack) when runtime.GC stops the world:
// a G that is not running and uses less than a quarter of its stack moves to one
// half the size, with the same relocation, plus its saved context and the elements
// of the channel operations it is parked in (the world is stopped, so nobody
// writes into them meanwhile). GODEBUG=gcshrinkstackoff=1 turns it off, as in gc.
#include <sys/mman.h>

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

void* MapStackMemory(size_t size) {
  void* p = mmap(nullptr, size, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
  if (p == MAP_FAILED) Throw("runtime: cannot allocate memory for stack");
  // A stack touches a page or two at its top; a transparent huge page would
  // commit 2 MiB for it.
  madvise(p, size, MADV_NOHUGEPAGE);
  return p;
}

void* StackMemAlloc(size_t size) {
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
  return released;
}

namespace {

// GODEBUG=stacktrace=1 counters.
std::atomic<uint64_t> grow_count{0};
std::atomic<uint64_t> shrink_count{0};
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

void ShrinkStack(G* gp) {
  uint32_t status = ReadGStatus(gp) & ~static_cast<uint32_t>(Gstatus::kScan);
  if (status != static_cast<uint32_t>(Gstatus::kWaiting) &&
      status != static_cast<uint32_t>(Gstatus::kRunnable)) {
    return;  // running, in a system call, dead: not ours to move
  }
  Stack old = gp->stack;
  size_t oldsize = old.hi - old.lo;
  if (old.lo == 0 || oldsize <= kFixedStack || gp->sched.sp == 0) return;
  uintptr_t sp = gp->sched.sp;
  size_t used = old.hi - sp;
  // Shrink only if less than a quarter is in use (gc's rule), keeping the guard
  // headroom below the frames.
  size_t newsize = oldsize / 2;
  if (used >= oldsize / 4 || used + kStackGuard + 4096 > newsize) return;
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
  StackMemFree(reinterpret_cast<void*>(old.lo), oldsize);
  shrink_count.fetch_add(1, std::memory_order_relaxed);
  gp->stack = fresh;
  gp->stack_map = fresh.lo;
  gp->stackguard0 = fresh.lo + kStackGuard;
  gp->stackguard1 = gp->stackguard0;
}

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
  PrintString(" times, largest stack ");
  PrintUint(largest_stack.load());
  PrintString(" bytes\n");
  PrintUnlock();
}

}  // namespace gojit::rt
