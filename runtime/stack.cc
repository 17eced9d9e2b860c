// Goroutine stacks, for now: one fixed, lazily committed mmap region per G.
// Mirrors the role of runtime/stack.go's stackalloc/stackfree, not its algorithm.
//
// Current state: StackAlloc maps size + kStackGuardZone bytes with MAP_NORESERVE
// (the kernel commits only touched pages) and makes the lowest kStackGuardZone
// bytes PROT_NONE, so running off the stack faults in the guard instead of
// scribbling over a neighbour; the signal handler reports that as gc's
// "stack overflow". G1 gets kMainStackSize (256 MiB), other Gs kGoroutineStackSize
// (64 MiB); gc's limit is 1 GB. Dead Gs keep their stacks on the free lists.
// Each stack costs two VMAs, so vm.max_map_count (65530) caps live goroutines
// near 32k until growable stacks land.
//
// Plan (DESIGN.md): 2 KiB starting stacks, the split-stack prologue comparing SP
// with stackguard0 in %fs:0x70, __morestack -> newstack copying to a stack twice
// the size and adjusting frame-pointer-chain words that point into the old stack.
#include <sys/mman.h>

#include <cerrno>

#include "runtime/proc.h"

namespace gojit::rt {

void StackAlloc(G* gp, size_t size) {
  size_t total = size + kStackGuardZone;
  void* base = mmap(nullptr, total, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
  if (base == MAP_FAILED) Throw("out of memory allocating stack");
  if (mprotect(base, kStackGuardZone, PROT_NONE) != 0)
    Throw("stack guard mprotect failed");
  uintptr_t b = reinterpret_cast<uintptr_t>(base);
  gp->stack_map = b;
  gp->stack.lo = b + kStackGuardZone;
  gp->stack.hi = b + total;
  gp->stackguard0 = gp->stack.lo + kStackGuard;
  gp->stackguard1 = gp->stackguard0;
}

void StackFree(G* gp) {
  if (gp->stack_map == 0) return;
  munmap(reinterpret_cast<void*>(gp->stack_map), gp->stack.hi - gp->stack_map);
  gp->stack_map = 0;
  gp->stack = Stack{};
  gp->stackguard0 = gp->stackguard1 = 0;
}

}  // namespace gojit::rt
