// Calls of package unsafe's functions (Go spec, "Package unsafe"; go/types'
// builtins.go): Sizeof, Alignof and Offsetof are uintptr constants with gc's amd64
// layout (sizes.cc); Add, Slice, SliceData, String and StringData are typed here
// and lowered by ir/unsafe.cc. Conversions between *T, unsafe.Pointer and uintptr
// are in CheckConversion (checker_call.cc).
#include "absl/strings/str_cat.h"
#include "frontend/checker.h"

namespace gojit::frontend {

bool Checker::CheckLength(Expr* y, bool allow_negative) {
  if (!CheckValue(y)) return false;
  if (IsUntyped(y->type)) {
    if (!Convert(y, types_.basic(BasicKind::kInt))) {
      Errorf(y->pos, "cannot convert %s to type int", Describe(y));
      return false;
    }
    if (y->mode == ExprMode::kInvalid) return false;  // reported
  }
  Basic* b = UBasic(y->type);
  if (!b || !b->IsInteger()) {
    Errorf(y->pos, "invalid argument: length %s must be integer", Describe(y));
    return false;
  }
  if (y->mode == ExprMode::kConstant && !allow_negative) {
    auto v = y->constant->ToInt();
    if (v && v->i.isNegative()) {
      Errorf(y->pos, "invalid argument: length %s must not be negative", Describe(y));
      return false;
    }
  }
  return true;
}

void Checker::CheckUnsafeBuiltin(CallExpr* e, BuiltinId id) {
  auto& args = e->args;
  size_t want = id == BuiltinId::kUnsafeAdd || id == BuiltinId::kUnsafeSlice ||
                        id == BuiltinId::kUnsafeString
                    ? 2
                    : 1;
  if (args.size() != want) {
    if (args.size() < want) {
      Errorf(StartPos(e), "invalid operation: not enough arguments for %s (expected %d, found %d)",
             ExprString(e), want, args.size());
    } else {
      Errorf(StartPos(e), "invalid operation: too many arguments for %s (expected %d, found %d)",
             ExprString(e), want, args.size());
    }
    for (Expr* a : args) CheckExpr(a);
    return;
  }
  Type* uintptr = types_.basic(BasicKind::kUintptr);
  Type* unsafe_ptr = types_.basic(BasicKind::kUnsafePointer);
  Expr* x = args[0];
  auto value = [&](Type* t) {
    e->mode = ExprMode::kValue;
    e->type = t;
  };
  switch (id) {
    case BuiltinId::kUnsafeSizeof:
    case BuiltinId::kUnsafeAlignof: {
      if (!CheckValue(x)) return;
      if (IsBasicKind(x->type, BasicKind::kUntypedNil)) {
        Errorf(x->pos, "use of untyped nil in argument to %s", ExprString(e->fun));
        return;
      }
      DefaultConvert(x);
      int64_t v = id == BuiltinId::kUnsafeSizeof ? SizeOf(x->type) : AlignOf(x->type);
      SetConst(e, uintptr, ConstValue::Int(v));
      return;
    }
    case BuiltinId::kUnsafeOffsetof: {
      Expr* arg = x;
      arg = Unparen(arg);
      auto* sel = arg->As<SelectorExpr>();
      if (!sel) {
        Errorf(StartPos(x), "invalid argument: %s is not a selector expression", ExprString(x));
        CheckExpr(x);
        return;
      }
      if (!CheckValue(sel->x)) return;
      MarkUsed(sel->x);
      Type* base = sel->x->type;
      if (auto* p = base->Underlying()->As<Pointer>()) {
        if (p->elem()->Underlying()->As<Struct>()) base = p->elem();
      }
      Selection s;
      if (!LookupFieldOrMethod(base, sel->sel->name, &s)) {
        Errorf(x->pos, "invalid argument: %s has no single field %s", TypeString(base),
               sel->sel->name);
        return;
      }
      if (s.obj->kind == ObjectKind::kFunc) {
        Errorf(x->pos, "invalid argument: %s is a method value", ExprString(x));
        return;
      }
      // The offset adds up along the path through embedded fields, none of which
      // may be a pointer (the field would not lie inside the struct).
      int64_t offset = 0;
      Type* t = base;
      for (int idx : s.path) {
        auto* st = t->Underlying()->As<Struct>();
        if (!st) {
          Errorf(x->pos, "invalid argument: field %s is embedded via a pointer in %s",
                 sel->sel->name, TypeString(base));
          return;
        }
        offset += FieldOffsets(st)[idx];
        t = st->fields()[idx].type;
      }
      sel->sel->object = s.obj;
      SetConst(e, uintptr, ConstValue::Int(offset));
      return;
    }
    case BuiltinId::kUnsafeAdd: {
      if (!CheckValue(x) || !Assign(x, unsafe_ptr, "argument to unsafe.Add")) return;
      if (!CheckLength(args[1], /*allow_negative=*/true)) return;
      return value(unsafe_ptr);
    }
    case BuiltinId::kUnsafeSlice: {
      if (!CheckValue(x)) return;
      auto* p = x->type->Underlying()->As<Pointer>();
      if (!p) {
        Errorf(x->pos, "invalid argument: %s is not a pointer", Describe(x));
        return;
      }
      if (!CheckLength(args[1], /*allow_negative=*/false)) return;
      return value(types_.NewSlice(p->elem()));
    }
    case BuiltinId::kUnsafeSliceData: {
      if (!CheckValue(x)) return;
      auto* s = x->type->Underlying()->As<Slice>();
      if (!s) {
        Errorf(x->pos, "invalid argument: %s is not a slice", Describe(x));
        return;
      }
      return value(types_.NewPointer(s->elem()));
    }
    case BuiltinId::kUnsafeString: {
      Type* byte_ptr = types_.NewPointer(types_.byte_type());
      if (!CheckValue(x) || !Assign(x, byte_ptr, "argument to unsafe.String")) return;
      if (!CheckLength(args[1], /*allow_negative=*/false)) return;
      return value(types_.basic(BasicKind::kString));
    }
    case BuiltinId::kUnsafeStringData: {
      if (!CheckValue(x) || !Assign(x, types_.basic(BasicKind::kString), "argument to unsafe.StringData"))
        return;
      return value(types_.NewPointer(types_.byte_type()));
    }
    default:
      return;
  }
}

}  // namespace gojit::frontend
