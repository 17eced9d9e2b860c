// Generics: type parameters, constraints, instantiation and inference.
//
// gojit instantiates generics by monomorphisation at the source level. A generic
// function's signature and a generic type's declaration are resolved once, with
// each type parameter a TypeParam; that is what inference unifies against and what
// instances substitute into. A generic *body* is never checked as such: each
// instance (F[int], or each method of List[string]) gets a deep copy of the
// declaration (ast_clone.h) checked in a scope that binds the type parameter names
// to the type arguments, so the copy is an ordinary function to the rest of the
// checker and to ir/. Instances are named as gc names them in symbols (main.F[int],
// main.(*List[int]).Push; tracebacks print main.F[...], as gc does).
//
// Invariants:
//  1. One instance per generic and list of identical type arguments, program-wide
//     (Program::instances): List[byte] and List[uint8] are the same type.
//  2. A type or function with a TypeParam among its type arguments (List[T] inside
//     List's own declaration) is never expanded into methods or bodies: only
//     instances with concrete arguments reach ir/.
//  3. An instance's body is checked after the package-level declarations of the
//     package checking it (CheckInstanceBodies), in the package of its generic.
//
// What it does not do: check a generic body that is never instantiated (gc does, so
// errors in such bodies go unreported), and core-type rules inside generic bodies
// (an instance is checked with concrete types, which is more permissive).
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "frontend/ast_clone.h"
#include "frontend/checker.h"

