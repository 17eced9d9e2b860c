// Calls of the predeclared functions (Go spec, "Built-in functions"): argument
// counts and types, constant results (len of arrays and constant strings, min/max
// of constants, real/imag/complex of constants), gc's messages.
#include <functional>

#include "absl/strings/str_cat.h"
#include "frontend/checker.h"

namespace gojit::frontend {

void Checker::CheckBuiltin(CallExpr* e, BuiltinId id) {
  auto& args = e->args;
  const char* name = nullptr;
  switch (id) {
#define GOJIT_BUILTIN(Name, Spelling) \
  case BuiltinId::k##Name:            \
    name = Spelling;                  \
    break;
#include "frontend/builtins.def"
  }
  // `...` goes with append alone.
  if (e->has_ellipsis && id != BuiltinId::kAppend) {
    Errorf(StartPos(e), "invalid operation: invalid use of ... with built-in %s", name);
    for (Expr* a : args) CheckExpr(a);  // used all the same
    e->mode = ExprMode::kInvalid;
    return;
  }
  // builtin(f()) with f returning several values: its results are the arguments
  // (types2's exprList), for every built-in but make and new, whose first argument
  // is a type.
  if (args.size() == 1 && !e->has_ellipsis && id != BuiltinId::kMake && id != BuiltinId::kNew) {
    Expr* a = args[0];
    a = Unparen(a);
    if (a->Is<CallExpr>()) {
      CheckExpr(args[0]);
      Tuple* results = args[0]->type ? args[0]->type->As<Tuple>() : nullptr;
      if (args[0]->mode == ExprMode::kValue && results && results->size() >= 2) {
        e->spread = args[0];
        args.clear();
        for (Type* t : results->elems()) {
          Ident* r = program_.arena.New<Ident>(e->spread->pos, "");
          r->spread_result = true;
          r->type = t;
          r->mode = ExprMode::kValue;
          args.push_back(r);
        }
      } else {
        prechecked_ = args[0];
      }
    }
  }
  auto nargs_error = [&](size_t want_min, size_t want_max) {
    if (args.size() < want_min) {
      Errorf(StartPos(e), "invalid operation: not enough arguments for %s (expected %d, found %d)",
             ExprString(e), want_min, args.size());
      return true;
    }
    if (args.size() > want_max) {
      Errorf(StartPos(e), "invalid operation: too many arguments for %s (expected %d, found %d)",
             ExprString(e), want_max, args.size());
      return true;
    }
    return false;
  };
  switch (id) {
    case BuiltinId::kPrint:
    case BuiltinId::kPrintln: {
      for (Expr* a : args) {
        if (!CheckValue(a)) continue;
        if (IsBasicKind(a->type, BasicKind::kUntypedNil)) {
          Errorf(a->pos, "use of untyped nil in argument to built-in %s", name);
          continue;
        }
        DefaultConvert(a);
      }
      e->mode = ExprMode::kNoValue;
      e->type = types_.empty_tuple();
      return;
    }
    case BuiltinId::kLen:
    case BuiltinId::kCap: {
      if (nargs_error(1, 1)) return;
      if (!CheckValue(args[0])) return;
      Expr* x = args[0];
      Type* u = x->type->Underlying();
      if (auto* p = u->As<Pointer>(); p && p->elem()->Underlying()->As<Array>()) u = p->elem()->Underlying();
      bool ok = false;
      if (auto* b = u->As<Basic>(); b && b->IsString() && id == BuiltinId::kLen) {
        ok = true;
        if (x->mode == ExprMode::kConstant) {
          SetConst(e, types_.basic(BasicKind::kInt), ConstValue::Int(static_cast<int64_t>(x->constant->s.size())));
          Convert(x, types_.basic(BasicKind::kString));
          return;
        }
      } else if (auto* a = u->As<Array>()) {
        ok = true;
        // len of an array is constant when evaluating the operand makes no
        // non-constant call and no receive (types2's hasCallOrRecv): s[len(s)-1] of
        // a slice s calls len at run time; a conversion of a constant does not.
        bool has_call = false;
        std::function<void(Expr*)> scan = [&](Expr* n) {
          if (!n || has_call) return;
          if (auto* c = n->As<CallExpr>()) {
            if (c->mode != ExprMode::kConstant) has_call = true;
            return;
          }
          if (auto* u = n->As<UnaryExpr>()) {
            if (u->op == Tok::kArrow) has_call = true;
            scan(u->x);
          }
          if (auto* p = n->As<ParenExpr>()) scan(p->x);
          if (auto* s = n->As<SelectorExpr>()) scan(s->x);
          if (auto* i = n->As<IndexExpr>()) { scan(i->x); for (Expr* k : i->indices) scan(k); }
          if (auto* s = n->As<StarExpr>()) scan(s->x);
          if (auto* b = n->As<BinaryExpr>()) { scan(b->x); scan(b->y); }
          if (auto* s = n->As<SliceExpr>()) { scan(s->x); scan(s->lo); scan(s->hi); scan(s->max); }
          if (auto* t = n->As<TypeAssertExpr>()) scan(t->x);
          if (auto* kv = n->As<KeyValueExpr>()) { scan(kv->key); scan(kv->value); }
          if (auto* cl = n->As<CompositeLit>()) for (Expr* el : cl->elts) scan(el);
        };
        scan(x);
        if (!has_call) {
          SetConst(e, types_.basic(BasicKind::kInt), ConstValue::Int(a->len()));
          return;
        }
      } else if (u->As<Slice>() || u->As<Chan>() || (u->As<Map>() && id == BuiltinId::kLen)) {
        ok = true;
      }
      if (!ok) {
        Errorf(x->pos, "invalid argument: %s for %s", Describe(x), name);
        return;
      }
      e->mode = ExprMode::kValue;
      e->type = types_.basic(BasicKind::kInt);
      return;
    }
    case BuiltinId::kPanic: {
      if (nargs_error(1, 1)) return;
      if (!CheckValue(args[0])) return;
      Assign(args[0], program_.any_type, "argument to panic");
      e->mode = ExprMode::kNoValue;
      e->type = types_.empty_tuple();
      return;
    }
    case BuiltinId::kNew: {
      if (nargs_error(1, 1)) return;
      if (NewOfValue(args[0])) {
        // Go 1.26: new(expr), a new variable of expr's (default) type holding it.
        Expr* a = args[0];
        if (!CheckValue(a)) return;
        if (IsBasicKind(a->type, BasicKind::kUntypedNil)) {
          Errorf(a->pos, "use of untyped nil in argument to new");
          return;
        }
        if (a->mode == ExprMode::kConstant && IsUntyped(a->type)) {
          Type* t = DefaultType(types_, a->type);
          ConstValue rounded;
          std::string why;
          if (!Representable(a, *a->constant, t, &rounded, &why)) {
            Errorf(StartPos(a), "cannot use %s as %s value in argument to new (%s)", Describe(a), TypeString(t), why);
            return;
          }
        }
        DefaultConvert(a);
        e->mode = ExprMode::kValue;
        e->type = types_.NewPointer(a->type);
        return;
      }
      Type* t = ResolveType(args[0]);
      args[0]->type = t;
      args[0]->mode = ExprMode::kTypeExpr;  // ir/ tells new(T) from new(expr) by it
      e->mode = ExprMode::kValue;
      e->type = types_.NewPointer(t);
      return;
    }
    case BuiltinId::kMin:
    case BuiltinId::kMax: {
      if (nargs_error(1, 1 << 20)) return;
      // Operands combine as in a binary operation; the result is constant when all are.
      bool ok = true;
      for (Expr* a : args) ok = CheckValue(a) && ok;
      if (!ok) return;
      Type* t = nullptr;
      for (Expr* a : args)
        if (!IsUntyped(a->type)) t = a->type;
      if (t) {
        for (Expr* a : args) {
          if (IsUntyped(a->type) && !Convert(a, t)) {
            Errorf(a->pos, "invalid argument: mismatched types %s (previous argument) and %s (type of %s)",
                   TypeString(t), TypeString(a->type), ExprString(a));
            return;
          }
          if (!Identical(a->type, t)) {
            Errorf(a->pos, "invalid argument: mismatched types %s (previous argument) and %s (type of %s)",
                   TypeString(t), TypeString(a->type), ExprString(a));
            return;
          }
        }
        Basic* b = UBasic(t);
        if (!b || !b->IsOrdered()) {
          Errorf(args[0]->pos, "invalid argument: %s cannot be ordered", Describe(args[0]));
          return;
        }
      }
      bool all_const = true;
      for (Expr* a : args) all_const = all_const && a->mode == ExprMode::kConstant;
      if (all_const) {
        ConstValue best = *args[0]->constant;
        Type* bt = args[0]->type;
        for (size_t i = 1; i < args.size(); ++i) {
          ConstValue a = best, b = *args[i]->constant;
          MatchKinds(a, b);
          bool take = ConstValue::Compare(id == BuiltinId::kMin ? Tok::kLss : Tok::kGtr, b, a);
          if (take) best = *args[i]->constant, bt = args[i]->type;
        }
        SetConst(e, t ? t : bt, best);
        return;
      }
      for (Expr* a : args) DefaultConvert(a);
      e->mode = ExprMode::kValue;
      e->type = t ? t : args[0]->type;
      return;
    }
    case BuiltinId::kAppend: {
      if (nargs_error(1, 1 << 20)) return;
      if (!CheckValue(args[0])) return;
      Type* st = args[0]->type;
      if (IsBasicKind(st, BasicKind::kUntypedNil)) {
        Errorf(args[0]->pos, "invalid append: argument must be a slice; have untyped nil");
        return;
      }
      Slice* sl = st->Underlying()->As<Slice>();
      if (!sl) {
        Errorf(args[0]->pos, "invalid argument: %s is not a slice", Describe(args[0]));
        return;
      }
      if (e->has_ellipsis) {
        if (args.size() != 2) {
          Errorf(e->pos, "can only use ... with final argument in list");
          return;
        }
        if (!CheckValue(args[1])) return;
        Basic* b = UBasic(args[1]->type);
        bool bytes_from_string = b && b->IsString() && IsBasicKind(sl->elem(), BasicKind::kUint8);
        if (bytes_from_string) {
          Convert(args[1], types_.basic(BasicKind::kString));
        } else {
          Assign(args[1], types_.NewSlice(sl->elem()), "append");
        }
      } else {
        for (size_t i = 1; i < args.size(); ++i)
          if (CheckValue(args[i], sl->elem())) Assign(args[i], sl->elem(), "argument to append");
      }
      e->mode = ExprMode::kValue;
      e->type = st;
      return;
    }
    case BuiltinId::kCopy: {
      if (nargs_error(2, 2)) return;
      bool ok = CheckValue(args[0]);
      ok = CheckValue(args[1]) && ok;
      if (!ok) return;
      Slice* dst = args[0]->type->Underlying()->As<Slice>();
      Type* src_t = args[1]->type;
      Basic* sb = UBasic(src_t);
      bool ok2 = dst && ((src_t->Underlying()->As<Slice>() &&
                          Identical(dst->elem(), src_t->Underlying()->As<Slice>()->elem())) ||
                         (sb && sb->IsString() && IsBasicKind(dst->elem(), BasicKind::kUint8)));
      if (!ok2) {
        Errorf(e->pos, "invalid argument: copy expects slice arguments; found %s and %s",
               Describe(args[0]), Describe(args[1]));
        return;
      }
      if (IsUntyped(src_t)) Convert(args[1], types_.basic(BasicKind::kString));
      e->mode = ExprMode::kValue;
      e->type = types_.basic(BasicKind::kInt);
      return;
    }
    case BuiltinId::kDelete: {
      if (nargs_error(2, 2)) return;
      if (!CheckValue(args[0])) return;
      Map* m = args[0]->type->Underlying()->As<Map>();
      if (!m) {
        Errorf(args[0]->pos, "invalid argument: %s is not a map", Describe(args[0]));
        return;
      }
      if (CheckValue(args[1], m->key())) Assign(args[1], m->key(), "argument to delete");
      e->mode = ExprMode::kNoValue;
      e->type = types_.empty_tuple();
      return;
    }
    case BuiltinId::kClear: {
      if (nargs_error(1, 1)) return;
      if (!CheckValue(args[0])) return;
      Type* u = args[0]->type->Underlying();
      if (!u->As<Map>() && !u->As<Slice>()) {
        Errorf(args[0]->pos, "invalid argument: %s must be a map or slice", Describe(args[0]));
        return;
      }
      e->mode = ExprMode::kNoValue;
      e->type = types_.empty_tuple();
      return;
    }
    case BuiltinId::kMake: {
      if (nargs_error(1, 3)) return;
      Type* t = ResolveType(args[0]);
      args[0]->type = t;
      args[0]->mode = ExprMode::kTypeExpr;
      Type* u = t->Underlying();
      size_t max = u->As<Slice>() ? 3 : (u->As<Map>() || u->As<Chan>()) ? 2 : 0;
      if (max == 0) {
        if (!IsBasicKind(t, BasicKind::kInvalid))
          Errorf(args[0]->pos, "invalid argument: cannot make %s; type must be slice, map, or channel",
                 ExprString(args[0]));
        return;
      }
      if (u->As<Slice>() && args.size() < 2) {
        Errorf(e->pos, "invalid operation: %s expects 2 or 3 arguments; found %d", ExprString(e), args.size());
        return;
      }
      if (args.size() > max) {
        Errorf(e->pos, "invalid operation: %s expects %d or %d arguments; found %d", ExprString(e),
               max - 1, max, args.size());
        return;
      }
      std::vector<std::optional<int64_t>> sizes;
      for (size_t i = 1; i < args.size(); ++i) {
        if (!CheckValue(args[i])) return;
        Basic* b = UBasic(args[i]->type);
        if (args[i]->mode == ExprMode::kConstant) {
          auto v = args[i]->constant->ToInt();
          if (!v || !b || !b->IsNumeric()) {
            Errorf(args[i]->pos, "%s truncated to int", Describe(args[i]));
            return;
          }
          if (v->i.isNegative()) {
            Errorf(args[i]->pos, "invalid argument: index %s must not be negative", Describe(args[i]));
            return;
          }
          sizes.push_back(v->Int64());
          if (IsUntyped(args[i]->type)) Convert(args[i], types_.basic(BasicKind::kInt));
        } else if (!b || !b->IsInteger()) {
          Errorf(args[i]->pos, "cannot convert %s to type int", Describe(args[i]));
          return;
        }
      }
      if (sizes.size() == 2 && sizes[0] && sizes[1] && *sizes[0] > *sizes[1]) {
        Errorf(args[1]->pos, "invalid argument: length and capacity swapped");
        return;
      }
      e->mode = ExprMode::kValue;
      e->type = t;
      return;
    }
    case BuiltinId::kRecover: {
      if (nargs_error(0, 0)) return;
      e->mode = ExprMode::kValue;
      e->type = program_.any_type;
      return;
    }
    case BuiltinId::kClose: {
      if (nargs_error(1, 1)) return;
      if (!CheckValue(args[0])) return;
      Chan* c = args[0]->type->Underlying()->As<Chan>();
      if (!c) {
        Errorf(args[0]->pos, "invalid operation: non-chan argument %s", Describe(args[0]));
        return;
      }
      if (c->dir() == ChanDir::kRecv) {
        Errorf(args[0]->pos, "invalid operation: cannot close receive-only channel %s", Describe(args[0]));
        return;
      }
      e->mode = ExprMode::kNoValue;
      e->type = types_.empty_tuple();
      return;
    }
    case BuiltinId::kReal:
    case BuiltinId::kImag: {
      if (nargs_error(1, 1)) return;
      if (!CheckValue(args[0])) return;
      Basic* b = UBasic(args[0]->type);
      if (!b || !b->IsNumeric()) {
        Errorf(args[0]->pos, "invalid argument: %s must be of complex type", Describe(args[0]));
        return;
      }
      if (args[0]->mode == ExprMode::kConstant) {
        ConstValue c = args[0]->constant->ToComplex();
        ConstValue part = ConstValue::Float(id == BuiltinId::kReal ? c.f : c.im);
        Type* rt = IsUntyped(args[0]->type) ? types_.basic(BasicKind::kUntypedFloat)
                   : b->basic() == BasicKind::kComplex64 ? types_.basic(BasicKind::kFloat32)
                                                          : types_.basic(BasicKind::kFloat64);
        SetConst(e, rt, part);
        return;
      }
      if (!b->IsComplex()) {
        Errorf(args[0]->pos, "invalid argument: %s must be of complex type", Describe(args[0]));
        return;
      }
      e->mode = ExprMode::kValue;
      e->type = b->basic() == BasicKind::kComplex64 ? types_.basic(BasicKind::kFloat32)
                                                     : types_.basic(BasicKind::kFloat64);
      return;
    }
    case BuiltinId::kComplex: {
      if (nargs_error(2, 2)) return;
      bool ok = CheckValue(args[0]);
      ok = CheckValue(args[1]) && ok;
      if (!ok) return;
      Expr *x = args[0], *y = args[1];
      // types2's rules: an untyped operand takes the other's type; two untyped
      // constants that are real numbers are untyped floats (anything else, a
      // string, stays what it is and mismatches); two other untyped operands
      // become float64.
      const bool ux = IsUntyped(x->type), uy = IsUntyped(y->type);
      auto convert = [&](Expr* a, Type* t) {
        if (!Convert(a, t)) {
          Errorf(StartPos(a), "cannot convert %s to type %s", Describe(a), TypeString(t));
          return false;
        }
        return a->mode != ExprMode::kInvalid;  // else reported: overflows, truncated
      };
      if (ux && !uy) {
        if (!convert(x, y->type)) return;
      } else if (uy && !ux) {
        if (!convert(y, x->type)) return;
      } else if (ux && uy) {
        if (x->mode == ExprMode::kConstant && y->mode == ExprMode::kConstant) {
          for (Expr* a : {x, y}) {
            Basic* b = UBasic(a->type);
            bool real = b->IsNumeric() && (!b->IsComplex() || a->constant->ToComplex().im.IsZero());
            if (real) a->type = types_.basic(BasicKind::kUntypedFloat);
          }
        } else if (!convert(x, types_.basic(BasicKind::kFloat64)) ||
                   !convert(y, types_.basic(BasicKind::kFloat64))) {
          return;
        }
      }
      if (!Identical(x->type, y->type)) {
        Errorf(StartPos(x), "invalid operation: %s (mismatched types %s and %s)", ExprString(e),
               TypeString(x->type), TypeString(y->type));
        return;
      }
      Basic* fb = UBasic(x->type);
      if (fb == nullptr || !fb->IsFloat()) {
        Errorf(StartPos(x), "invalid argument: arguments have type %s, expected floating-point",
               TypeString(x->type));
        return;
      }
      if (x->mode == ExprMode::kConstant && y->mode == ExprMode::kConstant && IsUntyped(x->type)) {
        SetConst(e, types_.basic(BasicKind::kUntypedComplex),
                 ConstValue::Complex(x->constant->ToFloat().f, y->constant->ToFloat().f));
        return;
      }
      Type* ct = IsBasicKind(x->type, BasicKind::kFloat32) ? types_.basic(BasicKind::kComplex64)
                                                            : types_.basic(BasicKind::kComplex128);
      if (x->mode == ExprMode::kConstant && y->mode == ExprMode::kConstant) {
        SetConst(e, ct, ConstValue::Complex(x->constant->ToFloat().f, y->constant->ToFloat().f));
        return;
      }
      e->mode = ExprMode::kValue;
      e->type = ct;
      return;
    }
    case BuiltinId::kUnsafeSizeof:
    case BuiltinId::kUnsafeAlignof:
    case BuiltinId::kUnsafeOffsetof:
    case BuiltinId::kUnsafeAdd:
    case BuiltinId::kUnsafeSlice:
    case BuiltinId::kUnsafeSliceData:
    case BuiltinId::kUnsafeString:
    case BuiltinId::kUnsafeStringData:
      return CheckUnsafeBuiltin(e, id);
    default:
      break;
  }
  // The remaining builtins (append, copy, make, delete, ...) are typed here as the
  // language issue lands them; until then they are rejected clearly.
  for (Expr* a : args) CheckExpr(a);
  Unsupported(e->fun->pos, absl::StrCat("built-in ", name));
}

// Whether new's argument is an expression (Go 1.26's new(expr)) rather than a type.
// Type literals are types, literals and operators values; a name, selector or index
// (behind any parentheses and stars: `new(*T)`, `new(*p)`) is whichever it denotes.
bool Checker::NewOfValue(Expr* a) {
  while (true) {
    if (auto* p = a->As<ParenExpr>()) a = p->x;
    else if (auto* st = a->As<StarExpr>()) a = st->x;
    else break;
  }
  switch (a->kind) {
    case NodeKind::kArrayType:
    case NodeKind::kStructType:
    case NodeKind::kFuncType:
    case NodeKind::kInterfaceType:
    case NodeKind::kMapType:
    case NodeKind::kChanType:
      return false;
    case NodeKind::kIdent:
    case NodeKind::kSelectorExpr:
    case NodeKind::kIndexExpr:
      CheckExpr(a);
      return a->mode != ExprMode::kTypeExpr && a->mode != ExprMode::kInvalid;
    default:
      return true;
  }
}

}  // namespace gojit::frontend
