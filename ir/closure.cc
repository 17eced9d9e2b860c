// Function literals, closures and methods as values.
//
// A func value is a pointer to a closure object whose first word is the code
// pointer; the code receives the closure pointer as its hidden second argument
// (module_context.h). A function literal's closure holds, after the code pointer,
// one pointer per captured variable: the address of the variable's heap cell (the
// checker marks captured variables as escaping, so they live in cells that the
// closure and its creator share). A method value x.M holds the receiver instead,
// evaluated when the method value is created (Go spec, "Method values").
//
// Captured variables are found by walking the literal's body for identifiers that
// the enclosing function can resolve: anything declared inside the literal is not
// yet known to the enclosing function, so it is not captured.
#include <functional>
#include <set>

#include "absl/strings/str_cat.h"
#include "ir/function_context.h"

namespace gojit::ir {

using fe::ExprMode;

void ForEachIdent(fe::Node* n, const std::function<void(fe::Ident*)>& f) {
  if (!n) return;
  auto expr = [&](fe::Expr* e) { ForEachIdent(e, f); };
  auto stmt = [&](fe::Stmt* s) { ForEachIdent(s, f); };
  switch (n->kind) {
    case fe::NodeKind::kIdent: f(n->As<fe::Ident>()); return;
    case fe::NodeKind::kCompositeLit: for (auto* e : n->As<fe::CompositeLit>()->elts) expr(e); return;
    case fe::NodeKind::kFuncLit: stmt(n->As<fe::FuncLit>()->body); return;
    case fe::NodeKind::kParenExpr: expr(n->As<fe::ParenExpr>()->x); return;
    case fe::NodeKind::kSelectorExpr: expr(n->As<fe::SelectorExpr>()->x); return;
    case fe::NodeKind::kIndexExpr:
      expr(n->As<fe::IndexExpr>()->x);
      for (auto* e : n->As<fe::IndexExpr>()->indices) expr(e);
      return;
    case fe::NodeKind::kSliceExpr: {
      auto* s = n->As<fe::SliceExpr>();
      expr(s->x); expr(s->lo); expr(s->hi); expr(s->max);
      return;
    }
    case fe::NodeKind::kTypeAssertExpr: expr(n->As<fe::TypeAssertExpr>()->x); return;
    case fe::NodeKind::kCallExpr:
      expr(n->As<fe::CallExpr>()->fun);
      for (auto* e : n->As<fe::CallExpr>()->args) expr(e);
      return;
    case fe::NodeKind::kStarExpr: expr(n->As<fe::StarExpr>()->x); return;
    case fe::NodeKind::kUnaryExpr: expr(n->As<fe::UnaryExpr>()->x); return;
    case fe::NodeKind::kBinaryExpr: expr(n->As<fe::BinaryExpr>()->x); expr(n->As<fe::BinaryExpr>()->y); return;
    case fe::NodeKind::kKeyValueExpr: expr(n->As<fe::KeyValueExpr>()->key); expr(n->As<fe::KeyValueExpr>()->value); return;
    case fe::NodeKind::kDeclStmt:
      for (auto* sp : n->As<fe::DeclStmt>()->decl->specs)
        if (auto* vs = sp->As<fe::ValueSpec>()) for (auto* e : vs->values) expr(e);
      return;
    case fe::NodeKind::kLabeledStmt: stmt(n->As<fe::LabeledStmt>()->stmt); return;
    case fe::NodeKind::kExprStmt: expr(n->As<fe::ExprStmt>()->x); return;
    case fe::NodeKind::kSendStmt: expr(n->As<fe::SendStmt>()->chan); expr(n->As<fe::SendStmt>()->value); return;
    case fe::NodeKind::kIncDecStmt: expr(n->As<fe::IncDecStmt>()->x); return;
    case fe::NodeKind::kAssignStmt:
      for (auto* e : n->As<fe::AssignStmt>()->lhs) expr(e);
      for (auto* e : n->As<fe::AssignStmt>()->rhs) expr(e);
      return;
    case fe::NodeKind::kGoStmt: expr(n->As<fe::GoStmt>()->call); return;
    case fe::NodeKind::kDeferStmt: expr(n->As<fe::DeferStmt>()->call); return;
    case fe::NodeKind::kReturnStmt: for (auto* e : n->As<fe::ReturnStmt>()->results) expr(e); return;
    case fe::NodeKind::kBlockStmt: for (auto* s : n->As<fe::BlockStmt>()->list) stmt(s); return;
    case fe::NodeKind::kIfStmt: {
      auto* s = n->As<fe::IfStmt>();
      stmt(s->init); expr(s->cond); stmt(s->body); stmt(s->else_stmt);
      return;
    }
    case fe::NodeKind::kCaseClause:
      for (auto* e : n->As<fe::CaseClause>()->list) expr(e);
      for (auto* s : n->As<fe::CaseClause>()->body) stmt(s);
      return;
    case fe::NodeKind::kSwitchStmt: {
      auto* s = n->As<fe::SwitchStmt>();
      stmt(s->init); expr(s->tag);
      for (auto* c : s->clauses) stmt(c);
      return;
    }
    case fe::NodeKind::kTypeSwitchStmt: {
      auto* s = n->As<fe::TypeSwitchStmt>();
      stmt(s->init); stmt(s->assign);
      for (auto* c : s->clauses) stmt(c);
      return;
    }
    case fe::NodeKind::kCommClause:
      stmt(n->As<fe::CommClause>()->comm);
      for (auto* s : n->As<fe::CommClause>()->body) stmt(s);
      return;
    case fe::NodeKind::kSelectStmt: for (auto* c : n->As<fe::SelectStmt>()->clauses) stmt(c); return;
    case fe::NodeKind::kForStmt: {
      auto* s = n->As<fe::ForStmt>();
      stmt(s->init); expr(s->cond); stmt(s->post); stmt(s->body);
      return;
    }
    case fe::NodeKind::kRangeStmt: {
      auto* s = n->As<fe::RangeStmt>();
      expr(s->key); expr(s->value); expr(s->x); stmt(s->body);
      return;
    }
    default:
      return;
  }
}

llvm::Value* FunctionContext::NewClosure(llvm::Function* code, llvm::StructType* ty,
                                         const std::vector<fe::Object*>& captured) {
  // Every word is a pointer or a small integer: the pointer-words descriptor fits.
  llvm::Value* closure = CallRuntime(
      RtFunc::k_mallocgc,
      {ConstInt(static_cast<int64_t>(m_.module().getDataLayout().getTypeAllocSize(ty))),
       m_.PointerWordsDescriptor()});
  b_.CreateStore(code, b_.CreateStructGEP(ty, closure, 0));
  for (size_t i = 0; i < captured.size(); ++i)
    b_.CreateStore(VarAddr(captured[i]), b_.CreateStructGEP(ty, closure, i + 1));
  return closure;
}

void FunctionContext::BindCaptured(llvm::StructType* ty, const std::vector<fe::Object*>& captured) {
  llvm::Value* ctx = fn_->getArg(1);
  for (size_t i = 0; i < captured.size(); ++i)
    vars_[captured[i]] = b_.CreateLoad(m_.Ptr(), b_.CreateStructGEP(ty, ctx, i + 1), captured[i]->name);
}

llvm::Value* FunctionContext::FuncLit(fe::FuncLit* e) {
  // Free variables: identifiers of local variables this function can resolve.
  std::vector<fe::Object*> captured;
  std::set<fe::Object*> seen;
  ForEachIdent(e->body, [&](fe::Ident* id) {
    fe::Object* o = id->object;
    if (!o || o->kind != fe::ObjectKind::kVar || o->is_global || !seen.insert(o).second) return;
    if (VarAddr(o)) captured.push_back(o);
  });
  auto* sig = e->type->As<fe::Func>();
  std::string name = absl::StrCat(fn_->getName().str(), ".func", ++closure_count_);
  auto* fn = llvm::Function::Create(m_.GoFuncType(sig, nullptr), llvm::GlobalValue::InternalLinkage,
                                    name, m_.module());
  m_.SetGoFunctionAttributes(fn);
  // The closure object: {code, &cell...}.
  std::vector<llvm::Type*> fields(captured.size() + 1, m_.Ptr());
  auto* closure_ty = llvm::StructType::get(m_.ctx(), fields);
  llvm::Value* closure = NewClosure(fn, closure_ty, captured);

  // The body, in a context of its own.
  FunctionContext inner(m_, fn, sig);
  inner.closure_count_ = 0;
  inner.BindCaptured(closure_ty, captured);
  std::vector<fe::Object*> params, results;
  auto collect = [&](const std::vector<fe::Field>& fs, fe::Tuple* types, std::vector<fe::Object*>* out,
                     bool is_result) {
    size_t k = 0;
    for (const fe::Field& f : fs) {
      if (f.names.empty()) {
        fe::Object* o = m_.program().NewObject(fe::ObjectKind::kVar, is_result ? "~r" : "", f.pos, nullptr);
        o->type = types->elems()[k++];
        out->push_back(o);
      }
      for (fe::Ident* id : f.names) {
        fe::Object* o = id->object;
        if (!o || id->name == "_") {
          o = m_.program().NewObject(fe::ObjectKind::kVar, is_result ? "~r" : "", id->pos, nullptr);
          o->type = types->elems()[k];
        }
        ++k;
        out->push_back(o);
      }
    }
  };
  collect(e->func_type->params, sig->params(), &params, false);
  collect(e->func_type->results, sig->results(), &results, true);
  inner.LowerBody(params, results, e->body, e->pos, name);
  closure_count_ += inner.closure_count_;
  return closure;
}

llvm::Value* FunctionContext::Receiver(fe::SelectorExpr* sel, fe::Object* m) {
  fe::Type* x_t = sel->x->type;
  bool want_ptr = m->pointer_recv;
  fe::Type* recv_t = m->recv_type;  // T or *T
  fe::Type* base_t = want_ptr ? recv_t->As<fe::Pointer>()->elem() : recv_t;
  if (sel->path.empty()) {
    bool x_is_ptr = x_t->Underlying()->As<fe::Pointer>() != nullptr && !x_t->As<fe::Named>();
    if (want_ptr) return x_is_ptr ? Expr(sel->x) : Addr(sel->x);
    return x_is_ptr ? Deref(NilCheck(Expr(sel->x)), base_t) : Expr(sel->x);
  }
  fe::Type* st;
  llvm::Value* base = StructBase(sel->x, &st);
  llvm::Value* p = FieldAddr(base, st, sel->path);
  // The embedded field's type: the last step of the path.
  fe::Type* t = st;
  for (int idx : sel->path) {
    if (auto* ptr = t->Underlying()->As<fe::Pointer>()) t = ptr->elem();
    t = t->Underlying()->As<fe::Struct>()->fields()[idx].type;
  }
  if (t->Underlying()->As<fe::Pointer>()) {
    llvm::Value* pv = b_.CreateLoad(m_.Ptr(), p);
    return want_ptr ? pv : Deref(NilCheck(pv), base_t);
  }
  return want_ptr ? p : Deref(p, base_t);
}

llvm::Value* FunctionContext::MethodValue(fe::SelectorExpr* e) {
  fe::Object* m = e->sel->object;
  if (e->x->mode == ExprMode::kTypeExpr) return MethodExpr(e);
  if (fe::IsInterface(m->recv_type)) {
    // x.M on an interface (x's own, or of an embedded interface field): a closure
    // {wrapper, x} that dispatches when called.
    auto* iface = m->recv_type->Underlying()->As<fe::Interface>();
    size_t index = 0;
    for (size_t i = 0; i < iface->methods().size(); ++i)
      if (iface->methods()[i].name == m->name) index = i;
    auto* sig = iface->methods()[index].sig;
    llvm::Value* x = e->path.empty() ? Expr(e->x) : Receiver(e, m);
    NilCheck(b_.CreateExtractValue(x, 0));  // gc panics when the method value is made
    auto* closure_ty = llvm::StructType::get(m_.ctx(), {m_.Ptr(), m_.IfaceType()});
    auto* wrapper = llvm::Function::Create(m_.GoFuncType(sig, nullptr), llvm::GlobalValue::InternalLinkage,
                                           absl::StrCat(fn_->getName().str(), ".", m->name, "-fm"),
                                           m_.module());
    m_.SetGoFunctionAttributes(wrapper);
    llvm::IRBuilder<> wb(llvm::BasicBlock::Create(m_.ctx(), "entry", wrapper));
    llvm::Value* saved = wb.CreateLoad(m_.IfaceType(), wb.CreateStructGEP(closure_ty, wrapper->getArg(1), 1));
    llvm::Value* tab = wb.CreateExtractValue(saved, 0);
    llvm::Value* fn = wb.CreateLoad(m_.Ptr(), wb.CreateConstGEP1_64(m_.Ptr(), tab, 3 + index));
    std::vector<llvm::Value*> args{wrapper->getArg(0), wb.CreateExtractValue(saved, 1)};
    for (unsigned i = 2; i < wrapper->arg_size(); ++i) args.push_back(wrapper->getArg(i));
    llvm::Value* r = wb.CreateCall(m_.InterfaceMethodType(sig), fn, args);
    if (wrapper->getReturnType()->isVoidTy()) wb.CreateRetVoid();
    else wb.CreateRet(r);
    llvm::Value* closure = CallRuntime(RtFunc::k_mallocgc, {ConstInt(24), m_.PointerWordsDescriptor()});
    b_.CreateStore(wrapper, b_.CreateStructGEP(closure_ty, closure, 0));
    b_.CreateStore(x, b_.CreateStructGEP(closure_ty, closure, 1));
    return closure;
  }
  llvm::Value* recv = Receiver(e, m);
  // A wrapper T.M-fm(g, closure, args...) calling M with the saved receiver.
  auto* sig = m->type->As<fe::Func>();
  llvm::Function* target = m_.FunctionFor(m);
  std::string wname = absl::StrCat(target->getName().str(), "-fm");
  llvm::Function* wrapper = m_.module().getFunction(wname);
  auto* closure_ty = llvm::StructType::get(m_.ctx(), {m_.Ptr(), recv->getType()});
  if (!wrapper) {
    wrapper = llvm::Function::Create(m_.GoFuncType(sig, nullptr), llvm::GlobalValue::InternalLinkage,
                                     wname, m_.module());
    m_.SetGoFunctionAttributes(wrapper);
    llvm::IRBuilder<> wb(llvm::BasicBlock::Create(m_.ctx(), "entry", wrapper));
    std::vector<llvm::Value*> args{wrapper->getArg(0), llvm::ConstantPointerNull::get(m_.Ptr())};
    args.push_back(wb.CreateLoad(recv->getType(), wb.CreateStructGEP(closure_ty, wrapper->getArg(1), 1)));
    for (unsigned i = 2; i < wrapper->arg_size(); ++i) args.push_back(wrapper->getArg(i));
    llvm::Value* r = wb.CreateCall(target, args);
    if (wrapper->getReturnType()->isVoidTy()) wb.CreateRetVoid();
    else wb.CreateRet(r);
  }
  llvm::Value* closure = CallRuntime(
      RtFunc::k_mallocgc,
      {ConstInt(static_cast<int64_t>(m_.module().getDataLayout().getTypeAllocSize(closure_ty))), m_.PointerWordsDescriptor()});
  b_.CreateStore(wrapper, b_.CreateStructGEP(closure_ty, closure, 0));
  b_.CreateStore(recv, b_.CreateStructGEP(closure_ty, closure, 1));
  return closure;
}

// A method expression T.M or (*T).M (or I.M for an interface I): a function whose
// first parameter is the receiver, as a static closure over a wrapper.
llvm::Value* FunctionContext::MethodExpr(fe::SelectorExpr* e) {
  fe::Object* m = e->sel->object;
  fe::Type* recv_t = e->x->type;
  auto* fsig = e->type->As<fe::Func>();
  std::string name = absl::StrCat(fe::UniqueTypeString(recv_t), ".", m->name, "-fexpr");
  llvm::Function* wrapper = m_.module().getFunction(name);
  if (!wrapper) {
    wrapper = llvm::Function::Create(m_.GoFuncType(fsig, nullptr), llvm::GlobalValue::InternalLinkage,
                                     name, m_.module());
    m_.SetGoFunctionAttributes(wrapper);
    llvm::IRBuilder<> wb(llvm::BasicBlock::Create(m_.ctx(), "entry", wrapper));
    llvm::Value* recv = wrapper->getArg(2);
    llvm::Value* r;
    if (auto* iface = recv_t->Underlying()->As<fe::Interface>()) {
      size_t index = 0;
      for (size_t i = 0; i < iface->methods().size(); ++i)
        if (iface->methods()[i].name == m->name) index = i;
      llvm::Value* tab = wb.CreateExtractValue(recv, 0);
      llvm::Value* fn = wb.CreateLoad(m_.Ptr(), wb.CreateConstGEP1_64(m_.Ptr(), tab, 3 + index));
      std::vector<llvm::Value*> args{wrapper->getArg(0), wb.CreateExtractValue(recv, 1)};
      for (unsigned i = 3; i < wrapper->arg_size(); ++i) args.push_back(wrapper->getArg(i));
      r = wb.CreateCall(m_.InterfaceMethodType(iface->methods()[index].sig), fn, args);
    } else {
      // (*T).M with a value receiver loads the value; promoted methods walk the path.
      fe::Type* t = recv_t;
      llvm::Value* v = recv;
      if (!e->path.empty()) {
        llvm::Value* p = t->Underlying()->As<fe::Pointer>() ? v : nullptr;
        if (!p) {
          p = wb.CreateAlloca(m_.LLVMType(t));
          wb.CreateStore(v, p);
        } else {
          t = t->Underlying()->As<fe::Pointer>()->elem();
        }
        for (int idx : e->path) {
          if (auto* ptr = t->Underlying()->As<fe::Pointer>()) {
            p = wb.CreateLoad(m_.Ptr(), p);
            t = ptr->elem();
          }
          p = wb.CreateStructGEP(m_.LLVMType(t), p, idx);
          t = t->Underlying()->As<fe::Struct>()->fields()[idx].type;
        }
        if (t->Underlying()->As<fe::Pointer>()) {
          v = wb.CreateLoad(m_.Ptr(), p);
        } else if (m->pointer_recv) {
          v = p;
          t = m_.types().NewPointer(t);
        } else {
          v = wb.CreateLoad(m_.LLVMType(t), p);
        }
      }
      if (!m->pointer_recv && t->Underlying()->As<fe::Pointer>() && !m->recv_type->Underlying()->As<fe::Pointer>())
        v = wb.CreateLoad(m_.LLVMType(m->recv_type), v);
      std::vector<llvm::Value*> args{wrapper->getArg(0), llvm::ConstantPointerNull::get(m_.Ptr()), v};
      for (unsigned i = 3; i < wrapper->arg_size(); ++i) args.push_back(wrapper->getArg(i));
      r = wb.CreateCall(m_.FunctionFor(m), args);
    }
    if (wrapper->getReturnType()->isVoidTy()) wb.CreateRetVoid();
    else wb.CreateRet(r);
  }
  std::string gname = name + "·f";
  if (auto* g = m_.module().getNamedGlobal(gname)) return g;
  return new llvm::GlobalVariable(m_.module(), m_.Ptr(), true, llvm::GlobalValue::InternalLinkage, wrapper, gname);
}

}  // namespace gojit::ir
