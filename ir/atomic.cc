// The bodies of sync/atomic's functions (Go's sync/atomic/doc.go declares them
// without a body; gc writes them in assembly), which are not natives: each gets a body of one LLVM atomic
// instruction instead of an args-frame stub, so that at -O2 (and -O0: they are
// always_inline) `atomic.AddInt64(&n, 1)` becomes `lock xadd` in its caller.
//
//   AddT(addr, delta) new          atomicrmw add, then + delta (Go returns the new value)
//   LoadT(addr) val                load atomic
//   StoreT(addr, val)              store atomic
//   SwapT(addr, new) old           atomicrmw xchg
//   CompareAndSwapT(addr, old, new) swapped   cmpxchg, its success bit
//   AndT(addr, mask) old, OrT(addr, mask) old   atomicrmw and/or (Go 1.23)
//
// for T in Int32, Int64, Uint32, Uint64, Uintptr and Pointer (no AddPointer, AndPointer
// or OrPointer, as in Go). Every operation is seq_cst: Go's memory model makes sync/atomic operations
// sequentially consistent ("behave like C++'s sequentially consistent atomics").
// The address is nil-checked first, so a nil address panics as gc's does (gc faults
// on the access; here it is an explicit check, as for every dereference in ir/).
//
// Not here: the typed values (atomic.Int64 ...) and atomic.Value, Go's own code over
// these functions.
#include <string_view>

#include "ir/function_context.h"

namespace gojit::ir {
namespace {

enum class AtomicOp { kAdd, kLoad, kStore, kSwap, kCompareAndSwap, kAnd, kOr };

bool ConsumePrefix(std::string_view* s, std::string_view prefix) {
  if (s->substr(0, prefix.size()) != prefix) return false;
  s->remove_prefix(prefix.size());
  return true;
}

// Parses "sync/atomic.<Op><Type>"; false for any other name.
bool ParseAtomicName(std::string_view name, AtomicOp* op) {
  static constexpr std::string_view kPkg = "sync/atomic.";
  if (!ConsumePrefix(&name, kPkg)) return false;
  static constexpr std::pair<std::string_view, AtomicOp> kOps[] = {
      {"CompareAndSwap", AtomicOp::kCompareAndSwap}, {"Add", AtomicOp::kAdd},
      {"Load", AtomicOp::kLoad}, {"Store", AtomicOp::kStore}, {"Swap", AtomicOp::kSwap},
      {"And", AtomicOp::kAnd},   {"Or", AtomicOp::kOr}};
  static constexpr std::string_view kTypes[] = {"Int32", "Int64", "Uint32", "Uint64", "Uintptr",
                                                "Pointer"};
  for (auto& [prefix, o] : kOps) {
    if (!ConsumePrefix(&name, prefix)) continue;
    for (std::string_view t : kTypes) {
      bool arithmetic = o == AtomicOp::kAdd || o == AtomicOp::kAnd || o == AtomicOp::kOr;
      if (name == t && !(arithmetic && t == "Pointer")) {
        *op = o;
        return true;
      }
    }
    return false;
  }
  return false;
}

}  // namespace

bool FunctionContext::LowerAtomic(const std::string& link_name) {
  AtomicOp op;
  if (!ParseAtomicName(link_name, &op)) return false;
  fn_->addFnAttr(llvm::Attribute::AlwaysInline);
  constexpr auto kOrder = llvm::AtomicOrdering::SequentiallyConsistent;
  llvm::Value* addr = NilCheck(fn_->getArg(2));
  llvm::Type* t = op == AtomicOp::kLoad ? fn_->getReturnType() : fn_->getArg(3)->getType();
  llvm::Align align = m_.module().getDataLayout().getABITypeAlign(t);
  switch (op) {
    case AtomicOp::kAdd: {
      llvm::Value* delta = fn_->getArg(3);
      llvm::Value* old = b_.CreateAtomicRMW(llvm::AtomicRMWInst::Add, addr, delta, align, kOrder);
      b_.CreateRet(b_.CreateAdd(old, delta));
      break;
    }
    case AtomicOp::kLoad: {
      llvm::LoadInst* v = b_.CreateAlignedLoad(t, addr, align);
      v->setAtomic(kOrder);
      b_.CreateRet(v);
      break;
    }
    case AtomicOp::kStore: {
      llvm::StoreInst* s = b_.CreateAlignedStore(fn_->getArg(3), addr, align);
      s->setAtomic(kOrder);
      b_.CreateRetVoid();
      break;
    }
    case AtomicOp::kAnd:
      b_.CreateRet(b_.CreateAtomicRMW(llvm::AtomicRMWInst::And, addr, fn_->getArg(3), align, kOrder));
      break;
    case AtomicOp::kOr:
      b_.CreateRet(b_.CreateAtomicRMW(llvm::AtomicRMWInst::Or, addr, fn_->getArg(3), align, kOrder));
      break;
    case AtomicOp::kSwap:
      b_.CreateRet(b_.CreateAtomicRMW(llvm::AtomicRMWInst::Xchg, addr, fn_->getArg(3), align, kOrder));
      break;
    case AtomicOp::kCompareAndSwap: {
      llvm::Value* pair =
          b_.CreateAtomicCmpXchg(addr, fn_->getArg(3), fn_->getArg(4), align, kOrder, kOrder);
      b_.CreateRet(b_.CreateExtractValue(pair, 1));
      break;
    }
  }
  return true;
}

}  // namespace gojit::ir
