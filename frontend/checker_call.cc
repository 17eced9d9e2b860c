// Calls, conversions, builtins, selectors, index and slice expressions, function
// literals (Go spec, "Calls", "Conversions", "Built-in functions", "Selectors",
// "Index expressions", "Slice expressions"). Composite literals: checker_composite.cc.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "frontend/checker.h"

namespace gojit::frontend {

void Checker::CheckCall(CallExpr* e) {
  CheckExpr(e->fun);
  bool args_checked = false;
  if (e->fun->mode != ExprMode::kInvalid) {
    if (Object* generic = GenericFuncOf(e->fun)) {
      if (!CheckGenericCall(e, generic)) return;
      args_checked = true;
    }
    // F[int](x): a direct call of the instance.
    if (auto* ix = Unparen(e->fun)->As<IndexExpr>();
        ix && ix->x->type && ix->x->type->Underlying()->As<Func>() && ix->mode == ExprMode::kValue)
      e->fun = ix->x;
  }
  Expr* fun = e->fun;
  switch (fun->mode) {
    case ExprMode::kInvalid:
      for (Expr* a : e->args) CheckExpr(a);
      return;
    case ExprMode::kTypeExpr:
      return CheckConversion(e, fun->type);
    case ExprMode::kBuiltin: {
      return CheckBuiltin(e, BuiltinOf(fun));
    }
    case ExprMode::kPackage:
      Errorf(fun->pos, "use of package %s not in selector", ExprString(fun));
      return;
    default:
      break;
  }
  Func* sig = fun->type ? fun->type->Underlying()->As<Func>() : nullptr;
  if (!sig) {
    Errorf(StartPos(e), "invalid operation: cannot call %s: %s is not a function", Describe(fun),
           fun->type ? TypeString(fun->type) : "invalid type");
    for (Expr* a : e->args) CheckExpr(a);
    return;
  }
  CheckArguments(e, sig, ExprString(fun), args_checked);
  auto& results = sig->results()->elems();
  if (results.empty()) {
    e->mode = ExprMode::kNoValue;
    e->type = types_.empty_tuple();
  } else if (results.size() == 1) {
    e->mode = ExprMode::kValue;
    e->type = results[0];
  } else {
    e->mode = ExprMode::kValue;
    e->type = sig->results();
  }
}

void Checker::CheckArguments(CallExpr* e, Func* sig, std::string_view callee, bool args_checked) {
  auto& params = sig->params()->elems();
  // f(g()) where g returns several values.
  std::vector<Type*> arg_types;
  std::vector<Expr*> args = e->args;
  bool spread = false;
  if (args.size() == 1 && !e->has_ellipsis) {
    if (!args_checked) CheckExpr(args[0]);
    if (args[0]->mode == ExprMode::kInvalid) return;
    // A call of no value is not an empty list of arguments: "(no value) used as
    // value", as anywhere else a value is wanted.
    if (auto* t = args[0]->type ? args[0]->type->As<Tuple>() : nullptr; t && t->size() > 1) {
      spread = true;
      arg_types = t->elems();
    } else if (!RequireValue(args[0])) {
      return;
    }
  } else {
    bool ok = true;
    for (size_t i = 0; i < args.size(); ++i) {
      Type* hint = i < params.size() ? params[i] : nullptr;
      if (!(args_checked ? RequireValue(args[i]) : CheckValue(args[i], hint))) ok = false;
    }
    if (!ok) return;
  }
  size_t nargs = spread ? arg_types.size() : args.size();
  auto describe_have = [&] {
    std::vector<std::string> parts;
    if (spread) {
      for (Type* t : arg_types) parts.push_back(TypeString(t));
    } else {
      for (Expr* a : args) parts.push_back(SummaryTypeString(a->type));
    }
    return absl::StrCat("(", absl::StrJoin(parts, ", "), ")");
  };
  auto want = [&] {
    std::string s = TypeString(sig);
    return s.substr(4, s.find(')') - 3);  // "func(int, string) bool" -> "(int, string)"
  };
  if (e->has_ellipsis) {
    if (!sig->variadic()) {
      Errorf(e->args.back()->pos, "have (...) used with non-variadic function %s", std::string(callee));
      return;
    }
    if (nargs != params.size()) {
      Errorf(nargs < params.size() ? e->rparen : args[params.size()]->pos,
             "%s arguments in call to %s\n\thave %s\n\twant %s",
             nargs < params.size() ? "not enough" : "too many", std::string(callee), describe_have(), want());
      return;
    }
    for (size_t i = 0; i < nargs; ++i) Assign(args[i], params[i], absl::StrCat("argument to ", std::string(callee)));
    return;
  }
  size_t fixed = sig->variadic() ? params.size() - 1 : params.size();
  if (nargs < fixed || (!sig->variadic() && nargs > fixed)) {
    bool few = nargs < fixed;
    // types2: too many at the first extra argument; too few at the last argument,
    // or at the call when it has none.
    Pos at = !few ? (spread ? args[0]->pos : args[fixed]->pos)
             : nargs == 0 || spread ? StartPos(e)
                                    : StartPos(args[nargs - 1]);
    Errorf(at, "%s arguments in call to %s\n\thave %s\n\twant %s", few ? "not enough" : "too many",
           std::string(callee), describe_have(), want());
    return;
  }
  if (spread) {
    for (size_t i = 0; i < nargs; ++i) {
      Type* want_t = i < fixed ? params[i] : params.back()->As<Slice>()->elem();
      std::string reason;
      if (!Assignable(arg_types[i], nullptr, want_t, &reason)) {
        Errorf(args[0]->pos, "cannot use %s (value of type %s) as %s value in argument to %s%s",
               ExprString(args[0]), TypeString(arg_types[i]), TypeString(want_t), std::string(callee),
               reason.empty() ? "" : absl::StrCat(": ", reason));
      }
    }
    return;
  }
  for (size_t i = 0; i < nargs; ++i) {
    Type* want_t = i < fixed ? params[i] : params.back()->As<Slice>()->elem();
    Assign(args[i], want_t, absl::StrCat("argument to ", std::string(callee)));
  }
}

void Checker::CheckConversion(CallExpr* e, Type* t) {
  if (e->args.size() != 1 || e->has_ellipsis) {
    for (Expr* a : e->args) CheckExpr(a);
    if (e->args.empty())
      Errorf(e->rparen, "missing argument in conversion to %s", TypeString(t));
    else
      Errorf(e->args.back()->pos, "too many arguments in conversion to %s", TypeString(t));
    return;
  }
  Expr* x = e->args[0];
  if (!CheckValue(x, t)) return;
  Type* tu = t->Underlying();
  Basic* tb = tu->As<Basic>();
  Basic* xb = UBasic(x->type);
  auto fail = [&] {
    Errorf(x->pos, "cannot convert %s to type %s", Describe(x), TypeString(t));
  };
  // unsafe.Pointer takes no constant but nil; a typed constant converts at run time.
  bool to_unsafe = tb && tb->basic() == BasicKind::kUnsafePointer;
  if (to_unsafe && IsUntyped(x->type) && !IsBasicKind(x->type, BasicKind::kUntypedNil)) return fail();
  if (x->mode == ExprMode::kConstant && tb && xb && !IsInterface(t) && !to_unsafe) {
    ConstValue v = *x->constant;
    // Constant conversions yield constants (except to/from non-basic types).
    if (tb->IsString() && xb->IsInteger()) {
      auto i = v.ToInt();
      std::string s;
      int64_t r = i && i->Int64() ? *i->Int64() : 0xFFFD;
      if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r < 0xE000)) r = 0xFFFD;
      // UTF-8 encode r.
      if (r < 0x80) s.push_back(static_cast<char>(r));
      else if (r < 0x800) { s.push_back(static_cast<char>(0xC0 | (r >> 6))); s.push_back(static_cast<char>(0x80 | (r & 0x3F))); }
      else if (r < 0x10000) { s.push_back(static_cast<char>(0xE0 | (r >> 12))); s.push_back(static_cast<char>(0x80 | ((r >> 6) & 0x3F))); s.push_back(static_cast<char>(0x80 | (r & 0x3F))); }
      else { s.push_back(static_cast<char>(0xF0 | (r >> 18))); s.push_back(static_cast<char>(0x80 | ((r >> 12) & 0x3F))); s.push_back(static_cast<char>(0x80 | ((r >> 6) & 0x3F))); s.push_back(static_cast<char>(0x80 | (r & 0x3F))); }
      SetConst(e, t, ConstValue::String(s));
      return;
    }
    bool kinds_ok = (tb->IsNumeric() && xb->IsNumeric()) || (tb->IsString() && xb->IsString()) ||
                    (tb->IsBoolean() && xb->IsBoolean());
    if (!kinds_ok) return fail();
    ConstValue rounded;
    std::string why;
    // Numeric constant conversions to integers must be exact; floats round.
    if (tb->IsInteger() && !xb->IsInteger() && !v.ToInt()) {
      Errorf(x->pos, "cannot convert %s to type %s (truncated)", Describe(x), TypeString(t));
      return;
    }
    if (!Representable(x, v, t, &rounded, &why)) {
      if (why == "overflows") {
        Errorf(x->pos, "cannot convert %s to type %s (%s)", Describe(x), TypeString(t), "overflows");
      } else {
        fail();
      }
      return;
    }
    SetConst(e, t, rounded);
    Convert(x, tb->IsInteger() && !xb->IsInteger() ? DefaultType(types_, x->type) : t);
    return;
  }
  // Non-constant conversions (Go spec, "Conversions").
  if (IsUntyped(x->type)) {
    if (IsBasicKind(x->type, BasicKind::kUntypedNil)) {
      if (!Convert(x, t)) return fail();
    } else if (IsInterface(t) || !Convert(x, t)) {
      DefaultConvert(x);
    }
  }
  Type* from = x->type;
  Type* fu = from->Underlying();
  std::string reason;
  bool ok = Assignable(from, x, t, &reason) || Identical(fu, tu);
  if (!ok && fu->As<Pointer>() && tu->As<Pointer>())
    ok = Identical(fu->As<Pointer>()->elem()->Underlying(), tu->As<Pointer>()->elem()->Underlying());
  Basic* fb = fu->As<Basic>();
  // Go 1.17: a slice converts to a pointer to an array of its element type.
  if (!ok && fu->As<Slice>() && tu->As<Pointer>()) {
    auto* arr = tu->As<Pointer>()->elem()->Underlying()->As<Array>();
    ok = arr && Identical(arr->elem(), fu->As<Slice>()->elem());
  }
  // Go 1.20: and to an array of its element type.
  if (!ok && fu->As<Slice>() && tu->As<Array>()) ok = Identical(tu->As<Array>()->elem(), fu->As<Slice>()->elem());
  if (!ok && fb && tb) {
    ok = (fb->IsNumeric() && tb->IsNumeric()) ||
         (tb->IsString() && fb->IsInteger()) ||
         (tb->IsString() && fb->IsString());
  }
  // Package unsafe: *T <-> unsafe.Pointer <-> uintptr.
  if (!ok) {
    bool from_unsafe = fb && fb->basic() == BasicKind::kUnsafePointer;
    ok = (to_unsafe && (fu->As<Pointer>() || (fb && fb->basic() == BasicKind::kUintptr))) ||
         (from_unsafe && (tu->As<Pointer>() || (tb && tb->basic() == BasicKind::kUintptr)));
  }
  if (!ok && tb && tb->IsString()) {
    if (auto* s = fu->As<Slice>()) {
      Basic* eb = UBasic(s->elem());
      ok = eb && (eb->basic() == BasicKind::kUint8 || eb->basic() == BasicKind::kInt32);
    }
  }
  if (!ok && fb && fb->IsString()) {
    if (auto* s = tu->As<Slice>()) {
      Basic* eb = UBasic(s->elem());
      ok = eb && (eb->basic() == BasicKind::kUint8 || eb->basic() == BasicKind::kInt32);
    }
  }
  if (!ok) return fail();
  e->type = t;
  e->mode = ExprMode::kValue;
}

