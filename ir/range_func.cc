// Range over functions (Go 1.23): `for k, v := range f { body }` where f is a
// func(yield func(K, V) bool).
//
// The body becomes the yield function, an LLVM function of its own named as gc
// names it ("main.main-range1"), and f is called once with a closure of it:
//
//   closure = {code, &captured..., state, exit, defer_depth}    (heap, see below)
//   f(closure)
//   if state == kPanic { panicrangestate(kMissingPanic) }       // body panic swallowed
//   state = kExhausted
//   switch exit { case 0: after the loop; case i: jump to exit target i }
//
//   yield(closure, k, v) bool:
//     if state != kReady { panicrangestate(state) }             // misbehaving iterator
//     state = kPanic                                             // until the body completes
//     k, v bound as the range clause says; body
//     continue:  state = kReady; return true
//     break:     state = kDone;  return false
//     any other exit (return, goto or labeled break/continue to a statement outside
//     the body): exit = its code; state = kDone; return false
//
// States and checks are gc's (cmd/compile's rangefunc rewrite, runtime's
// panicrangestate): a body called again after it returned false, after the loop
// ended, or while its panic is unwinding panics with gc's run-time error, as does an
// iterator that recovers the body's panic and returns normally.
//
// Invariants:
//  1. The closure holds only heap addresses: every variable the body uses from the
//     enclosing function escapes (the checker treats the body's scope as a function
//     scope), and the function's results live in heap cells when it contains such a
//     loop (LowerBody). A goroutine's stack moves when it grows (runtime/stack.cc),
//     and only the stack's own words are relocated, so the closure, which an iterator
//     may keep, must not point into it.
//  2. `return` in the body stores the results into the enclosing function's result
//     cells before returning false; the loop's caller then returns them (after its
//     deferred calls, which may change them).
//  3. `defer` in the body defers into the record of the function the loop is written
//     in (nested loops: the outermost, a real function). That record lives in its
//     frame, so the body finds it by depth in g->defer_ (deferprocat), not by address
//     (invariant 1).
//  4. Exit codes are per loop: the body of a nested loop that leaves both loops sets
//     its own loop's exit; that loop's dispatch, finding the target outside its own
//     function as well, leaves in turn.
#include <set>

#include "absl/strings/str_cat.h"
#include "ir/function_context.h"
#include "llvm/IR/MDBuilder.h"

