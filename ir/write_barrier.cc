// The write barrier, inserted into every Go function of a lowered module before
// it is optimized. runtime/mbarrier.cc explains the barrier (snapshot at the
// beginning, deletion half only) and why its sequence is ordered as it is:
//
//     old := *slot              // each pointer word the store overwrites
//     *slot = new
//     if gojit_rt_writebarrier { gojit_rt_wbshade(g, old) ... }
//
// What gets a barrier: a store whose value holds pointers (LLVM `ptr` anywhere in
// its type), an atomic exchange or compare-and-swap of a pointer, and a memcpy,
// memmove or memset, unless the destination is provably
//  - on the goroutine stack (an alloca): stacks are scanned in the pause;
//  - a package variable (a global): likewise;
//  - an object mallocgc or makeslice returned earlier in the same basic block
//    with no call in between: it was allocated and zeroed after any pause that
//    could have come before the store (safepoints are calls), so the store
//    overwrites nothing.
// Copies and clears of up to kInlineWords words keep their memcpy or memset and
// shade the words the destination held; longer ones, and stores of aggregates
// with more than kInlineWords pointers, call gojit_rt_wbmove or
// gojit_rt_wbmemset, which shade and write in the runtime.
#include "ir/write_barrier.h"

#include <vector>

#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/MDBuilder.h"
#include "llvm/IR/Module.h"

namespace gojit::ir {
namespace {

constexpr unsigned kInlineWords = 4;

bool HasPointers(llvm::Type* t) {
  if (t->isPointerTy()) return true;
  if (auto* st = llvm::dyn_cast<llvm::StructType>(t)) {
    for (llvm::Type* e : st->elements())
      if (HasPointers(e)) return true;
    return false;
  }
  if (auto* at = llvm::dyn_cast<llvm::ArrayType>(t)) return HasPointers(at->getElementType());
  if (auto* vt = llvm::dyn_cast<llvm::VectorType>(t)) return HasPointers(vt->getElementType());
  return false;
}

// The index paths (for extractvalue) of t's pointer leaves; false when there are
// more than kInlineWords of them.
bool PointerPaths(llvm::Type* t, std::vector<unsigned>* path, std::vector<std::vector<unsigned>>* out) {
  if (t->isPointerTy()) {
    out->push_back(*path);
    return out->size() <= kInlineWords;
  }
  unsigned n = 0;
  if (auto* st = llvm::dyn_cast<llvm::StructType>(t)) {
    n = st->getNumElements();
  } else if (auto* at = llvm::dyn_cast<llvm::ArrayType>(t)) {
    if (!HasPointers(at->getElementType())) return true;
    n = static_cast<unsigned>(at->getNumElements());
  } else if (t->isVectorTy()) {
    return !HasPointers(t);
  } else {
    return true;
  }
  for (unsigned i = 0; i < n; ++i) {
    llvm::Type* e = t->isStructTy() ? t->getStructElementType(i) : t->getArrayElementType();
    if (!HasPointers(e)) continue;
    path->push_back(i);
    bool ok = PointerPaths(e, path, out);
    path->pop_back();
    if (!ok) return false;
  }
  return true;
}

bool IsAllocation(const llvm::Instruction& i) {
  auto* call = llvm::dyn_cast<llvm::CallInst>(&i);
  const llvm::Function* callee = call != nullptr ? call->getCalledFunction() : nullptr;
  if (callee == nullptr) return false;
  llvm::StringRef name = callee->getName();
  return name == "gojit_rt_mallocgc" || name == "gojit_rt_makeslice";
}

// Whether a write to dst can skip the barrier (file comment). fresh holds the
// allocation calls earlier in the write's block with no call since.
bool Exempt(llvm::Value* dst, const std::vector<const llvm::Instruction*>& fresh) {
  const llvm::Value* obj = llvm::getUnderlyingObject(dst, 0);
  if (llvm::isa<llvm::AllocaInst>(obj) || llvm::isa<llvm::GlobalVariable>(obj)) return true;
  for (const llvm::Instruction* a : fresh)
    if (a == obj) return true;
  return false;
}

class Inserter {
 public:
  explicit Inserter(llvm::Module& m) : m_(m), ctx_(m.getContext()) {
    ptr_ = llvm::PointerType::getUnqual(ctx_);
    i8_ = llvm::Type::getInt8Ty(ctx_);
    i64_ = llvm::Type::getInt64Ty(ctx_);
    auto* void_ty = llvm::Type::getVoidTy(ctx_);
    flag_ = m.getOrInsertGlobal("gojit_rt_writebarrier", i8_);
    shade_ = m.getOrInsertFunction("gojit_rt_wbshade", llvm::FunctionType::get(void_ty, {ptr_, ptr_}, false));
    move_ = m.getOrInsertFunction("gojit_rt_wbmove", llvm::FunctionType::get(void_ty, {ptr_, ptr_, ptr_, i64_}, false));
    memset_ =
        m.getOrInsertFunction("gojit_rt_wbmemset", llvm::FunctionType::get(void_ty, {ptr_, ptr_, i8_, i64_}, false));
    for (auto callee : {shade_, move_, memset_}) {
      if (auto* f = llvm::dyn_cast<llvm::Function>(callee.getCallee())) f->addFnAttr(llvm::Attribute::NoUnwind);
    }
  }

