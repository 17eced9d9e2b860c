// Channel operations: make, send, receive (plain and comma-ok), close, len, cap and
// range, lowered onto the runtime's chan.go port (runtime/chan.h). A channel value
// is a pointer to the runtime's hchan; element values travel by address (a stack
// temporary), as in gc's chansend1/chanrecv1.
#include "ir/function_context.h"

namespace gojit::ir {

llvm::Value* FunctionContext::MakeChan(fe::CallExpr* e) {
  fe::Type* t = e->args[0]->type;
  llvm::Value* size = ConstInt(0);
  if (e->args.size() > 1) {
    fe::Expr* n = e->args[1];
    fe::Type* nt = fe::IsUntyped(n->type) ? m_.types().basic(fe::BasicKind::kInt) : n->type;
    fe::Basic* b = fe::UBasic(nt);
    llvm::Value* v = ExprAs(n, nt);
    size = b && b->IsUnsigned() ? b_.CreateZExtOrTrunc(v, m_.Int()) : b_.CreateSExtOrTrunc(v, m_.Int());
  }
  SetPos(e->pos);
  return CallRuntime(RtFunc::k_makechan, {m_.TypeDescriptor(t), size});
}

void FunctionContext::Send(fe::SendStmt* s) {
  auto* ct = s->chan->type->Underlying()->As<fe::Chan>();
  llvm::Value* c = Expr(s->chan);
  llvm::Value* elem = Spill(ExprAs(s->value, ct->elem()), "send");
  SetPos(s->pos);
  CallRuntime(RtFunc::k_chansend1, {c, elem});
}

llvm::Value* FunctionContext::Receive(fe::UnaryExpr* e, llvm::Value** ok) {
  auto* ct = e->x->type->Underlying()->As<fe::Chan>();
  llvm::Value* c = Expr(e->x);
  llvm::Value* elem = EntryAlloca(m_.LLVMType(ct->elem()), "recv");
  SetPos(e->pos);
  llvm::Value* got = CallRuntime(RtFunc::k_chanrecv, {c, elem});
  if (ok) *ok = b_.CreateICmpNE(got, b_.getInt8(0));
  return Deref(elem, ct->elem());
}

void FunctionContext::RangeChan(fe::RangeStmt* s) {
  auto* ct = s->x->type->Underlying()->As<fe::Chan>();
  llvm::Value* c = Expr(s->x);
  llvm::Value* elem = EntryAlloca(m_.LLVMType(ct->elem()), "recv");
  llvm::BasicBlock* cond = NewBlock("chanrange.recv");
  llvm::BasicBlock* body = NewBlock("chanrange.body");
  llvm::BasicBlock* done = NewBlock("chanrange.done");
  b_.CreateBr(cond);
  b_.SetInsertPoint(cond);
  SetPos(s->pos);
  llvm::Value* got = CallRuntime(RtFunc::k_chanrecv, {c, elem});
  b_.CreateCondBr(b_.CreateICmpNE(got, b_.getInt8(0)), body, done);
  b_.SetInsertPoint(body);
  if (s->key) {
    if (auto* id = s->key->As<fe::Ident>(); !(id && id->name == "_")) {
      llvm::Value* v = Deref(elem, ct->elem());
      if (s->tok == fe::Tok::kDefine) b_.CreateStore(v, DeclareVar(id->object));
      else Store(s->key, v);
    }
  }
  targets_.push_back({s, done, cond});
  StmtList(s->body->list);
  targets_.pop_back();
  if (!Terminated()) b_.CreateBr(cond);
  b_.SetInsertPoint(done);
}

}  // namespace gojit::ir
