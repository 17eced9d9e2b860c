// Loop safepoints: see loop_safepoints.h.
#include "jit/loop_safepoints.h"

#include <cstdint>

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Analysis/CFG.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InlineAsm.h"
#include "llvm/IR/MDBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"
#include "runtime/asm_offsets.h"

namespace gojit::jit {

int InsertLoopSafepoints(llvm::Module& module) {
  auto* flag = llvm::mdconst::extract_or_null<llvm::ConstantInt>(
      module.getModuleFlag(kLoopSafepointsFlag));
  if (flag == nullptr || flag->isZero()) return 0;
  llvm::LLVMContext& ctx = module.getContext();
  // The slow path preserves every register, vector state included
  // (runtime/asm_amd64.S), so the call is inline asm that clobbers nothing but
  // memory (the goroutine may yield, and others write memory meanwhile): the
  // loop's live values stay in registers across it and the frame does not grow
  // to spill them. (LLVM's preserve_all convention would not do: on x86-64 it
  // keeps XMM/YMM but not ZMM registers, which AVX-512 loops use.) The symbol is
  // resolved by the JIT like any runtime entry point; the code is built without
  // a red zone, so the call's push below SP is harmless.
  llvm::InlineAsm* poll = llvm::InlineAsm::get(
      llvm::FunctionType::get(llvm::Type::getVoidTy(ctx), false), "call gojit_rt_looppoll",
      "~{memory},~{dirflag},~{fpsr},~{flags}", /*hasSideEffects=*/true);
  // %fs:TLS_STACKGUARD (address space 257 is %fs), the running G's stackguard0.
  auto* guard_slot = llvm::ConstantExpr::getIntToPtr(
      llvm::ConstantInt::get(llvm::Type::getInt64Ty(ctx), TLS_STACKGUARD), llvm::PointerType::get(ctx, 257));
  constexpr uint64_t kStackPreempt = STACK_PREEMPT;
  llvm::MDBuilder md(ctx);
  int inserted = 0;
  for (llvm::Function& f : module) {
    if (f.isDeclaration() || !f.hasFnAttribute("split-stack")) continue;
    llvm::SmallVector<std::pair<const llvm::BasicBlock*, const llvm::BasicBlock*>, 8> edges;
    llvm::FindFunctionBackedges(f, edges);
    llvm::SmallPtrSet<const llvm::BasicBlock*, 8> polled;
    for (const auto& [from, to] : edges) {
      if (!polled.insert(from).second) continue;  // one poll per block, whatever its edges
      auto* block = const_cast<llvm::BasicBlock*>(from);
      llvm::Instruction* term = block->getTerminator();
      llvm::IRBuilder<> b(term);
      b.SetCurrentDebugLocation(term->getDebugLoc());
      llvm::LoadInst* guard = b.CreateLoad(b.getInt64Ty(), guard_slot, "stackguard");
      guard->setVolatile(true);
      llvm::Value* requested = b.CreateICmpEQ(guard, b.getInt64(kStackPreempt), "preempt");
      // Splits block before term: block ends in the test, term moves to the tail.
      llvm::Instruction* then = llvm::SplitBlockAndInsertIfThen(
          requested, term, /*Unreachable=*/false, md.createBranchWeights(1, 1000));
      llvm::IRBuilder<> tb(then);
      tb.SetCurrentDebugLocation(term->getDebugLoc());
      tb.CreateCall(poll);
      inserted++;
    }
  }
  return inserted;
}

}  // namespace gojit::jit
