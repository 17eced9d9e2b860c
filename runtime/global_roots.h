// Roots outside goroutine stacks: Go's package variables, and the private static
// data ir/static_init.cc lays out. Part of the compiler-runtime contract: ir/
// emits, in each module, a table under kGlobalRootsSymbol of every such variable
// whose type holds pointers, jit/ registers it as the object is linked, and the
// collector (mgcmark.cc) scans each variable precisely, with its type's pointer
// mask. A header of its own so that ir/ and jit/ need none of the collector's.
#pragma once

#include <cstdint>

namespace gojit::rt {

struct TypeDescriptor;

inline constexpr char kGlobalRootsSymbol[] = "gojit.gcroots";

struct GlobalRoot {
  uintptr_t addr;
  const TypeDescriptor* type;
};

// {n, [n x GlobalRoot]}, as ir/module_context.cc's EmitGlobalRoots lays it out.
struct GlobalRootTable {
  int64_t n;  // followed by n GlobalRoots
  const GlobalRoot* roots() const { return reinterpret_cast<const GlobalRoot*>(this + 1); }
};
static_assert(sizeof(GlobalRootTable) == 8 && sizeof(GlobalRoot) == 16);

// Adds a linked module's table (mgcmark.cc).
void RegisterGlobalRoots(const GlobalRootTable* table);

}  // namespace gojit::rt