bool Checker::LookupFieldOrMethod(Type* t, const std::string& name, Selection* sel) {
  // Breadth-first over embedded fields, as the spec's depth rule requires.
  struct Entry {
    Type* type;
    std::vector<int> path;
    bool indirect;
  };
  std::vector<Entry> level{{t, {}, false}};
  if (auto* p = t->As<Pointer>()) level = {{p->elem(), {}, true}};
  // A defined pointer type (type P *T) has no methods, but x.f is shorthand for
  // (*x).f when that denotes a field (spec, "Selectors").
  bool defined_pointer = false;
  if (t->As<Named>() != nullptr) {
    if (auto* p = t->Underlying()->As<Pointer>()) {
      level = {{p->elem(), {}, true}};
      defined_pointer = true;
    }
  }
  std::set<Type*> seen;
  while (!level.empty()) {
    std::vector<Entry> next;
    int found = 0;
    Selection hit;
    for (Entry& en : level) {
      Type* ty = en.type;
      if (!seen.insert(ty).second) continue;
      if (auto* named = ty->As<Named>()) {
        for (Object* m : named->methods()) {
          if (m->name == name) {
            ++found;
            hit = {m, en.path, en.indirect};
          }
        }
      }
      Type* u = ty->Underlying();
      if (auto* st = u->As<Struct>()) {
        for (size_t i = 0; i < st->fields().size(); ++i) {
          const StructField& f = st->fields()[i];
          std::vector<int> path = en.path;
          path.push_back(static_cast<int>(i));
          if (f.name == name) {
            ++found;
            hit = {f.object, path, en.indirect};
          }
          if (f.embedded) {
            Type* ft = f.type;
            bool ind = en.indirect;
            if (auto* p = ft->As<Pointer>()) ft = p->elem(), ind = true;
            next.push_back({ft, path, ind});
          }
        }
      }
      // Methods of an interface: the value's own (t itself an interface) or those of
      // an embedded interface field, promoted like any other.
      if (auto* it = u->As<Interface>(); it && (!en.path.empty() || !t->As<Pointer>())) {
        for (auto& m : it->methods()) {
          if (m.name == name) {
            Object* o = program_.NewObject(ObjectKind::kFunc, name, Pos{}, nullptr);
            o->type = m.sig;
            o->recv_type = ty;
            ++found;
            hit = {o, en.path, en.indirect};
          }
        }
      }
    }
    if (found == 1) {
      if (defined_pointer && hit.obj->kind == ObjectKind::kFunc) return false;
      *sel = hit;
      return true;
    }
    if (found > 1) return false;  // ambiguous
    level = std::move(next);
  }
  return false;
}

