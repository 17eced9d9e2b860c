// Maps: lowering onto the runtime's hash map (runtime/map.h, a port of map.go).
//
// A map value is a pointer to the runtime's hmap (nil for a nil map). Keys are
// passed by address: the key is spilled to a stack temporary and the runtime hashes
// and compares it through the map type's descriptor. Lookups return a pointer to the
// element or null when absent, so `v := m[k]` is a load or the zero value, and
// `v, ok := m[k]` tests the pointer. Assignment asks the runtime for the element's
// slot and stores into it. Iteration uses a caller-owned iterator of
// kMapIterWords words whose first two words point at the current key and element.
#include "ir/function_context.h"

namespace gojit::ir {

namespace {
constexpr int kMapIterWords = 16;  // runtime/map.h kMapIterWords, checked there
}

llvm::Value* FunctionContext::MapIndexAddr(fe::IndexExpr* e, bool for_assign) {
  auto* mt = e->x->type->Underlying()->As<fe::Map>();
  llvm::Value* h = Expr(e->x);
  llvm::Value* key = Spill(ExprAs(e->indices[0], mt->key()), "key");
  SetPos(e->pos);
  return CallRuntime(for_assign ? RtFunc::k_mapassign : RtFunc::k_mapaccessk,
                     {m_.TypeDescriptor(e->x->type), h, key});
}

llvm::Value* FunctionContext::MapIndex(fe::IndexExpr* e, llvm::Value** ok) {
  auto* mt = e->x->type->Underlying()->As<fe::Map>();
  llvm::Value* p = MapIndexAddr(e, /*for_assign=*/false);
  llvm::Value* found = b_.CreateIsNotNull(p);
  if (ok) *ok = found;
  llvm::BasicBlock* from = b_.GetInsertBlock();
  llvm::BasicBlock* load = NewBlock("map.found");
  llvm::BasicBlock* done = NewBlock("map.done");
  b_.CreateCondBr(found, load, done);
  b_.SetInsertPoint(load);
  llvm::Value* v = Deref(p, mt->elem());
  b_.CreateBr(done);
  b_.SetInsertPoint(done);
  auto* phi = b_.CreatePHI(v->getType(), 2);
  phi->addIncoming(m_.ZeroValue(mt->elem()), from);
  phi->addIncoming(v, load);
  return phi;
}

llvm::Value* FunctionContext::MapLiteral(fe::CompositeLit* e, fe::Type* t) {
  auto* mt = t->Underlying()->As<fe::Map>();
  llvm::Value* h = CallRuntime(RtFunc::k_makemap,
                               {m_.TypeDescriptor(t), ConstInt(static_cast<int64_t>(e->elts.size()))});
  for (fe::Expr* el : e->elts) {
    auto* kv = el->As<fe::KeyValueExpr>();
    auto value_of = [&](fe::Expr* x, fe::Type* et) -> llvm::Value* {
      if (auto* cl = x->As<fe::CompositeLit>(); cl && !cl->type_expr) return CompositeLit(cl, et);
      return ExprAs(x, et);
    };
    llvm::Value* key = Spill(value_of(kv->key, mt->key()), "key");
    llvm::Value* v = value_of(kv->value, mt->elem());
    llvm::Value* slot = CallRuntime(RtFunc::k_mapassign, {m_.TypeDescriptor(t), h, key});
    b_.CreateStore(v, slot);
  }
  return h;
}

void FunctionContext::MapDelete(fe::CallExpr* e) {
  auto* mt = e->args[0]->type->Underlying()->As<fe::Map>();
  llvm::Value* h = Expr(e->args[0]);
  llvm::Value* key = Spill(ExprAs(e->args[1], mt->key()), "key");
  SetPos(e->pos);
  CallRuntime(RtFunc::k_mapdelete, {m_.TypeDescriptor(e->args[0]->type), h, key});
}

void FunctionContext::RangeMap(fe::RangeStmt* s) {
  auto* mt = s->x->type->Underlying()->As<fe::Map>();
  llvm::Value* h = Expr(s->x);
  auto* it_ty = llvm::ArrayType::get(m_.Int(), kMapIterWords);
  llvm::Value* it = EntryAlloca(it_ty, "mapiter");
  b_.CreateStore(llvm::Constant::getNullValue(it_ty), it);
  SetPos(s->pos);
  CallRuntime(RtFunc::k_mapiterinit, {m_.TypeDescriptor(s->x->type), h, it});
  llvm::BasicBlock* cond = NewBlock("maprange.cond");
  llvm::BasicBlock* body = NewBlock("maprange.body");
  llvm::BasicBlock* post = NewBlock("maprange.next");
  llvm::BasicBlock* done = NewBlock("maprange.done");
  b_.CreateBr(cond);
  b_.SetInsertPoint(cond);
  llvm::Value* key_ptr = b_.CreateLoad(m_.Ptr(), it);
  b_.CreateCondBr(b_.CreateIsNull(key_ptr), done, body);
  b_.SetInsertPoint(body);
  llvm::Value* elem_ptr = b_.CreateLoad(m_.Ptr(), b_.CreateConstGEP1_64(m_.Int(), it, 1));
  BindRangeVars(s, s->key ? Deref(key_ptr, mt->key()) : nullptr,
                s->value ? Deref(elem_ptr, mt->elem()) : nullptr);
  targets_.push_back({s, done, post});
  StmtList(s->body->list);
  targets_.pop_back();
  if (!Terminated()) b_.CreateBr(post);
  b_.SetInsertPoint(post);
  CallRuntime(RtFunc::k_mapiternext, {it});
  b_.CreateBr(cond);
  b_.SetInsertPoint(done);
}

}  // namespace gojit::ir
