// The write barrier's insertion into lowered code (write_barrier.cc; the barrier
// itself is runtime/mbarrier.cc).
#pragma once

namespace llvm {
class Module;
}

namespace gojit::ir {

// Adds the write barrier to every Go function of module: before each store,
// copy or clear that may overwrite pointers in a heap object.
void InsertWriteBarriers(llvm::Module& module);

}  // namespace gojit::ir