// An unexported field or method is a different name in every package (spec,
// "Uniqueness of identifiers"): this package may not select another's. gc reports
// such a selector as it reports a missing one.
bool Checker::Accessible(const Object* member) const {
  return member->pkg == nullptr || member->pkg == pkg_ || member->name.empty() ||
         isupper(static_cast<unsigned char>(member->name[0]));
}

void Checker::CheckSelector(SelectorExpr* e) {
  const std::string& name = e->sel->name;
  if (auto* id = e->x->As<Ident>()) {
    Object* obj = scope_->Lookup(id->name);
    if (obj && obj->kind == ObjectKind::kPkgName) {
      id->object = obj;
      id->mode = ExprMode::kPackage;
      obj->used = true;
      Object* member = obj->imported->scope->LookupLocal(name);
      if (!member || !isupper(static_cast<unsigned char>(name[0]))) {
        Errorf(e->sel->pos, "undefined: %s.%s", id->name, name);
        return;
      }
      // Checked again after a generic call pointed it at an instance: it stays.
      if (!(e->sel->object && e->sel->object->instance_scope && member->generic))
        e->sel->object = member;
      member = e->sel->object;
      switch (member->kind) {
        case ObjectKind::kConst:
          e->mode = ExprMode::kConstant;
          e->type = member->type;
          e->constant = member->constant;
          return;
        case ObjectKind::kTypeName:
          e->mode = ExprMode::kTypeExpr;
          e->type = member->type;
          return;
        case ObjectKind::kVar:
          e->mode = ExprMode::kVariable;
          e->type = member->type;
          return;
        case ObjectKind::kFunc:
          e->mode = ExprMode::kValue;
          e->type = member->type;
          return;
        case ObjectKind::kBuiltin:  // unsafe.Sizeof, ...
          e->mode = ExprMode::kBuiltin;
          return;
        default:
          return;
      }
    }
  }
  CheckExpr(e->x);
  if (e->x->mode == ExprMode::kInvalid) return;
  if (e->x->mode == ExprMode::kTypeExpr) {
    // A method expression T.m or (*T).m.
    Selection sel;
    if (!LookupFieldOrMethod(e->x->type, name, &sel) || sel.obj->kind != ObjectKind::kFunc ||
        !Accessible(sel.obj)) {
      Errorf(e->sel->pos, "%s undefined (type %s has no method %s)", ExprString(e),
             TypeString(e->x->type), name);
      return;
    }
    Func* m = sel.obj->type->As<Func>();
    std::vector<Type*> params{e->x->type};
    for (Type* p : m->params()->elems()) params.push_back(p);
    e->sel->object = sel.obj;
    e->path = sel.path;
    e->type = types_.NewFunc(types_.NewTuple(params), m->results(), m->variadic());
    e->mode = ExprMode::kValue;
    AddMethodDep(sel.obj);
    return;
  }
  if (!RequireValue(e->x)) return;
  Selection sel;
  if (!LookupFieldOrMethod(e->x->type, name, &sel) || !Accessible(sel.obj)) {
    Type* t = e->x->type;
    if (auto* p = t->Underlying()->As<Pointer>(); p && p->elem()->Underlying()->As<Pointer>()) {
      Errorf(e->sel->pos, "%s undefined (type %s has no field or method %s)", ExprString(e),
             TypeString(t), name);
      return;
    }
    if (sel.obj != nullptr && !Accessible(sel.obj)) {
      Errorf(e->sel->pos, "%s undefined (cannot refer to unexported %s %s)", ExprString(e),
             sel.obj->kind == ObjectKind::kFunc ? "method" : "field", name);
      return;
    }
    // types2's lookupError: a member whose name differs only in its first
    // letter's case is named.
    std::string hint;
    std::string flipped = name;
    if (!flipped.empty() && isalpha(static_cast<unsigned char>(flipped[0]))) {
      flipped[0] = isupper(static_cast<unsigned char>(flipped[0])) ? static_cast<char>(tolower(flipped[0]))
                                                                   : static_cast<char>(toupper(flipped[0]));
      Selection other;
      if (LookupFieldOrMethod(t, flipped, &other) && Accessible(other.obj))
        hint = absl::StrCat(", but does have ", other.obj->kind == ObjectKind::kVar ? "field " : "method ", flipped);
    }
    Errorf(e->sel->pos, "%s undefined (type %s has no field or method %s%s)", ExprString(e), TypeString(t),
           name, hint);
    return;
  }
  e->sel->object = sel.obj;
  e->path = sel.path;
  if (sel.obj->kind == ObjectKind::kVar) {
    e->type = sel.obj->type;
    // Fields of addressable structs, or reached through a pointer, are variables.
    e->mode = (e->x->mode == ExprMode::kVariable || sel.indirect ||
               e->x->type->Underlying()->As<Pointer>())
                  ? ExprMode::kVariable
                  : ExprMode::kValue;
    return;
  }
  // A method value.
  if (sel.obj->pointer_recv && !sel.indirect && !e->x->type->Underlying()->As<Pointer>()) {
    if (e->x->mode != ExprMode::kVariable) {
      Errorf(e->pos, "cannot call pointer method %s on %s", name, TypeString(e->x->type));
      return;
    }
    MarkAddressTaken(e->x);
  }
  e->type = sel.obj->type;
  e->mode = ExprMode::kValue;
  AddMethodDep(sel.obj);
}

