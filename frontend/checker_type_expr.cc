// Type expressions and signatures: ResolveType turns a type expression (a name,
// a qualified name, an instantiation, a literal array, slice, map, channel,
// pointer, function, struct or interface type) into a Type with gc's errors
// ("invalid map key type", "invalid array length", "is not a type", ...), and
// ResolveSignature does the same for a function's type and declares its
// parameters and results for a body. Named types' declarations, and the cycles
// through them, are checker_decl.cc's.
#include <algorithm>
#include <optional>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "frontend/checker.h"

namespace gojit::frontend {

// Resolves a signature. When params/results are given, declares the parameter and
// result objects in `scope` (for a body); otherwise only computes the type.
Func* Checker::ResolveSignature(FuncType* ft, Field* recv, Scope* scope,
                                std::vector<Object*>* params, std::vector<Object*>* results) {
  // Every type of the signature is resolved before any name is declared: the names
  // are scoped to the body, so `func f(strings *strings.Builder) *strings.Builder`
  // names the package in both types.
  auto resolve_fields = [&](const std::vector<Field>& fields, bool is_result, bool* variadic) {
    std::vector<Type*> types;
    for (size_t i = 0; i < fields.size(); ++i) {
      const Field& f = fields[i];
      Expr* te = f.type_expr;
      if (auto* el = te ? te->As<Ellipsis>() : nullptr) {
        if (is_result || i + 1 != fields.size() || f.names.size() > 1) {
          Errorf(el->pos, "can only use ... with final parameter in list");
        }
        types.push_back(types_.NewSlice(ResolveType(el->elt)));
        if (variadic) *variadic = true;
      } else {
        types.push_back(ResolveType(te));
      }
    }
    return types;
  };
  auto declare_fields = [&](const std::vector<Field>& fields, const std::vector<Type*>& types,
                            std::vector<Type*>* out, std::vector<Object*>* objs) {
    for (size_t i = 0; i < fields.size(); ++i) {
      const Field& f = fields[i];
      Type* t = types[i];
      if (f.names.empty()) {
        out->push_back(t);
        if (objs) {
          Object* o = program_.NewObject(ObjectKind::kVar, "", f.pos, pkg_);
          o->type = t;
          o->is_param = true;
          objs->push_back(o);
        }
      }
      for (Ident* id : f.names) {
        out->push_back(t);
        if (objs) {
          Object* o = program_.NewObject(ObjectKind::kVar, id->name, id->pos, pkg_);
          o->type = t;
          o->is_param = true;
          o->used = true;
          id->object = o;
          objs->push_back(o);
          if (id->name != "_") scope->Insert(o);  // a duplicate is reported below
        }
      }
    }
  };
  std::vector<Field> recv_fields;
  if (recv) recv_fields.push_back(*recv);
  // Receiver, parameter and result names share one block, in declarations, function
  // literals, function types and interface methods alike.
  absl::flat_hash_map<std::string, Pos> names;
  for (const std::vector<Field>* fields : {&recv_fields, &ft->params, &ft->results}) {
    for (const Field& f : *fields) {
      for (Ident* id : f.names) {
        if (id->name == "_") continue;
        auto [it, inserted] = names.emplace(id->name, id->pos);
        if (!inserted) {
          Errorf(id->pos, "%s redeclared in this block\n\t%s: other declaration of %s", id->name,
                 program_.sources.Format(it->second), id->name);
        }
      }
    }
  }
  bool variadic = false;
  std::vector<Type*> recv_types = resolve_fields(recv_fields, false, nullptr);
  std::vector<Type*> param_types = resolve_fields(ft->params, false, &variadic);
  std::vector<Type*> result_types = resolve_fields(ft->results, true, nullptr);
  std::vector<Type*> ptypes, rtypes, ignored;
  declare_fields(recv_fields, recv_types, &ignored, params);
  declare_fields(ft->params, param_types, &ptypes, params);
  declare_fields(ft->results, result_types, &rtypes, results);
  return types_.NewFunc(types_.NewTuple(ptypes), types_.NewTuple(rtypes), variadic);
}

Type* Checker::ResolveType(Expr* e) {
  Type* invalid = types_.basic(BasicKind::kInvalid);
  if (!e) return invalid;
  switch (e->kind) {
    case NodeKind::kIdent:
    case NodeKind::kSelectorExpr:
    case NodeKind::kIndexExpr: {
      CheckExpr(e);
      if (e->mode == ExprMode::kInvalid) return invalid;
      if (e->mode != ExprMode::kTypeExpr) {
        Errorf(e->pos, "%s is not a type", ExprString(e));
        return invalid;
      }
      Object* alias = nullptr;
      if (auto* id = e->As<Ident>()) alias = id->object;
      if (auto* sel = e->As<SelectorExpr>()) alias = sel->sel->object;
      if (alias && !alias->generic_alias) alias = nullptr;
      if (auto* n = e->type->As<Named>(); alias || (n && n->IsGeneric())) {
        const std::vector<TypeParam*>& params = alias ? alias->type_params : n->type_params();
        std::vector<std::string> tps;
        for (TypeParam* tp : params) tps.push_back(absl::StrCat(tp->obj()->name, " ", tp->constraint_name()));
        Errorf(e->pos, "cannot use generic type %s[%s] without instantiation", alias ? alias->name : n->obj()->name,
               absl::StrJoin(tps, ", "));
        return invalid;
      }
      if (auto* i = e->type->Underlying()->As<Interface>(); i && i->IsConstraint() && !in_constraint_) {
        Errorf(e->pos, "cannot use type %s outside a type constraint: interface contains type constraints",
               ExprString(e));
        return invalid;
      }
      return e->type;
    }
    case NodeKind::kParenExpr:
      return ResolveType(e->As<ParenExpr>()->x);
    case NodeKind::kStarExpr:
      return types_.NewPointer(ResolveType(e->As<StarExpr>()->x));
    case NodeKind::kArrayType: {
      auto* at = e->As<ArrayType>();
      Type* elem = ResolveType(at->elt);
      if (!at->len) return types_.NewSlice(elem);
      if (at->len->Is<Ellipsis>()) {
        Errorf(at->len->pos, "invalid use of [...] array (outside a composite literal)");
        return invalid;
      }
      CheckExpr(at->len);
      if (at->len->mode != ExprMode::kConstant) {
        if (at->len->mode != ExprMode::kInvalid)
          Errorf(at->len->pos, "array length %s (%s) must be constant", ExprString(at->len),
                 Describe(at->len));
        return invalid;
      }
      // As types2's arrayLength: an untyped or integer constant that is a
      // non-negative int; a typed float is not an integer even when integral.
      Basic* lb = UBasic(at->len->type);
      const bool integer_typed = lb && lb->IsInteger();
      std::optional<int64_t> v;
      if (IsUntyped(at->len->type) || integer_typed) {
        auto n = at->len->constant->ToInt();
        v = n ? n->Int64() : std::nullopt;
      }
      if (!v || *v < 0) {
        if (integer_typed) Errorf(StartPos(at->len), "invalid array length %s", Describe(at->len));
        else Errorf(StartPos(at->len), "array length %s must be integer", Describe(at->len));
        return invalid;
      }
      Type* arr = types_.NewArray(elem, *v);
      if (TooLarge(elem, *v)) {
        Errorf(at->pos, "type %s larger than address space", TypeString(arr));
        return invalid;
      }
      return arr;
    }
    case NodeKind::kMapType: {
      auto* mt = e->As<MapType>();
      Type* k = ResolveType(mt->key);
      Type* v = ResolveType(mt->value);
      if (k->As<Named>() && !k->As<Named>()->underlying()) {
        pending_map_keys_.push_back({k, mt->key->pos});
      } else if (k != invalid && !IsComparable(k)) {
        Errorf(mt->key->pos, "invalid map key type %s", TypeString(k));
      }
      return types_.NewMap(k, v);
    }
    case NodeKind::kChanType: {
      auto* ct = e->As<ChanType>();
      return types_.NewChan(ct->dir, ResolveType(ct->value));
    }
    case NodeKind::kFuncType: {
      auto* ft = e->As<FuncType>();
      Scope* tmp = program_.NewScope(scope_);
      return ResolveSignature(ft, nullptr, tmp, nullptr, nullptr);
    }
    case NodeKind::kStructType: {
      std::vector<StructField> fields;
      std::set<std::string> seen;
      for (const Field& f : e->As<StructType>()->fields) {
        Type* t = ResolveType(f.type_expr);
        // An empty tag ("" or ``) is no tag: the types are identical.
        std::string tag = f.tag == "\"\"" || f.tag == "``" ? std::string() : f.tag;
        if (f.names.empty()) {
          Expr* te = f.type_expr;
          if (auto* s = te->As<StarExpr>()) te = s->x;
          if (auto* ix = te->As<IndexExpr>()) te = ix->x;  // an embedded List[T]
          std::string name = te->As<Ident>()      ? te->As<Ident>()->name
                             : te->As<SelectorExpr>() ? te->As<SelectorExpr>()->sel->name
                                                    : "?";
          if (!seen.insert(name).second) Errorf(f.pos, "%s redeclared", name);
          Object* o = program_.NewObject(ObjectKind::kVar, name, f.pos, pkg_);
          o->type = t;
          o->is_field = true;
          fields.push_back({name, t, true, tag, o});
        }
        for (Ident* id : f.names) {
          if (id->name != "_" && !seen.insert(id->name).second)
            Errorf(id->pos, "%s redeclared", id->name);
          Object* o = program_.NewObject(ObjectKind::kVar, id->name, id->pos, pkg_);
          o->type = t;
          o->is_field = true;
          id->object = o;
          fields.push_back({id->name, t, false, tag, o});
        }
      }
      return types_.NewStruct(std::move(fields));
    }
    case NodeKind::kInterfaceType: {
      std::vector<InterfaceMethod> methods;
      std::vector<std::vector<TypeTerm>> unions;
      bool comparable = false;
      for (const Field& f : e->As<InterfaceType>()->elems) {
        if (f.names.size() == 1) {
          auto* ft = f.type_expr->As<FuncType>();
          Scope* tmp = program_.NewScope(scope_);
          Func* sig = ResolveSignature(ft, nullptr, tmp, nullptr, nullptr);
          for (auto& m : methods)
            if (m.name == f.names[0]->name) Errorf(f.names[0]->pos, "duplicate method %s", m.name);
          methods.push_back({f.names[0]->name, sig});
          continue;
        }
        AddInterfaceElem(f.type_expr, &methods, &unions, &comparable);
      }
      // Methods reached twice through embedding are one (identical signatures).
      std::sort(methods.begin(), methods.end(),
                [](const InterfaceMethod& a, const InterfaceMethod& b) { return a.name < b.name; });
      methods.erase(std::unique(methods.begin(), methods.end(),
                                [](const InterfaceMethod& a, const InterfaceMethod& b) {
                                  return a.name == b.name && Identical(a.sig, b.sig);
                                }),
                    methods.end());
      Interface* iface = types_.NewInterface(std::move(methods));
      iface->SetTypeSet(std::move(unions), comparable);
      return iface;
    }
    default:
      Errorf(e->pos, "%s is not a type", ExprString(e));
      return invalid;
  }
}

}  // namespace gojit::frontend
