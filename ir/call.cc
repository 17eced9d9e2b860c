// Calls: direct calls of functions (the hidden g and closure arguments first),
// calls of func values through their closure, variadic argument packing, multiple
// results, and the builtins print, println, len, panic, min and max.
#include "absl/strings/str_cat.h"
#include "ir/function_context.h"

namespace gojit::ir {

using fe::BasicKind;
using fe::ExprMode;

std::vector<llvm::Value*> FunctionContext::Arguments(fe::CallExpr* e, fe::Func* sig) {
  auto& params = sig->params()->elems();
  std::vector<llvm::Value*> out;
  // The argument values with their types: f(g()) with g returning several values
  // spreads g's results; otherwise each argument expression.
  bool spread = e->args.size() == 1 && e->args[0]->type && e->args[0]->type->As<fe::Tuple>() &&
                e->args[0]->type->As<fe::Tuple>()->size() != 1;
  if (spread) {
    auto* tuple = e->args[0]->type->As<fe::Tuple>();
    llvm::Value* t = Expr(e->args[0]);
    std::vector<llvm::Value*> vals;
    for (unsigned i = 0; i < tuple->size(); ++i) vals.push_back(b_.CreateExtractValue(t, i));
    size_t fixed = sig->variadic() ? params.size() - 1 : params.size();
    for (size_t i = 0; i < fixed; ++i) out.push_back(ConvertAssign(vals[i], tuple->elems()[i], params[i]));
    if (sig->variadic()) {
      std::vector<std::pair<llvm::Value*, fe::Type*>> rest;
      for (size_t i = fixed; i < vals.size(); ++i) rest.push_back({vals[i], tuple->elems()[i]});
      out.push_back(PackVariadic(params.back(), rest));
    }
    return out;
  }
  size_t fixed = sig->variadic() && !e->has_ellipsis ? params.size() - 1 : params.size();
  for (size_t i = 0; i < fixed; ++i) out.push_back(ExprAs(e->args[i], params[i]));
  if (sig->variadic() && !e->has_ellipsis) {
    fe::Type* elem_t = params.back()->As<fe::Slice>()->elem();
    std::vector<std::pair<llvm::Value*, fe::Type*>> rest;
    for (size_t i = fixed; i < e->args.size(); ++i)
      rest.push_back({ExprAs(e->args[i], elem_t), elem_t});
    out.push_back(PackVariadic(params.back(), rest));
  }
  return out;
}

// Packs the extra arguments of a variadic call into a fresh slice ([]T{args...}), on
// the heap: the callee may keep it.
llvm::Value* FunctionContext::PackVariadic(
    fe::Type* slice_t, const std::vector<std::pair<llvm::Value*, fe::Type*>>& values) {
  fe::Type* elem_t = slice_t->As<fe::Slice>()->elem();
  size_t n = values.size();
  if (n == 0) return m_.ZeroValue(slice_t);
  fe::Type* arr_t = m_.types().NewArray(elem_t, static_cast<int64_t>(n));
  llvm::Value* arr = HeapAlloc(arr_t);
  llvm::Type* elem_lt = m_.LLVMType(elem_t);
  for (size_t i = 0; i < n; ++i) {
    llvm::Value* v = ConvertAssign(values[i].first, values[i].second, elem_t);
    b_.CreateStore(v, b_.CreateConstGEP1_64(elem_lt, arr, i));
  }
  llvm::Value* s = llvm::UndefValue::get(m_.SliceType());
  s = b_.CreateInsertValue(s, arr, 0);
  s = b_.CreateInsertValue(s, ConstInt(static_cast<int64_t>(n)), 1);
  return b_.CreateInsertValue(s, ConstInt(static_cast<int64_t>(n)), 2);
}

llvm::Value* FunctionContext::Call(fe::CallExpr* e) {
  fe::Expr* fun = Unparen(e->fun);
  if (fun->mode == ExprMode::kTypeExpr) return Conversion(e);
  if (fun->mode == ExprMode::kBuiltin) return Builtin(e, fe::BuiltinOf(fun));
  auto* sig = fun->type->Underlying()->As<fe::Func>();
  llvm::Value* null = llvm::ConstantPointerNull::get(m_.Ptr());
  // A direct call of a top-level function: f(...) or pkg.F(...).
  fe::Object* callee = nullptr;
  if (auto* id = fun->As<fe::Ident>(); id && id->object && id->object->kind == fe::ObjectKind::kFunc)
    callee = id->object;
  if (auto* sel = fun->As<fe::SelectorExpr>(); sel && sel->x->mode == ExprMode::kPackage &&
                                               sel->sel->object->kind == fe::ObjectKind::kFunc)
    callee = sel->sel->object;
  if (callee) {
    std::vector<llvm::Value*> args = Arguments(e, sig);
    SetPos(e->pos);
    args.insert(args.begin(), {g_, null});
    return b_.CreateCall(m_.FunctionFor(callee), args);
  }
  // Otherwise the function value (receiver, interface, closure) is evaluated before
  // the arguments, in Go's left-to-right order.
  if (auto* sel = fun->As<fe::SelectorExpr>(); sel && sel->sel->object &&
                                               sel->sel->object->kind == fe::ObjectKind::kFunc &&
                                               sel->x->mode != ExprMode::kTypeExpr) {
    fe::Object* m = sel->sel->object;
    if (fe::IsInterface(sel->x->type) && sel->path.empty()) {
      llvm::Value* x = Expr(sel->x);
      std::vector<llvm::Value*> args = Arguments(e, sig);
      SetPos(e->pos);
      return InterfaceCallValue(x, sel->x->type, sel->sel->name, args);
    }
    if (!m->pkg) {
      // A method of an interface embedded in a struct: dispatch on the field's value.
      fe::Type* st;
      llvm::Value* base = StructBase(sel->x, &st);
      llvm::Value* field = Deref(FieldAddr(base, st, sel->path), m->recv_type);
      std::vector<llvm::Value*> args = Arguments(e, sig);
      SetPos(e->pos);
      return InterfaceCallValue(field, m->recv_type, m->name, args);
    }
    llvm::Value* recv = Receiver(sel, m);
    std::vector<llvm::Value*> args = Arguments(e, sig);
    args.insert(args.begin(), {g_, null, recv});
    SetPos(e->pos);
    return b_.CreateCall(m_.FunctionFor(m), args);
  }
  // A func value: a pointer to a closure whose first word is the code pointer.
  llvm::Value* closure = Expr(fun);
  std::vector<llvm::Value*> args = Arguments(e, sig);
  SetPos(e->pos);
  NilCheck(closure);
  llvm::Value* code = b_.CreateLoad(m_.Ptr(), closure);
  args.insert(args.begin(), {g_, closure});
  return b_.CreateCall(m_.GoFuncType(sig, nullptr), code, args);
}

void FunctionContext::Print(fe::CallExpr* e, bool newline) {
  std::vector<llvm::Value*> values;
  std::vector<fe::Type*> types;
  for (fe::Expr* a : e->args) {
    types.push_back(fe::DefaultType(m_.types(), a->type));
    values.push_back(ExprAs(a, types.back()));
  }
  SetPos(e->pos);
  PrintValues(values, types, newline);
}

void FunctionContext::PrintValues(const std::vector<llvm::Value*>& values,
                                  const std::vector<fe::Type*>& types, bool newline) {
  CallRuntime(RtFunc::k_printlock, {});
  for (size_t i = 0; i < values.size(); ++i) {
    if (newline && i > 0) CallRuntime(RtFunc::k_printsp, {});
    fe::Type* t = types[i];
    llvm::Value* v = values[i];
    fe::Type* u = t->Underlying();
    if (auto* b = u->As<fe::Basic>()) {
      if (b->IsBoolean()) {
        CallRuntime(RtFunc::k_printbool, {b_.CreateZExt(v, b_.getInt8Ty())});
      } else if (b->IsString()) {
        CallRuntime(RtFunc::k_printstring, {StringPtr(v), StringLen(v)});
      } else if (b->IsInteger()) {
        if (b->IsUnsigned())
          CallRuntime(RtFunc::k_printuint, {b_.CreateZExtOrTrunc(v, m_.Int())});
        else
          CallRuntime(RtFunc::k_printint, {b_.CreateSExtOrTrunc(v, m_.Int())});
      } else if (b->IsFloat()) {
        int bits = v->getType()->isFloatTy() ? 32 : 64;
        CallRuntime(RtFunc::k_printfloat, {b_.CreateFPExt(v, b_.getDoubleTy()), b_.getInt64(bits)});
      } else if (b->IsComplex()) {
        llvm::Value* re = b_.CreateExtractValue(v, 0);
        int bits = re->getType()->isFloatTy() ? 32 : 64;
        CallRuntime(RtFunc::k_printcomplex,
                    {b_.CreateFPExt(re, b_.getDoubleTy()),
                     b_.CreateFPExt(b_.CreateExtractValue(v, 1), b_.getDoubleTy()), b_.getInt64(bits)});
      } else {
        CallRuntime(RtFunc::k_printpointer, {v});
      }
    } else if (u->As<fe::Interface>()) {
      CallRuntime(RtFunc::k_printeface, {DynType(v, t), b_.CreateExtractValue(v, 1)});
    } else if (u->As<fe::Slice>()) {
      CallRuntime(RtFunc::k_printslice,
                  {b_.CreateExtractValue(v, 0), b_.CreateExtractValue(v, 1), b_.CreateExtractValue(v, 2)});
    } else if (u->As<fe::Pointer>() || u->As<fe::Map>() || u->As<fe::Chan>() || u->As<fe::Func>()) {
      CallRuntime(RtFunc::k_printpointer, {v});
    } else {
      Unsupported({}, absl::StrCat("printing ", fe::TypeString(t)));
    }
  }
  if (newline) CallRuntime(RtFunc::k_printnl, {});
  CallRuntime(RtFunc::k_printunlock, {});
}

// The frame recover() is checked against (runtime/panic.cc, gorecover): this
// function's. A function that calls or defers recover keeps its own frame: it is
// never inlined (gc: "call to recover" stops inlining too).
llvm::Value* FunctionContext::RecoverFrame() {
  fn_->addFnAttr(llvm::Attribute::NoInline);
  return b_.CreateIntrinsic(llvm::Intrinsic::frameaddress, {m_.Ptr()}, {b_.getInt32(0)});
}

// gorecover(g, frame), not as a tail call: the frame must still be there.
llvm::Value* FunctionContext::CallRecover(llvm::Value* frame) {
  auto* call = llvm::cast<llvm::CallInst>(CallRuntime(RtFunc::k_gorecover, {frame}));
  call->setTailCallKind(llvm::CallInst::TCK_NoTail);
  return call;
}

// builtin(f()) with several results: evaluates f() once; its results answer the
// spread_result arguments (the checker's CallExpr::spread).
void FunctionContext::EvaluateSpread(fe::CallExpr* e) {
  if (!e->spread) return;
  llvm::Value* results = Expr(e->spread);
  for (size_t i = 0; i < e->args.size(); ++i)
    evaluated_[e->args[i]] = b_.CreateExtractValue(results, static_cast<unsigned>(i));
}

llvm::Value* FunctionContext::Builtin(fe::CallExpr* e, fe::BuiltinId id) {
  // In a defer thunk the spread results come from the closure, already in place.
  if (!e->spread || evaluated_.count(e->args[0])) return BuiltinCall(e, id);
  EvaluateSpread(e);
  llvm::Value* r = BuiltinCall(e, id);
  for (fe::Expr* a : e->args) evaluated_.erase(a);  // the values belong to this block
  return r;
}

llvm::Value* FunctionContext::BuiltinCall(fe::CallExpr* e, fe::BuiltinId id) {
  switch (id) {
    case fe::BuiltinId::kPrint:
    case fe::BuiltinId::kPrintln:
      Print(e, id == fe::BuiltinId::kPrintln);
      return nullptr;
    case fe::BuiltinId::kLen:
    case fe::BuiltinId::kCap:
      return LenCap(e->args[0], id == fe::BuiltinId::kCap);
    case fe::BuiltinId::kMake:
      return Make(e);
    case fe::BuiltinId::kClose: {
      llvm::Value* c = Expr(e->args[0]);
      SetPos(e->pos);
      CallRuntime(RtFunc::k_closechan, {c});
      return nullptr;
    }
    case fe::BuiltinId::kRecover: {
      llvm::Value* r = CallRecover(RecoverFrame());
      return MakeIface(b_.CreateExtractValue(r, 0), b_.CreateExtractValue(r, 1));
    }
    case fe::BuiltinId::kReal:
    case fe::BuiltinId::kImag: {
      fe::Type* ct = fe::DefaultType(m_.types(), e->args[0]->type);
      return b_.CreateExtractValue(ExprAs(e->args[0], ct), id == fe::BuiltinId::kReal ? 0 : 1);
    }
    case fe::BuiltinId::kComplex: {
      fe::Type* ft = fe::IsBasicKind(e->type, BasicKind::kComplex64) ? m_.types().basic(BasicKind::kFloat32)
                                                                     : m_.types().basic(BasicKind::kFloat64);
      llvm::Value* r = llvm::UndefValue::get(m_.LLVMType(e->type));
      r = b_.CreateInsertValue(r, ExprAs(e->args[0], ft), 0);
      return b_.CreateInsertValue(r, ExprAs(e->args[1], ft), 1);
    }
    case fe::BuiltinId::kNew: {
      fe::Type* elem = e->type->As<fe::Pointer>()->elem();
      llvm::Value* p = HeapAlloc(elem);
      if (e->args[0]->mode != ExprMode::kTypeExpr) b_.CreateStore(ExprAs(e->args[0], elem), p);  // new(expr)
      return p;
    }
    case fe::BuiltinId::kAppend:
      return Append(e);
    case fe::BuiltinId::kCopy:
      return Copy(e);
    case fe::BuiltinId::kDelete:
      MapDelete(e);
      return nullptr;
    case fe::BuiltinId::kClear: {
      fe::Type* u = e->args[0]->type->Underlying();
      if (u->As<fe::Map>()) {
        llvm::Value* h = Expr(e->args[0]);
        CallRuntime(RtFunc::k_mapclear, {m_.TypeDescriptor(e->args[0]->type), h});
        return nullptr;
      }
      llvm::Value* sv = Expr(e->args[0]);
      fe::Type* et = u->As<fe::Slice>()->elem();
      llvm::Value* bytes = b_.CreateMul(b_.CreateExtractValue(sv, 1), ConstInt(static_cast<int64_t>(m_.SizeOf(et))));
      b_.CreateMemSet(b_.CreateExtractValue(sv, 0), b_.getInt8(0), bytes, llvm::MaybeAlign(1));
      return nullptr;
    }
    case fe::BuiltinId::kPanic: {
      llvm::Value* v = ExprAs(e->args[0], m_.program().any_type);
      SetPos(e->pos);
      CallRuntime(RtFunc::k_gopanic, {b_.CreateExtractValue(v, 0), b_.CreateExtractValue(v, 1)});
      b_.CreateUnreachable();
      StartDeadBlock();
      return nullptr;
    }
    case fe::BuiltinId::kMin:
    case fe::BuiltinId::kMax: {
      fe::Type* t = e->type;
      llvm::Value* best = ExprAs(e->args[0], t);
      fe::Basic* b = fe::UBasic(t);
      for (size_t i = 1; i < e->args.size(); ++i) {
        llvm::Value* v = ExprAs(e->args[i], t);
        fe::Tok op = id == fe::BuiltinId::kMin ? fe::Tok::kLss : fe::Tok::kGtr;
        if (b->IsFloat()) {
          // Go: if any operand is NaN the result is NaN; min(-0, +0) is -0.
          llvm::Intrinsic::ID intr = id == fe::BuiltinId::kMin ? llvm::Intrinsic::minimum
                                                               : llvm::Intrinsic::maximum;
          best = b_.CreateBinaryIntrinsic(intr, best, v);
        } else {
          best = b_.CreateSelect(Compare(op, v, best, t), v, best);
        }
      }
      return best;
    }
    case fe::BuiltinId::kUnsafeAdd:
    case fe::BuiltinId::kUnsafeSlice:
    case fe::BuiltinId::kUnsafeSliceData:
    case fe::BuiltinId::kUnsafeString:
    case fe::BuiltinId::kUnsafeStringData:
      return UnsafeBuiltin(e, id);
    default:
      break;
  }
  Unsupported(e->pos, "this use of a built-in function");
  return e->type && !e->type->As<fe::Tuple>() ? llvm::UndefValue::get(m_.LLVMType(e->type)) : nullptr;
}

}  // namespace gojit::ir