// go/types' addDeclDep for a selected method. An interface's methods (the value's
// own or promoted from an embedded interface) are synthetic objects of no package,
// and a method of another package cannot refer back to this one's variables.
void Checker::AddMethodDep(Object* m) {
  if (decl_ && m->kind == ObjectKind::kFunc && m->recv_type && m->pkg == pkg_)
    deps_[decl_].insert(m);
}

void Checker::CheckIndex(IndexExpr* e) {
  CheckExpr(e->x);
  if (e->x->mode == ExprMode::kInvalid) {
    for (Expr* i : e->indices) CheckExpr(i);
    return;
  }
  if (Object* generic = GenericFuncOf(e->x)) return CheckGenericIndex(e, generic);
  if (e->x->mode == ExprMode::kTypeExpr) {
    Object* named_by = nullptr;
    if (auto* id = e->x->As<Ident>()) named_by = id->object;
    if (auto* sel = e->x->As<SelectorExpr>()) named_by = sel->sel->object;
    if (named_by && named_by->generic_alias) return CheckGenericAliasIndex(e, named_by);
    if (auto* n = e->x->type->As<Named>(); n && n->IsGeneric()) return CheckGenericTypeIndex(e, n);
    Errorf(e->pos, "%s is not a generic type", TypeString(e->x->type));
    return;
  }
  if (!RequireValue(e->x)) return;
  if (e->indices.size() != 1) {
    Errorf(e->pos, "unexpected comma; expected ]");
    return;
  }
  Expr* index = e->indices[0];
  Type* u = e->x->type->Underlying();
  if (auto* m = u->As<Map>()) {
    if (!CheckValue(index)) return;
    Assign(index, m->key(), "map index");
    e->type = m->elem();
    e->mode = ExprMode::kMapIndex;
    return;
  }
  int64_t length = -1;
  Type* elem = nullptr;
  ExprMode mode = ExprMode::kVariable;
  if (auto* b = u->As<Basic>(); b && b->IsString()) {
    elem = types_.byte_type();
    mode = ExprMode::kValue;
    if (e->x->mode == ExprMode::kConstant) length = static_cast<int64_t>(e->x->constant->s.size());
  } else if (auto* a = u->As<Array>()) {
    elem = a->elem();
    length = a->len();
    mode = e->x->mode == ExprMode::kVariable ? ExprMode::kVariable : ExprMode::kValue;
  } else if (auto* p = u->As<Pointer>(); p && p->elem()->Underlying()->As<Array>()) {
    auto* a = p->elem()->Underlying()->As<Array>();
    elem = a->elem();
    length = a->len();
  } else if (auto* s = u->As<Slice>()) {
    elem = s->elem();
  } else {
    Errorf(e->pos, "invalid operation: cannot index %s", Describe(e->x));
    CheckExpr(index);
    return;
  }
  if (!CheckValue(index)) return;
  Basic* ib = UBasic(index->type);
  if (!ib || !ib->IsNumeric() || (!IsUntyped(index->type) && !ib->IsInteger())) {
    Errorf(index->pos, "invalid argument: index %s must be integer", Describe(index));
    return;
  }
  if (index->mode == ExprMode::kConstant) {
    auto v = index->constant->ToInt();
    if (!v) {
      Errorf(index->pos, "invalid argument: index %s must be integer", Describe(index));
      return;
    }
    if (v->i.isNegative()) {
      Errorf(index->pos, "invalid argument: index %s must not be negative", Describe(index));
      return;
    }
    if (length >= 0 && v->FitsInt(64, false) && *v->Int64() >= length) {
      Errorf(index->pos, "invalid argument: index %s out of bounds [0:%d]", ExprString(index), length);
      return;
    }
    if (IsUntyped(index->type)) Convert(index, types_.basic(BasicKind::kInt));
  }
  // Indexing a constant string gives a byte value, never a constant (the spec).
  if (e->x->mode == ExprMode::kConstant && IsUntyped(e->x->type)) Convert(e->x, types_.basic(BasicKind::kString));
  e->type = elem;
  e->mode = mode;
}