  void Run(llvm::Function& f) {
    if (f.isDeclaration() || !f.hasFnAttribute("split-stack") || f.arg_size() == 0) return;
    g_ = f.getArg(0);
    std::vector<llvm::Instruction*> work;
    std::vector<const llvm::Instruction*> fresh;  // see Exempt
    for (llvm::BasicBlock& bb : f) {
      fresh.clear();
      for (llvm::Instruction& i : bb) {
        if (auto* st = llvm::dyn_cast<llvm::StoreInst>(&i)) {
          if (HasPointers(st->getValueOperand()->getType()) && !Exempt(st->getPointerOperand(), fresh))
            work.push_back(st);
        } else if (auto* rmw = llvm::dyn_cast<llvm::AtomicRMWInst>(&i)) {
          if (rmw->getType()->isPointerTy() && !Exempt(rmw->getPointerOperand(), fresh)) work.push_back(rmw);
        } else if (auto* cx = llvm::dyn_cast<llvm::AtomicCmpXchgInst>(&i)) {
          if (cx->getNewValOperand()->getType()->isPointerTy() && !Exempt(cx->getPointerOperand(), fresh))
            work.push_back(cx);
        } else if (auto* mi = llvm::dyn_cast<llvm::MemIntrinsic>(&i)) {
          if (!Exempt(mi->getRawDest(), fresh)) work.push_back(mi);
        } else if (llvm::isa<llvm::CallBase>(&i) && !llvm::isa<llvm::IntrinsicInst>(&i)) {
          // A call may be a safepoint: what was allocated before it is no longer fresh.
          fresh.clear();
          if (IsAllocation(i)) fresh.push_back(&i);
        }
      }
    }
    for (llvm::Instruction* i : work) {
      if (auto* st = llvm::dyn_cast<llvm::StoreInst>(i)) {
        Store(st);
      } else if (auto* mi = llvm::dyn_cast<llvm::MemIntrinsic>(i)) {
        Mem(mi);
      } else {
        Atomic(i);
      }
    }
  }

 private:
  // After `at`: if the flag is set, shade each of olds.
  void ShadeAfter(llvm::Instruction* at, const std::vector<llvm::Value*>& olds) {
    llvm::BasicBlock* head = at->getParent();
    llvm::BasicBlock* tail = head->splitBasicBlock(at->getNextNode(), "wb.cont");
    llvm::BasicBlock* slow = llvm::BasicBlock::Create(ctx_, "wb.shade", head->getParent(), tail);
    head->getTerminator()->eraseFromParent();
    llvm::IRBuilder<> b(head);
    llvm::LoadInst* on = b.CreateLoad(i8_, flag_, "wb.on");
    on->setVolatile(true);
    llvm::MDBuilder md(ctx_);
    b.CreateCondBr(b.CreateICmpNE(on, llvm::ConstantInt::get(i8_, 0)), slow, tail,
                   md.createBranchWeights(1, 1000));
    b.SetInsertPoint(slow);
    for (llvm::Value* old : olds) b.CreateCall(shade_, {g_, old});
    b.CreateBr(tail);
  }

