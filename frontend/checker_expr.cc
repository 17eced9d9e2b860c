// Expressions: operands, operators, untyped constants and their conversion, and
// assignability (Go spec, "Expressions", "Constants", "Assignability").
//
// Messages follow gc 1.26 (types2) word for word where the test suite checks them:
// "invalid operation: x + y (mismatched types int and string)",
// "cannot use x (variable of type int) as string value in assignment",
// "256 (untyped int constant) overflows uint8". Positions are types2's: an error
// about an operation where its left operand starts (StartPos, ast.h), a comparison of
// mismatched types at its right operand.
#include "absl/strings/str_cat.h"
#include "frontend/checker.h"

namespace gojit::frontend {
namespace {


// Rank of untyped numeric kinds: int < rune < float < complex.
int UntypedRank(BasicKind k) {
  switch (k) {
    case BasicKind::kUntypedInt: return 1;
    case BasicKind::kUntypedRune: return 2;
    case BasicKind::kUntypedFloat: return 3;
    case BasicKind::kUntypedComplex: return 4;
    default: return 0;
  }
}

}  // namespace

void Checker::SetConst(Expr* e, Type* t, ConstValue v) {
  e->mode = ExprMode::kConstant;
  e->type = t;
  e->constant = std::make_shared<ConstValue>(std::move(v));
}

void Checker::MarkUsed(Expr* e) {
  e = Unparen(e);
  if (auto* id = e->As<Ident>(); id && id->object) id->object->used = true;
}

void Checker::MarkAddressTaken(Expr* e) {
  e = Unparen(e);
  if (auto* id = e->As<Ident>(); id && id->object && id->object->kind == ObjectKind::kVar)
    id->object->escapes = true;
  // A qualified identifier (pkg.V: s->x has no type) names a package variable,
  // which lives in memory anyway.
  if (auto* s = e->As<SelectorExpr>();
      s && s->x->type != nullptr && !s->x->type->Underlying()->As<Pointer>())
    MarkAddressTaken(s->x);
  if (auto* ix = e->As<IndexExpr>(); ix && ix->x->type && ix->x->type->Underlying()->As<Array>())
    MarkAddressTaken(ix->x);
}

bool Checker::CheckValue(Expr* e, Type* hint) {
  CheckExpr(e, hint);
  // A generic function where a function type is expected: instantiated for it.
  if (hint) InferFromTarget(e, hint);
  return RequireValue(e);
}

// Checks a single-value rhs, reporting a call with several results as gc does
// ("assignment mismatch: 1 variable but f returns 2 values").
bool Checker::CheckSingleRhs(Expr* e, Type* hint, Pos pos) {
  CheckExpr(e, hint);
  if (hint) InferFromTarget(e, hint);
  if (auto* t = e->type ? e->type->As<Tuple>() : nullptr;
      t && t->size() != 1 && e->mode != ExprMode::kInvalid && e->mode != ExprMode::kNoValue) {
    MismatchError(pos, 1, e, 1);
    e->mode = ExprMode::kInvalid;
    return false;
  }
  return RequireValue(e);
}

bool Checker::RequireValue(Expr* e) {
  switch (e->mode) {
    case ExprMode::kInvalid:
      return false;
    case ExprMode::kNoValue:
      Errorf(e->pos, "%s (no value) used as value", ExprString(e));
      break;
    case ExprMode::kBuiltin:
      Errorf(e->pos, "%s must be called", Describe(e));
      break;
    case ExprMode::kTypeExpr:
      Errorf(e->pos, "%s (type) is not an expression", ExprString(e));
      break;
    case ExprMode::kPackage:
      Errorf(e->pos, "use of package %s not in selector", ExprString(e));
      break;
    default:
      if (e->type && e->type->As<Tuple>()) {
        Errorf(StartPos(e), "multiple-value %s (value of type %s) in single-value context",
               ExprString(e), TypeString(e->type));
        break;
      }
      if (e->type && e->type->As<Func>() && ContainsTypeParams(e->type) && GenericFuncOf(e)) {
        Errorf(e->pos, "cannot use generic function %s without instantiation", ExprString(e));
        break;
      }
      return true;
  }
  e->mode = ExprMode::kInvalid;
  return false;
}

void Checker::CheckExpr(Expr* e, Type* hint) {
  // Checked already: a spread result, or the argument CheckBuiltin looked at first.
  if (auto* id = e->As<Ident>(); id && id->spread_result) return;
  if (e == prechecked_) {
    prechecked_ = nullptr;
    return;
  }
  e->mode = ExprMode::kInvalid;
  switch (e->kind) {
    case NodeKind::kIdent: CheckIdent(e->As<Ident>()); break;
    case NodeKind::kBasicLit: CheckBasicLit(e->As<BasicLit>()); break;
    case NodeKind::kParenExpr: {
      auto* p = e->As<ParenExpr>();
      CheckExpr(p->x, hint);
      e->mode = p->x->mode;
      e->type = p->x->type;
      e->constant = p->x->constant;
      break;
    }
    case NodeKind::kBinaryExpr: CheckBinary(e->As<BinaryExpr>()); break;
    case NodeKind::kUnaryExpr: CheckUnary(e->As<UnaryExpr>()); break;
    case NodeKind::kCallExpr: CheckCall(e->As<CallExpr>()); break;
    case NodeKind::kSelectorExpr: CheckSelector(e->As<SelectorExpr>()); break;
    case NodeKind::kIndexExpr: CheckIndex(e->As<IndexExpr>()); break;
    case NodeKind::kSliceExpr: CheckSliceExpr(e->As<SliceExpr>()); break;
    case NodeKind::kStarExpr: CheckStar(e->As<StarExpr>()); break;
    case NodeKind::kCompositeLit: CheckCompositeLit(e->As<CompositeLit>(), hint); break;
    case NodeKind::kFuncLit: CheckFuncLit(e->As<FuncLit>()); break;
    case NodeKind::kTypeAssertExpr: CheckTypeAssert(e->As<TypeAssertExpr>()); break;
    case NodeKind::kArrayType:
    case NodeKind::kMapType:
    case NodeKind::kChanType:
    case NodeKind::kFuncType:
    case NodeKind::kStructType:
    case NodeKind::kInterfaceType:
      e->type = ResolveType(e);
      e->mode = ExprMode::kTypeExpr;
      break;
    case NodeKind::kKeyValueExpr:
      Errorf(e->pos, "unexpected key:value expression");
      break;
    case NodeKind::kEllipsis:
      Errorf(e->pos, "invalid use of ...");
      break;
    case NodeKind::kBadExpr:
      break;
    default:
      Unsupported(e->pos, NodeKindName(e->kind));
  }
}

void Checker::CheckIdent(Ident* e) {
  if (e->name == "_") {
    Errorf(e->pos, "cannot use _ as value");
    return;
  }
  Object* obj = scope_->Lookup(e->name);
  if (!obj) {
    Errorf(e->pos, "undefined: %s", e->name);
    return;
  }
  // Checked again after a generic call pointed it at an instance: it stays.
  if (e->object && e->object->instance_scope && e->object->kind == ObjectKind::kFunc &&
      obj->generic)
    obj = e->object;
  e->object = obj;
  // An object of another package named without a selector came by a dot import.
  if (obj->pkg != nullptr && obj->pkg != pkg_ && obj->kind != ObjectKind::kPkgName) {
    for (DotImport& d : dot_imports_) {
      if (d.imported == obj->pkg && d.pos.file == e->pos.file) d.used = true;
    }
  }
  if (obj->pkg == pkg_ && obj->color != Object::Color::kBlack &&
      (obj->is_global || obj->kind == ObjectKind::kFunc || obj->kind == ObjectKind::kConst ||
       obj->kind == ObjectKind::kTypeName)) {
    ResolveObject(obj);
  }
  if (decl_ && (obj->kind == ObjectKind::kVar || obj->kind == ObjectKind::kFunc) &&
      obj->pkg == pkg_ && (obj->is_global || (obj->kind == ObjectKind::kFunc && !obj->recv_type)))
    deps_[decl_].insert(obj);
  switch (obj->kind) {
    case ObjectKind::kConst:
      if (obj->pkg == nullptr && obj->name == "iota") {
        if (iota_ < 0) {
          Errorf(e->pos, "cannot use iota outside constant declaration");
          return;
        }
        SetConst(e, obj->type, ConstValue::Int(iota_));
        return;
      }
      if (!obj->constant) return;  // invalid declaration, already reported
      e->mode = ExprMode::kConstant;
      e->type = obj->type;
      e->constant = obj->constant;
      obj->used = true;
      return;
    case ObjectKind::kTypeName:
      if (!obj->type) return;
      e->mode = ExprMode::kTypeExpr;
      e->type = obj->type;
      return;
    case ObjectKind::kVar:
      obj->used = true;
      if (!obj->type || IsBasicKind(obj->type, BasicKind::kInvalid)) return;
      e->mode = ExprMode::kVariable;
      e->type = obj->type;
      // A local variable used inside a closure it is not declared in is captured by
      // reference: it must live on the heap.
      if (!obj->is_global && func_) {
        bool local = false;
        for (Scope* s = scope_; s; s = s->parent) {
          if (s->LookupLocal(obj->name) == obj) break;
          if (s->is_func) { local = true; break; }
        }
        if (local) obj->escapes = true;
      }
      return;
    case ObjectKind::kFunc:
      if (!obj->type) return;
      e->mode = ExprMode::kValue;
      e->type = obj->type;
      obj->used = true;
      return;
    case ObjectKind::kPkgName:
      // A package name is only ever the left of a selector (CheckSelector); alone
      // it is an error and does not count as a use of the import (types2).
      Errorf(e->pos, "use of package %s not in selector", e->name);
      return;
    case ObjectKind::kBuiltin:
      e->mode = ExprMode::kBuiltin;
      return;
    case ObjectKind::kNil:
      e->mode = ExprMode::kValue;
      e->type = types_.basic(BasicKind::kUntypedNil);
      return;
    case ObjectKind::kLabel:
      Errorf(e->pos, "undefined: %s", e->name);
      return;
  }
}

void Checker::CheckBasicLit(BasicLit* e) {
  std::string error;
  auto v = ConstValue::FromLiteral(e->lit_kind, e->text, &error);
  if (!v) {
    Errorf(e->pos, "%s", error);
    return;
  }
  BasicKind k = BasicKind::kUntypedInt;
  switch (e->lit_kind) {
    case LitKind::kInt: k = BasicKind::kUntypedInt; break;
    case LitKind::kFloat: k = BasicKind::kUntypedFloat; break;
    case LitKind::kImag: k = BasicKind::kUntypedComplex; break;
    case LitKind::kChar: k = BasicKind::kUntypedRune; break;
    case LitKind::kString: k = BasicKind::kUntypedString; break;
  }
  if (v->kind == ConstValue::Kind::kInt && !v->FitsInt(512, false)) {
    Errorf(e->pos, "integer constant overflow");  // cmd/compile: "constant overflow"
    return;
  }
  SetConst(e, types_.basic(k), std::move(*v));
}

// Whether constant v can be represented by type t (Go spec, "Representability"). On
// success *rounded is v rounded to t (floats). *why is "overflows" or "truncated".
bool Checker::Representable(Expr* e, const ConstValue& v, Type* t, ConstValue* rounded,
                            std::string* why) {
  Basic* b = UBasic(t);
  *rounded = v;
  if (!b) return false;
  using K = ConstValue::Kind;
  if (b->IsBoolean()) return v.kind == K::kBool;
  if (b->IsString()) return v.kind == K::kString;
  if (v.kind == K::kBool || v.kind == K::kString) return false;
  if (b->IsInteger()) {
    auto i = v.ToInt();
    if (!i) {
      *why = "truncated";
      return false;
    }
    *rounded = *i;
    if (b->IsUntyped()) return true;
    if (!i->FitsInt(b->Size() * 8, b->IsUnsigned())) {
      *why = "overflows";
      return false;
    }
    return true;
  }
  if (b->IsFloat()) {
    if (v.kind == K::kComplex && !v.im.IsZero()) {
      *why = "truncated";
      return false;
    }
    ConstValue f = v.ToFloat();
    if (b->basic() == BasicKind::kFloat32 || b->basic() == BasicKind::kFloat64) {
      std::optional<double> x = f.f.Round(b->basic() == BasicKind::kFloat32 ? IeeeFormat::kBinary32
                                                                            : IeeeFormat::kBinary64);
      if (!x) {
        *why = "overflows";
        return false;
      }
      *rounded = ConstValue::Float(ConstFloat::FromDouble(*x));
      return true;
    }
    *rounded = f;
    return true;
  }
  if (b->IsComplex()) {
    ConstValue c = v.ToComplex();
    if (b->basic() == BasicKind::kComplex64 || b->basic() == BasicKind::kComplex128) {
      // Typed complex constants round each part to the part's float type.
      const IeeeFormat format =
          b->basic() == BasicKind::kComplex64 ? IeeeFormat::kBinary32 : IeeeFormat::kBinary64;
      for (ConstFloat* part : {&c.f, &c.im}) {
        std::optional<double> x = part->Round(format);
        if (!x) {
          *why = "overflows";
          return false;
        }
        *part = ConstFloat::FromDouble(*x);
      }
    }
    *rounded = c;
    return true;
  }
  return false;
}

// Converts an untyped operand to type t. Reports nothing: returns false with the
// reason left to the caller, except overflow which gc reports the same way everywhere.
bool Checker::Convert(Expr* e, Type* t) {
  if (!IsUntyped(e->type) || e->mode == ExprMode::kInvalid) return true;
  Type* target = t;
  Basic* from = e->type->As<Basic>();
  if (IsInterface(t)) {
    if (from->basic() == BasicKind::kUntypedNil) {
      e->type = t;
      return true;
    }
    target = DefaultType(types_, e->type);
  }
  Type* tu = target->Underlying();
  if (from->basic() == BasicKind::kUntypedNil) {
    switch (tu->kind()) {
      case TypeKind::kPointer: case TypeKind::kSlice: case TypeKind::kMap:
      case TypeKind::kChan: case TypeKind::kFunc: case TypeKind::kInterface:
        e->type = t;
        return true;
      case TypeKind::kBasic:
        if (tu->As<Basic>()->basic() == BasicKind::kUnsafePointer) {
          e->type = t;
          return true;
        }
        return false;
      default:
        return false;
    }
  }
  Basic* to = tu->As<Basic>();
  if (!to) return false;
  if (e->mode == ExprMode::kConstant) {
    ConstValue rounded;
    std::string why;
    if (!Representable(e, *e->constant, target, &rounded, &why)) {
      if (why == "overflows" || why == "truncated") {
        if (why == "truncated") {
          Errorf(e->pos, "%s truncated to %s", Describe(e), TypeString(target));
        } else {
          Errorf(e->pos, "%s overflows %s", Describe(e), TypeString(target));
        }
        e->mode = ExprMode::kInvalid;
        return true;  // reported
      }
      return false;
    }
    SetConst(e, target, std::move(rounded));
    return true;
  }
  // A non-constant untyped value: a comparison result or a shift of an untyped
  // constant. Check the kinds agree, then push the type down.
  bool ok = (from->IsBoolean() && to->IsBoolean()) || (from->IsNumeric() && to->IsNumeric()) ||
            (from->IsString() && to->IsString());
  if (!ok) return false;
  if (from->IsNumeric() && !from->IsBoolean() && !to->IsInteger() &&
      (e->Is<BinaryExpr>() && (e->As<BinaryExpr>()->op == Tok::kShl ||
                               e->As<BinaryExpr>()->op == Tok::kShr))) {
    Errorf(e->pos, "invalid operation: shifted operand %s (type %s) must be integer",
           ExprString(e->As<BinaryExpr>()->x), TypeString(target));
    e->mode = ExprMode::kInvalid;
    return true;
  }
  e->type = target;
  if (auto* p = e->As<ParenExpr>()) Convert(p->x, target);
  if (auto* u = e->As<UnaryExpr>()) Convert(u->x, target);
  if (auto* b = e->As<BinaryExpr>()) {
    bool cmp = b->op == Tok::kEql || b->op == Tok::kNeq || b->op == Tok::kLss ||
               b->op == Tok::kLeq || b->op == Tok::kGtr || b->op == Tok::kGeq;
    if (!cmp) {
      Convert(b->x, target);
      if (b->op != Tok::kShl && b->op != Tok::kShr) Convert(b->y, target);
    }
  }
  return true;
}

void Checker::DefaultConvert(Expr* e) {
  if (e->mode == ExprMode::kInvalid || !IsUntyped(e->type)) return;
  if (IsBasicKind(e->type, BasicKind::kUntypedNil)) return;
  Convert(e, DefaultType(types_, e->type));
}

bool Checker::Implements(Type* t, Interface* iface, std::string* missing) {
  for (const InterfaceMethod& m : iface->methods()) {
    Selection sel;
    bool found = false;
    if (Interface* ti = t->Underlying()->As<Interface>()) {
      for (auto& tm : ti->methods())
        if (tm.name == m.name && Identical(tm.sig, m.sig)) found = true;
    } else if (LookupFieldOrMethod(t, m.name, &sel) && sel.obj->kind == ObjectKind::kFunc) {
      found = Identical(sel.obj->type, m.sig);
      // A pointer-receiver method is not in the method set of the value type.
      if (found && sel.obj->pointer_recv && !t->As<Pointer>() && !sel.indirect) {
        *missing = absl::StrCat("method ", m.name, " has pointer receiver");
        return false;
      }
      if (!found) {
        // The have/want lines follow the parenthesis (MissingNote).
        std::string have = TypeString(sel.obj->type), want = TypeString(m.sig);
        auto strip = [](std::string sig) { return sig.rfind("func", 0) == 0 ? sig.substr(4) : sig; };
        *missing = absl::StrCat("wrong type for method ", m.name, "\n\t\thave ", m.name, strip(have),
                                "\n\t\twant ", m.name, strip(want));
        return false;
      }
    }
    if (!found) {
      *missing = absl::StrCat("missing method ", m.name);
      return false;
    }
  }
  return true;
}

std::string Checker::MissingNote(const std::string& missing) {
  size_t nl = missing.find('\n');
  if (nl == std::string::npos) return absl::StrCat(" (", missing, ")");
  return absl::StrCat(" (", missing.substr(0, nl), ")", missing.substr(nl));
}

// Named in the spec's sense: a defined type, a type parameter, or a predeclared type
// (int, bool, string, unsafe.Pointer...). Untyped constants' kinds are not types.
static bool IsNamedType(Type* t) {
  if (t->As<Named>() || t->As<TypeParam>()) return true;
  Basic* b = t->As<Basic>();
  return b != nullptr && !b->IsUntyped();
}

bool Checker::Assignable(Type* from, Expr* e, Type* to, std::string* reason) {
  if (Identical(from, to)) return true;
  Type* fu = from->Underlying();
  Type* tu = to->Underlying();
  // Identical underlying types, not type parameters, and at least one not a named
  // type: int is named, so an int is not assignable to type MyInt int.
  if (Identical(fu, tu) && !from->As<TypeParam>() && !to->As<TypeParam>() &&
      (!IsNamedType(from) || !IsNamedType(to)))
    return true;
  if (Interface* iface = tu->As<Interface>()) {
    std::string missing;
    if (Implements(from, iface, &missing)) return true;
    *reason = absl::StrCat(TypeString(from), " does not implement ", TypeString(to),
                           MissingNote(missing));
    return false;
  }
  // Bidirectional channel to directional channel with identical elements.
  if (auto* fc = fu->As<Chan>()) {
    if (auto* tc = tu->As<Chan>()) {
      if (fc->dir() == ChanDir::kBoth && Identical(fc->elem(), tc->elem()) &&
          (!IsNamedType(from) || !IsNamedType(to)))
        return true;
    }
  }
  return false;
}

bool Checker::Assign(Expr* e, Type* t, std::string_view context) {
  if (e->mode == ExprMode::kInvalid || !t || IsBasicKind(t, BasicKind::kInvalid)) return false;
  if (IsUntyped(e->type)) {
    std::string before = Describe(e);
    if (e->mode == ExprMode::kConstant && UBasic(t) && !IsInterface(t)) {
      ConstValue rounded;
      std::string why;
      if (!Representable(e, *e->constant, t, &rounded, &why)) {
        Errorf(StartPos(e), "cannot use %s as %s value in %s%s", before, TypeString(t), context,
               why.empty() ? "" : absl::StrCat(" (", why, ")"));
        e->mode = ExprMode::kInvalid;
        return false;
      }
    }
    if (!Convert(e, t)) {
      Errorf(StartPos(e), "cannot use %s as %s value in %s", before, TypeString(t), context);
      e->mode = ExprMode::kInvalid;
      return false;
    }
    if (e->mode == ExprMode::kInvalid) return false;
    if (!IsInterface(t)) return true;
  }
  std::string reason;
  if (!Assignable(e->type, e, t, &reason)) {
    Errorf(StartPos(e), "cannot use %s as %s value in %s%s", Describe(e), TypeString(t), context,
           reason.empty() ? "" : absl::StrCat(": ", reason));
    e->mode = ExprMode::kInvalid;
    return false;
  }
  return true;
}

void Checker::CheckUnary(UnaryExpr* e) {
  if (e->op == Tok::kAnd) {
    Expr* x = e->x;
    x = Unparen(x);
    if (auto* cl = x->As<CompositeLit>()) {
      CheckExpr(cl);
      if (cl->mode == ExprMode::kInvalid) return;
      e->type = types_.NewPointer(cl->type);
      e->mode = ExprMode::kValue;
      return;
    }
    if (!CheckValue(e->x)) return;
    if (e->x->mode != ExprMode::kVariable) {
      Errorf(e->pos, "invalid operation: cannot take address of %s", Describe(e->x));
      return;
    }
    MarkAddressTaken(e->x);
    e->type = types_.NewPointer(e->x->type);
    e->mode = ExprMode::kValue;
    return;
  }
  if (e->op == Tok::kArrow) {
    if (!CheckValue(e->x)) return;
    Chan* c = e->x->type->Underlying()->As<Chan>();
    if (!c) {
      Errorf(e->pos, "invalid operation: cannot receive from non-channel %s", Describe(e->x));
      return;
    }
    if (c->dir() == ChanDir::kSend) {
      Errorf(e->pos, "invalid operation: cannot receive from send-only channel %s", Describe(e->x));
      return;
    }
    e->type = c->elem();
    e->mode = ExprMode::kCommaOk;
    return;
  }
  if (!CheckValue(e->x)) return;
  Basic* b = UBasic(e->x->type);
  bool ok = b && ((e->op == Tok::kNot && b->IsBoolean()) ||
                  ((e->op == Tok::kAdd || e->op == Tok::kSub) && b->IsNumeric()) ||
                  (e->op == Tok::kXor && b->IsInteger()));
  if (!ok) {
    Errorf(StartPos(e->x), "invalid operation: operator %s not defined on %s", TokSpelling(e->op),
           Describe(e->x));
    return;
  }
  if (e->x->mode == ExprMode::kConstant) {
    int ubits = (!b->IsUntyped() && b->IsUnsigned()) ? b->Size() * 8 : 0;
    ConstValue v = ConstValue::Unary(e->op, *e->x->constant, ubits);
    SetConst(e, e->x->type, v);
    if (!b->IsUntyped()) {
      ConstValue rounded;
      std::string why;
      if (!Representable(e, v, e->type, &rounded, &why)) {
        Errorf(e->pos, "%s (constant %s of type %s) overflows %s", ExprString(e), v.String_(),
               TypeString(e->type), TypeString(e->type));
        e->mode = ExprMode::kInvalid;
      }
    }
    return;
  }
  e->type = e->x->type;
  e->mode = ExprMode::kValue;
}

void Checker::CheckShift(BinaryExpr* e) {
  Expr *x = e->x, *y = e->y;
  // The right operand: an integer, or an untyped constant representable as uint.
  Basic* yb = UBasic(y->type);
  if (y->mode == ExprMode::kConstant) {
    auto yi = y->constant->ToInt();
    if (!yi || !yb || !(yb->IsNumeric())) {
      Errorf(y->pos, "invalid operation: shift count %s must be integer", Describe(y));
      return;
    }
    if (yi->i.isNegative()) {
      Errorf(y->pos, "invalid operation: negative shift count %s", Describe(y));
      return;
    }
    if (IsUntyped(y->type)) Convert(y, types_.basic(BasicKind::kUint));
  } else if (!yb || !yb->IsInteger()) {
    Errorf(y->pos, "invalid operation: shift count %s must be integer", Describe(y));
    return;
  }
  Basic* xb = UBasic(x->type);
  if (x->mode == ExprMode::kConstant) {
    if (IsUntyped(x->type) && xb) {
      auto xi = x->constant->ToInt();
      if (!xi) {
        Errorf(x->pos, "invalid operation: shifted operand %s must be integer", Describe(x));
        return;
      }
      if (y->mode == ExprMode::kConstant) {
        auto s = y->constant->ToInt()->Uint64();
        auto r = s ? ConstValue::Shift(e->op, *xi, *s) : std::nullopt;
        if (!r) {
          Errorf(e->pos, "invalid shift count %s", Describe(y));
          return;
        }
        SetConst(e, xb->basic() == BasicKind::kUntypedFloat || xb->basic() == BasicKind::kUntypedComplex
                        ? types_.basic(BasicKind::kUntypedInt) : x->type,
                 *r);
        return;
      }
      // Non-constant shift of an untyped constant: the type comes from the context.
      x->constant = std::make_shared<ConstValue>(*xi);
      x->type = types_.basic(BasicKind::kUntypedInt);
      e->type = x->type;
      e->mode = ExprMode::kValue;
      return;
    }
  }
  if (!xb || !xb->IsInteger()) {
    Errorf(x->pos, "invalid operation: shifted operand %s must be integer", Describe(x));
    return;
  }
  if (x->mode == ExprMode::kConstant && y->mode == ExprMode::kConstant) {
    auto s = y->constant->ToInt()->Uint64();
    auto r = s ? ConstValue::Shift(e->op, *x->constant, *s) : std::nullopt;
    if (!r) {
      Errorf(e->pos, "invalid shift count %s", Describe(y));
      return;
    }
    SetConst(e, x->type, *r);
    ConstValue rounded;
    std::string why;
    if (!Representable(e, *r, x->type, &rounded, &why)) {
      Errorf(e->pos, "%s (constant %s of type %s) overflows %s", ExprString(e), r->String_(),
             TypeString(x->type), TypeString(x->type));
      e->mode = ExprMode::kInvalid;
    }
    return;
  }
  e->type = x->type;
  e->mode = ExprMode::kValue;
}

// Whether e is the predeclared nil (also after Convert gave it a type).
bool Checker::IsNil(Expr* e) {
  e = Unparen(e);
  auto* id = e->As<Ident>();
  return (id && id->object && id->object->kind == ObjectKind::kNil) ||
         IsBasicKind(e->type, BasicKind::kUntypedNil);
}

void Checker::CheckComparison(BinaryExpr* e) {
  Expr *x = e->x, *y = e->y;
  // Make the operands' types agree: untyped to the other's type.
  if (IsUntyped(x->type) && !IsUntyped(y->type)) {
    if (!Convert(x, y->type)) goto mismatch;
  } else if (IsUntyped(y->type) && !IsUntyped(x->type)) {
    if (!Convert(y, x->type)) goto mismatch;
  }
  if (x->mode == ExprMode::kInvalid || y->mode == ExprMode::kInvalid) return;
  {
    bool x_nil = IsNil(x);
    bool y_nil = IsNil(y);
    std::string reason;
    bool ok = Assignable(x->type, x, y->type, &reason) || Assignable(y->type, y, x->type, &reason);
    if (IsUntyped(x->type) && IsUntyped(y->type)) {
      Basic *xb = x->type->As<Basic>(), *yb = y->type->As<Basic>();
      ok = (xb->IsNumeric() && yb->IsNumeric()) || (xb->IsString() && yb->IsString()) ||
           (xb->IsBoolean() && yb->IsBoolean()) || (x_nil && y_nil);
    }
    if (!ok) goto mismatch;
    bool ordered = e->op == Tok::kLss || e->op == Tok::kLeq || e->op == Tok::kGtr || e->op == Tok::kGeq;
    Expr* bad = nullptr;
    if (ordered) {
      if (!UBasic(x->type) || !UBasic(x->type)->IsOrdered()) bad = x;
      else if (!UBasic(y->type) || !UBasic(y->type)->IsOrdered()) bad = y;
      if (bad) {
        // gc names the kind of a composite type, else the type (types2's kindString).
        Type* u = bad->type->Underlying();
        const char* kind = u->As<Array>()     ? "array"
                           : u->As<Slice>()   ? "slice"
                           : u->As<Struct>()  ? "struct"
                           : u->As<Pointer>() ? "pointer"
                           : u->As<Func>()    ? "func"
                           : u->As<Interface>() ? "interface"
                           : u->As<Map>()     ? "map"
                           : u->As<Chan>()    ? "chan"
                                              : nullptr;
        Errorf(StartPos(e), "invalid operation: %s (operator %s not defined on %s)", ExprString(e),
               TokSpelling(e->op), kind ? kind : TypeString(bad->type));
        return;
      }
    } else if (x_nil && y_nil) {
      Errorf(StartPos(e->y), "invalid operation: %s (operator %s not defined on untyped nil)", ExprString(e),
             TokSpelling(e->op));
      return;
    } else {
      for (Expr* o : {x, y}) {
        Expr* other = o == x ? y : x;
        if (IsNil(o)) continue;
        bool other_nil = IsNil(other);
        Type* u = o->type->Underlying();
        if ((u->As<Slice>() || u->As<Map>() || u->As<Func>()) && !other_nil) {
          const char* what = u->As<Slice>() ? "slice" : u->As<Map>() ? "map" : "func";
          Errorf(StartPos(e), "invalid operation: %s (%s can only be compared to nil)", ExprString(e), what);
          return;
        }
        if (!IsComparable(o->type) && !u->As<Slice>() && !u->As<Map>() && !u->As<Func>()) {
          // types2's incomparableCause: a struct names its first incomparable field's
          // type; anything else names itself.
          std::string cause = absl::StrCat(TypeString(o->type), " cannot be compared");
          if (auto* st = u->As<Struct>()) {
            for (auto& f : st->fields()) {
              if (IsComparable(f.type)) continue;
              cause = absl::StrCat("struct containing ", TypeString(f.type), " cannot be compared");
              break;
            }
          }
          Errorf(StartPos(o), "invalid operation: %s (%s)", ExprString(e), cause);
          return;
        }
      }
    }
    if (x->mode == ExprMode::kConstant && y->mode == ExprMode::kConstant) {
      ConstValue a = *x->constant, b = *y->constant;
      MatchKinds(a, b);
      SetConst(e, types_.basic(BasicKind::kUntypedBool), ConstValue::Bool(ConstValue::Compare(e->op, a, b)));
      return;
    }
    // Both operands untyped but not both constant (e.g. nil == nil handled above):
    DefaultConvert(x);
    DefaultConvert(y);
    e->type = types_.basic(BasicKind::kUntypedBool);
    e->mode = ExprMode::kValue;
    return;
  }
mismatch:
  if (x->mode != ExprMode::kInvalid && y->mode != ExprMode::kInvalid)
    Errorf(StartPos(e->y), "invalid operation: %s (mismatched types %s and %s)", ExprString(e),
           TypeString(x->type), TypeString(y->type));
}

void Checker::CheckBinary(BinaryExpr* e) {
  bool x_ok = CheckValue(e->x);
  bool y_ok = CheckValue(e->y);
  if (!x_ok || !y_ok) return;
  Expr *x = e->x, *y = e->y;
  if (e->op == Tok::kShl || e->op == Tok::kShr) return CheckShift(e);
  if (e->op == Tok::kEql || e->op == Tok::kNeq || e->op == Tok::kLss || e->op == Tok::kLeq ||
      e->op == Tok::kGtr || e->op == Tok::kGeq)
    return CheckComparison(e);
  // Arithmetic and logical operators: the operand types must match.
  Type* result = nullptr;
  if (IsUntyped(x->type) && IsUntyped(y->type)) {
    Basic *xb = x->type->As<Basic>(), *yb = y->type->As<Basic>();
    if (xb->IsNumeric() && yb->IsNumeric()) {
      result = UntypedRank(xb->basic()) >= UntypedRank(yb->basic()) ? x->type : y->type;
    } else if (xb->basic() == yb->basic()) {
      result = x->type;
    } else if (xb->IsBoolean() && yb->IsBoolean()) {
      result = x->type;
    }
  } else if (IsUntyped(x->type)) {
    std::string d = Describe(x);
    if (Convert(x, y->type)) result = y->type;
    if (x->mode == ExprMode::kInvalid) return;
  } else if (IsUntyped(y->type)) {
    if (Convert(y, x->type)) result = x->type;
    if (y->mode == ExprMode::kInvalid) return;
  } else if (Identical(x->type, y->type)) {
    result = x->type;
  }
  if (!result) {
    Errorf(StartPos(e), "invalid operation: %s (mismatched types %s and %s)", ExprString(e),
           TypeString(x->type), TypeString(y->type));
    return;
  }
  Basic* b = UBasic(result);
  bool ok = false;
  switch (e->op) {
    case Tok::kAdd: ok = b && (b->IsNumeric() || b->IsString()); break;
    case Tok::kSub: case Tok::kMul: case Tok::kQuo: ok = b && b->IsNumeric(); break;
    case Tok::kRem: case Tok::kAnd: case Tok::kOr: case Tok::kXor: case Tok::kAndNot:
      ok = b && b->IsInteger();
      break;
    case Tok::kLAnd: case Tok::kLOr: ok = b && b->IsBoolean(); break;
    default: break;
  }
  if (!ok) {
    Expr* which = x;
    Errorf(StartPos(e), "invalid operation: operator %s not defined on %s", TokSpelling(e->op),
           Describe(which));
    return;
  }
  if ((e->op == Tok::kQuo || e->op == Tok::kRem) && y->mode == ExprMode::kConstant &&
      y->constant->IsZero() && (b->IsInteger() || x->mode == ExprMode::kConstant)) {
    Errorf(y->pos, "invalid operation: division by zero");
    return;
  }
  if (x->mode == ExprMode::kConstant && y->mode == ExprMode::kConstant) {
    ConstValue a = *x->constant, c = *y->constant;
    MatchKinds(a, c);
    bool int_div = b->IsInteger();
    if (int_div && a.kind != ConstValue::Kind::kInt) {
      auto ai = a.ToInt(), ci = c.ToInt();
      if (ai && ci) a = *ai, c = *ci;
    }
    auto r = ConstValue::Binary(e->op, a, c, int_div);
    if (!r) {
      Errorf(y->pos, "invalid operation: division by zero");
      return;
    }
    if (r->kind == ConstValue::Kind::kUnknown) {  // a float's exponent overflowed
      Errorf(e->pos, "constant result is not representable");
      e->mode = ExprMode::kInvalid;
      return;
    }
    SetConst(e, result, *r);
    if (!b->IsUntyped()) {
      ConstValue rounded;
      std::string why;
      if (!Representable(e, *r, result, &rounded, &why)) {
        Errorf(StartPos(e), "%s (constant %s of type %s) overflows %s", ExprString(e), r->String_(),
               TypeString(result), TypeString(result));
        e->mode = ExprMode::kInvalid;
        return;
      }
      e->constant = std::make_shared<ConstValue>(rounded);
    } else if (r->kind == ConstValue::Kind::kInt && !r->FitsInt(512, false)) {
      Errorf(StartPos(e), "constant overflow");
      e->mode = ExprMode::kInvalid;
    }
    return;
  }
  e->type = result;
  e->mode = ExprMode::kValue;
}

void Checker::CheckStar(StarExpr* e) {
  CheckExpr(e->x);
  if (e->x->mode == ExprMode::kInvalid) return;
  if (e->x->mode == ExprMode::kTypeExpr) {
    e->type = types_.NewPointer(e->x->type);
    e->mode = ExprMode::kTypeExpr;
    return;
  }
  if (!RequireValue(e->x)) return;
  if (IsBasicKind(e->x->type, BasicKind::kUntypedNil)) {
    Errorf(e->pos, "invalid operation: cannot indirect nil");
    return;
  }
  Pointer* p = e->x->type->Underlying()->As<Pointer>();
  if (!p) {
    Errorf(e->pos, "invalid operation: cannot indirect %s", Describe(e->x));
    return;
  }
  e->type = p->elem();
  e->mode = ExprMode::kVariable;
}

}  // namespace gojit::frontend