void Checker::CheckSliceExpr(SliceExpr* e) {
  if (!CheckValue(e->x)) return;
  Type* u = e->x->type->Underlying();
  for (Expr* b : {e->lo, e->hi, e->max}) {
    if (!b) continue;
    if (!CheckValue(b)) return;
    Basic* bb = UBasic(b->type);
    if (!bb || !bb->IsInteger()) {
      if (!(b->mode == ExprMode::kConstant && b->constant->ToInt())) {
        Errorf(b->pos, "invalid argument: index %s must be integer", Describe(b));
        return;
      }
    }
    if (b->mode == ExprMode::kConstant) {
      auto v = b->constant->ToInt();
      if (v && v->i.isNegative()) {
        Errorf(b->pos, "invalid argument: index %s must not be negative", Describe(b));
        return;
      }
    }
    if (IsUntyped(b->type)) Convert(b, types_.basic(BasicKind::kInt));
  }
  if (auto* b = u->As<Basic>(); b && b->IsString()) {
    if (e->slice3) {
      Errorf(e->pos, "invalid operation: 3-index slice of string");
      return;
    }
    e->type = IsUntyped(e->x->type) ? types_.basic(BasicKind::kString) : e->x->type;
    if (IsUntyped(e->x->type)) Convert(e->x, e->type);
  } else if (auto* a = u->As<Array>()) {
    if (e->x->mode != ExprMode::kVariable) {
      Errorf(e->pos, "invalid operation: %s (slice of unaddressable value)", ExprString(e));
      return;
    }
    MarkAddressTaken(e->x);
    e->type = types_.NewSlice(a->elem());
  } else if (auto* p = u->As<Pointer>(); p && p->elem()->Underlying()->As<Array>()) {
    e->type = types_.NewSlice(p->elem()->Underlying()->As<Array>()->elem());
  } else if (u->As<Slice>()) {
    e->type = e->x->type;
  } else {
    Errorf(e->pos, "cannot slice %s", Describe(e->x));
    return;
  }
  if (!CheckConstantSliceIndices(e, u)) return;
  e->mode = ExprMode::kValue;
}