namespace gojit::frontend {

namespace {
bool IdenticalArgs(const std::vector<Type*>& a, const std::vector<Type*>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (!Identical(a[i], b[i])) return false;
  return true;
}
std::string ArgsSymbol(const std::vector<Type*>& args) {
  std::vector<std::string> parts;
  for (Type* a : args) parts.push_back(UniqueTypeString(a));
  return absl::StrCat("[", absl::StrJoin(parts, ","), "]");
}
}  // namespace

// ---------------------------------------------------------------- declarations

std::vector<TypeParam*> Checker::DeclareTypeParams(const std::vector<Field>& fields, Scope* scope,
                                                   std::vector<TypeParam*>* publish) {
  std::vector<TypeParam*> tps;
  for (const Field& f : fields) {
    for (Ident* id : f.names) {
      Object* o = program_.NewObject(ObjectKind::kTypeName, id->name, id->pos, pkg_);
      TypeParam* tp = types_.NewTypeParam(o, static_cast<int>(tps.size()));
      o->type = tp;
      id->object = o;
      if (id->name != "_" && scope->Insert(o)) Errorf(id->pos, "%s redeclared in this block", id->name);
      tps.push_back(tp);
    }
  }
  // A generic type's parameters are known before its constraints are resolved, so a
  // constraint may instantiate the type itself (`type Ordered[T Ordered[T]] ...`).
  if (publish) *publish = tps;
  // Constraints may refer to any of the parameters ([S ~[]E, E any]).
  Scope* saved = scope_;
  scope_ = scope;
  size_t i = 0;
  for (const Field& f : fields) {
    Interface* c = ResolveConstraint(f.type_expr);
    std::string name = f.type_expr ? ExprString(f.type_expr) : "any";
    if (f.type_expr && f.type_expr->type && f.type_expr->mode == ExprMode::kTypeExpr)
      name = TypeString(f.type_expr->type);
    for (size_t k = 0; k < f.names.size(); ++k) tps[i++]->set_constraint(c, name);
  }
  scope_ = saved;
  return tps;
}

void Checker::AddUnionTerms(Expr* e, std::vector<TypeTerm>* terms, std::vector<Expr*>* term_exprs) {
  e = Unparen(e);
  if (auto* b = e->As<BinaryExpr>(); b && b->op == Tok::kOr) {
    AddUnionTerms(b->x, terms, term_exprs);
    AddUnionTerms(b->y, terms, term_exprs);
    return;
  }
  term_exprs->push_back(e);
  if (auto* u = e->As<UnaryExpr>(); u && u->op == Tok::kTilde) {
    Type* t = ResolveType(u->x);
    if (t->As<TypeParam>()) {
      // reported elsewhere
    } else if (IsInterface(t)) {
      // As written: `any` is an alias types2 prints by its name.
      Errorf(u->pos, "invalid use of ~ (%s is an interface)", ExprString(u->x));
    } else if (t->Underlying() != t) {
      Errorf(u->pos, "invalid use of ~ (underlying type of %s is %s)", TypeString(t),
             TypeString(t->Underlying()));
    }
    terms->push_back({true, t});
    return;
  }
  terms->push_back({false, ResolveType(e)});
}

// types2's rule that the non-interface terms of a union be disjoint: a|a, a|~a,
// ~a|~a and ~a|A (A's underlying type being a) overlap. Reported at the later term.
void Checker::CheckUnionOverlap(const std::vector<TypeTerm>& terms, const std::vector<Expr*>& term_exprs) {
  auto is_interface = [](const TypeTerm& t) { return t.type->Underlying()->As<Interface>() != nullptr; };
  auto spelled = [&](const TypeTerm& t) { return absl::StrCat(t.tilde ? "~" : "", TypeString(t.type)); };
  for (size_t i = 0; i < terms.size(); ++i) {
    const TypeTerm& y = terms[i];
    if (IsBasicKind(y.type, BasicKind::kInvalid) || is_interface(y)) continue;
    for (size_t j = 0; j < i; ++j) {
      const TypeTerm& x = terms[j];
      if (IsBasicKind(x.type, BasicKind::kInvalid) || is_interface(x)) continue;
      Type* ux = y.tilde ? x.type->Underlying() : x.type;
      Type* uy = x.tilde ? y.type->Underlying() : y.type;
      if (Identical(ux, uy)) {
        Errorf(term_exprs[i]->pos, "overlapping terms %s and %s", spelled(y), spelled(x));
        break;
      }
    }
  }
}

// One element of an interface that is not a method: an embedded interface, a type,
// a ~type or a union of them.
void Checker::AddInterfaceElem(Expr* e, std::vector<InterfaceMethod>* methods,
                               std::vector<std::vector<TypeTerm>>* unions, bool* comparable) {
  ConstraintContext in_constraint(this);
  Expr* u = Unparen(e);
  bool is_union = (u->Is<BinaryExpr>() && u->As<BinaryExpr>()->op == Tok::kOr) ||
                  (u->Is<UnaryExpr>() && u->As<UnaryExpr>()->op == Tok::kTilde);
  if (!is_union) {
    Type* t = ResolveType(u);
    if (auto* n = t->As<Named>(); n && n->underlying() == nullptr && !n->origin()) {
      // Embedding an interface whose own declaration is still being resolved: an
      // embedding cycle (its methods would be its own).
      ReportRecursiveType(TypePathFrom(n->obj()));
      return;
    }
    if (Interface* embedded = t->Underlying()->As<Interface>()) {
      for (auto& m : embedded->methods()) methods->push_back(m);
      for (auto& un : embedded->unions()) unions->push_back(un);
      if (embedded->comparable()) *comparable = true;
      return;
    }
    unions->push_back({{false, t}});
    return;
  }
  std::vector<TypeTerm> terms;
  std::vector<Expr*> term_exprs;
  AddUnionTerms(u, &terms, &term_exprs);
  if (!checking_instance_) CheckUnionOverlap(terms, term_exprs);
  // A union term that is an interface without a type set (`any | int`) allows
  // every type: the union constrains nothing.
  for (auto& term : terms)
    if (auto* i = term.type->Underlying()->As<Interface>(); i && !i->IsConstraint()) return;
  unions->push_back(std::move(terms));
}

Interface* Checker::ResolveConstraint(Expr* e) {
  if (!e) return types_.empty_interface();
  ConstraintContext in_constraint(this);
  std::vector<InterfaceMethod> methods;
  std::vector<std::vector<TypeTerm>> unions;
  bool comparable = false;
  Expr* u = Unparen(e);
  bool is_union = (u->Is<BinaryExpr>() && u->As<BinaryExpr>()->op == Tok::kOr) ||
                  (u->Is<UnaryExpr>() && u->As<UnaryExpr>()->op == Tok::kTilde);
  if (!is_union) {
    Type* t = ResolveType(u);
    if (Interface* i = t->Underlying()->As<Interface>()) return i;
    if (IsBasicKind(t, BasicKind::kInvalid)) return types_.empty_interface();
  }
  AddInterfaceElem(u, &methods, &unions, &comparable);
  Interface* i = types_.NewInterface(std::move(methods));
  i->SetTypeSet(std::move(unions), comparable);
  return i;
}

// `type List[T any] ...`: a Named with type parameters, its underlying type
// written in terms of them.
void Checker::ResolveGenericTypeName(Object* obj) {
  TypeSpec* ts = obj->type_spec;
  Named* named = types_.NewNamed(obj);
  obj->type = named;
  obj->generic = true;
  obj->generic_scope = scope_;
  Scope* bind = program_.NewScope(scope_);
  named->type_params() = DeclareTypeParams(ts->type_params, bind, &named->type_params());
  Scope* saved = scope_;
  scope_ = bind;
  Type* u = ResolveType(ts->type_expr)->Underlying();
  scope_ = saved;
  if (u->As<TypeParam>()) {
    Errorf(ts->type_expr->pos, "cannot use a type parameter as RHS in type declaration");
    u = types_.basic(BasicKind::kInvalid);
  }
  if (auto* rhs = u->As<Named>()) {
    pending_underlying_.push_back({named, rhs});
  } else {
    named->set_underlying(u);
  }
  CompletePendingInstances();
}

// `type Set[T comparable] = map[T]bool` (Go 1.24): the aliased type in terms of the
// parameters; each use Set[X] substitutes (CheckGenericAliasIndex).
void Checker::ResolveGenericAlias(Object* obj) {
  TypeSpec* ts = obj->type_spec;
  obj->generic_alias = true;
  Scope* bind = program_.NewScope(scope_);
  obj->type_params = DeclareTypeParams(ts->type_params, bind);
  Scope* saved = scope_;
  scope_ = bind;
  obj->type = ResolveType(ts->type_expr);
  scope_ = saved;
}

// A generic body is checked only per instance: the packages it names count as
// used even when it has none (gc, which checks generic bodies, finds them used).
void Checker::MarkImportsUsedByGenerics() {
  for (Object* obj : pkg_objects_) {
    if (obj->kind != ObjectKind::kFunc || !obj->generic || !obj->decl) continue;
    Scope* file_scope = obj->generic_scope;
    VisitFuncDecl(obj->decl, [&](const Node* n) {
      auto* sel = n->As<SelectorExpr>();
      auto* id = sel ? sel->x->As<Ident>() : nullptr;
      if (!id) return;
      Object* o = file_scope->LookupLocal(id->name);
      if (o && o->kind == ObjectKind::kPkgName) o->used = true;
    });
  }
}

// ---------------------------------------------------------------- substitution

Type* Checker::Subst(Type* t, const TypeMap& m) {
  if (!t || m.empty()) return t;
  switch (t->kind()) {
    case TypeKind::kBasic:
      return t;
    case TypeKind::kTypeParam: {
      auto it = m.find(t->As<TypeParam>());
      return it == m.end() || !it->second ? t : it->second;  // unbound during inference
    }
    case TypeKind::kPointer: {
      Type* e = Subst(t->As<Pointer>()->elem(), m);
      return e == t->As<Pointer>()->elem() ? t : types_.NewPointer(e);
    }
    case TypeKind::kSlice: {
      Type* e = Subst(t->As<Slice>()->elem(), m);
      return e == t->As<Slice>()->elem() ? t : types_.NewSlice(e);
    }
    case TypeKind::kArray: {
      Type* e = Subst(t->As<Array>()->elem(), m);
      return e == t->As<Array>()->elem() ? t : types_.NewArray(e, t->As<Array>()->len());
    }
    case TypeKind::kMap: {
      Map* mt = t->As<Map>();
      Type* k = Subst(mt->key(), m);
      Type* v = Subst(mt->elem(), m);
      return k == mt->key() && v == mt->elem() ? t : types_.NewMap(k, v);
    }
    case TypeKind::kChan: {
      Type* e = Subst(t->As<Chan>()->elem(), m);
      return e == t->As<Chan>()->elem() ? t : types_.NewChan(t->As<Chan>()->dir(), e);
    }
    case TypeKind::kTuple: {
      std::vector<Type*> elems;
      bool changed = false;
      for (Type* e : t->As<Tuple>()->elems()) {
        elems.push_back(Subst(e, m));
        changed |= elems.back() != e;
      }
      return changed ? types_.NewTuple(std::move(elems)) : t;
    }
    case TypeKind::kFunc: {
      Func* f = t->As<Func>();
      Type* p = Subst(f->params(), m);
      Type* r = Subst(f->results(), m);
      if (p == f->params() && r == f->results()) return t;
      return types_.NewFunc(p->As<Tuple>(), r->As<Tuple>(), f->variadic());
    }
    case TypeKind::kStruct: {
      if (!ContainsTypeParams(t)) return t;
      std::vector<StructField> fields;
      for (const StructField& f : t->As<Struct>()->fields()) {
        StructField nf = f;
        nf.type = Subst(f.type, m);
        if (f.object) {
          nf.object = program_.NewObject(ObjectKind::kVar, f.object->name, f.object->pos, f.object->pkg);
          nf.object->is_field = true;
          nf.object->type = nf.type;
        }
        fields.push_back(std::move(nf));
      }
      return types_.NewStruct(std::move(fields));
    }
    case TypeKind::kInterface: {
      Interface* i = t->As<Interface>();
      if (!ContainsTypeParams(i)) return t;
      std::vector<InterfaceMethod> methods;
      for (auto& meth : i->methods()) methods.push_back({meth.name, Subst(meth.sig, m)->As<Func>()});
      std::vector<std::vector<TypeTerm>> unions;
      for (auto& u : i->unions()) {
        unions.emplace_back();
        for (auto& term : u) unions.back().push_back({term.tilde, Subst(term.type, m)});
      }
      Interface* out = types_.NewInterface(std::move(methods));
      out->SetTypeSet(std::move(unions), i->comparable());
      return out;
    }
    case TypeKind::kNamed: {
      Named* n = t->As<Named>();
      if (!n->origin()) return t;
      std::vector<Type*> args;
      bool changed = false;
      for (Type* a : n->type_args()) {
        args.push_back(Subst(a, m));
        changed |= args.back() != a;
      }
      if (!changed) return t;
      Named* inst = InstantiateType(n->origin(), std::move(args));
      return inst ? inst : static_cast<Type*>(types_.basic(BasicKind::kInvalid));
    }
  }
  return t;
}

static void Rebind(Expr* fun, Object* inst);

// ---------------------------------------------------------------- instances

// Arguments written in the source were verified against the constraints by the
// caller (CheckGenericTypeIndex); the others come from substitution.
Named* Checker::InstantiateType(Named* origin, std::vector<Type*> args) {
  auto& list = program_.instances[origin->obj()];
  for (auto& inst : list)
    if (IdenticalArgs(inst.args, args)) return inst.obj->type->As<Named>();
  // type T[P any] struct{ next *T[[]P] } expands forever: gc's "instantiation cycle".
  if (type_expansion_depth_ > kMaxInstanceDepth) {
    if (!origin->obj()->cycle_reported) {
      origin->obj()->cycle_reported = true;
      Errorf(origin->obj()->pos, "instantiation cycle");
    }
    return nullptr;
  }
  ++type_expansion_depth_;
  struct Leave {
    int& d;
    ~Leave() { --d; }
  } leave{type_expansion_depth_};
  Object* obj = program_.NewObject(ObjectKind::kTypeName, origin->obj()->name + ArgsSymbol(args),
                                   origin->obj()->pos, origin->obj()->pkg);
  Named* inst = types_.NewNamed(obj);
  obj->type = inst;
  inst->SetInstanceOf(origin, args);
  list.push_back({args, obj});
  pending_instances_.push_back(inst);
  CompletePendingInstances();
  return inst;
}

void Checker::CompletePendingInstances() {
  for (bool progress = true; progress;) {
    progress = false;
    for (size_t i = 0; i < pending_instances_.size(); ++i) {
      Named* inst = pending_instances_[i];
      Named* origin = inst->origin();
      if (!origin->underlying()) continue;
      pending_instances_.erase(pending_instances_.begin() + static_cast<ptrdiff_t>(i));
      TypeMap m;
      for (size_t k = 0; k < origin->type_params().size() && k < inst->type_args().size(); ++k)
        m[origin->type_params()[k]] = inst->type_args()[k];
      inst->set_underlying(Subst(origin->underlying(), m)->Underlying());
      unexpanded_.push_back(inst);
      progress = true;
      break;
    }
  }
  if (methods_collected_) ExpandPendingMethods();
}

void Checker::ExpandPendingMethods() {
  while (!unexpanded_.empty()) {
    Named* inst = unexpanded_.back();
    unexpanded_.pop_back();
    ExpandMethods(inst);
  }
}

// The receiver `(l *List[U])` of a method of a generic type: the names it gives the
// type parameters, in order.
static std::vector<Ident*> ReceiverTypeParamNames(Field* recv) {
  Expr* rt = recv->type_expr;
  while (true) {
    if (auto* p = rt->As<ParenExpr>()) rt = p->x;
    else if (auto* s = rt->As<StarExpr>()) rt = s->x;
    else break;
  }
  std::vector<Ident*> names;
  if (auto* ix = rt->As<IndexExpr>())
    for (Expr* i : ix->indices) names.push_back(i->As<Ident>());
  return names;
}

Scope* Checker::BindTypeArgs(Scope* parent, const std::vector<Ident*>& names,
                             const std::vector<Type*>& args) {
  Scope* bind = program_.NewScope(parent);
  for (size_t i = 0; i < names.size() && i < args.size(); ++i) {
    if (!names[i] || names[i]->name == "_") continue;
    Object* b = program_.NewObject(ObjectKind::kTypeName, names[i]->name, names[i]->pos, pkg_);
    b->type = args[i];
    b->type_param_binding = true;
    bind->Insert(b);
  }
  return bind;
}

void Checker::ExpandMethods(Named* inst) {
  if (inst->methods_expanded) return;
  inst->methods_expanded = true;
  if (std::any_of(inst->type_args().begin(), inst->type_args().end(), ContainsTypeParams)) return;
  for (Object* m : inst->origin()->methods()) {
    FuncDecl* clone = CloneFuncDecl(program_.arena, m->decl);
    Scope* bind = BindTypeArgs(m->generic_scope, ReceiverTypeParamNames(clone->recv), inst->type_args());
    Object* im = program_.NewObject(ObjectKind::kFunc, m->name, m->pos, m->pkg);
    im->decl = clone;
    clone->object = im;
    clone->name->object = im;
    im->recv_type = m->pointer_recv ? static_cast<Type*>(types_.NewPointer(inst)) : inst;
    im->pointer_recv = m->pointer_recv;
    im->instance_scope = bind;
    im->instance_args = inst->type_args();
    Scope* saved = scope_;
    scope_ = bind;
    im->type = ResolveSignature(clone->func_type, nullptr, program_.NewScope(bind), nullptr, nullptr);
    scope_ = saved;
    inst->methods().push_back(im);
    m->pkg->funcs.push_back(im);
    pending_bodies_.push_back(im);
  }
}

Object* Checker::InstantiateFunc(Object* generic, std::vector<Type*> args,
                                 const std::vector<Pos>& positions) {
  // Every use is verified (gc reports each); failing arguments get an instance
  // without a body (it would only repeat the error; the program does not run).
  bool satisfied = VerifyTypeArgs(generic->type_params, args, positions);
  auto& list = program_.instances[generic];
  for (auto& inst : list)
    if (IdenticalArgs(inst.args, args)) return inst.obj;
  // f[T] calling f[[]T]: each instance's body makes a deeper one, without end.
  bool cycle = instance_depth_ >= kMaxInstanceDepth;
  if (cycle && !generic->cycle_reported) {
    generic->cycle_reported = true;
    Errorf(generic->pos, "instantiation cycle");
  }
  FuncDecl* clone = CloneFuncDecl(program_.arena, generic->decl);
  std::vector<Ident*> names;
  for (const Field& f : clone->func_type->type_params)
    for (Ident* id : f.names) names.push_back(id);
  Scope* bind = BindTypeArgs(generic->generic_scope, names, args);
  Object* inst = program_.NewObject(ObjectKind::kFunc, generic->name + ArgsSymbol(args), generic->pos,
                                    generic->pkg);
  inst->decl = clone;
  clone->object = inst;
  clone->name->object = inst;
  inst->instance_scope = bind;
  inst->instance_args = args;
  inst->instance_depth = instance_depth_ + 1;
  list.push_back({args, inst});
  Scope* saved = scope_;
  scope_ = bind;
  inst->type = ResolveSignature(clone->func_type, nullptr, program_.NewScope(bind), nullptr, nullptr);
  scope_ = saved;
  generic->pkg->funcs.push_back(inst);
  if (satisfied && !cycle) pending_bodies_.push_back(inst);
  // The instance's body counts for the initialisation order of whatever uses it.
  if (generic->pkg == pkg_) deps_[generic].insert(inst);
  return inst;
}

void Checker::CheckInstanceBodies() {
  while (!pending_bodies_.empty()) {
    Object* fn = pending_bodies_.front();
    pending_bodies_.erase(pending_bodies_.begin());
    Package* saved = pkg_;
    pkg_ = fn->pkg;
    checking_instance_ = true;
    instance_args_ = fn->instance_args;
    instance_depth_ = fn->instance_depth;
    CheckFuncDeclBody(fn, fn->instance_scope);
    instance_depth_ = 0;
    instance_args_.clear();
    checking_instance_ = false;
    pkg_ = saved;
  }
}

// ---------------------------------------------------------------- constraints

// Whether t is in the type set that c's unions describe (methods aside). A term
// may itself be a constraint interface (Numeric: OrderedNumeric | Complex).
static bool InUnions(Type* t, Interface* c) {
  for (auto& u : c->unions()) {
    bool found = false;
    for (const TypeTerm& term : u) {
      if (auto* ti = term.type->Underlying()->As<Interface>()) {
        if (InUnions(t, ti) && (!ti->comparable() || IsComparable(t))) found = true;
      } else if (term.tilde ? Identical(t->Underlying(), term.type->Underlying())
                            : Identical(t, term.type)) {
        found = true;
      }
    }
    if (!found) return false;
  }
  return true;
}

bool Checker::Satisfies(Type* t, Interface* c, const std::string& cname, std::string* why) {
  std::string name = TypeString(t);
  if (c->comparable() && !IsComparable(t)) {
    *why = absl::StrCat(name, " does not satisfy comparable");
    return false;
  }
  for (auto& u : c->unions()) {
    Interface one = Interface({});
    one.SetTypeSet({u}, false);
    if (!InUnions(t, &one)) {
      std::vector<std::string> terms;
      for (const TypeTerm& term : u)
        terms.push_back(absl::StrCat(term.tilde ? "~" : "", TypeString(term.type)));
      *why = absl::StrCat(name, " does not satisfy ", cname, " (", name, " missing in ",
                          absl::StrJoin(terms, " | "), ")");
      return false;
    }
  }
  std::string missing;
  if (!c->methods().empty() && !Implements(t, c, &missing)) {
    *why = absl::StrCat(name, " does not satisfy ", cname, MissingNote(missing));
    return false;
  }
  return true;
}

// positions: where to report each argument's failure (explicit arguments), or one
// position for all (inferred ones: the call's parenthesis, as gc).
bool Checker::VerifyTypeArgs(const std::vector<TypeParam*>& tps, const std::vector<Type*>& args,
                             const std::vector<Pos>& positions) {
  if (!methods_collected_) {
    // A type argument's methods may not be declared yet (a type declaration that
    // instantiates another): verify once they are.
    pending_verify_.push_back({tps, args, positions});
    return true;
  }
  bool ok = true;
  TypeMap m;
  for (size_t i = 0; i < tps.size() && i < args.size(); ++i) m[tps[i]] = args[i];
  for (size_t i = 0; i < tps.size() && i < args.size(); ++i) {
    Interface* c = tps[i]->constraint();
    if (!c) continue;
    Interface* ci = Subst(c, m)->As<Interface>();
    std::string why;
    if (ci && !Satisfies(args[i], ci, tps[i]->constraint_name(), &why)) {
      Errorf(positions.size() > i ? positions[i] : positions.back(), "%s", why);
      ok = false;
    }
  }
  return ok;
}

// ---------------------------------------------------------------- inference

bool Checker::Unify(Type* x, Type* y, TypeMap& m) {
  if (!x || !y) return true;
  if (auto* tp = x->As<TypeParam>(); tp && m.count(tp)) {
    Type*& bound = m[tp];
    if (!bound) {
      bound = y;
      return true;
    }
    if (Identical(bound, y)) return true;
    // Inexact unification: a defined type and a type literal with the same
    // underlying type unify, and the defined type wins.
    if (Identical(bound->Underlying(), y->Underlying())) {
      if (y->As<Named>() && !bound->As<Named>()) bound = y;
      return true;
    }
    return false;
  }
  if (!ContainsTypeParams(x)) return true;  // assignability decides later
  if (auto* xn = x->As<Named>()) {
    auto* yn = y->As<Named>();
    // A type literal argument for a defined parameter type: their underlying
    // types unify (inexact unification).
    if (!yn && xn->underlying()) return Unify(xn->underlying(), y, m);
    if (!yn || yn->origin() != xn->origin()) return false;
    for (size_t i = 0; i < xn->type_args().size() && i < yn->type_args().size(); ++i)
      if (!Unify(xn->type_args()[i], yn->type_args()[i], m)) return false;
    return true;
  }
  if (y->As<Named>()) y = y->Underlying();
  if (x->kind() != y->kind()) return false;
  switch (x->kind()) {
    case TypeKind::kPointer:
      return Unify(x->As<Pointer>()->elem(), y->As<Pointer>()->elem(), m);
    case TypeKind::kSlice:
      return Unify(x->As<Slice>()->elem(), y->As<Slice>()->elem(), m);
    case TypeKind::kArray:
      return x->As<Array>()->len() == y->As<Array>()->len() &&
             Unify(x->As<Array>()->elem(), y->As<Array>()->elem(), m);
    case TypeKind::kMap:
      return Unify(x->As<Map>()->key(), y->As<Map>()->key(), m) &&
             Unify(x->As<Map>()->elem(), y->As<Map>()->elem(), m);
    case TypeKind::kChan:
      return Unify(x->As<Chan>()->elem(), y->As<Chan>()->elem(), m);
    case TypeKind::kTuple: {
      auto &a = x->As<Tuple>()->elems(), &b = y->As<Tuple>()->elems();
      if (a.size() != b.size()) return false;
      for (size_t i = 0; i < a.size(); ++i)
        if (!Unify(a[i], b[i], m)) return false;
      return true;
    }
    case TypeKind::kFunc:
      return x->As<Func>()->variadic() == y->As<Func>()->variadic() &&
             Unify(x->As<Func>()->params(), y->As<Func>()->params(), m) &&
             Unify(x->As<Func>()->results(), y->As<Func>()->results(), m);
    case TypeKind::kStruct: {
      auto &a = x->As<Struct>()->fields(), &b = y->As<Struct>()->fields();
      if (a.size() != b.size()) return false;
      for (size_t i = 0; i < a.size(); ++i)
        if (a[i].name != b[i].name || !Unify(a[i].type, b[i].type, m)) return false;
      return true;
    }
    case TypeKind::kInterface: {
      auto &a = x->As<Interface>()->methods(), &b = y->As<Interface>()->methods();
      if (a.size() != b.size()) return false;
      for (size_t i = 0; i < a.size(); ++i)
        if (a[i].name != b[i].name || !Unify(a[i].sig, b[i].sig, m)) return false;
      return true;
    }
    default:
      return true;
  }
}

// The single type a constraint's type set is made of, if it has one term
// (`~[]E`, `*T`): constraint type inference unifies a parameter's argument with it.
static const TypeTerm* CoreTerm(Interface* c) {
  if (!c || c->unions().size() != 1 || c->unions()[0].size() != 1) return nullptr;
  return &c->unions()[0][0];
}

// Constraint type inference: a parameter whose constraint has a core type
// (`S ~[]E`) unifies its argument with it, deciding E; one with no argument takes
// the core type once that is known. To a fixed point.
void Checker::CoreTypeInference(const std::vector<TypeParam*>& tps, TypeMap& m) {
  for (bool progress = true; progress;) {
    progress = false;
    for (TypeParam* tp : tps) {
      const TypeTerm* core = CoreTerm(tp->constraint());
      if (!core) continue;
      Type* bound = m[tp];
      if (bound) {
        TypeMap before = m;
        Unify(core->type, core->tilde ? bound->Underlying() : bound, m);
        if (before != m) progress = true;
      } else {
        Type* t = Subst(core->type, m);
        if (!ContainsTypeParams(t)) {
          m[tp] = t;
          progress = true;
        }
      }
    }
  }
}

// A generic function used where a function type is expected (an argument, Go
// 1.21's inference): its type arguments from unifying its signature with that
// type. Instantiates and rebinds e when they are all decided.
void Checker::InferFromTarget(Expr* e, Type* target) {
  Object* generic = GenericFuncOf(e);
  if (!generic || !e->type || !ContainsTypeParams(e->type) || !target) return;
  Func* want = target->Underlying()->As<Func>();
  if (!want || ContainsTypeParams(want)) return;
  TypeMap m;
  for (TypeParam* tp : generic->type_params) m[tp] = nullptr;
  if (auto* ix = Unparen(e)->As<IndexExpr>()) {
    auto it = partial_targs_.find(ix);
    for (size_t i = 0; it != partial_targs_.end() && i < it->second.size(); ++i)
      m[generic->type_params[i]] = it->second[i];
  }
  if (!Unify(generic->type, want, m)) return;
  CoreTypeInference(generic->type_params, m);
  std::vector<Type*> targs;
  for (TypeParam* tp : generic->type_params) {
    if (!m[tp]) return;
    targs.push_back(m[tp]);
  }
  Rebind(e, InstantiateFunc(generic, targs, {e->pos}));
}

bool Checker::InferTypeArgs(CallExpr* e, Object* generic, std::vector<Type*>* targs,
                            const std::vector<Type*>& arg_types) {
  auto& tps = generic->type_params;
  TypeMap m;
  for (size_t i = 0; i < tps.size(); ++i) m[tps[i]] = i < targs->size() ? (*targs)[i] : nullptr;
  Func* sig = generic->type->As<Func>();
  auto& params = sig->params()->elems();
  size_t fixed = sig->variadic() ? params.size() - 1 : params.size();
  // Untyped constant arguments whose parameter is a bare type parameter, which
  // take their default type if nothing else decides the parameter.
  std::map<TypeParam*, Type*> untyped;
  for (size_t i = 0; i < arg_types.size(); ++i) {
    Type* pt = i < fixed ? params[i]
               : e->has_ellipsis ? params.back()
               : params.empty()  ? nullptr
                                 : params.back()->As<Slice>()->elem();
    if (!pt || !arg_types[i]) continue;
    if (IsUntyped(arg_types[i])) {
      if (auto* tp = pt->As<TypeParam>(); tp && m.count(tp) && !IsBasicKind(arg_types[i], BasicKind::kUntypedNil)) {
        Type*& cur = untyped[tp];
        Basic* have = UBasic(arg_types[i]);
        if (cur && UBasic(cur)->basic() != have->basic() && !(have->IsNumeric() && UBasic(cur)->IsNumeric())) {
          // Untyped constants of different kinds (a number and a string) fit no
          // one type.
          Expr* arg = i < e->args.size() ? e->args[i] : e->args[0];
          Errorf(StartPos(arg), "in call to %s, mismatched types %s and %s (cannot infer %s)",
                 ExprString(e->fun), TypeString(cur), TypeString(arg_types[i]), tp->obj()->name);
          return false;
        }
        // The "largest" default kind wins: int < rune < float < complex.
        if (!cur || static_cast<int>(have->basic()) > static_cast<int>(UBasic(cur)->basic()))
          cur = arg_types[i];
      }
      continue;
    }
    if (!Unify(pt, arg_types[i], m)) {
      Expr* arg = i < e->args.size() ? e->args[i] : e->args[0];
      Errorf(arg->pos, "type %s of %s does not match %s", TypeString(arg_types[i]), ExprString(arg),
             TypeString(Subst(pt, m)));
      return false;
    }
  }
  CoreTypeInference(tps, m);
  for (auto& [tp, t] : untyped) {
    if (!m[tp]) m[tp] = DefaultType(types_, t);
  }
  CoreTypeInference(tps, m);
  targs->clear();
  for (TypeParam* tp : tps) {
    if (!m[tp]) {
      Errorf(e->pos, "in call to %s, cannot infer %s (declared at %s)", ExprString(e->fun), tp->obj()->name,
             program_.sources.Format(tp->obj()->pos));
      return false;
    }
    targs->push_back(m[tp]);
  }
  return true;
}

// ---------------------------------------------------------------- uses

Object* Checker::GenericFuncOf(Expr* fun) {
  fun = Unparen(fun);
  if (auto* ix = fun->As<IndexExpr>()) fun = Unparen(ix->x);
  Object* obj = nullptr;
  if (auto* id = fun->As<Ident>()) obj = id->object;
  if (auto* sel = fun->As<SelectorExpr>()) obj = sel->sel->object;
  return obj && obj->kind == ObjectKind::kFunc && obj->generic && !obj->recv_type ? obj : nullptr;
}

// Points the name of a generic function at one of its instances, and types it.
static void Rebind(Expr* fun, Object* inst) {
  while (true) {
    fun->type = inst->type;
    fun->mode = ExprMode::kValue;
    if (auto* p = fun->As<ParenExpr>()) {
      fun = p->x;
    } else if (auto* ix = fun->As<IndexExpr>()) {
      fun = ix->x;
    } else {
      break;
    }
  }
  if (auto* id = fun->As<Ident>()) id->object = inst;
  if (auto* sel = fun->As<SelectorExpr>()) sel->sel->object = inst, sel->sel->type = inst->type;
}

static std::vector<Pos> IndexPositions(IndexExpr* e) {
  std::vector<Pos> out;
  for (Expr* i : e->indices) out.push_back(i->pos);
  if (out.empty()) out.push_back(e->pos);
  return out;
}

std::vector<Type*> Checker::ExplicitTypeArgs(IndexExpr* e) {
  std::vector<Type*> args;
  for (Expr* i : e->indices) args.push_back(ResolveType(i));
  return args;
}

// F[int] or F[int, string]: all type arguments given (an instance, usable as a
// value), or a prefix of them (only as a callee: inference supplies the rest).
void Checker::CheckGenericIndex(IndexExpr* e, Object* generic) {
  std::vector<Type*> args = ExplicitTypeArgs(e);
  size_t want = generic->type_params.size();
  if (args.size() > want) {
    Errorf(e->indices[want]->pos, "got %d type arguments but want %d", args.size(), want);
    return;
  }
  if (args.size() < want) {
    // The rest may follow from the constraints (E from S ~[]E): then this is
    // an instance already.
    TypeMap m;
    for (size_t i = 0; i < want; ++i) m[generic->type_params[i]] = i < args.size() ? args[i] : nullptr;
    CoreTypeInference(generic->type_params, m);
    bool complete = true;
    for (TypeParam* tp : generic->type_params) complete &= m[tp] != nullptr;
    if (!complete) {
      partial_targs_[e] = args;
      e->mode = ExprMode::kValue;
      e->type = generic->type;
      return;
    }
    args.clear();
    for (TypeParam* tp : generic->type_params) args.push_back(m[tp]);
  }
  Object* inst = InstantiateFunc(generic, args, IndexPositions(e));
  Rebind(e, inst);
}

void Checker::CheckGenericTypeIndex(IndexExpr* e, Named* origin) {
  std::vector<Type*> args = ExplicitTypeArgs(e);
  size_t want = origin->type_params().size();
  if (args.size() != want) {
    Errorf(e->pos, "%s type arguments for type %s: have %d, want %d",
           args.size() > want ? "too many" : "not enough", origin->obj()->name, args.size(), want);
    return;
  }
  // Arguments that fail the constraints make no instance (its methods' bodies
  // would only repeat the error).
  if (!std::any_of(args.begin(), args.end(), ContainsTypeParams) &&
      !VerifyTypeArgs(origin->type_params(), args, IndexPositions(e)))
    return;
  Named* inst = InstantiateType(origin, std::move(args));
  if (!inst) return;
  e->mode = ExprMode::kTypeExpr;
  e->type = inst;
}

void Checker::CheckGenericAliasIndex(IndexExpr* e, Object* alias) {
  std::vector<Type*> args = ExplicitTypeArgs(e);
  size_t want = alias->type_params.size();
  if (args.size() != want) {
    Errorf(e->pos, "%s type arguments for type %s: have %d, want %d",
           args.size() > want ? "too many" : "not enough", alias->name, args.size(), want);
    return;
  }
  if (!std::any_of(args.begin(), args.end(), ContainsTypeParams) &&
      !VerifyTypeArgs(alias->type_params, args, IndexPositions(e)))
    return;
  TypeMap m;
  for (size_t i = 0; i < want; ++i) m[alias->type_params[i]] = args[i];
  e->mode = ExprMode::kTypeExpr;
  e->type = Subst(alias->type, m);
}

// A call of a generic function: the arguments are checked first, the missing type
// arguments inferred from them, and the call then made to the instance.
bool Checker::CheckGenericCall(CallExpr* e, Object* generic) {
  std::vector<Type*> targs;
  if (auto* ix = Unparen(e->fun)->As<IndexExpr>()) {
    auto it = partial_targs_.find(ix);
    if (it != partial_targs_.end()) targs = it->second;
  }
  std::vector<Type*> arg_types;
  if (e->args.size() == 1 && !e->has_ellipsis) {
    CheckExpr(e->args[0]);
    if (e->args[0]->mode == ExprMode::kInvalid) return false;
    if (auto* t = e->args[0]->type ? e->args[0]->type->As<Tuple>() : nullptr; t && t->size() != 1) {
      arg_types = t->elems();
    } else if (!RequireValue(e->args[0])) {
      return false;
    } else {
      arg_types.push_back(e->args[0]->type);
    }
  } else {
    bool ok = true;
    for (Expr* a : e->args) {
      CheckExpr(a);
      // A generic function argument waits for the callee's instance (below).
      bool generic_arg = GenericFuncOf(a) && a->type && ContainsTypeParams(a->type);
      if (!generic_arg && !RequireValue(a)) ok = false;
      arg_types.push_back(generic_arg ? nullptr : a->type);
    }
    if (!ok) return false;
  }
  if (!InferTypeArgs(e, generic, &targs, arg_types)) return false;
  Object* inst = InstantiateFunc(generic, targs, {e->pos});
  Rebind(e->fun, inst);
  auto& params = inst->type->As<Func>()->params()->elems();
  for (size_t i = 0; i < e->args.size() && arg_types.size() == e->args.size(); ++i) {
    if (arg_types[i] || params.empty()) continue;
    Type* pt = i < params.size() - (inst->type->As<Func>()->variadic() ? 1 : 0) ? params[i]
               : e->has_ellipsis ? params.back()
                                 : params.back()->As<Slice>()->elem();
    InferFromTarget(e->args[i], pt);
  }
  return true;
}

}  // namespace gojit::frontend
