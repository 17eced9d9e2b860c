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
// (one per size, under stack_lock), larger ones are mapped and unmapped directly.
// The maximum is gc's: 1,000,000,000 bytes ("goroutine stack exceeds
// 1000000000-byte limit", fatal error: stack overflow).
#include <sys/mman.h>

#include <cerrno>
#include <cstring>

#include "runtime/debug.h"
#include "runtime/proc.h"

namespace gojit::rt {
namespace {

constexpr size_t kCachedStackMax = size_t{1} << 20;
constexpr int kStackClasses = 6;                  // 32 KiB .. 1 MiB

Mutex stack_lock;
void* stack_free[kStackClasses] ABSL_GUARDED_BY(stack_lock) = {};  // linked through word 0

int StackClass(size_t size) {
  int c = 0;
  for (size_t s = kFixedStack; s < size; s <<= 1) c++;
  return c;
}

void* StackMemAlloc(size_t size) {
  if (size <= kCachedStackMax) {
    MutexLock l(&stack_lock);
    int c = StackClass(size);
    if (void* p = stack_free[c]) {
      stack_free[c] = *static_cast<void**>(p);
      *static_cast<void**>(p) = nullptr;
      return p;
    }
  }
  void* p = mmap(nullptr, size, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
  if (p == MAP_FAILED) Throw("runtime: cannot allocate memory for stack");
  return p;
}

void StackMemFree(void* p, size_t size) {
  if (size <= kCachedStackMax) {
    MutexLock l(&stack_lock);
    int c = StackClass(size);
    *static_cast<void**>(p) = stack_free[c];
    stack_free[c] = p;
    return;
  }
  munmap(p, size);
}

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
  gp->old_stack = old;
  gp->stack = fresh;
  gp->stack_map = fresh.lo;
  gp->stackguard0 = fresh.lo + kStackGuard;
  gp->stackguard1 = gp->stackguard0;
  return nsp;
}

}  // namespace gojit::rt
