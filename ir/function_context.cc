// Function bodies: entry block, parameters, variables, native stubs, helpers.
#include "ir/function_context.h"

#include "llvm/IR/MDBuilder.h"

#include "absl/strings/str_cat.h"

namespace gojit::ir {

FunctionContext::FunctionContext(ModuleContext& m, llvm::Function* fn, fe::Func* sig)
    : m_(m), fn_(fn), sig_(sig), b_(m.ctx()), g_(fn->getArg(0)) {
  entry_ = llvm::BasicBlock::Create(m.ctx(), "entry", fn);
  b_.SetInsertPoint(entry_);
}

llvm::BasicBlock* FunctionContext::NewBlock(const std::string& name) {
  return llvm::BasicBlock::Create(m_.ctx(), name, fn_);
}

bool FunctionContext::Terminated() { return b_.GetInsertBlock()->getTerminator() != nullptr; }

void FunctionContext::StartDeadBlock() { b_.SetInsertPoint(NewBlock("dead")); }

void FunctionContext::SetPos(fe::Pos pos) {
  if (!sp_ || !pos.IsValid()) return;
  b_.SetCurrentDebugLocation(llvm::DILocation::get(m_.ctx(), pos.line, pos.col, sp_));
}

llvm::AllocaInst* FunctionContext::EntryAlloca(llvm::Type* t, const std::string& name) {
  llvm::IRBuilder<> eb(entry_, entry_->begin());
  return eb.CreateAlloca(t, nullptr, name);
}

llvm::Value* FunctionContext::CallRuntime(RtFunc f, std::vector<llvm::Value*> args) {
  args.insert(args.begin(), g_);
  return b_.CreateCall(m_.Runtime(f), args);
}

llvm::Value* FunctionContext::HeapAlloc(fe::Type* t) {
  return CallRuntime(RtFunc::k_mallocgc, {ConstInt(static_cast<int64_t>(m_.SizeOf(t))),
                                          m_.TypeDescriptor(t)});
}

llvm::Value* FunctionContext::MakeString(llvm::Value* ptr, llvm::Value* len) {
  llvm::Value* s = llvm::UndefValue::get(m_.StringType());
  s = b_.CreateInsertValue(s, ptr, 0);
  return b_.CreateInsertValue(s, len, 1);
}

llvm::Value* FunctionContext::DeclareVar(fe::Object* var) {
  llvm::Value* addr;
  if (var->escapes) {
    addr = HeapAlloc(var->type);
  } else {
    auto* a = EntryAlloca(m_.LLVMType(var->type), var->name);
    uint64_t size = m_.SizeOf(var->type);
    if (size > kLargeValueBytes) {
      b_.CreateMemSet(a, b_.getInt8(0), size, llvm::MaybeAlign(m_.AlignOf(var->type)));
    } else {
      b_.CreateStore(m_.ZeroValue(var->type), a);
    }
    addr = a;
  }
  vars_[var] = addr;
  return addr;
}

llvm::Value* FunctionContext::VarAddr(fe::Object* var) {
  if (var->is_global) return m_.GlobalFor(var);
  if (auto cell = loop_cells_.find(var); cell != loop_cells_.end())
    return b_.CreateLoad(m_.Ptr(), cell->second);
  auto it = vars_.find(var);
  if (it != vars_.end()) return it->second;
  // A variable of an enclosing function (closures are not lowered yet).
  return nullptr;
}

void FunctionContext::LowerBody(const std::vector<fe::Object*>& params,
                                const std::vector<fe::Object*>& results, fe::BlockStmt* body,
                                fe::Pos pos, const std::string& name) {
  sp_ = m_.Subprogram(fn_, name, pos);
  SetPos(pos);
  unsigned arg = 2;
  for (fe::Object* p : params) {
    llvm::Value* v = fn_->getArg(arg++);
    if (!p->name.empty() && p->name != "_") {
      v->setName(p->name);
      llvm::Value* addr = DeclareVar(p);
      b_.CreateStore(v, addr);
    }
  }
  bool defers = BodyHasDefer(body);
  // Results live in heap cells when deferred calls or range-over-func bodies may
  // store them (ir/defer.cc, ir/range_func.cc).
  bool results_in_cells = defers || BodyHasRangeFunc(body);
  for (fe::Object* r : results) {
    if (results_in_cells) r->escapes = true;
    DeclareVar(r);
    results_.push_back(r);
  }
  if (defers) BeginDefers();
  StmtList(body->list);
  if (!Terminated()) {
    SetPos(body->rbrace);
    if (results_.empty()) {
      ReturnResults();
    } else {
      // Unreachable by the checker's "missing return" rule.
      b_.CreateUnreachable();
    }
  }
  // Blocks left without terminators (dead code after return) are closed.
  for (llvm::BasicBlock& bb : *fn_) {
    if (!bb.getTerminator()) {
      llvm::IRBuilder<> tb(&bb);
      tb.CreateUnreachable();
    }
  }
}

void FunctionContext::LowerForwardingStub(llvm::Function* target) {
  std::vector<llvm::Value*> args;
  for (llvm::Argument& a : fn_->args()) args.push_back(&a);
  llvm::CallInst* call = b_.CreateCall(target, args);
  if (fn_->getReturnType()->isVoidTy()) {
    b_.CreateRetVoid();
  } else {
    b_.CreateRet(call);
  }
}

void FunctionContext::LowerNativeStub(const std::string& native_name) {
  // The args frame: a struct of the receiver and parameters in order; the results
  // frame likewise (stdlib/natives.h).
  std::vector<llvm::Type*> arg_types;
  for (unsigned i = 2; i < fn_->arg_size(); ++i) arg_types.push_back(fn_->getArg(i)->getType());
  auto* args_ty = llvm::StructType::get(m_.ctx(), arg_types);
  auto& results = sig_->results()->elems();
  std::vector<llvm::Type*> res_types;
  for (fe::Type* t : results) res_types.push_back(m_.LLVMType(t));
  auto* res_ty = llvm::StructType::get(m_.ctx(), res_types);
  llvm::Value* args = EntryAlloca(args_ty, "args");
  llvm::Value* res = EntryAlloca(res_ty, "results");
  for (unsigned i = 2; i < fn_->arg_size(); ++i)
    b_.CreateStore(fn_->getArg(i), b_.CreateStructGEP(args_ty, args, i - 2));
  b_.CreateStore(llvm::Constant::getNullValue(res_ty), res);
  auto* native_ty = llvm::FunctionType::get(llvm::Type::getVoidTy(m_.ctx()),
                                            {m_.Ptr(), m_.Ptr(), m_.Ptr()}, false);
  auto callee = m_.module().getOrInsertFunction(absl::StrCat("gojit.native.", native_name), native_ty);
  b_.CreateCall(callee, {g_, args, res});
  if (results.empty()) {
    b_.CreateRetVoid();
  } else if (results.size() == 1) {
    b_.CreateRet(b_.CreateLoad(res_types[0], b_.CreateStructGEP(res_ty, res, 0)));
  } else {
    llvm::Type* ret_ty = fn_->getReturnType();
    llvm::Value* r = llvm::UndefValue::get(ret_ty);
    for (unsigned i = 0; i < results.size(); ++i)
      r = b_.CreateInsertValue(r, b_.CreateLoad(res_types[i], b_.CreateStructGEP(res_ty, res, i)), i);
    b_.CreateRet(r);
  }
}

}  // namespace gojit::ir
