// Statements: assignment (parallel semantics: every right-hand side is evaluated
// before any store), := declarations, returns, if/for/range/switch, labels and
// branches.
//
// Loop variables follow Go 1.22: each iteration of a three-clause `for` has its own
// copy. While closures are not lowered, nothing can observe a difference, so the
// copy is made only for variables that escape (see For).
#include "absl/strings/str_cat.h"
#include "ir/function_context.h"

namespace gojit::ir {

using fe::BasicKind;
using fe::Tok;

namespace {
bool IsBlank(fe::Expr* e) {
  auto* id = Unparen(e)->As<fe::Ident>();
  return id && id->name == "_";
}
}  // namespace

// `_ = x`: evaluates x only for its effects; a variable or constant has none (and
// loading a large array variable as one value is costly for LLVM).
llvm::Value* FunctionContext::EvalForEffect(fe::Expr* e) {
  fe::Expr* u = Unparen(e);
  if (u->mode == fe::ExprMode::kConstant) return nullptr;
  if (auto* id = u->As<fe::Ident>(); id && id->object && id->object->kind == fe::ObjectKind::kVar)
    return nullptr;
  return Expr(e);
}

void FunctionContext::StmtList(const std::vector<fe::Stmt*>& list) {
  for (fe::Stmt* s : list) {
    if (Terminated()) StartDeadBlock();
    Stmt(s);
  }
}

void FunctionContext::Stmt(fe::Stmt* s) {
  SetPos(s->pos);
  switch (s->kind) {
    case fe::NodeKind::kEmptyStmt:
      return;
    case fe::NodeKind::kExprStmt:
      Expr(s->As<fe::ExprStmt>()->x);
      return;
    case fe::NodeKind::kAssignStmt: {
      auto* as = s->As<fe::AssignStmt>();
      if (as->tok == Tok::kDefine) Define(as);
      else Assign(as);
      return;
    }
    case fe::NodeKind::kIncDecStmt: {
      auto* st = s->As<fe::IncDecStmt>();
      llvm::Value* addr = Addr(st->x);
      llvm::Type* lt = m_.LLVMType(st->x->type);
      llvm::Value* v = b_.CreateLoad(lt, addr);
      if (auto* st_ty = llvm::dyn_cast<llvm::StructType>(lt)) {
        // complex64/128: x++ adds 1+0i, that is, to the real part.
        llvm::Type* part_ty = st_ty->getElementType(0);
        llvm::Value* re = b_.CreateExtractValue(v, 0);
        llvm::Value* one = llvm::ConstantFP::get(part_ty, 1.0);
        re = st->tok == Tok::kInc ? b_.CreateFAdd(re, one) : b_.CreateFSub(re, one);
        b_.CreateStore(b_.CreateInsertValue(v, re, 0), addr);
        return;
      }
      llvm::Value* one = lt->isFloatingPointTy() ? llvm::ConstantFP::get(lt, 1.0)
                                                 : llvm::ConstantInt::get(lt, 1);
      llvm::Value* r = st->tok == Tok::kInc
                           ? (lt->isFloatingPointTy() ? b_.CreateFAdd(v, one) : b_.CreateAdd(v, one))
                           : (lt->isFloatingPointTy() ? b_.CreateFSub(v, one) : b_.CreateSub(v, one));
      b_.CreateStore(r, addr);
      return;
    }
    case fe::NodeKind::kDeclStmt:
      LocalDecl(s->As<fe::DeclStmt>()->decl);
      return;
    case fe::NodeKind::kBlockStmt:
      StmtList(s->As<fe::BlockStmt>()->list);
      return;
    case fe::NodeKind::kReturnStmt:
      Return(s->As<fe::ReturnStmt>());
      return;
    case fe::NodeKind::kIfStmt:
      If(s->As<fe::IfStmt>());
      return;
    case fe::NodeKind::kForStmt:
      For(s->As<fe::ForStmt>(), s);
      return;
    case fe::NodeKind::kRangeStmt:
      Range(s->As<fe::RangeStmt>());
      return;
    case fe::NodeKind::kSwitchStmt:
      Switch(s->As<fe::SwitchStmt>());
      return;
    case fe::NodeKind::kBranchStmt:
      Branch(s->As<fe::BranchStmt>());
      return;
    case fe::NodeKind::kTypeSwitchStmt:
      TypeSwitch(s->As<fe::TypeSwitchStmt>());
      return;
    case fe::NodeKind::kDeferStmt:
      Defer(s->As<fe::DeferStmt>());
      return;
    case fe::NodeKind::kSendStmt:
      Send(s->As<fe::SendStmt>());
      return;
    case fe::NodeKind::kSelectStmt:
      Select(s->As<fe::SelectStmt>());
      return;
    case fe::NodeKind::kGoStmt: {
      // The call and its arguments are evaluated here; the new goroutine makes it.
      llvm::Value* closure = CallClosure(s->As<fe::GoStmt>()->call, /*for_go=*/true);
      SetPos(s->pos);
      CallRuntime(RtFunc::k_newproc, {closure});
      return;
    }
    case fe::NodeKind::kLabeledStmt: {
      auto* ls = s->As<fe::LabeledStmt>();
      llvm::BasicBlock* block = label_blocks_[ls];
      if (!block) block = label_blocks_[ls] = NewBlock(absl::StrCat("label.", ls->label->name));
      if (!Terminated()) b_.CreateBr(block);
      b_.SetInsertPoint(block);
      Stmt(ls->stmt);
      return;
    }
    default:
      Unsupported(s->pos, fe::NodeKindName(s->kind));
  }
}

void FunctionContext::Store(fe::Expr* lhs, llvm::Value* v) {
  if (IsBlank(lhs)) return;
  b_.CreateStore(v, Addr(lhs));
}

void FunctionContext::Assign(fe::AssignStmt* s) {
  if (s->tok != Tok::kAssign) {
    static const std::map<Tok, Tok> kOps = {
        {Tok::kAddAssign, Tok::kAdd}, {Tok::kSubAssign, Tok::kSub}, {Tok::kMulAssign, Tok::kMul},
        {Tok::kQuoAssign, Tok::kQuo}, {Tok::kRemAssign, Tok::kRem}, {Tok::kAndAssign, Tok::kAnd},
        {Tok::kOrAssign, Tok::kOr},   {Tok::kXorAssign, Tok::kXor}, {Tok::kShlAssign, Tok::kShl},
        {Tok::kShrAssign, Tok::kShr}, {Tok::kAndNotAssign, Tok::kAndNot}};
    Tok op = kOps.at(s->tok);
    fe::Expr* x = s->lhs[0];
    llvm::Value* addr = Addr(x);
    llvm::Value* old = b_.CreateLoad(m_.LLVMType(x->type), addr);
    llvm::Value* r;
    if (op == Tok::kShl || op == Tok::kShr) {
      r = Shift(op, old, Expr(s->rhs[0]), x->type, s->rhs[0]->type);
    } else {
      r = BinaryOp(op, old, ExprAs(s->rhs[0], x->type), x->type, s->tok_pos);
    }
    b_.CreateStore(r, addr);
    return;
  }
  if (s->lhs.size() == s->rhs.size()) {
    if (s->lhs.size() == 1) {
      if (IsBlank(s->lhs[0])) {
        EvalForEffect(s->rhs[0]);
        return;
      }
      llvm::Value* v = ExprAs(s->rhs[0], s->lhs[0]->type);
      Store(s->lhs[0], v);
      return;
    }
    // Parallel assignment in the spec's two phases: the operands of the left's index
    // expressions and pointer indirections, then the right's values, in order; then
    // each assignment left to right, with its own nil, bounds and nil-map checks.
    std::vector<const fe::Expr*> pinned;
    for (fe::Expr* l : s->lhs) PinAssignOperands(l, &pinned);
    std::vector<llvm::Value*> vals;
    for (size_t i = 0; i < s->rhs.size(); ++i)
      vals.push_back(IsBlank(s->lhs[i]) ? EvalForEffect(s->rhs[i]) : ExprAs(s->rhs[i], s->lhs[i]->type));
    for (size_t i = 0; i < s->lhs.size(); ++i) Store(s->lhs[i], vals[i]);
    for (const fe::Expr* e : pinned) evaluated_.erase(e);
    return;
  }
  // a, b = f(), or v, ok = m[k] / x.(T)
  fe::Expr* e = s->rhs[0];
  auto* tuple = e->type->As<fe::Tuple>();
  // The same two phases as above.
  std::vector<const fe::Expr*> pinned;
  for (fe::Expr* l : s->lhs) PinAssignOperands(l, &pinned);
  if (!tuple) {
    llvm::Value* ok;
    llvm::Value* v = CommaOk(e, &ok);
    Store(s->lhs[0], ConvertAssign(v, e->type, s->lhs[0]->type));
    Store(s->lhs[1], ConvertAssign(ok, m_.types().basic(fe::BasicKind::kBool), s->lhs[1]->type));
  } else {
    llvm::Value* t = Expr(e);
    for (size_t i = 0; i < s->lhs.size(); ++i)
      Store(s->lhs[i], ConvertAssign(b_.CreateExtractValue(t, i), tuple->elems()[i], s->lhs[i]->type));
  }
  for (const fe::Expr* x : pinned) evaluated_.erase(x);
}

// Evaluates now, into evaluated_ (where Expr finds them later), the operands that
// the spec's first phase of an assignment evaluates for the left operand l: the
// pointer of a dereference (`*p`, `p.f` through a pointer), the slice or map and
// the index of an index expression; an array or struct variable is followed down to
// its own operands. The address itself, with its checks, is taken in phase two.
void FunctionContext::PinAssignOperands(fe::Expr* l, std::vector<const fe::Expr*>* pinned) {
  auto pin = [&](fe::Expr* x) {
    if (x->mode == fe::ExprMode::kConstant || evaluated_.count(x)) return;
    evaluated_[x] = Expr(x);
    pinned->push_back(x);
  };
  l = Unparen(l);
  if (IsBlank(l)) return;
  if (auto* star = l->As<fe::StarExpr>()) {
    pin(star->x);
  } else if (auto* sel = l->As<fe::SelectorExpr>()) {
    if (sel->x->mode == fe::ExprMode::kPackage) return;
    if (sel->x->type->Underlying()->As<fe::Pointer>()) {
      pin(sel->x);
    } else {
      PinAssignOperands(sel->x, pinned);
    }
  } else if (auto* ix = l->As<fe::IndexExpr>()) {
    fe::Type* xt = ix->x->type->Underlying();
    if (xt->As<fe::Array>() && ix->x->mode == fe::ExprMode::kVariable) {
      PinAssignOperands(ix->x, pinned);
    } else {
      pin(ix->x);
    }
    pin(ix->indices[0]);
  }
}

llvm::Value* FunctionContext::CommaOk(fe::Expr* e, llvm::Value** ok) {
  e = fe::Unparen(e);
  if (auto* ix = e->As<fe::IndexExpr>()) return MapIndex(ix, ok);
  if (auto* ta = e->As<fe::TypeAssertExpr>()) return TypeAssert(ta, ok);
  if (auto* u = e->As<fe::UnaryExpr>(); u && u->op == Tok::kArrow) return Receive(u, ok);
  Unsupported(e->pos, "this comma-ok expression");
  *ok = b_.getInt1(false);
  return m_.ZeroValue(e->type);
}

void FunctionContext::Define(fe::AssignStmt* s) {
  // Values first (they may refer to outer variables of the same name).
  std::vector<llvm::Value*> vals;
  if (s->lhs.size() == s->rhs.size()) {
    for (size_t i = 0; i < s->rhs.size(); ++i) {
      fe::Type* t = s->lhs[i]->type ? s->lhs[i]->type : fe::DefaultType(m_.types(), s->rhs[i]->type);
      vals.push_back(IsBlank(s->lhs[i]) ? Expr(s->rhs[i]) : ExprAs(s->rhs[i], t));
    }
  } else if (!s->rhs[0]->type->As<fe::Tuple>()) {
    llvm::Value* ok;
    vals.push_back(CommaOk(s->rhs[0], &ok));
    vals.push_back(ok);
  } else {
    fe::Expr* e = s->rhs[0];
    llvm::Value* t = Expr(e);
    for (size_t i = 0; i < s->lhs.size(); ++i) vals.push_back(b_.CreateExtractValue(t, i));
  }
  for (size_t i = 0; i < s->lhs.size(); ++i) {
    auto* id = s->lhs[i]->As<fe::Ident>();
    if (!id || id->name == "_" || !id->object) continue;
    llvm::Value* addr = vars_.count(id->object) ? vars_[id->object] : DeclareVar(id->object);
    b_.CreateStore(vals[i], addr);
  }
}

void FunctionContext::LocalDecl(fe::GenDecl* d) {
  if (d->tok != Tok::kVar) return;  // constants and types need no code
  for (fe::Spec* spec : d->specs) {
    auto* vs = spec->As<fe::ValueSpec>();
    std::vector<llvm::Value*> vals;
    if (vs->values.size() == vs->names.size()) {
      for (size_t i = 0; i < vs->values.size(); ++i) {
        fe::Object* obj = vs->names[i]->object;
        vals.push_back(ExprAs(vs->values[i], obj ? obj->type : vs->values[i]->type));
      }
    } else if (vs->values.size() == 1 && !vs->values[0]->type->As<fe::Tuple>()) {
      // var v, ok T = m[k]: both become T (an interface, for ok).
      llvm::Value* ok;
      fe::Type* bool_type = m_.types().basic(fe::BasicKind::kBool);
      fe::Object* v_obj = vs->names[0]->object;
      fe::Object* ok_obj = vs->names[1]->object;
      llvm::Value* v = CommaOk(vs->values[0], &ok);
      vals.push_back(v_obj ? ConvertAssign(v, vs->values[0]->type, v_obj->type) : v);
      vals.push_back(ok_obj ? ConvertAssign(ok, bool_type, ok_obj->type) : ok);
    } else if (vs->values.size() == 1) {
      llvm::Value* t = Expr(vs->values[0]);
      for (size_t i = 0; i < vs->names.size(); ++i) vals.push_back(b_.CreateExtractValue(t, i));
    }
    for (size_t i = 0; i < vs->names.size(); ++i) {
      fe::Object* obj = vs->names[i]->object;
      if (!obj || obj->name == "_") continue;
      llvm::Value* addr = DeclareVar(obj);
      if (!vals.empty()) b_.CreateStore(vals[i], addr);
    }
  }
}

void FunctionContext::Return(fe::ReturnStmt* s) {
  // In a range-over-func body, the results are those of the function the loop is in.
  auto& want = (range_body_ ? range_body_->func_sig : sig_)->results()->elems();
  std::vector<llvm::Value*> vals;
  if (s->results.empty()) {
    for (fe::Object* r : results_) vals.push_back(b_.CreateLoad(m_.LLVMType(r->type), vars_[r]));
  } else if (s->results.size() == want.size()) {
    for (size_t i = 0; i < want.size(); ++i) vals.push_back(ExprAs(s->results[i], want[i]));
  } else {
    llvm::Value* t = Expr(s->results[0]);
    auto* tuple = s->results[0]->type->As<fe::Tuple>();
    for (size_t i = 0; i < want.size(); ++i)
      vals.push_back(ConvertAssign(b_.CreateExtractValue(t, i), tuple->elems()[i], want[i]));
  }
  SetPos(s->pos);
  if (range_body_) {
    for (size_t i = 0; i < vals.size() && !s->results.empty(); ++i)
      b_.CreateStore(vals[i], VarAddr(results_[i]));
    JumpTo(Jump::kReturn, nullptr);
    return;
  }
  if (defer_record_) {
    // Results are assigned before the deferred calls run (they may change them).
    for (size_t i = 0; i < vals.size() && !s->results.empty(); ++i)
      b_.CreateStore(vals[i], VarAddr(results_[i]));
    ReturnResults();
    return;
  }
  if (vals.empty()) {
    b_.CreateRetVoid();
  } else if (vals.size() == 1) {
    b_.CreateRet(vals[0]);
  } else {
    llvm::Value* r = llvm::UndefValue::get(fn_->getReturnType());
    for (size_t i = 0; i < vals.size(); ++i) r = b_.CreateInsertValue(r, vals[i], i);
    b_.CreateRet(r);
  }
}

void FunctionContext::If(fe::IfStmt* s) {
  if (s->init) Stmt(s->init);
  llvm::Value* cond = Expr(s->cond);
  llvm::BasicBlock* then_block = NewBlock("if.then");
  llvm::BasicBlock* else_block = s->else_stmt ? NewBlock("if.else") : nullptr;
  llvm::BasicBlock* done = NewBlock("if.done");
  b_.CreateCondBr(cond, then_block, else_block ? else_block : done);
  b_.SetInsertPoint(then_block);
  StmtList(s->body->list);
  if (!Terminated()) b_.CreateBr(done);
  if (else_block) {
    b_.SetInsertPoint(else_block);
    Stmt(s->else_stmt);
    if (!Terminated()) b_.CreateBr(done);
  }
  b_.SetInsertPoint(done);
}

void FunctionContext::For(fe::ForStmt* s, fe::Stmt* label_stmt) {
  if (s->init) Stmt(s->init);
  // Escaping loop variables are reached through a slot holding the current
  // iteration's cell (see the post block below).
  if (auto* init = s->init ? s->init->As<fe::AssignStmt>() : nullptr; init && init->tok == Tok::kDefine) {
    for (fe::Expr* l : init->lhs) {
      auto* id = l->As<fe::Ident>();
      if (!id || !id->object || !id->object->escapes || !vars_.count(id->object)) continue;
      llvm::AllocaInst* slot = EntryAlloca(m_.Ptr(), id->name + ".cell");
      b_.CreateStore(vars_[id->object], slot);
      loop_cells_[id->object] = slot;
    }
  }
  llvm::BasicBlock* cond_block = NewBlock("for.cond");
  llvm::BasicBlock* body_block = NewBlock("for.body");
  llvm::BasicBlock* post_block = NewBlock("for.post");
  llvm::BasicBlock* done = NewBlock("for.done");
  b_.CreateBr(cond_block);
  b_.SetInsertPoint(cond_block);
  if (s->cond) {
    b_.CreateCondBr(Expr(s->cond), body_block, done);
  } else {
    b_.CreateBr(body_block);
  }
  b_.SetInsertPoint(body_block);
  targets_.push_back({label_stmt, done, post_block});
  StmtList(s->body->list);
  targets_.pop_back();
  if (!Terminated()) b_.CreateBr(post_block);
  b_.SetInsertPoint(post_block);
  // Go 1.22: each iteration has its own copy of the loop variables, declared before
  // the post statement and initialised from the previous iteration's. Only escaping
  // variables (captured or address-taken) can tell, so only they are copied.
  if (auto* init = s->init ? s->init->As<fe::AssignStmt>() : nullptr; init && init->tok == Tok::kDefine) {
    for (fe::Expr* l : init->lhs) {
      auto* id = l->As<fe::Ident>();
      if (!id || !id->object || !id->object->escapes) continue;
      llvm::Value* v = b_.CreateLoad(m_.LLVMType(id->object->type), VarAddr(id->object));
      llvm::Value* fresh = HeapAlloc(id->object->type);
      b_.CreateStore(v, fresh);
      // The cell lives in a stack slot so every use in the loop sees the current one.
      b_.CreateStore(fresh, loop_cells_[id->object]);
    }
  }
  if (s->post) Stmt(s->post);
  b_.CreateBr(cond_block);
  b_.SetInsertPoint(done);
}

void FunctionContext::RangeIndexed(fe::RangeStmt* s) {
  // Slices, arrays and pointers to arrays: the operand is evaluated once (an array
  // value is copied, as the spec requires when the value is used).
  fe::Type* u = s->x->type->Underlying();
  llvm::Value *base, *len;
  fe::Type* elem;
  if (auto* sl = u->As<fe::Slice>()) {
    llvm::Value* v = Expr(s->x);
    base = b_.CreateExtractValue(v, 0);
    len = b_.CreateExtractValue(v, 1);
    elem = sl->elem();
  } else if (auto* p = u->As<fe::Pointer>()) {
    auto* a = p->elem()->Underlying()->As<fe::Array>();
    base = Expr(s->x);
    len = ConstInt(a->len());
    elem = a->elem();
  } else {
    auto* a = u->As<fe::Array>();
    if (s->value && s->x->mode == fe::ExprMode::kVariable) {
      // Copied in memory: an array loaded as one LLVM value costs LLVM time
      // superlinear in its length (a [16384]*T took a minute to compile).
      base = EntryAlloca(m_.LLVMType(s->x->type), "rangecopy");
      llvm::Align align(m_.AlignOf(s->x->type));
      b_.CreateMemCpy(base, align, Addr(s->x), align, m_.SizeOf(s->x->type));
    } else {
      base = s->value ? Spill(Expr(s->x), "rangecopy") : nullptr;
      if (!s->value) Expr(s->x);
    }
    len = ConstInt(a->len());
    elem = a->elem();
  }
  llvm::BasicBlock* entry = b_.GetInsertBlock();
  llvm::BasicBlock* cond_block = NewBlock("range.cond");
  llvm::BasicBlock* body_block = NewBlock("range.body");
  llvm::BasicBlock* post_block = NewBlock("range.post");
  llvm::BasicBlock* done = NewBlock("range.done");
  b_.CreateBr(cond_block);
  b_.SetInsertPoint(cond_block);
  auto* index = b_.CreatePHI(m_.Int(), 2, "range.i");
  index->addIncoming(ConstInt(0), entry);
  b_.CreateCondBr(b_.CreateICmpSLT(index, len), body_block, done);
  b_.SetInsertPoint(body_block);
  BindRangeVars(s, index, s->value && base ? Deref(b_.CreateGEP(m_.LLVMType(elem), base, index), elem)
                                         : nullptr);
  targets_.push_back({s, done, post_block});
  StmtList(s->body->list);
  targets_.pop_back();
  if (!Terminated()) b_.CreateBr(post_block);
  b_.SetInsertPoint(post_block);
  llvm::Value* next = b_.CreateAdd(index, ConstInt(1));
  index->addIncoming(next, b_.GetInsertBlock());
  b_.CreateBr(cond_block);
  b_.SetInsertPoint(done);
}

// Binds the iteration values to the range statement's variables: fresh variables
// for :=, else an assignment in which both targets are evaluated before either is
// stored (`for i, x[i] = range y` indexes with the old i).
void FunctionContext::BindRangeVars(fe::RangeStmt* s, llvm::Value* key, llvm::Value* value) {
  fe::Expr* targets[2] = {s->key, s->value};
  llvm::Value* vals[2] = {key, value};
  llvm::Value* addrs[2] = {nullptr, nullptr};
  for (int i = 0; i < 2; ++i) {
    if (!targets[i] || !vals[i] || IsBlank(targets[i])) continue;
    if (s->tok == Tok::kDefine) {
      b_.CreateStore(vals[i], DeclareVar(targets[i]->As<fe::Ident>()->object));
    } else {
      addrs[i] = Addr(targets[i]);
    }
  }
  for (int i = 0; i < 2; ++i)
    if (addrs[i]) b_.CreateStore(vals[i], addrs[i]);
}

void FunctionContext::Range(fe::RangeStmt* s) {
  fe::Type* u = s->x->type->Underlying();
  if (u->As<fe::Func>()) return RangeFunc(s);
  if (u->As<fe::Map>()) return RangeMap(s);
  if (u->As<fe::Chan>()) return RangeChan(s);
  if (u->As<fe::Slice>() || u->As<fe::Array>() || u->As<fe::Pointer>()) return RangeIndexed(s);
  auto* basic = u->As<fe::Basic>();
  if (!basic || !(basic->IsString() || basic->IsInteger())) {
    Unsupported(s->pos, absl::StrCat("range over ", fe::TypeString(s->x->type)));
    return;
  }
  llvm::Value* x = Expr(s->x);
  llvm::BasicBlock* entry = b_.GetInsertBlock();
  llvm::BasicBlock* cond_block = NewBlock("range.cond");
  llvm::BasicBlock* body_block = NewBlock("range.body");
  llvm::BasicBlock* post_block = NewBlock("range.post");
  llvm::BasicBlock* done = NewBlock("range.done");
  llvm::Type* it = basic->IsInteger() ? x->getType() : m_.Int();
  b_.CreateBr(cond_block);
  b_.SetInsertPoint(cond_block);
  auto* index = b_.CreatePHI(it, 2, "range.i");
  index->addIncoming(llvm::ConstantInt::get(it, 0), entry);
  llvm::Value* next_index = nullptr;
  if (basic->IsInteger()) {
    b_.CreateCondBr(basic->IsUnsigned() ? b_.CreateICmpULT(index, x) : b_.CreateICmpSLT(index, x),
                    body_block, done);
    b_.SetInsertPoint(body_block);
    BindRangeVars(s, index, nullptr);
    targets_.push_back({s, done, post_block});
    StmtList(s->body->list);
    targets_.pop_back();
    if (!Terminated()) b_.CreateBr(post_block);
    b_.SetInsertPoint(post_block);
    next_index = b_.CreateAdd(index, llvm::ConstantInt::get(it, 1));
  } else {
    // for i, r := range s: decode one rune per iteration (runtime.decoderune).
    b_.CreateCondBr(b_.CreateICmpSLT(index, StringLen(x)), body_block, done);
    b_.SetInsertPoint(body_block);
    llvm::Value* dec = CallRuntime(RtFunc::k_decoderune, {StringPtr(x), StringLen(x), index});
    llvm::Value* r = b_.CreateExtractValue(dec, 0);
    llvm::Value* after = b_.CreateExtractValue(dec, 1);
    BindRangeVars(s, index, r);
    targets_.push_back({s, done, post_block});
    StmtList(s->body->list);
    targets_.pop_back();
    if (!Terminated()) b_.CreateBr(post_block);
    b_.SetInsertPoint(post_block);
    // The index after the rune decoded at the top of this iteration (the body's
    // first block dominates the post block).
    next_index = after;
  }
  index->addIncoming(next_index, b_.GetInsertBlock());
  b_.CreateBr(cond_block);
  b_.SetInsertPoint(done);
}

void FunctionContext::Switch(fe::SwitchStmt* s) {
  if (s->init) Stmt(s->init);
  llvm::Value* tag = s->tag ? Expr(s->tag) : nullptr;
  fe::Type* tag_t = s->tag ? fe::DefaultType(m_.types(), s->tag->type) : m_.types().basic(BasicKind::kBool);
  llvm::BasicBlock* done = NewBlock("switch.done");
  std::vector<llvm::BasicBlock*> bodies;
  for (size_t i = 0; i < s->clauses.size(); ++i) bodies.push_back(NewBlock("switch.case"));
  // Tests in source order; default last.
  int default_index = -1;
  for (size_t i = 0; i < s->clauses.size(); ++i) {
    fe::CaseClause* cc = s->clauses[i];
    if (cc->is_default) default_index = static_cast<int>(i);
    for (fe::Expr* v : cc->list) {
      llvm::Value* match;
      if (tag && !fe::IsInterface(tag_t) && fe::IsInterface(v->type)) {
        // A concrete tag against an interface case: compared as interfaces.
        match = Compare(Tok::kEql, ConvertAssign(tag, tag_t, v->type), Expr(v), v->type);
      } else if (tag) {
        match = Compare(Tok::kEql, tag, ExprAs(v, tag_t), tag_t);
      } else if (fe::IsInterface(v->type)) {
        // No tag is the tag true: an interface case compares its value with it.
        fe::Type* bool_t = m_.types().basic(BasicKind::kBool);
        llvm::Value* boxed_true =
            ConvertAssign(m_.ConstValue(fe::ConstValue::Bool(true), bool_t), bool_t, v->type);
        match = Compare(Tok::kEql, Expr(v), boxed_true, v->type);
      } else {
        match = Expr(v);
      }
      llvm::BasicBlock* next = NewBlock("switch.next");
      b_.CreateCondBr(match, bodies[i], next);
      b_.SetInsertPoint(next);
    }
  }
  b_.CreateBr(default_index >= 0 ? bodies[default_index] : done);
  targets_.push_back({s, done, nullptr});
  llvm::BasicBlock* saved_fallthrough = fallthrough_block_;
  for (size_t i = 0; i < s->clauses.size(); ++i) {
    b_.SetInsertPoint(bodies[i]);
    fallthrough_block_ = i + 1 < bodies.size() ? bodies[i + 1] : done;
    StmtList(s->clauses[i]->body);
    if (!Terminated()) b_.CreateBr(done);
  }
  targets_.pop_back();
  fallthrough_block_ = saved_fallthrough;
  b_.SetInsertPoint(done);
}

void FunctionContext::TypeSwitch(fe::TypeSwitchStmt* s) {
  if (s->init) Stmt(s->init);
  fe::TypeAssertExpr* ta = nullptr;
  if (auto* as = s->assign->As<fe::AssignStmt>()) ta = as->rhs[0]->As<fe::TypeAssertExpr>();
  if (auto* es = s->assign->As<fe::ExprStmt>()) ta = es->x->As<fe::TypeAssertExpr>();
  fe::Type* xt = ta->x->type;
  llvm::Value* x = Expr(ta->x);
  llvm::BasicBlock* done = NewBlock("typeswitch.done");
  std::vector<llvm::BasicBlock*> bodies;
  // Per clause, the itab/type of the single matched type, for binding the variable.
  std::vector<llvm::Value*> firsts(s->clauses.size(), nullptr);
  int default_index = -1;
  for (size_t i = 0; i < s->clauses.size(); ++i) bodies.push_back(NewBlock("typeswitch.case"));
  for (size_t i = 0; i < s->clauses.size(); ++i) {
    fe::CaseClause* cc = s->clauses[i];
    if (cc->is_default) default_index = static_cast<int>(i);
    for (fe::Expr* te : cc->list) {
      llvm::Value* match;
      llvm::Value* first = nullptr;
      if (auto* id = te->As<fe::Ident>(); id && id->object && id->object->kind == fe::ObjectKind::kNil) {
        match = b_.CreateIsNull(b_.CreateExtractValue(x, 0));
      } else {
        match = AssertMatch(x, xt, te->type, &first);
      }
      if (cc->list.size() == 1) firsts[i] = first;
      // Bind-time values must dominate the body: route through a per-test block.
      llvm::BasicBlock* next = NewBlock("typeswitch.next");
      b_.CreateCondBr(match, bodies[i], next);
      b_.SetInsertPoint(next);
    }
  }
  b_.CreateBr(default_index >= 0 ? bodies[default_index] : done);
  targets_.push_back({s, done, nullptr});
  for (size_t i = 0; i < s->clauses.size(); ++i) {
    fe::CaseClause* cc = s->clauses[i];
    b_.SetInsertPoint(bodies[i]);
    if (cc->implicit && cc->implicit->used) {
      fe::Object* v = cc->implicit;
      llvm::Value* val;
      if (firsts[i] && !fe::IsInterface(xt) == false && cc->list.size() == 1 && !fe::Identical(v->type, xt)) {
        val = AssertedValue(x, firsts[i], v->type);
      } else {
        val = ConvertAssign(x, xt, v->type);
      }
      b_.CreateStore(val, DeclareVar(v));
    }
    StmtList(cc->body);
    if (!Terminated()) b_.CreateBr(done);
  }
  targets_.pop_back();
  b_.SetInsertPoint(done);
}

void FunctionContext::Branch(fe::BranchStmt* s) {
  switch (s->tok) {
    case Tok::kFallthrough:
      b_.CreateBr(fallthrough_block_);
      break;
    case Tok::kGoto:
      JumpTo(Jump::kGoto, s->target);
      break;
    case Tok::kBreak:
      JumpTo(Jump::kBreak, s->target);
      break;
    case Tok::kContinue:
      JumpTo(Jump::kContinue, s->target);
      break;
    default:
      break;
  }
  StartDeadBlock();
}

}  // namespace gojit::ir
