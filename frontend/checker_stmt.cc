// Statements and function bodies (Go spec, "Statements", "Terminating statements",
// "Declarations and scope"): scopes per block, := declarations, assignment rules,
// returns against the signature, branch and label resolution, "declared and not
// used" and "missing return".
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "frontend/checker.h"

namespace gojit::frontend {

// gc's limit on a channel's element, checked as gc's types/size.go lays out a
// channel type: 64 kB. gc reports it at each local variable, named type and
// function (for its parameters and results) whose type is such a channel.
bool Checker::IsLargeElemChan(Type* t) {
  if (t == nullptr) return false;
  auto* ch = t->Underlying()->As<Chan>();
  return ch != nullptr && ch->elem() != nullptr && SizeOf(ch->elem()) >= (int64_t{1} << 16);
}

void Checker::ReportLargeElemChans() {
  for (Object* obj : pkg_objects_) {
    bool large = false;
    if (obj->kind == ObjectKind::kTypeName && !obj->generic_alias) {
      large = IsLargeElemChan(obj->type);
    } else if (obj->kind == ObjectKind::kFunc && obj->type != nullptr && !obj->generic) {
      if (auto* sig = obj->type->As<Func>()) {
        for (Tuple* tuple : {sig->params(), sig->results()}) {
          if (tuple == nullptr) continue;
          for (Type* t : tuple->elems()) large = large || IsLargeElemChan(t);
        }
      }
    }
    if (large) Errorf(obj->pos, "channel element type too large (>64kB)");
  }
}

void Checker::DeclareLocal(Scope* scope, Object* obj) {
  if (obj->name == "_") return;
  if (Object* prev = scope->Insert(obj)) {
    Errorf(obj->pos, "%s redeclared in this block\n\t%s: other declaration of %s", obj->name,
           program_.sources.Format(prev->pos), obj->name);
    return;
  }
  if (func_ && obj->kind == ObjectKind::kVar) func_->locals.push_back(obj);
  if (obj->kind == ObjectKind::kVar && IsLargeElemChan(obj->type)) {
    Errorf(obj->pos, "channel element type too large (>64kB)");
  }
}

void Checker::CheckFuncBody(Func* sig, const std::vector<Object*>& params,
                            const std::vector<Object*>& results, BlockStmt* body,
                            bool named_results) {
  FuncContext ctx;
  ctx.sig = sig;
  ctx.results = results;
  ctx.named_results = named_results;
  ctx.outer = func_;
  ctx.scope = scope_;
  FuncContext* saved = func_;
  func_ = &ctx;
  CheckLabels(body);
  CheckStmtList(body->list, scope_);
  if (!sig->results()->elems().empty() && !IsTerminatingList(body->list)) {
    Errorf(body->rbrace, "missing return");
  }
  for (Object* v : ctx.locals) {
    if (!v->used && v->name != "_") Errorf(v->pos, "declared and not used: %s", v->name);
  }
  func_ = saved;
}

// Declares every label of the body and reports unused ones (labels have function
// scope and are not block-structured), and a goto that jumps into a block: one
// enclosing the label but not the goto (gc's "goto L jumps into block starting at").
void Checker::CheckLabels(BlockStmt* body) {
  // The blocks around a statement, outermost first: each a block statement (its
  // '{') or a case clause of a switch or select.
  struct Block {
    const Node* node;
    Pos pos;
  };
  using Chain = std::vector<Block>;
  std::map<std::string, Chain> label_blocks;
  // Walks s and its nested statements with the chain of blocks around each; visit
  // is called for every statement.
  std::function<void(Stmt*, Chain&, const std::function<void(Stmt*, const Chain&)>&)> walk =
      [&](Stmt* s, Chain& chain, const std::function<void(Stmt*, const Chain&)>& visit) {
        if (!s) return;
        visit(s, chain);
        auto block = [&](const Node* n, Pos pos, const std::vector<Stmt*>& list) {
          chain.push_back({n, pos});
          for (Stmt* x : list) walk(x, chain, visit);
          chain.pop_back();
        };
        if (auto* ls = s->As<LabeledStmt>()) walk(ls->stmt, chain, visit);
        if (auto* b = s->As<BlockStmt>()) block(b, b->pos, b->list);
        if (auto* i = s->As<IfStmt>()) {
          walk(i->body, chain, visit);
          walk(i->else_stmt, chain, visit);
        }
        if (auto* f = s->As<ForStmt>()) walk(f->body, chain, visit);
        if (auto* r = s->As<RangeStmt>()) walk(r->body, chain, visit);
        if (auto* sw = s->As<SwitchStmt>()) for (auto* c : sw->clauses) block(c, c->pos, c->body);
        if (auto* ts = s->As<TypeSwitchStmt>()) for (auto* c : ts->clauses) block(c, c->pos, c->body);
        if (auto* sel = s->As<SelectStmt>()) for (auto* c : sel->clauses) block(c, c->pos, c->body);
      };
  Chain chain;
  auto declare = [&](Stmt* s, const Chain& around) {
    auto* ls = s->As<LabeledStmt>();
    if (!ls) return;
    const std::string& name = ls->label->name;
    if (name == "_") return;
    auto [it, inserted] = func_->labels.emplace(name, nullptr);
    if (!inserted) {
      Errorf(ls->label->pos, "label %s already defined at %s", name, program_.sources.Format(it->second->pos));
      return;
    }
    Object* l = program_.NewObject(ObjectKind::kLabel, name, ls->label->pos, pkg_);
    l->label_stmt = ls;
    it->second = l;
    ls->label->object = l;
    label_blocks[name] = around;
  };
  for (Stmt* s : body->list) walk(s, chain, declare);
  // Uses: goto anywhere; break/continue checked in CheckBranch.
  std::set<std::string> used;
  auto use = [&](Stmt* s, const Chain& around) {
    auto* br = s->As<BranchStmt>();
    if (!br || !br->label) return;
    used.insert(br->label->name);
    if (br->tok != Tok::kGoto) return;
    auto it = label_blocks.find(br->label->name);
    if (it == label_blocks.end()) return;
    const Chain& target = it->second;
    for (size_t k = 0; k < target.size(); ++k) {
      if (k < around.size() && around[k].node == target[k].node) continue;
      Errorf(br->label->pos, "goto %s jumps into block starting at %s", br->label->name,
             program_.sources.Format(target[k].pos));
      return;
    }
  };
  for (Stmt* s : body->list) walk(s, chain, use);
  for (auto& [name, obj] : func_->labels) {
    if (obj && !used.count(name)) Errorf(obj->pos, "label %s defined and not used", name);
  }
}

void Checker::CheckBlock(BlockStmt* block, Scope* scope) {
  Scope* inner = program_.NewScope(scope);
  CheckStmtList(block->list, inner);
}

void Checker::CheckStmtList(const std::vector<Stmt*>& list, Scope* scope) {
  for (size_t i = 0; i < list.size(); ++i) {
    Stmt* s = list[i];
    if (auto* br = s->As<BranchStmt>(); br && br->tok == Tok::kFallthrough) {
      // Valid fallthroughs are handled by CheckSwitch; anything reaching here is not.
      Errorf(s->pos, "fallthrough statement out of place");
      continue;
    }
    CheckStmt(s, scope);
  }
}

void Checker::CheckStmt(Stmt* s, Scope* scope) {
  Scope* saved = scope_;
  scope_ = scope;
  switch (s->kind) {
    case NodeKind::kEmptyStmt:
    case NodeKind::kBadStmt:
      break;
    case NodeKind::kExprStmt: {
      Expr* x = s->As<ExprStmt>()->x;
      CheckExpr(x);
      if (x->mode == ExprMode::kInvalid) break;
      Expr* u = Unparen(x);
      bool is_call = u->Is<CallExpr>() && u->As<CallExpr>()->fun->mode != ExprMode::kTypeExpr;
      bool is_recv = u->Is<UnaryExpr>() && u->As<UnaryExpr>()->op == Tok::kArrow;
      if (is_call && u->As<CallExpr>()->fun->mode == ExprMode::kBuiltin) {
        BuiltinId id = BuiltinOf(u->As<CallExpr>()->fun);
        bool statement_ok = id == BuiltinId::kPanic || id == BuiltinId::kPrint ||
                            id == BuiltinId::kPrintln || id == BuiltinId::kCopy ||
                            id == BuiltinId::kDelete || id == BuiltinId::kClose ||
                            id == BuiltinId::kRecover || id == BuiltinId::kClear;
        if (!statement_ok) {
          Errorf(StartPos(x), "%s is not used", Describe(x));
        }
        break;
      }
      if (!is_call && !is_recv) {
        Errorf(x->pos, "%s is not used", Describe(x));
      }
      break;
    }
    case NodeKind::kAssignStmt: {
      auto* as = s->As<AssignStmt>();
      if (as->tok == Tok::kDefine) CheckDefine(as, scope);
      else CheckAssign(as, scope);
      break;
    }
    case NodeKind::kIncDecStmt: {
      auto* st = s->As<IncDecStmt>();
      if (!CheckValue(st->x)) break;
      Basic* b = UBasic(st->x->type);
      if (!b || !b->IsNumeric()) {
        Errorf(st->pos, "invalid operation: %s%s (non-numeric type %s)", ExprString(st->x),
               TokSpelling(st->tok), TypeString(st->x->type));
        break;
      }
      if (st->x->mode != ExprMode::kVariable && st->x->mode != ExprMode::kMapIndex) {
        Errorf(StartPos(st->x), "cannot assign to %s (neither addressable nor a map index expression)",
               ExprString(st->x));
      }
      break;
    }
    case NodeKind::kDeclStmt:
      CheckLocalDecl(s->As<DeclStmt>()->decl, scope);
      break;
    case NodeKind::kBlockStmt:
      CheckBlock(s->As<BlockStmt>(), scope);
      break;
    case NodeKind::kReturnStmt:
      CheckReturn(s->As<ReturnStmt>());
      break;
    case NodeKind::kIfStmt:
      CheckIf(s->As<IfStmt>(), scope);
      break;
    case NodeKind::kForStmt:
      CheckFor(s->As<ForStmt>(), scope);
      break;
    case NodeKind::kRangeStmt:
      CheckRange(s->As<RangeStmt>(), scope);
      break;
    case NodeKind::kSwitchStmt:
      CheckSwitch(s->As<SwitchStmt>(), scope);
      break;
    case NodeKind::kTypeSwitchStmt:
      CheckTypeSwitch(s->As<TypeSwitchStmt>(), scope);
      break;
    case NodeKind::kSelectStmt:
      CheckSelect(s->As<SelectStmt>(), scope);
      break;
    case NodeKind::kBranchStmt:
      CheckBranch(s->As<BranchStmt>());
      break;
    case NodeKind::kLabeledStmt: {
      auto* ls = s->As<LabeledStmt>();
      Stmt* inner = ls->stmt;
      bool loop_or_switch = inner && (inner->Is<ForStmt>() || inner->Is<RangeStmt>() ||
                                      inner->Is<SwitchStmt>() || inner->Is<TypeSwitchStmt>() ||
                                      inner->Is<SelectStmt>());
      if (loop_or_switch) {
        targets_.push_back({inner, ls->label->name, inner->Is<ForStmt>() || inner->Is<RangeStmt>()});
        // The statement pushes its own unlabeled target too; mark it as labeled.
        CheckStmt(inner, scope);
        targets_.pop_back();
      } else if (inner) {
        CheckStmt(inner, scope);
      }
      break;
    }
    case NodeKind::kGoStmt:
    case NodeKind::kDeferStmt: {
      CallExpr* call = s->Is<GoStmt>() ? s->As<GoStmt>()->call : s->As<DeferStmt>()->call;
      Expr* x = s->Is<GoStmt>() ? s->As<GoStmt>()->x : s->As<DeferStmt>()->x;
      const char* what = s->Is<GoStmt>() ? "go" : "defer";
      if (!call) {
        // gc reports the operand, then still checks it (undefined names in it).
        if (x && x->Is<BadExpr>()) break;
        Errorf(x ? x->pos : s->pos, "expression in %s must be function call", what);
        if (x) CheckExpr(x);
        break;
      }
      CheckExpr(call);
      if (call->mode == ExprMode::kInvalid) break;
      if (call->fun->mode == ExprMode::kTypeExpr) {
        Errorf(StartPos(call), "%s requires function call, not conversion %s", what, Describe(call));
      } else if (call->fun->mode == ExprMode::kBuiltin) {
        BuiltinId id = BuiltinOf(call->fun);
        bool ok = id == BuiltinId::kPanic || id == BuiltinId::kPrint || id == BuiltinId::kPrintln ||
                  id == BuiltinId::kCopy || id == BuiltinId::kDelete || id == BuiltinId::kClose ||
                  id == BuiltinId::kRecover || id == BuiltinId::kClear;
        if (!ok) Errorf(StartPos(call), "%s discards result of %s", what, Describe(call));
      }
      break;
    }
    case NodeKind::kSendStmt: {
      auto* ss = s->As<SendStmt>();
      bool ok = CheckValue(ss->chan);
      ok = CheckValue(ss->value) && ok;
      if (!ok) break;
      Chan* c = ss->chan->type->Underlying()->As<Chan>();
      if (!c) {
        Errorf(ss->pos, "invalid operation: cannot send to non-channel %s", Describe(ss->chan));
        break;
      }
      if (c->dir() == ChanDir::kRecv) {
        Errorf(ss->pos, "invalid operation: cannot send to receive-only channel %s", Describe(ss->chan));
        break;
      }
      Assign(ss->value, c->elem(), "send");
      break;
    }
    default:
      Unsupported(s->pos, NodeKindName(s->kind));
  }
  scope_ = saved;
}

void Checker::CheckLocalDecl(GenDecl* d, Scope* scope) {
  for (Spec* spec : d->specs) {
    if (auto* vs = spec->As<ValueSpec>()) {
      std::vector<Object*> objs;
      for (Ident* id : vs->names) {
        Object* obj = program_.NewObject(d->tok == Tok::kConst ? ObjectKind::kConst : ObjectKind::kVar,
                                         id->name, id->pos, pkg_);
        obj->value_spec = vs;
        obj->spec_index = static_cast<int>(objs.size());
        id->object = obj;
        objs.push_back(obj);
      }
      if (d->tok == Tok::kConst) {
        for (Object* o : objs) {
          ResolveConst(o);
          o->used = true;  // unused constants are not an error
        }
      } else {
        // Reuse ResolveVar's logic: it reads value_spec and the Idents' objects. The
        // initialiser's references count for the enclosing function (decl_).
        ResolveVar(objs[0]);
        for (Object* o : objs) o->color = Object::Color::kBlack;
      }
      // Declared after the initialisers are checked: `var x = x` refers to the outer x.
      for (Object* o : objs) DeclareLocal(scope, o);
    } else if (auto* ts = spec->As<TypeSpec>()) {
      Object* obj = program_.NewObject(ObjectKind::kTypeName, ts->name->name, ts->name->pos, pkg_);
      obj->type_spec = ts;
      obj->instance_args = instance_args_;  // one type per instance: pair[int], pair[string]
      ts->name->object = obj;
      DeclareLocal(scope, obj);
      Scope* saved = scope_;
      scope_ = scope;
      // Grey while resolved, as ResolveObject colours package-level types: a
      // local `type T = T` then meets itself and is reported as a cycle.
      obj->color = Object::Color::kGrey;
      type_path_.push_back(obj);
      ResolveTypeName(obj);
      type_path_.pop_back();
      obj->color = Object::Color::kBlack;
      ReportTypeCycles();  // a local type declaration is complete at once (type T T)
      ReportPendingMapKeys();
      scope_ = saved;
    }
  }
}

void Checker::CheckAssign(AssignStmt* s, Scope* scope) {
  if (s->tok != Tok::kAssign) {
    // x op= y is x = x op y with x evaluated once.
    if (s->lhs.size() != 1 || s->rhs.size() != 1) {
      Errorf(s->tok_pos, "assignment operation %s requires single-valued expressions", TokSpelling(s->tok));
      return;
    }
    static const std::map<Tok, Tok> kOps = {
        {Tok::kAddAssign, Tok::kAdd}, {Tok::kSubAssign, Tok::kSub}, {Tok::kMulAssign, Tok::kMul},
        {Tok::kQuoAssign, Tok::kQuo}, {Tok::kRemAssign, Tok::kRem}, {Tok::kAndAssign, Tok::kAnd},
        {Tok::kOrAssign, Tok::kOr},   {Tok::kXorAssign, Tok::kXor}, {Tok::kShlAssign, Tok::kShl},
        {Tok::kShrAssign, Tok::kShr}, {Tok::kAndNotAssign, Tok::kAndNot}};
    BinaryExpr bin(s->tok_pos, kOps.at(s->tok), s->lhs[0], s->rhs[0]);
    CheckBinary(&bin);
    if (bin.mode == ExprMode::kInvalid) return;
    Expr* x = s->lhs[0];
    if (x->mode != ExprMode::kVariable && x->mode != ExprMode::kMapIndex) {
      Errorf(StartPos(x), "cannot assign to %s (neither addressable nor a map index expression)",
             ExprString(x));
      return;
    }
    if (bin.op != Tok::kShl && bin.op != Tok::kShr && IsUntyped(s->rhs[0]->type))
      Convert(s->rhs[0], x->type);
    return;
  }
  // Left-hand sides: checked without marking plain identifiers as used.
  auto check_lhs = [&](Expr* x) -> Type* {
    Expr* u = Unparen(x);
    if (auto* id = u->As<Ident>(); id && id->name == "_") {
      id->mode = ExprMode::kVariable;
      return nullptr;
    }
    bool was_used = false;
    Object* obj = nullptr;
    if (auto* id = u->As<Ident>()) {
      obj = scope_->Lookup(id->name);
      if (obj && obj->kind == ObjectKind::kVar) was_used = obj->used;
    }
    CheckExpr(x);
    if (obj && obj->kind == ObjectKind::kVar && !obj->is_global) obj->used = was_used;
    if (x->mode == ExprMode::kInvalid) return types_.basic(BasicKind::kInvalid);
    if (x->mode != ExprMode::kVariable && x->mode != ExprMode::kMapIndex) {
      if (auto* sel = u->As<SelectorExpr>(); sel && sel->x->mode == ExprMode::kMapIndex) {
        Errorf(StartPos(x), "cannot assign to struct field %s in map", ExprString(x));
      } else {
        Errorf(StartPos(x), "cannot assign to %s (neither addressable nor a map index expression)",
               ExprString(x));
      }
      return types_.basic(BasicKind::kInvalid);
    }
    return x->type;
  };
  std::vector<Type*> lhs_types;
  for (Expr* x : s->lhs) lhs_types.push_back(check_lhs(x));
  auto assign_one = [&](Expr* rhs, Type* t) {
    if (!t) {  // blank
      if (CheckValue(rhs) && IsBasicKind(rhs->type, BasicKind::kUntypedNil))
        Errorf(rhs->pos, "use of untyped nil in assignment");
      else DefaultConvert(rhs);
      return;
    }
    bool ok = s->lhs.size() == 1 ? CheckSingleRhs(rhs, t, s->lhs[0]->pos) : CheckValue(rhs, t);
    if (ok) Assign(rhs, t, "assignment");
  };
  if (s->lhs.size() == s->rhs.size()) {
    for (size_t i = 0; i < s->lhs.size(); ++i) {
      if (lhs_types[i] && IsBasicKind(lhs_types[i], BasicKind::kInvalid)) {
        CheckExpr(s->rhs[i]);
        continue;
      }
      assign_one(s->rhs[i], lhs_types[i]);
    }
    return;
  }
  if (s->rhs.size() == 1) {
    Expr* e = s->rhs[0];
    CheckExpr(e);
    if (e->mode == ExprMode::kInvalid) return;
    if ((e->mode == ExprMode::kCommaOk || e->mode == ExprMode::kMapIndex) && s->lhs.size() == 2) {
      if (lhs_types[0]) Assign(e, lhs_types[0], "assignment");
      // The untyped bool goes to any type bool is assignable to (bool types and
      // interfaces without methods).
      std::string reason;
      Basic* ok_basic = lhs_types[1] ? lhs_types[1]->Underlying()->As<Basic>() : nullptr;
      if (lhs_types[1] && !(ok_basic && ok_basic->IsBoolean()) &&
          !Assignable(types_.basic(BasicKind::kBool), nullptr, lhs_types[1], &reason))
        Errorf(s->lhs[1]->pos, "cannot use untyped bool value as %s value in assignment", TypeString(lhs_types[1]));
      return;
    }
    Tuple* t = e->type ? e->type->As<Tuple>() : nullptr;
    if (!t || t->size() != s->lhs.size()) {
      MismatchError(s->lhs[0]->pos, s->lhs.size(), e, 1);
      return;
    }
    for (size_t i = 0; i < s->lhs.size(); ++i) {
      std::string reason;
      if (lhs_types[i] && !Assignable(t->elems()[i], nullptr, lhs_types[i], &reason))
        Errorf(e->pos, "cannot use %s (value of type %s) as %s value in assignment%s", ExprString(e),
               TypeString(t->elems()[i]), TypeString(lhs_types[i]),
               reason.empty() ? "" : absl::StrCat(": ", reason));
    }
    return;
  }
  for (Expr* r : s->rhs) CheckExpr(r);
  MismatchError(s->rhs[0]->pos, s->lhs.size(), nullptr, s->rhs.size());
}

void Checker::CheckDefine(AssignStmt* s, Scope* scope) {
  // Right-hand sides first, in the enclosing scope.
  std::vector<Type*> rhs_types;
  bool ok = true;
  if (s->lhs.size() == s->rhs.size()) {
    for (Expr* r : s->rhs) {
      bool good = s->rhs.size() == 1 ? CheckSingleRhs(r, nullptr, s->lhs[0]->pos) : CheckValue(r);
      if (!good) {
        ok = false;
        rhs_types.push_back(nullptr);
        continue;
      }
      if (IsBasicKind(r->type, BasicKind::kUntypedNil)) {
        Errorf(r->pos, "use of untyped nil in assignment");
        ok = false;
        rhs_types.push_back(nullptr);
        continue;
      }
      DefaultConvert(r);
      rhs_types.push_back(r->type);
    }
  } else if (s->rhs.size() == 1) {
    Expr* e = s->rhs[0];
    CheckExpr(e);
    if (e->mode == ExprMode::kInvalid) {
      ok = false;
    } else if ((e->mode == ExprMode::kCommaOk || e->mode == ExprMode::kMapIndex) && s->lhs.size() == 2) {
      rhs_types = {e->type, types_.basic(BasicKind::kBool)};
    } else {
      Tuple* t = e->type ? e->type->As<Tuple>() : nullptr;
      if (!t || t->size() != s->lhs.size()) {
        MismatchError(s->lhs[0]->pos, s->lhs.size(), e, 1);
        ok = false;
      } else {
        rhs_types = t->elems();
      }
    }
  } else {
    for (Expr* r : s->rhs) CheckExpr(r);
    MismatchError(s->rhs[0]->pos, s->lhs.size(), nullptr, s->rhs.size());
    ok = false;
  }
  bool any_new = false;
  std::vector<Object*> fresh;
  for (size_t i = 0; i < s->lhs.size(); ++i) {
    auto* id = s->lhs[i]->As<Ident>();
    if (!id) {
      Errorf(s->lhs[i]->pos, "non-name %s on left side of :=", ExprString(s->lhs[i]));
      continue;
    }
    Type* t = ok && i < rhs_types.size() ? rhs_types[i] : nullptr;
    if (id->name == "_") {
      id->mode = ExprMode::kVariable;
      continue;
    }
    if (Object* prev = scope->LookupLocal(id->name); prev && prev->kind == ObjectKind::kVar) {
      // Redeclared in the same scope: plain assignment.
      id->object = prev;
      id->mode = ExprMode::kVariable;
      id->type = prev->type;
      if (t && prev->type) {
        std::string reason;
        if (Assignable(t, nullptr, prev->type, &reason)) {
          // fine
        } else if (i < s->rhs.size() && s->lhs.size() == s->rhs.size()) {
          Assign(s->rhs[i], prev->type, "assignment");
        } else if (s->rhs.size() == 1 && s->rhs[0]->type && s->rhs[0]->type->As<Tuple>()) {
          // One result of a call with several.
          Errorf(StartPos(s->rhs[0]), "cannot use %s (value of type %s) as %s value in assignment%s",
                 ExprString(s->rhs[0]), TypeString(t), TypeString(prev->type),
                 reason.empty() ? "" : absl::StrCat(": ", reason));
        }
      }
      continue;
    }
    for (Object* f : fresh)
      if (f->name == id->name) Errorf(id->pos, "%s repeated on left side of :=", id->name);
    Object* obj = program_.NewObject(ObjectKind::kVar, id->name, id->pos, pkg_);
    obj->type = t ? t : types_.basic(BasicKind::kInvalid);
    if (!t) obj->used = true;  // avoid a follow-on "declared and not used"
    id->object = obj;
    id->type = obj->type;
    id->mode = ExprMode::kVariable;
    fresh.push_back(obj);
    any_new = true;
  }
  for (Object* o : fresh) DeclareLocal(scope, o);
  if (!any_new && ok) Errorf(s->tok_pos, "no new variables on left side of :=");
}

void Checker::CheckReturn(ReturnStmt* s) {
  auto& want = func_->sig->results()->elems();
  auto want_str = [&] {
    std::vector<std::string> parts;
    for (Type* t : want) parts.push_back(TypeString(t));
    return absl::StrCat("(", absl::StrJoin(parts, ", "), ")");
  };
  if (s->results.empty()) {
    if (!want.empty() && !func_->named_results) {
      Errorf(s->pos, "not enough return values\n\thave ()\n\twant %s", want_str());
    }
    if (func_->named_results) {
      // A result shadowed in an inner scope makes a bare return an error.
      for (Object* r : func_->results) {
        Object* visible = scope_->Lookup(r->name);
        if (visible && visible != r && !r->name.empty() && r->name != "_")
          Errorf(s->pos, "result parameter %s not in scope at return\n\t%s: inner declaration of var %s %s",
                 r->name, program_.sources.Format(visible->pos), r->name,
                 visible->type ? TypeString(visible->type) : "invalid type");
      }
    }
    return;
  }
  std::vector<Type*> have;
  bool spread = false;
  if (s->results.size() == 1 && want.size() != 1) {
    CheckExpr(s->results[0]);
    if (s->results[0]->mode == ExprMode::kInvalid) return;
    if (auto* t = s->results[0]->type ? s->results[0]->type->As<Tuple>() : nullptr) {
      have = t->elems();
      spread = true;
    }
  }
  if (!spread) {
    for (size_t i = 0; i < s->results.size(); ++i) {
      if (s->results.size() == 1 && want.size() != 1) {
        if (!CheckValue(s->results[i])) return;
      } else if (!CheckValue(s->results[i], i < want.size() ? want[i] : nullptr)) {
        return;
      }
      Expr* r = s->results[i];
      have.push_back(r->type);
    }
  }
  if (have.size() != want.size()) {
    std::vector<std::string> parts;
    for (Type* t : have) parts.push_back(SummaryTypeString(t));
    Errorf(s->results[0]->pos, "%s return values\n\thave (%s)\n\twant %s",
           have.size() < want.size() ? "not enough" : "too many", absl::StrJoin(parts, ", "), want_str());
    return;
  }
  if (spread) {
    for (size_t i = 0; i < want.size(); ++i) {
      std::string reason;
      if (!Assignable(have[i], nullptr, want[i], &reason))
        Errorf(s->results[0]->pos, "cannot use %s (value of type %s) as %s value in return statement%s",
               ExprString(s->results[0]), TypeString(have[i]), TypeString(want[i]),
               reason.empty() ? "" : absl::StrCat(": ", reason));
    }
    return;
  }
  for (size_t i = 0; i < want.size(); ++i) Assign(s->results[i], want[i], "return statement");
}

void Checker::CheckIf(IfStmt* s, Scope* scope) {
  Scope* inner = program_.NewScope(scope);
  if (s->init) CheckStmt(s->init, inner);
  scope_ = inner;
  if (s->cond && CheckValue(s->cond)) {
    Basic* b = UBasic(s->cond->type);
    if (!b || !b->IsBoolean()) {
      Errorf(s->cond->pos, "non-boolean condition in if statement");
    } else {
      DefaultConvert(s->cond);
    }
  }
  CheckBlock(s->body, inner);
  if (s->else_stmt) CheckStmt(s->else_stmt, inner);
}

void Checker::CheckFor(ForStmt* s, Scope* scope) {
  Scope* inner = program_.NewScope(scope);
  if (s->init) CheckStmt(s->init, inner);
  scope_ = inner;
  if (s->cond && CheckValue(s->cond)) {
    Basic* b = UBasic(s->cond->type);
    if (!b || !b->IsBoolean()) Errorf(s->cond->pos, "non-boolean condition in for statement");
    else DefaultConvert(s->cond);
  }
  if (s->post) {
    if (auto* as = s->post->As<AssignStmt>(); as && as->tok == Tok::kDefine)
      Errorf(as->tok_pos, "cannot declare in post statement of for loop");
    else CheckStmt(s->post, inner);
  }
  bool labeled = !targets_.empty() && targets_.back().stmt == s;
  if (!labeled) targets_.push_back({s, "", true});
  CheckBlock(s->body, inner);
  if (!labeled) targets_.pop_back();
}

void Checker::CheckRange(RangeStmt* s, Scope* scope) {
  Scope* inner = program_.NewScope(scope);
  scope_ = scope;
  if (!CheckValue(s->x)) {
    CheckBlock(s->body, inner);
    return;
  }
  Type* key = nullptr;
  Type* value = nullptr;
  Type* u = s->x->type->Underlying();
  if (auto* p = u->As<Pointer>(); p && p->elem()->Underlying()->As<Array>()) u = p->elem()->Underlying();
  if (auto* b = u->As<Basic>(); b && b->IsString()) {
    DefaultConvert(s->x);
    key = types_.basic(BasicKind::kInt);
    value = types_.rune_type();
  } else if (auto* b2 = u->As<Basic>(); b2 && b2->IsInteger()) {
    // Go 1.22: range over an integer.
    DefaultConvert(s->x);
    key = s->x->type;
    if (s->value) Errorf(s->value->pos, "range over %s permits only one iteration variable", Describe(s->x));
  } else if (auto* a = u->As<Array>()) {
    key = types_.basic(BasicKind::kInt);
    value = a->elem();
  } else if (auto* sl = u->As<Slice>()) {
    key = types_.basic(BasicKind::kInt);
    value = sl->elem();
  } else if (auto* m = u->As<Map>()) {
    key = m->key();
    value = m->elem();
  } else if (auto* c = u->As<Chan>()) {
    key = c->elem();
    if (s->value) Errorf(s->value->pos, "range over %s permits only one iteration variable", Describe(s->x));
  } else if (auto* f = u->As<Func>()) {
    // Go 1.23: range over a function func(yield func(K, V) bool). The body becomes
    // the yield function (ir/range_func.cc), so the variables it uses from outside
    // are captured by reference, as a function literal's are: `inner` is a function
    // scope for the escape rule in CheckIdent.
    std::string why;
    Func* yield = nullptr;
    if (f->params()->elems().size() != 1) {
      why = "wrong argument count";
    } else if (!f->results()->elems().empty()) {
      why = "unexpected results";
    } else if (yield = f->params()->elems()[0]->Underlying()->As<Func>(); !yield) {
      why = "argument is not func";
    } else if (yield->params()->elems().size() > 2) {
      why = "yield func has too many parameters";
    } else if (yield->results()->elems().size() != 1 ||
               !Identical(yield->results()->elems()[0], types_.basic(BasicKind::kBool))) {
      bool boolean = yield->results()->elems().size() == 1 &&
                     yield->results()->elems()[0]->Underlying() == types_.basic(BasicKind::kBool);
      why = boolean ? "yield func returns user-defined boolean, not bool" : "yield func does not return bool";
    }
    if (!why.empty()) {
      Errorf(s->x->pos, "cannot range over %s: func must be func(yield func(...) bool): %s", Describe(s->x), why);
      CheckBlock(s->body, inner);
      return;
    }
    size_t arity = yield->params()->elems().size();
    if (arity >= 1) key = yield->params()->elems()[0];
    if (arity >= 2) value = yield->params()->elems()[1];
    if (arity == 0 && (s->key || s->value)) {
      Errorf((s->key ? s->key : s->value)->pos, "range over %s permits no iteration variables", Describe(s->x));
    } else if (arity == 1 && s->value) {
      Errorf(s->value->pos, "range over %s permits only one iteration variable", Describe(s->x));
    }
    inner->is_func = true;
  } else {
    Errorf(s->x->pos, "cannot range over %s", Describe(s->x));
    CheckBlock(s->body, inner);
    return;
  }
  Expr* vars[2] = {s->key, s->value};
  Type* var_types[2] = {key, value};
  if (s->tok == Tok::kDefine) {
    std::vector<Object*> fresh;
    for (int i = 0; i < 2; ++i) {
      if (!vars[i]) continue;
      auto* id = vars[i]->As<Ident>();
      if (!id) {
        Errorf(vars[i]->pos, "non-name %s on left side of :=", ExprString(vars[i]));
        continue;
      }
      id->mode = ExprMode::kVariable;
      id->type = var_types[i];
      if (id->name == "_") continue;
      Object* obj = program_.NewObject(ObjectKind::kVar, id->name, id->pos, pkg_);
      obj->type = var_types[i];
      id->object = obj;
      fresh.push_back(obj);
    }
    for (Object* o : fresh) DeclareLocal(inner, o);
  } else if (s->tok == Tok::kAssign) {
    // Over a function, the targets are assigned inside the yield function.
    scope_ = inner;
    for (int i = 0; i < 2; ++i) {
      if (!vars[i]) continue;
      if (auto* id = vars[i]->As<Ident>(); id && id->name == "_") {
        id->mode = ExprMode::kVariable;
        continue;
      }
      CheckExpr(vars[i]);
      if (vars[i]->mode == ExprMode::kInvalid) continue;
      if (vars[i]->mode != ExprMode::kVariable && vars[i]->mode != ExprMode::kMapIndex) {
        Errorf(StartPos(vars[i]), "cannot assign to %s (neither addressable nor a map index expression)",
               ExprString(vars[i]));
        continue;
      }
      std::string reason;
      if (var_types[i] && !Assignable(var_types[i], nullptr, vars[i]->type, &reason))
        Errorf(vars[i]->pos, "cannot use %s (value of type %s) as %s value in assignment",
               ExprString(vars[i]), TypeString(var_types[i]), TypeString(vars[i]->type));
    }
  }
  bool labeled = !targets_.empty() && targets_.back().stmt == s;
  if (!labeled) targets_.push_back({s, "", true});
  CheckBlock(s->body, inner);
  if (!labeled) targets_.pop_back();
}

void Checker::CheckBranch(BranchStmt* s) {
  switch (s->tok) {
    case Tok::kGoto: {
      auto it = func_->labels.find(s->label->name);
      if (it == func_->labels.end() || !it->second) {
        Errorf(s->label->pos, "label %s not defined", s->label->name);
        return;
      }
      s->target = it->second->label_stmt;
      return;
    }
    case Tok::kBreak:
    case Tok::kContinue: {
      bool is_break = s->tok == Tok::kBreak;
      if (s->label) {
        for (auto it = targets_.rbegin(); it != targets_.rend(); ++it) {
          if (it->label == s->label->name) {
            if (!is_break && !it->is_loop) {
              Errorf(s->label->pos, "invalid continue label %s", s->label->name);
              return;
            }
            s->target = it->stmt;
            return;
          }
        }
        if (func_->labels.count(s->label->name))
          Errorf(s->label->pos, "invalid %s label %s", is_break ? "break" : "continue", s->label->name);
        else
          Errorf(s->label->pos, "%s label not defined: %s", is_break ? "break" : "continue", s->label->name);
        return;
      }
      for (auto it = targets_.rbegin(); it != targets_.rend(); ++it) {
        if (is_break || it->is_loop) {
          s->target = it->stmt;
          return;
        }
      }
      if (is_break) Errorf(s->pos, "break is not in a loop, switch, or select");
      else Errorf(s->pos, "continue is not in a loop");
      return;
    }
    default:
      return;
  }
}

bool Checker::IsTerminatingList(const std::vector<Stmt*>& list) {
  // Trailing empty statements do not count.
  for (auto it = list.rbegin(); it != list.rend(); ++it) {
    if ((*it)->Is<EmptyStmt>()) continue;
    return IsTerminating(*it, "");
  }
  return false;
}

// Go spec, "Terminating statements".
bool Checker::IsTerminating(Stmt* s, const std::string& label) {
  switch (s->kind) {
    case NodeKind::kReturnStmt:
      return true;
    case NodeKind::kBranchStmt: {
      auto* b = s->As<BranchStmt>();
      return b->tok == Tok::kGoto || b->tok == Tok::kFallthrough;
    }
    case NodeKind::kExprStmt: {
      Expr* x = Unparen(s->As<ExprStmt>()->x);
      if (auto* c = x->As<CallExpr>(); c && c->fun->mode == ExprMode::kBuiltin) {
        return BuiltinOf(c->fun) == BuiltinId::kPanic;
      }
      // os.Exit is not terminating in the spec's sense.
      return false;
    }
    case NodeKind::kBlockStmt:
      return IsTerminatingList(s->As<BlockStmt>()->list);
    case NodeKind::kIfStmt: {
      auto* i = s->As<IfStmt>();
      return i->else_stmt && IsTerminatingList(i->body->list) && IsTerminating(i->else_stmt, "");
    }
    case NodeKind::kLabeledStmt: {
      auto* l = s->As<LabeledStmt>();
      return IsTerminating(l->stmt, l->label->name);
    }
    case NodeKind::kForStmt: {
      auto* f = s->As<ForStmt>();
      return !f->cond && !HasBreak(f->body, s, true);
    }
    case NodeKind::kSwitchStmt:
    case NodeKind::kTypeSwitchStmt:
    case NodeKind::kSelectStmt: {
      bool has_default = false;
      std::vector<const std::vector<Stmt*>*> bodies;
      if (auto* sw = s->As<SwitchStmt>())
        for (auto* c : sw->clauses) { has_default |= c->is_default; bodies.push_back(&c->body); }
      if (auto* ts = s->As<TypeSwitchStmt>())
        for (auto* c : ts->clauses) { has_default |= c->is_default; bodies.push_back(&c->body); }
      if (auto* sel = s->As<SelectStmt>()) {
        has_default = true;  // select needs no default
        for (auto* c : sel->clauses) bodies.push_back(&c->body);
      }
      if (!has_default) return false;
      for (auto* body : bodies) {
        if (!IsTerminatingList(*body)) return false;
        for (Stmt* x : *body)
          if (HasBreak(x, s, true)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

// Whether s contains a break that leaves target (unlabeled breaks count only when
// not nested in another breakable statement).
bool Checker::HasBreak(Stmt* s, Stmt* target, bool implicit) {
  if (!s) return false;
  switch (s->kind) {
    case NodeKind::kBranchStmt: {
      auto* b = s->As<BranchStmt>();
      return b->tok == Tok::kBreak && ((b->label == nullptr && implicit) || b->target == target);
    }
    case NodeKind::kBlockStmt:
      for (Stmt* x : s->As<BlockStmt>()->list)
        if (HasBreak(x, target, implicit)) return true;
      return false;
    case NodeKind::kLabeledStmt:
      return HasBreak(s->As<LabeledStmt>()->stmt, target, implicit);
    case NodeKind::kIfStmt: {
      auto* i = s->As<IfStmt>();
      return HasBreak(i->body, target, implicit) || HasBreak(i->else_stmt, target, implicit);
    }
    case NodeKind::kCaseClause:
      for (Stmt* x : s->As<CaseClause>()->body)
        if (HasBreak(x, target, implicit)) return true;
      return false;
    case NodeKind::kCommClause:
      for (Stmt* x : s->As<CommClause>()->body)
        if (HasBreak(x, target, implicit)) return true;
      return false;
    case NodeKind::kForStmt:
      return HasBreak(s->As<ForStmt>()->body, target, false);
    case NodeKind::kRangeStmt:
      return HasBreak(s->As<RangeStmt>()->body, target, false);
    case NodeKind::kSwitchStmt:
      for (auto* c : s->As<SwitchStmt>()->clauses)
        if (HasBreak(c, target, false)) return true;
      return false;
    case NodeKind::kTypeSwitchStmt:
      for (auto* c : s->As<TypeSwitchStmt>()->clauses)
        if (HasBreak(c, target, false)) return true;
      return false;
    case NodeKind::kSelectStmt:
      for (auto* c : s->As<SelectStmt>()->clauses)
        if (HasBreak(c, target, false)) return true;
      return false;
    default:
      return false;
  }
}

}  // namespace gojit::frontend
