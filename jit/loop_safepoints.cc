// Loop safepoints: see loop_safepoints.h.
#include "jit/loop_safepoints.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Analysis/CFG.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InlineAsm.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/MDBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"
#include "runtime/asm_offsets.h"

namespace gojit::jit {
namespace {

constexpr const char* kPollAsm = "call gojit_rt_looppoll";

// The module's request: 0 none, 1 every loop, 2 loops without calls of Go code.
int64_t LoopPollMode(const llvm::Module& module) {
  auto* flag = llvm::mdconst::extract_or_null<llvm::ConstantInt>(
      module.getModuleFlag(kLoopSafepointsFlag));
  return flag == nullptr ? 0 : flag->getSExtValue();
}

// A call that runs a safepoint of its own: a direct call of compiled Go code
// (it has the prologue check), or an indirect call (a func value: Go code too).
// Calls of the runtime, natives and intrinsics are not.
bool CallsGoCode(const llvm::Instruction& inst) {
  const auto* call = llvm::dyn_cast<llvm::CallBase>(&inst);
  if (call == nullptr || call->isInlineAsm()) return false;
  const llvm::Function* callee = call->getCalledFunction();
  if (callee == nullptr) return true;
  return callee->hasFnAttribute("split-stack");
}

// The loop whose back edge goes from `from` to `to` (`to` is its header), or null
// for an irreducible one, which loop analysis does not see.
const llvm::Loop* LoopOf(const llvm::LoopInfo& loops, const llvm::BasicBlock* from,
                         const llvm::BasicBlock* to) {
  for (const llvm::Loop* l = loops.getLoopFor(from); l != nullptr; l = l->getParentLoop())
    if (l->getHeader() == to) return l;
  return nullptr;
}

bool LoopCallsGoCode(const llvm::Loop* loop) {
  if (loop == nullptr) return false;
  for (const llvm::BasicBlock* block : loop->blocks())
    for (const llvm::Instruction& inst : *block)
      if (CallsGoCode(inst)) return true;
  return false;
}

// A back edge of a Go function: its source block, and whether its loop calls Go
// code. One per source block, whatever its edges.
struct BackEdge {
  llvm::BasicBlock* from;
  bool loop_calls;
};

std::vector<BackEdge> BackEdgesOf(llvm::Function& f) {
  llvm::SmallVector<std::pair<const llvm::BasicBlock*, const llvm::BasicBlock*>, 8> edges;
  llvm::FindFunctionBackedges(f, edges);
  std::vector<BackEdge> out;
  if (edges.empty()) return out;
  llvm::DominatorTree dominators(f);
  llvm::LoopInfo loops(dominators);
  llvm::SmallPtrSet<const llvm::BasicBlock*, 8> seen;
  for (const auto& [from, to] : edges) {
    if (!seen.insert(from).second) continue;
    out.push_back({const_cast<llvm::BasicBlock*>(from), LoopCallsGoCode(LoopOf(loops, from, to))});
  }
  return out;
}

bool IsPoll(const llvm::Instruction& inst) {
  const auto* call = llvm::dyn_cast<llvm::CallInst>(&inst);
  if (call == nullptr || !call->isInlineAsm()) return false;
  return llvm::cast<llvm::InlineAsm>(call->getCalledOperand())->getAsmString() == kPollAsm;
}

void SetLocation(const llvm::DILocation* loc, SafepointSite* site) {
  if (loc == nullptr) return;
  std::string dir = loc->getDirectory().str(), file = loc->getFilename().str();
  site->file = !dir.empty() && !file.empty() && file[0] != '/' ? dir + "/" + file : file;
  site->line = static_cast<int>(loc->getLine());
}

}  // namespace

int InsertLoopSafepoints(llvm::Module& module) {
  int64_t mode = LoopPollMode(module);
  if (mode == 0) return 0;
  llvm::LLVMContext& ctx = module.getContext();
  // %fs:TLS_STACKGUARD (address space 257 is %fs), the running G's stackguard0.
  auto* guard_slot = llvm::ConstantExpr::getIntToPtr(
      llvm::ConstantInt::get(llvm::Type::getInt64Ty(ctx), TLS_STACKGUARD), llvm::PointerType::get(ctx, 257));
  constexpr uint64_t kStackPreempt = STACK_PREEMPT;
  // The slow path preserves every register, vector state included
  // (runtime/asm_amd64.S), so the call is inline asm that clobbers nothing but
  // memory (the goroutine may yield, and others write memory meanwhile): the
  // loop's live values stay in registers across it and the frame does not grow
  // to spill them. (LLVM's preserve_all convention would not do: on x86-64 it
  // keeps XMM/YMM but not ZMM registers, which AVX-512 loops use.) The symbol is
  // resolved by the JIT like any runtime entry point; the code is built without
  // a red zone, so the call's push below SP is harmless.
  llvm::InlineAsm* poll = llvm::InlineAsm::get(
      llvm::FunctionType::get(llvm::Type::getVoidTy(ctx), false), kPollAsm,
      "~{memory},~{dirflag},~{fpsr},~{flags}", /*hasSideEffects=*/true);
  llvm::MDBuilder md(ctx);
  int inserted = 0;
  for (llvm::Function& f : module) {
    if (f.isDeclaration() || !f.hasFnAttribute("split-stack")) continue;
    for (const BackEdge& edge : BackEdgesOf(f)) {
      // --safepoints=callfree: a loop that calls Go code polls at that call's
      // prologue check already.
      if (mode == 2 && edge.loop_calls) continue;
      llvm::Instruction* term = edge.from->getTerminator();
      llvm::IRBuilder<> b(term);
      b.SetCurrentDebugLocation(term->getDebugLoc());
      llvm::LoadInst* guard = b.CreateLoad(b.getInt64Ty(), guard_slot, "stackguard");
      guard->setVolatile(true);
      llvm::Value* requested = b.CreateICmpEQ(guard, b.getInt64(kStackPreempt), "preempt");
      // Splits the block before term: it ends in the test, term moves to the tail.
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

std::vector<SafepointSite> ListSafepoints(llvm::Module& module) {
  std::vector<SafepointSite> sites;
  for (llvm::Function& f : module) {
    if (f.isDeclaration() || !f.hasFnAttribute("split-stack")) continue;
    SafepointSite prologue;
    prologue.function = f.getName().str();
    prologue.kind = SafepointSite::kPrologue;
    if (const llvm::DISubprogram* sp = f.getSubprogram()) {
      std::string dir = sp->getDirectory().str(), file = sp->getFilename().str();
      prologue.file = !dir.empty() && !file.empty() && file[0] != '/' ? dir + "/" + file : file;
      prologue.line = static_cast<int>(sp->getLine());
    }
    sites.push_back(prologue);
    // After insertion a back edge's poll sits in a block of its own between the
    // edge's old source and the tail that now holds the back edge: look for it
    // among the tail's predecessors.
    for (const BackEdge& edge : BackEdgesOf(f)) {
      SafepointSite site;
      site.function = prologue.function;
      site.kind = SafepointSite::kLoop;
      site.file = prologue.file;
      site.line = prologue.line;
      site.loop_calls = edge.loop_calls;
      SetLocation(edge.from->getTerminator()->getDebugLoc().get(), &site);
      for (const llvm::BasicBlock* pred : llvm::predecessors(edge.from))
        for (const llvm::Instruction& inst : *pred)
          if (IsPoll(inst)) site.polled = true;
      sites.push_back(site);
    }
  }
  std::sort(sites.begin(), sites.end(), [](const SafepointSite& a, const SafepointSite& b) {
    return std::tie(a.file, a.line, a.kind) < std::tie(b.file, b.line, b.kind);
  });
  return sites;
}

}  // namespace gojit::jit