  void Store(llvm::StoreInst* st) {
    llvm::Value* v = st->getValueOperand();
    llvm::Value* dst = st->getPointerOperand();
    llvm::IRBuilder<> b(st);
    if (st->isAtomic() && v->getType()->isPointerTy()) {
      // An atomic pointer store becomes an exchange, whose result is exactly the
      // pointer it overwrote even when other goroutines store there too.
      auto* x = b.CreateAtomicRMW(llvm::AtomicRMWInst::Xchg, dst, v, st->getAlign(), st->getOrdering());
      st->eraseFromParent();
      ShadeAfter(x, {x});
      return;
    }
    std::vector<unsigned> path;
    std::vector<std::vector<unsigned>> paths;
    if (!PointerPaths(v->getType(), &path, &paths)) {
      // Many pointers: store into a temporary, then copy with the runtime's memmove.
      llvm::Function* f = st->getFunction();
      llvm::IRBuilder<> entry(&f->getEntryBlock(), f->getEntryBlock().begin());
      llvm::AllocaInst* tmp = entry.CreateAlloca(v->getType());
      b.CreateStore(v, tmp);
      uint64_t size = m_.getDataLayout().getTypeStoreSize(v->getType());
      b.CreateCall(move_, {g_, dst, tmp, llvm::ConstantInt::get(i64_, size)});
      st->eraseFromParent();
      return;
    }
    std::vector<llvm::Value*> olds;
    if (v->getType()->isPointerTy()) {
      olds.push_back(b.CreateLoad(ptr_, dst, "wb.old"));
    } else {
      llvm::Value* old = b.CreateLoad(v->getType(), dst, "wb.old");
      for (const std::vector<unsigned>& p : paths) olds.push_back(b.CreateExtractValue(old, p));
    }
    ShadeAfter(st, olds);
  }

  void Atomic(llvm::Instruction* i) {
    if (auto* cx = llvm::dyn_cast<llvm::AtomicCmpXchgInst>(i)) {
      llvm::IRBuilder<> b(cx->getNextNode());
      llvm::Value* old = b.CreateExtractValue(cx, 0, "wb.old");
      ShadeAfter(llvm::cast<llvm::Instruction>(old), {old});
      return;
    }
    ShadeAfter(i, {i});  // an exchange's result is what it overwrote
  }

  void Mem(llvm::MemIntrinsic* mi) {
    llvm::IRBuilder<> b(mi);
    llvm::Value* dst = mi->getRawDest();
    auto* len = llvm::dyn_cast<llvm::ConstantInt>(mi->getLength());
    if (len != nullptr && len->getZExtValue() <= kInlineWords * 8) {
      // Short: load the destination's whole words, write, shade them.
      uint64_t words = len->getZExtValue() / 8;
      if (words == 0) return;
      std::vector<llvm::Value*> olds;
      for (uint64_t w = 0; w < words; ++w) {
        olds.push_back(b.CreateAlignedLoad(ptr_, b.CreateConstGEP1_64(i8_, dst, w * 8), llvm::Align(1), "wb.old"));
      }
      ShadeAfter(mi, olds);
      return;
    }
    llvm::Value* n = b.CreateZExtOrTrunc(mi->getLength(), i64_);
    if (auto* set = llvm::dyn_cast<llvm::MemSetInst>(mi)) {
      b.CreateCall(memset_, {g_, dst, set->getValue(), n});
    } else {
      b.CreateCall(move_, {g_, dst, llvm::cast<llvm::MemTransferInst>(mi)->getRawSource(), n});
    }
    mi->eraseFromParent();
  }

  llvm::Module& m_;
  llvm::LLVMContext& ctx_;
  llvm::Type* ptr_;
  llvm::Type* i8_;
  llvm::Type* i64_;
  llvm::Constant* flag_;
  llvm::FunctionCallee shade_, move_, memset_;
  llvm::Value* g_ = nullptr;
};

}  // namespace

void InsertWriteBarriers(llvm::Module& module) {
  Inserter inserter(module);
  for (llvm::Function& f : module) inserter.Run(f);
}

}  // namespace gojit::ir
