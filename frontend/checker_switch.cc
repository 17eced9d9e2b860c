// Switch, type switch and select statements (Go spec, "Switch statements",
// "Select statements"): tag and case types, gc's duplicate-case rules, type switch
// guards and their per-clause variables, select's communication clauses.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "frontend/checker.h"

namespace gojit::frontend {

// A second default clause of a switch, type switch or select: types2 reports it at
// the clause, pointing at the first.
void Checker::ReportMultipleDefaults(Pos pos, std::optional<Pos>* first) {
  if (*first) {
    Errorf(pos, "multiple defaults (first at %s)", program_.sources.Format(**first));
  } else {
    *first = pos;
  }
}

void Checker::CheckSwitch(SwitchStmt* s, Scope* scope) {
  Scope* inner = program_.NewScope(scope);
  if (s->init) CheckStmt(s->init, inner);
  scope_ = inner;
  Type* tag_type = types_.basic(BasicKind::kBool);
  bool tag_ok = true;
  if (s->tag) {
    tag_ok = CheckValue(s->tag);
    if (tag_ok) {
      if (IsBasicKind(s->tag->type, BasicKind::kUntypedNil)) {
        Errorf(s->tag->pos, "use of untyped nil in switch expression");
        tag_ok = false;
      } else {
        DefaultConvert(s->tag);
        tag_type = s->tag->type;
        // As types2: a slice, map or func tag is allowed, its cases then being nil.
        Type* u = tag_type->Underlying();
        if (!IsComparable(tag_type) && !u->As<Slice>() && !u->As<Map>() && !u->As<Func>()) {
          Errorf(s->tag->pos, "cannot switch on %s (%s is not comparable)", Describe(s->tag),
                 TypeString(tag_type));
          tag_ok = false;
        }
      }
    }
  }
  bool labeled = !targets_.empty() && targets_.back().stmt == s;
  if (!labeled) targets_.push_back({s, "", false});
  std::optional<Pos> first_default;
  struct SeenCase {
    ConstValue value;
    Type* type;  // a case 0 and a case int64(0) of an interface switch differ
    Pos pos;
  };
  std::vector<SeenCase> seen;
  for (size_t ci = 0; ci < s->clauses.size(); ++ci) {
    CaseClause* cc = s->clauses[ci];
    if (cc->is_default) ReportMultipleDefaults(cc->pos, &first_default);
    for (Expr* v : cc->list) {
      scope_ = inner;
      if (!CheckValue(v) || !tag_ok) continue;
      if (s->tag) {
        // Each case value is compared as tag == v.
        if (IsUntyped(v->type)) {
          std::string d = Describe(v);
          if (!Convert(v, tag_type)) {
            Errorf(v->pos, "cannot convert %s to type %s", d, TypeString(tag_type));
            continue;
          }
          if (v->mode == ExprMode::kInvalid) continue;
        } else {
          std::string reason;
          if (!Assignable(v->type, v, tag_type, &reason) && !Assignable(tag_type, s->tag, v->type, &reason)) {
            Errorf(v->pos, "invalid case %s in switch on %s (mismatched types %s and %s)",
                   ExprString(v), ExprString(s->tag), TypeString(v->type), TypeString(tag_type));
            continue;
          }
        }
        if (Type* u = tag_type->Underlying(); (u->As<Slice>() || u->As<Map>() || u->As<Func>()) &&
                                              !IsNil(v)) {
          Errorf(v->pos, "invalid case %s in switch on %s (%s can only be compared to nil)",
                 ExprString(v), ExprString(s->tag),
                 u->As<Slice>() ? "slice" : u->As<Map>() ? "map" : "func");
          continue;
        }
      } else {
        Basic* b = UBasic(v->type);
        std::string reason;
        // The missing tag is the bool true, which an interface value may equal.
        if (!b && IsInterface(v->type) &&
            Assignable(types_.basic(BasicKind::kBool), nullptr, v->type, &reason)) {
          continue;
        }
        if (!b || !b->IsBoolean()) {
          // gc 1.26 compares against the implicit tag `true`.
          if (IsUntyped(v->type) && v->mode == ExprMode::kConstant) {
            Errorf(v->pos, "cannot convert %s to type bool", Describe(v));
          } else {
            Errorf(v->pos, "invalid case %s in switch on true (mismatched types %s and bool)",
                   ExprString(v), TypeString(v->type));
          }
          continue;
        }
        DefaultConvert(v);
      }
      // Duplicates are looked for among integer, float and string constants only
      // (types2's goVal: gc's implementation restriction); bool cases may repeat.
      using K = ConstValue::Kind;
      if (v->mode == ExprMode::kConstant &&
          (v->constant->kind == K::kInt || v->constant->kind == K::kFloat ||
           v->constant->kind == K::kString)) {
        for (const SeenCase& prev : seen) {
          ConstValue a = prev.value, b = *v->constant;
          MatchKinds(a, b);
          if (a.kind == b.kind && ConstValue::Compare(Tok::kEql, a, b) &&
              Identical(prev.type, v->type) && !checking_instance_) {
            Errorf(v->pos, "duplicate case %s in expression switch\n\t%s: previous case",
                   Describe(v), program_.sources.Format(prev.pos));
            break;
          }
        }
        seen.push_back({*v->constant, v->type, v->pos});
      }
    }
    Scope* clause_scope = program_.NewScope(inner);
    // fallthrough: only as the last statement, never in the last clause.
    // A labeled fallthrough (`l: fallthrough`) is placed as its label is.
    for (size_t i = 0; i < cc->body.size(); ++i) {
      Stmt* unlabeled = cc->body[i];
      while (auto* l = unlabeled->As<LabeledStmt>()) {
        if (l->stmt == nullptr) break;
        unlabeled = l->stmt;
      }
      auto* br = unlabeled->As<BranchStmt>();
      if (br && br->tok == Tok::kFallthrough) {
        if (i + 1 != cc->body.size()) Errorf(br->pos, "fallthrough statement out of place");
        else if (ci + 1 == s->clauses.size()) Errorf(br->pos, "cannot fallthrough final case in switch");
        if (unlabeled != cc->body[i]) CheckStmt(cc->body[i], clause_scope);  // its labels
        continue;
      }
      CheckStmt(cc->body[i], clause_scope);
    }
  }
  if (!labeled) targets_.pop_back();
}

void Checker::CheckTypeSwitch(TypeSwitchStmt* s, Scope* scope) {
  Scope* inner = program_.NewScope(scope);
  if (s->init) CheckStmt(s->init, inner);
  scope_ = inner;
  Ident* bound = nullptr;
  TypeAssertExpr* ta = nullptr;
  if (auto* as = s->assign->As<AssignStmt>()) {
    bound = as->lhs[0]->As<Ident>();
    ta = as->rhs[0]->As<TypeAssertExpr>();
  } else if (auto* es = s->assign->As<ExprStmt>()) {
    ta = es->x->As<TypeAssertExpr>();
  }
  if (!ta) return;
  if (!CheckValue(ta->x)) return;
  if (!IsInterface(ta->x->type)) {
    Errorf(ta->x->pos, "%s is not an interface", Describe(ta->x));
    return;
  }
  bool labeled = !targets_.empty() && targets_.back().stmt == s;
  if (!labeled) targets_.push_back({s, "", false});
  std::vector<Object*> clause_vars;
  std::optional<Pos> first_default;
  // The case types so far (null for nil), for types2's duplicate-case rule: types
  // identical to an earlier case's, and a second nil. Instances are exempt, as
  // case T, int is legal in a generic body where T may be int.
  std::vector<std::pair<Type*, Expr*>> seen;
  auto note_case = [&](Type* t, Expr* te) {
    if (checking_instance_) return;
    for (const auto& [prev, prev_expr] : seen) {
      if (prev == nullptr ? t == nullptr : t != nullptr && Identical(prev, t)) {
        Errorf(StartPos(te), "duplicate case %s in type switch\n\t%s: previous case",
               t ? TypeString(t) : "nil", program_.sources.Format(StartPos(prev_expr)));
        return;
      }
    }
    seen.emplace_back(t, te);
  };
  for (CaseClause* cc : s->clauses) {
    if (cc->is_default) ReportMultipleDefaults(cc->pos, &first_default);
    Type* single = nullptr;
    for (Expr* te : cc->list) {
      scope_ = inner;
      if (auto* id = te->As<Ident>(); id && id->name == "nil") {
        CheckExpr(te);
        note_case(nullptr, te);
        continue;
      }
      Type* t = ResolveType(te);
      te->type = t;
      te->mode = ExprMode::kTypeExpr;
      if (!IsBasicKind(t, BasicKind::kInvalid)) note_case(t, te);
      if (!IsInterface(t) && !IsBasicKind(t, BasicKind::kInvalid) && !checking_instance_) {
        std::string missing;
        if (!Implements(t, ta->x->type->Underlying()->As<Interface>(), &missing))
          Errorf(te->pos, "impossible type switch case: %s\n\t%s cannot have dynamic type %s%s",
                 ExprString(te), Describe(ta->x), TypeString(t), MissingNote(missing));
      }
      if (cc->list.size() == 1) single = t;
    }
    Scope* clause_scope = program_.NewScope(inner);
    if (bound && bound->name != "_") {
      Object* v = program_.NewObject(ObjectKind::kVar, bound->name, bound->pos, pkg_);
      v->type = single && !(cc->list[0]->Is<Ident>() && cc->list[0]->As<Ident>()->name == "nil")
                    ? single : ta->x->type;
      clause_scope->Insert(v);
      cc->implicit = v;
      clause_vars.push_back(v);
    }
    scope_ = clause_scope;
    CheckStmtList(cc->body, clause_scope);
  }
  if (bound) {
    bound->mode = ExprMode::kVariable;
    bool used = false;
    for (Object* v : clause_vars) used = used || v->used;
    if (!used && bound->name != "_") Errorf(bound->pos, "declared and not used: %s", bound->name);
  }
  if (!labeled) targets_.pop_back();
}

void Checker::CheckSelect(SelectStmt* s, Scope* scope) {
  bool labeled = !targets_.empty() && targets_.back().stmt == s;
  if (!labeled) targets_.push_back({s, "", false});
  std::optional<Pos> first_default;
  for (CommClause* cc : s->clauses) {
    if (!cc->comm) ReportMultipleDefaults(cc->pos, &first_default);
    Scope* clause_scope = program_.NewScope(scope);
    if (cc->comm) {
      bool ok = cc->comm->Is<SendStmt>();
      if (auto* es = cc->comm->As<ExprStmt>())
        ok = Unparen(es->x)->Is<UnaryExpr>() && Unparen(es->x)->As<UnaryExpr>()->op == Tok::kArrow;
      if (auto* as = cc->comm->As<AssignStmt>())
        ok = as->rhs.size() == 1 && Unparen(as->rhs[0])->Is<UnaryExpr>() &&
             Unparen(as->rhs[0])->As<UnaryExpr>()->op == Tok::kArrow;
      if (!ok) Errorf(cc->comm->pos, "select case must be receive, send or assign recv");
      CheckStmt(cc->comm, clause_scope);
    }
    CheckStmtList(cc->body, clause_scope);
  }
  if (!labeled) targets_.pop_back();
}

}  // namespace gojit::frontend