// types2's rules for constant slice indices: within the capacity where it is known
// statically (constant strings, arrays, pointers to arrays: 0 <= i <= len), and in
// order (lo <= hi <= max, a missing hi or max being the length). Reports one error.
bool Checker::CheckConstantSliceIndices(SliceExpr* e, Type* u) {
  int64_t length = -1;
  if (auto* b = u->As<Basic>(); b && b->IsString() && e->x->mode == ExprMode::kConstant) {
    length = static_cast<int64_t>(e->x->constant->s.size());
  } else if (auto* a = u->As<Array>()) {
    length = a->len();
  } else if (auto* p = u->As<Pointer>(); p && p->elem()->Underlying()->As<Array>()) {
    length = p->elem()->Underlying()->As<Array>()->len();
  }
  Expr* bounds[3] = {e->lo, e->hi, e->max};
  int64_t values[3];
  for (int i = 0; i < 3; ++i) {
    Expr* b = bounds[i];
    values[i] = i == 0 ? 0 : length;  // the defaults; -1 for unknown
    if (!b) continue;
    values[i] = -1;
    if (b->mode != ExprMode::kConstant || !b->constant) continue;
    std::optional<int64_t> v = b->constant->Int64();
    if (!v) continue;
    if (length >= 0 && *v > length) {
      Errorf(b->pos, "invalid argument: index %s out of bounds [0:%d]", b->constant->String_(), length + 1);
      return false;
    }
    values[i] = *v;
  }
  for (int i = 0; i < 2; ++i) {
    if (values[i] <= 0) continue;
    for (int j = i + 1; j < 3; ++j) {
      if (bounds[j] && values[j] >= 0 && values[j] < values[i]) {
        Errorf(bounds[j]->pos, "invalid slice indices: %d < %d", values[j], values[i]);
        return true;  // reported; the expression's type stands
      }
    }
  }
  return true;
}