namespace gojit::ir {

namespace {

// gc's abi.RF_State values, which panicrangestate takes (runtime/panic.cc).
enum RangeState : int64_t {
  kDone = 0,
  kReady = 1,
  kPanic = 2,
  kExhausted = 3,
  kMissingPanic = 4,
};

// Every labeled statement in a body, function literals excluded: the goto targets
// a range-over-func body can reach without leaving its yield function.
void CollectLabels(fe::Stmt* s, std::set<fe::Stmt*>* out) {
  if (!s) return;
  auto list = [&](const std::vector<fe::Stmt*>& l) {
    for (fe::Stmt* x : l) CollectLabels(x, out);
  };
  switch (s->kind) {
    case fe::NodeKind::kLabeledStmt:
      out->insert(s);
      CollectLabels(s->As<fe::LabeledStmt>()->stmt, out);
      return;
    case fe::NodeKind::kBlockStmt: list(s->As<fe::BlockStmt>()->list); return;
    case fe::NodeKind::kIfStmt:
      CollectLabels(s->As<fe::IfStmt>()->body, out);
      CollectLabels(s->As<fe::IfStmt>()->else_stmt, out);
      return;
    case fe::NodeKind::kForStmt: CollectLabels(s->As<fe::ForStmt>()->body, out); return;
    case fe::NodeKind::kRangeStmt: CollectLabels(s->As<fe::RangeStmt>()->body, out); return;
    case fe::NodeKind::kSwitchStmt:
      for (auto* c : s->As<fe::SwitchStmt>()->clauses) list(c->body);
      return;
    case fe::NodeKind::kTypeSwitchStmt:
      for (auto* c : s->As<fe::TypeSwitchStmt>()->clauses) list(c->body);
      return;
    case fe::NodeKind::kSelectStmt:
      for (auto* c : s->As<fe::SelectStmt>()->clauses) list(c->body);
      return;
    default: return;
  }
}

}  // namespace

bool IsRangeOverFunc(const fe::RangeStmt* s) {
  return s->x->type && s->x->type->Underlying()->As<fe::Func>() != nullptr;
}

llvm::Value* FunctionContext::RangeFuncField(unsigned field) {
  return b_.CreateStructGEP(range_body_->closure_ty, range_body_->closure, field);
}

void FunctionContext::JumpTo(Jump kind, fe::Stmt* target) {
  switch (kind) {
    case Jump::kReturn:
      if (range_body_) return LeaveRangeFuncBody(kind, nullptr);
      ReturnResults();
      return;
    case Jump::kGoto: {
      if (range_body_ && !range_body_->labels.count(target)) return LeaveRangeFuncBody(kind, target);
      llvm::BasicBlock*& block = label_blocks_[target];
      if (!block) block = NewBlock("label");
      b_.CreateBr(block);
      return;
    }
    default:
      for (auto it = targets_.rbegin(); it != targets_.rend(); ++it) {
        if (target && it->stmt != target) continue;
        if (kind == Jump::kContinue && !it->continue_block) continue;
        b_.CreateBr(kind == Jump::kBreak ? it->break_block : it->continue_block);
        return;
      }
      // The target encloses this yield function (the checker resolved it).
      if (range_body_) return LeaveRangeFuncBody(kind, target);
      b_.CreateUnreachable();
      return;
  }
}

void FunctionContext::LeaveRangeFuncBody(Jump kind, fe::Stmt* target) {
  std::vector<ExitTarget>& exits = *range_body_->exits;
  size_t code = 0;
  while (code < exits.size() && !(exits[code].kind == kind && exits[code].target == target)) ++code;
  if (code == exits.size()) exits.push_back({kind, target});
  b_.CreateStore(ConstInt(static_cast<int64_t>(code + 1)), RangeFuncField(range_body_->exit_field));
  b_.CreateStore(ConstInt(kDone), RangeFuncField(range_body_->state_field));
  b_.CreateRet(llvm::ConstantInt::get(m_.LLVMType(m_.types().basic(fe::BasicKind::kBool)), 0));
}

void FunctionContext::RangeFunc(fe::RangeStmt* s) {
  auto* iter_sig = s->x->type->Underlying()->As<fe::Func>();
  auto* yield_sig = iter_sig->params()->elems()[0]->Underlying()->As<fe::Func>();
  llvm::Value* iter = Expr(s->x);

  // Captured: the variables of this function the body and the assigned targets
  // use, and the results (for `return` in the body).
  std::vector<fe::Object*> captured;
  std::set<fe::Object*> seen;
  auto capture = [&](fe::Object* o) {
    if (!o || o->kind != fe::ObjectKind::kVar || o->is_global || !seen.insert(o).second) return;
    if (!VarAddr(o)) return;  // declared in the body
    if (!o->escapes && !loop_cells_.count(o)) {
      Unsupported(s->pos, absl::StrCat("range-over-func body using non-escaping ", o->name));
      return;
    }
    captured.push_back(o);
  };
  for (fe::Object* r : results_) capture(r);
  auto capture_idents = [&](fe::Node* n) { ForEachIdent(n, [&](fe::Ident* id) { capture(id->object); }); };
  if (s->tok != fe::Tok::kDefine) {
    capture_idents(s->key);
    capture_idents(s->value);
  }
  capture_idents(s->body);

  std::vector<llvm::Type*> fields(captured.size() + 1, m_.Ptr());
  const unsigned state_field = fields.size(), exit_field = state_field + 1, depth_field = exit_field + 1;
  fields.insert(fields.end(), 3, m_.Int());
  auto* closure_ty = llvm::StructType::get(m_.ctx(), fields);
  std::string name = absl::StrCat(fn_->getName().str(), "-range", ++range_count_);
  auto* fn = llvm::Function::Create(m_.GoFuncType(yield_sig, nullptr), llvm::GlobalValue::InternalLinkage,
                                    name, m_.module());
  m_.SetGoFunctionAttributes(fn);
  llvm::Value* closure = NewClosure(fn, closure_ty, captured);
  llvm::Value* state = b_.CreateStructGEP(closure_ty, closure, state_field);
  llvm::Value* exit = b_.CreateStructGEP(closure_ty, closure, exit_field);
  b_.CreateStore(ConstInt(kReady), state);
  b_.CreateStore(ConstInt(0), exit);
  llvm::Value* depth = range_body_ ? b_.CreateLoad(m_.Int(), RangeFuncField(range_body_->depth_field))
                       : defer_record_ ? CallRuntime(RtFunc::k_deferdepth, {})
                                       : ConstInt(0);
  b_.CreateStore(depth, b_.CreateStructGEP(closure_ty, closure, depth_field));

  // The yield function.
  std::vector<ExitTarget> exits;
  RangeFuncBody body{s, range_body_ ? range_body_->func_sig : sig_, closure_ty, fn->getArg(1),
                     state_field, exit_field, depth_field, {}, &exits};
  for (fe::Stmt* st : s->body->list) CollectLabels(st, &body.labels);
  {
    FunctionContext inner(m_, fn, yield_sig);
    inner.range_body_ = &body;
    inner.sp_ = sp_ ? m_.Subprogram(fn, name, s->pos) : nullptr;
    inner.SetPos(s->pos);
    llvm::IRBuilder<>& ib = inner.b_;
    inner.BindCaptured(closure_ty, captured);
    inner.results_ = results_;
    llvm::Value* st = ib.CreateLoad(m_.Int(), inner.RangeFuncField(state_field));
    llvm::BasicBlock* bad = inner.NewBlock("range.misused");
    llvm::BasicBlock* ok = inner.NewBlock("range.body");
    ib.CreateCondBr(ib.CreateICmpNE(st, ConstInt(kReady)), bad, ok,
                    llvm::MDBuilder(m_.ctx()).createBranchWeights(1, 1000));
    ib.SetInsertPoint(bad);
    inner.CallRuntime(RtFunc::k_panicrangestate, {st});
    ib.CreateUnreachable();
    ib.SetInsertPoint(ok);
    ib.CreateStore(ConstInt(kPanic), inner.RangeFuncField(state_field));
    size_t arity = yield_sig->params()->elems().size();
    inner.BindRangeVars(s, arity >= 1 ? fn->getArg(2) : nullptr, arity >= 2 ? fn->getArg(3) : nullptr);
    llvm::BasicBlock* next = inner.NewBlock("range.continue");
    llvm::BasicBlock* stop = inner.NewBlock("range.break");
    inner.targets_.push_back({s, stop, next});
    inner.StmtList(s->body->list);
    inner.targets_.pop_back();
    if (!inner.Terminated()) ib.CreateBr(next);
    llvm::Type* bool_ty = m_.LLVMType(m_.types().basic(fe::BasicKind::kBool));
    ib.SetInsertPoint(next);
    ib.CreateStore(ConstInt(kReady), inner.RangeFuncField(state_field));
    ib.CreateRet(llvm::ConstantInt::get(bool_ty, 1));
    ib.SetInsertPoint(stop);
    ib.CreateStore(ConstInt(kDone), inner.RangeFuncField(state_field));
    ib.CreateRet(llvm::ConstantInt::get(bool_ty, 0));
    for (llvm::BasicBlock& bb : *fn)
      if (!bb.getTerminator()) llvm::IRBuilder<>(&bb).CreateUnreachable();
  }

  // The call, then the checks and the exits.
  SetPos(s->pos);
  NilCheck(iter);
  llvm::Value* code = b_.CreateLoad(m_.Ptr(), iter);
  b_.CreateCall(m_.GoFuncType(iter_sig, nullptr), code, {g_, iter, closure});
  SetPos(s->body->rbrace);
  llvm::BasicBlock* swallowed = NewBlock("range.swallowed");
  llvm::BasicBlock* ended = NewBlock("range.ended");
  b_.CreateCondBr(b_.CreateICmpEQ(b_.CreateLoad(m_.Int(), state), ConstInt(kPanic)), swallowed, ended,
                  llvm::MDBuilder(m_.ctx()).createBranchWeights(1, 1000));
  b_.SetInsertPoint(swallowed);
  CallRuntime(RtFunc::k_panicrangestate, {ConstInt(kMissingPanic)});
  b_.CreateUnreachable();
  b_.SetInsertPoint(ended);
  b_.CreateStore(ConstInt(kExhausted), state);
  llvm::BasicBlock* done = NewBlock("range.done");
  if (exits.empty()) {
    b_.CreateBr(done);
  } else {
    llvm::SwitchInst* sw = b_.CreateSwitch(b_.CreateLoad(m_.Int(), exit), done, exits.size());
    for (size_t i = 0; i < exits.size(); ++i) {
      llvm::BasicBlock* leave = NewBlock("range.exit");
      sw->addCase(llvm::cast<llvm::ConstantInt>(ConstInt(static_cast<int64_t>(i + 1))), leave);
      b_.SetInsertPoint(leave);
      JumpTo(exits[i].kind, exits[i].target);
    }
  }
  b_.SetInsertPoint(done);
}

}  // namespace gojit::ir
