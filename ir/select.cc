// select statements, lowered onto the runtime's selectgo (a port of select.go).
//
// On entry every channel operand and every value to send is evaluated once, in
// source order (Go spec, "Select statements"). The cases are laid out as gc's
// compiler lays them out for selectgo: an array of {chan, elem pointer}, the sends
// first, then the receives; selectgo returns the index of the case that proceeded
// (or -1 for default) and whether a receive got a value, and the statement
// dispatches on it. `select {}` parks forever (runtime.block).
#include "absl/strings/str_cat.h"
#include "ir/function_context.h"

namespace gojit::ir {

namespace {
// The receive expression of a receive clause, or null for a send or default.
fe::UnaryExpr* RecvOf(fe::Stmt* comm) {
  if (!comm) return nullptr;
  fe::Expr* x = nullptr;
  if (auto* es = comm->As<fe::ExprStmt>()) x = es->x;
  if (auto* as = comm->As<fe::AssignStmt>()) x = as->rhs[0];
  return x ? Unparen(x)->As<fe::UnaryExpr>() : nullptr;
}
}  // namespace

void FunctionContext::Select(fe::SelectStmt* s) {
  if (s->clauses.empty()) {
    SetPos(s->pos);
    CallRuntime(RtFunc::k_block, {});
    b_.CreateUnreachable();
    StartDeadBlock();
    return;
  }
  struct Case {
    fe::CommClause* clause;
    llvm::Value* chan;
    llvm::Value* elem;  // the value sent, or the buffer received into
    fe::Type* elem_type;
  };
  std::vector<Case> sends, recvs;
  fe::CommClause* dflt = nullptr;
  for (fe::CommClause* cc : s->clauses) {
    if (!cc->comm) {
      dflt = cc;
      continue;
    }
    if (auto* send = cc->comm->As<fe::SendStmt>()) {
      auto* ct = send->chan->type->Underlying()->As<fe::Chan>();
      llvm::Value* c = Expr(send->chan);
      llvm::Value* v = Spill(ExprAs(send->value, ct->elem()), "selsend");
      sends.push_back({cc, c, v, ct->elem()});
      continue;
    }
    fe::UnaryExpr* recv = RecvOf(cc->comm);
    auto* ct = recv->x->type->Underlying()->As<fe::Chan>();
    llvm::Value* c = Expr(recv->x);
    llvm::Value* buf = EntryAlloca(m_.LLVMType(ct->elem()), "selrecv");
    recvs.push_back({cc, c, buf, ct->elem()});
  }
  size_t n = sends.size() + recvs.size();
  auto* case_ty = llvm::StructType::get(m_.ctx(), {m_.Ptr(), m_.Ptr()});
  auto* arr_ty = llvm::ArrayType::get(case_ty, n);
  llvm::Value* cases = EntryAlloca(arr_ty, "selcases");
  std::vector<Case> all = sends;
  all.insert(all.end(), recvs.begin(), recvs.end());
  for (size_t i = 0; i < n; ++i) {
    b_.CreateStore(all[i].chan, b_.CreateGEP(arr_ty, cases, {ConstInt(0), ConstInt(i), b_.getInt32(0)}));
    b_.CreateStore(all[i].elem, b_.CreateGEP(arr_ty, cases, {ConstInt(0), ConstInt(i), b_.getInt32(1)}));
  }
  llvm::Value* recvok = EntryAlloca(b_.getInt8Ty(), "recvok");
  SetPos(s->pos);
  llvm::Value* chosen = CallRuntime(RtFunc::k_selectgo,
                                    {cases, ConstInt(static_cast<int64_t>(n)),
                                     ConstInt(static_cast<int64_t>(sends.size())),
                                     b_.getInt8(dflt ? 0 : 1), recvok});
  llvm::BasicBlock* done = NewBlock("select.done");
  llvm::BasicBlock* dflt_block = NewBlock("select.default");
  auto* sw = b_.CreateSwitch(chosen, dflt_block, static_cast<unsigned>(n));
  targets_.push_back({s, done, nullptr});
  for (size_t i = 0; i < n; ++i) {
    llvm::BasicBlock* body = NewBlock("select.case");
    sw->addCase(llvm::ConstantInt::get(m_.Int(), i), body);
    b_.SetInsertPoint(body);
    fe::CommClause* cc = all[i].clause;
    if (auto* as = cc->comm->As<fe::AssignStmt>()) {
      // v [, ok] = <-c or :=
      llvm::Value* v = Deref(all[i].elem, all[i].elem_type);
      llvm::Value* ok = b_.CreateICmpNE(b_.CreateLoad(b_.getInt8Ty(), recvok), b_.getInt8(0));
      llvm::Value* vals[2] = {v, ok};
      for (size_t k = 0; k < as->lhs.size() && k < 2; ++k) {
        fe::Expr* l = as->lhs[k];
        if (auto* id = l->As<fe::Ident>(); id && id->name == "_") continue;
        if (as->tok == fe::Tok::kDefine) {
          fe::Object* obj = l->As<fe::Ident>()->object;
          b_.CreateStore(vals[k], DeclareVar(obj));
        } else {
          fe::Type* from = k == 0 ? all[i].elem_type : m_.types().basic(fe::BasicKind::kBool);
          Store(l, ConvertAssign(vals[k], from, l->type));
        }
      }
    }
    StmtList(cc->body);
    if (!Terminated()) b_.CreateBr(done);
  }
  b_.SetInsertPoint(dflt_block);
  if (dflt) {
    StmtList(dflt->body);
    if (!Terminated()) b_.CreateBr(done);
  } else {
    b_.CreateUnreachable();
  }
  targets_.pop_back();
  b_.SetInsertPoint(done);
}

}  // namespace gojit::ir