void Checker::CheckFuncLit(FuncLit* e) {
  Scope* fscope = program_.NewScope(scope_);
  fscope->is_func = true;
  std::vector<Object*> params, results;
  Scope* saved = scope_;
  scope_ = fscope;
  Func* sig = ResolveSignature(e->func_type, nullptr, fscope, &params, &results);
  bool named = !e->func_type->results.empty() && !e->func_type->results[0].names.empty();
  auto saved_targets = std::move(targets_);
  targets_.clear();
  CheckFuncBody(sig, params, results, e->body, named);
  targets_ = std::move(saved_targets);
  scope_ = saved;
  e->type = sig;
  e->mode = ExprMode::kValue;
}

void Checker::CheckTypeAssert(TypeAssertExpr* e) {
  if (!CheckValue(e->x)) return;
  if (!IsInterface(e->x->type)) {
    Errorf(e->x->pos, "invalid operation: %s is not an interface", Describe(e->x));
    return;
  }
  if (!e->type_expr) {
    Errorf(e->pos, "invalid syntax tree: use of .(type) outside type switch");
    return;
  }
  Type* t = ResolveType(e->type_expr);
  if (!IsInterface(t) && !checking_instance_) {
    std::string missing;
    if (!Implements(t, e->x->type->Underlying()->As<Interface>(), &missing)) {
      Errorf(e->type_expr->pos, "impossible type assertion: %s\n\t%s does not implement %s%s",
             ExprString(e), TypeString(t), TypeString(e->x->type), MissingNote(missing));
      return;
    }
  }
  e->type = t;
  e->mode = ExprMode::kCommaOk;
}

}  // namespace gojit::frontend
