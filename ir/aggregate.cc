// Composite values: struct fields (through embedded fields and pointers), array and
// slice indexing, slicing, composite literals, and the builtins that work on them
// (len, cap, make, new, append, copy).
//
// Addressable operands are lowered through their address (Addr): a field of a
// variable is a GEP from the variable's storage. A non-addressable aggregate (a
// call's result, a literal) is spilled to a stack temporary first, so one GEP-based
// path serves both; LLVM's SROA removes the temporaries.
//
// Bounds checks mirror gc's order and messages (runtime panicbounds codes): for
// s[lo:hi] first hi against cap (len for strings), then lo against hi; for
// s[lo:hi:max] max against cap, then hi against max, then lo against hi.
#include "absl/strings/str_cat.h"
#include "ir/function_context.h"
#include "llvm/IR/MDBuilder.h"

namespace gojit::ir {

using fe::BasicKind;
using fe::ExprMode;

namespace {

enum BoundsCode : int64_t {
  kBoundsIndex = 0,
  kBoundsSliceAlen = 1,
  kBoundsSliceAcap = 2,
  kBoundsSliceB = 3,
  kBoundsSlice3Alen = 4,
  kBoundsSlice3Acap = 5,
  kBoundsSlice3B = 6,
  kBoundsSlice3C = 7,
};
}  // namespace

llvm::Value* FunctionContext::Spill(llvm::Value* v, const std::string& name) {
  llvm::AllocaInst* a = EntryAlloca(v->getType(), name);
  b_.CreateStore(v, a);
  return a;
}

llvm::Value* FunctionContext::Deref(llvm::Value* ptr, fe::Type* t) {
  return b_.CreateLoad(m_.LLVMType(t), ptr);
}

// gc relies on the hardware fault of a nil dereference; LLVM may fold a load from
// a known-null pointer into undef instead of faulting, so Go pointer dereferences
// get an explicit check (LLVM removes the redundant ones).
llvm::Value* FunctionContext::NilCheck(llvm::Value* ptr) {
  if (llvm::isa<llvm::AllocaInst>(ptr) || llvm::isa<llvm::GlobalValue>(ptr)) return ptr;
  llvm::BasicBlock* bad = NewBlock("nil.bad");
  llvm::BasicBlock* ok = NewBlock("nil.ok");
  b_.CreateCondBr(b_.CreateIsNull(ptr), bad, ok, llvm::MDBuilder(m_.ctx()).createBranchWeights(1, 1000));
  b_.SetInsertPoint(bad);
  CallRuntime(RtFunc::k_panicnilmem, {});
  b_.CreateUnreachable();
  b_.SetInsertPoint(ok);
  return ptr;
}

// The address of the field reached by `path` from a struct at `base` of type t
// (t may be a pointer to the struct: it is dereferenced first), through embedded
// fields, loading embedded pointers on the way.
llvm::Value* FunctionContext::FieldAddr(llvm::Value* base, fe::Type* t,
                                        const std::vector<int>& path) {
  llvm::Value* p = base;
  for (int idx : path) {
    if (auto* ptr = t->Underlying()->As<fe::Pointer>()) {
      p = NilCheck(b_.CreateLoad(m_.Ptr(), p));
      t = ptr->elem();
    }
    auto* st = t->Underlying()->As<fe::Struct>();
    p = b_.CreateStructGEP(m_.LLVMType(t), p, idx);
    t = st->fields()[idx].type;
  }
  return p;
}

// The address of the struct an expression denotes, for field access: the pointer
// value itself for a pointer operand, the operand's address if addressable, else a
// temporary holding its value. *struct_type receives the struct (not pointer) type.
llvm::Value* FunctionContext::StructBase(fe::Expr* x, fe::Type** struct_type) {
  fe::Type* t = x->type;
  if (auto* p = t->Underlying()->As<fe::Pointer>()) {
    *struct_type = p->elem();
    return NilCheck(Expr(x));
  }
  *struct_type = t;
  if (x->mode == ExprMode::kVariable) return Addr(x);
  return Spill(Expr(x), "tmp");
}

llvm::Value* FunctionContext::Selector(fe::SelectorExpr* e) {
  fe::Object* obj = e->sel->object;
  if (e->x->mode == ExprMode::kPackage) {
    if (obj->kind == fe::ObjectKind::kVar) return Deref(m_.GlobalFor(obj), e->type);
    if (obj->kind == fe::ObjectKind::kFunc) return m_.StaticClosure(obj);
  }
  if (obj && obj->kind == fe::ObjectKind::kVar) {
    fe::Type* st;
    llvm::Value* base = StructBase(e->x, &st);
    SetPos(e->sel->pos);
    return Deref(FieldAddr(base, st, e->path), e->type);
  }
  if (obj && obj->kind == fe::ObjectKind::kFunc) return MethodValue(e);
  Unsupported(e->pos, "this selector");
  return llvm::UndefValue::get(m_.LLVMType(e->type));
}

llvm::Value* FunctionContext::Addr(fe::Expr* e) {
  e = Unparen(e);
  switch (e->kind) {
    case fe::NodeKind::kIdent: {
      auto* id = e->As<fe::Ident>();
      if (id->object && id->object->kind == fe::ObjectKind::kVar) {
        if (llvm::Value* a = VarAddr(id->object)) return a;
        Unsupported(e->pos, "closures capturing variables");
        return llvm::UndefValue::get(m_.Ptr());
      }
      break;
    }
    case fe::NodeKind::kSelectorExpr: {
      auto* s = e->As<fe::SelectorExpr>();
      if (s->x->mode == ExprMode::kPackage) return m_.GlobalFor(s->sel->object);
      fe::Type* st;
      llvm::Value* base = StructBase(s->x, &st);
      SetPos(s->sel->pos);
      return FieldAddr(base, st, s->path);
    }
    case fe::NodeKind::kIndexExpr:
      return IndexAddr(e->As<fe::IndexExpr>());
    case fe::NodeKind::kStarExpr:
      return NilCheck(Expr(e->As<fe::StarExpr>()->x));
    case fe::NodeKind::kCompositeLit: {
      llvm::Value* v = Expr(e);
      llvm::Value* p = HeapAlloc(e->type);
      b_.CreateStore(v, p);
      return p;
    }
    default:
      break;
  }
  Unsupported(e->pos, absl::StrCat("address of ", fe::NodeKindName(e->kind)));
  return llvm::UndefValue::get(m_.Ptr());
}

llvm::Value* FunctionContext::IndexAddr(fe::IndexExpr* e) {
  fe::Type* xt = e->x->type->Underlying();
  fe::Expr* index = e->indices[0];
  if (auto* a = xt->As<fe::Array>()) {
    llvm::Value* base = e->x->mode == ExprMode::kVariable ? Addr(e->x) : Spill(Expr(e->x), "arr");
    llvm::Value* i = Expr(index);
    SetPos(e->pos);
    llvm::Value* i64 = index->mode == ExprMode::kConstant
                           ? b_.CreateSExtOrTrunc(i, m_.Int())
                           : BoundsCheck(i, ConstInt(a->len()), index->type);
    return b_.CreateGEP(m_.LLVMType(a), base, {ConstInt(0), i64});
  }
  if (auto* p = xt->As<fe::Pointer>()) {
    auto* a = p->elem()->Underlying()->As<fe::Array>();
    llvm::Value* base = NilCheck(Expr(e->x));
    llvm::Value* i = Expr(index);
    SetPos(e->pos);
    llvm::Value* i64 = BoundsCheck(i, ConstInt(a->len()), index->type);
    return b_.CreateGEP(m_.LLVMType(a), base, {ConstInt(0), i64});
  }
  if (auto* s = xt->As<fe::Slice>()) {
    llvm::Value* sv = Expr(e->x);
    llvm::Value* i = Expr(index);
    SetPos(e->pos);
    llvm::Value* i64 = BoundsCheck(i, b_.CreateExtractValue(sv, 1), index->type);
    return b_.CreateGEP(m_.LLVMType(s->elem()), b_.CreateExtractValue(sv, 0), i64);
  }
  if (xt->As<fe::Map>()) return MapIndexAddr(e, /*for_assign=*/true);
  Unsupported(e->pos, absl::StrCat("indexing ", fe::TypeString(e->x->type)));
  return llvm::UndefValue::get(m_.Ptr());
}

llvm::Value* FunctionContext::Index(fe::IndexExpr* e) {
  fe::Type* xt = e->x->type->Underlying();
  if (xt->As<fe::Func>()) return Expr(e->x);  // F[int]: the instance, as a value
  if (auto* b = xt->As<fe::Basic>(); b && b->IsString()) {
    llvm::Value* s = ExprAs(e->x, m_.types().basic(BasicKind::kString));
    fe::Expr* index = e->indices[0];
    llvm::Value* i = Expr(index);
    SetPos(e->pos);
    llvm::Value* i64 = BoundsCheck(i, StringLen(s), index->type);
    return b_.CreateLoad(b_.getInt8Ty(), b_.CreateGEP(b_.getInt8Ty(), StringPtr(s), i64));
  }
  if (xt->As<fe::Map>()) return MapIndex(e, nullptr);
  return Deref(IndexAddr(e), e->type);
}

// Emits `if (cond) panicbounds(code, x, y)`.
void FunctionContext::BoundsFail(llvm::Value* cond, int64_t code, llvm::Value* x, llvm::Value* y) {
  llvm::BasicBlock* bad = NewBlock("bounds.bad");
  llvm::BasicBlock* ok = NewBlock("bounds.ok");
  b_.CreateCondBr(cond, bad, ok, llvm::MDBuilder(m_.ctx()).createBranchWeights(1, 1000));
  b_.SetInsertPoint(bad);
  CallRuntime(RtFunc::k_panicbounds, {ConstInt(code), x, y});
  b_.CreateUnreachable();
  b_.SetInsertPoint(ok);
}

llvm::Value* FunctionContext::SliceExpr(fe::SliceExpr* e) {
  fe::Type* xt = e->x->type->Underlying();
  auto index = [&](fe::Expr* x, llvm::Value* dflt) -> llvm::Value* {
    if (!x) return dflt;
    fe::Basic* b = fe::UBasic(x->type);
    llvm::Value* v = Expr(x);
    return b && b->IsUnsigned() ? b_.CreateZExtOrTrunc(v, m_.Int()) : b_.CreateSExtOrTrunc(v, m_.Int());
  };
  llvm::Value *ptr, *len, *cap;
  fe::Type* elem;
  bool is_string = false;
  if (auto* b = xt->As<fe::Basic>(); b && b->IsString()) {
    llvm::Value* s = ExprAs(e->x, m_.types().basic(BasicKind::kString));
    ptr = StringPtr(s);
    len = cap = StringLen(s);
    elem = m_.types().byte_type();
    is_string = true;
  } else if (auto* s = xt->As<fe::Slice>()) {
    llvm::Value* sv = Expr(e->x);
    ptr = b_.CreateExtractValue(sv, 0);
    len = b_.CreateExtractValue(sv, 1);
    cap = b_.CreateExtractValue(sv, 2);
    elem = s->elem();
  } else {
    fe::Array* a = xt->As<fe::Array>();
    if (auto* p = xt->As<fe::Pointer>()) {
      a = p->elem()->Underlying()->As<fe::Array>();
      ptr = Expr(e->x);
    } else {
      ptr = Addr(e->x);
    }
    len = cap = ConstInt(a->len());
    elem = a->elem();
  }
  llvm::Value* lo = index(e->lo, ConstInt(0));
  llvm::Value* hi = index(e->hi, len);
  SetPos(e->pos);
  llvm::Value* new_cap;
  if (e->slice3) {
    llvm::Value* max = index(e->max, cap);
    BoundsFail(b_.CreateICmpUGT(max, cap), kBoundsSlice3Acap, max, cap);
    BoundsFail(b_.CreateICmpUGT(hi, max), kBoundsSlice3B, hi, max);
    BoundsFail(b_.CreateICmpUGT(lo, hi), kBoundsSlice3C, lo, hi);
    new_cap = b_.CreateSub(max, lo);
  } else {
    BoundsFail(b_.CreateICmpUGT(hi, cap), is_string || !e->hi ? kBoundsSliceAlen : kBoundsSliceAcap,
               hi, cap);
    BoundsFail(b_.CreateICmpUGT(lo, hi), kBoundsSliceB, lo, hi);
    new_cap = b_.CreateSub(cap, lo);
  }
  llvm::Value* new_len = b_.CreateSub(hi, lo);
  // Slicing to an empty result must not produce a pointer past the array: gc keeps
  // the base pointer when the new cap is 0.
  llvm::Value* p = b_.CreateGEP(m_.LLVMType(elem), ptr, lo);
  if (!is_string) p = b_.CreateSelect(b_.CreateICmpEQ(new_cap, ConstInt(0)), ptr, p);
  if (is_string) return MakeString(p, new_len);
  return MakeSlice(p, new_len, new_cap);
}

llvm::Value* FunctionContext::MakeSlice(llvm::Value* ptr, llvm::Value* len, llvm::Value* cap) {
  llvm::Value* s = llvm::UndefValue::get(m_.SliceType());
  s = b_.CreateInsertValue(s, ptr, 0);
  s = b_.CreateInsertValue(s, len, 1);
  return b_.CreateInsertValue(s, cap, 2);
}

llvm::Value* FunctionContext::CompositeLit(fe::CompositeLit* e, fe::Type* t) {
  if (!t) t = e->type;
  fe::Type* u = t->Underlying();
  if (auto* p = u->As<fe::Pointer>()) {
    // An elided &T{...} inside another literal.
    llvm::Value* v = CompositeLit(e, p->elem());
    llvm::Value* cell = HeapAlloc(p->elem());
    b_.CreateStore(v, cell);
    return cell;
  }
  auto elem_value = [&](fe::Expr* x, fe::Type* et) -> llvm::Value* {
    if (auto* cl = x->As<fe::CompositeLit>(); cl && !cl->type_expr) return CompositeLit(cl, et);
    return ExprAs(x, et);
  };
  if (auto* st = u->As<fe::Struct>()) {
    llvm::Value* v = m_.ZeroValue(t);
    for (size_t i = 0; i < e->elts.size(); ++i) {
      fe::Expr* x = e->elts[i];
      size_t field = i;
      if (auto* kv = x->As<fe::KeyValueExpr>()) {
        auto* key = kv->key->As<fe::Ident>();
        for (size_t k = 0; k < st->fields().size(); ++k)
          if (st->fields()[k].name == key->name) field = k;
        x = kv->value;
      }
      v = b_.CreateInsertValue(v, elem_value(x, st->fields()[field].type), field);
    }
    return v;
  }
  // Arrays and slices: elements at constant indexes (keys or positions).
  fe::Type* et = u->As<fe::Array>() ? u->As<fe::Array>()->elem() : u->As<fe::Slice>() ? u->As<fe::Slice>()->elem() : nullptr;
  if (et) {
    std::vector<std::pair<int64_t, fe::Expr*>> elems;
    int64_t idx = 0, n = 0;
    for (fe::Expr* x : e->elts) {
      if (auto* kv = x->As<fe::KeyValueExpr>()) {
        idx = *kv->key->constant->ToInt()->Int64();
        x = kv->value;
      }
      elems.push_back({idx, x});
      n = std::max(n, ++idx);
    }
    if (auto* a = u->As<fe::Array>()) {
      if (a->len() <= 64) {
        llvm::Value* v = m_.ZeroValue(t);
        for (auto& [i, x] : elems) v = b_.CreateInsertValue(v, elem_value(x, et), static_cast<unsigned>(i));
        return v;
      }
      llvm::Value* tmp = EntryAlloca(m_.LLVMType(t), "arrlit");
      b_.CreateStore(m_.ZeroValue(t), tmp);
      for (auto& [i, x] : elems)
        b_.CreateStore(elem_value(x, et), b_.CreateGEP(m_.LLVMType(t), tmp, {ConstInt(0), ConstInt(i)}));
      return Deref(tmp, t);
    }
    if (n == 0) {
      // []T{} is non-nil: point at the zero-size base (gc's zerobase).
      return MakeSlice(HeapAlloc(m_.types().NewArray(et, 0)), ConstInt(0), ConstInt(0));
    }
    fe::Type* arr_t = m_.types().NewArray(et, n);
    llvm::Value* arr = HeapAlloc(arr_t);
    for (auto& [i, x] : elems)
      b_.CreateStore(elem_value(x, et), b_.CreateGEP(m_.LLVMType(et), arr, ConstInt(i)));
    return MakeSlice(arr, ConstInt(n), ConstInt(n));
  }
  if (u->As<fe::Map>()) return MapLiteral(e, t);
  Unsupported(e->pos, absl::StrCat("composite literal of type ", fe::TypeString(t)));
  return m_.ZeroValue(t);
}

// len and cap of strings, slices, arrays (non-constant cases) and maps.
llvm::Value* FunctionContext::LenCap(fe::Expr* x, bool is_cap) {
  fe::Type* u = x->type->Underlying();
  if (auto* p = u->As<fe::Pointer>()) u = p->elem()->Underlying();
  if (auto* b = u->As<fe::Basic>(); b && b->IsString())
    return StringLen(ExprAs(x, m_.types().basic(BasicKind::kString)));
  if (u->As<fe::Slice>()) return b_.CreateExtractValue(Expr(x), is_cap ? 2 : 1);
  if (auto* a = u->As<fe::Array>()) {
    Expr(x);  // evaluated for its effects (calls, receives)
    return ConstInt(a->len());
  }
  if (u->As<fe::Map>()) {
    // hmap.count is the map's first word; a nil map has length 0.
    llvm::Value* h = Expr(x);
    llvm::BasicBlock* from = b_.GetInsertBlock();
    llvm::BasicBlock* load = NewBlock("maplen");
    llvm::BasicBlock* done = NewBlock("maplen.done");
    b_.CreateCondBr(b_.CreateIsNull(h), done, load);
    b_.SetInsertPoint(load);
    llvm::Value* n = b_.CreateLoad(m_.Int(), h);
    b_.CreateBr(done);
    b_.SetInsertPoint(done);
    auto* phi = b_.CreatePHI(m_.Int(), 2);
    phi->addIncoming(ConstInt(0), from);
    phi->addIncoming(n, load);
    return phi;
  }
  if (u->As<fe::Chan>()) {
    llvm::Value* c = Expr(x);
    return CallRuntime(is_cap ? RtFunc::k_chancap : RtFunc::k_chanlen, {c});
  }
  Unsupported(x->pos, absl::StrCat(is_cap ? "cap" : "len", " of ", fe::TypeString(x->type)));
  return ConstInt(0);
}

llvm::Value* FunctionContext::Make(fe::CallExpr* e) {
  fe::Type* t = e->args[0]->type;
  fe::Type* u = t->Underlying();
  auto int_arg = [&](size_t i) -> llvm::Value* {
    if (i >= e->args.size()) return nullptr;
    fe::Basic* b = fe::UBasic(e->args[i]->type);
    llvm::Value* v = ExprAs(e->args[i], fe::IsUntyped(e->args[i]->type) ? m_.types().basic(BasicKind::kInt) : e->args[i]->type);
    return b && b->IsUnsigned() ? b_.CreateZExtOrTrunc(v, m_.Int()) : b_.CreateSExtOrTrunc(v, m_.Int());
  };
  if (auto* s = u->As<fe::Slice>()) {
    llvm::Value* len = int_arg(1);
    llvm::Value* cap = e->args.size() > 2 ? int_arg(2) : len;
    SetPos(e->pos);
    llvm::Value* p = CallRuntime(RtFunc::k_makeslice, {m_.TypeDescriptor(s->elem()), len, cap});
    return MakeSlice(p, len, cap);
  }
  if (u->As<fe::Map>()) {
    llvm::Value* hint = e->args.size() > 1 ? int_arg(1) : ConstInt(0);
    SetPos(e->pos);
    return CallRuntime(RtFunc::k_makemap, {m_.TypeDescriptor(t), hint});
  }
  if (u->As<fe::Chan>()) return MakeChan(e);
  Unsupported(e->pos, absl::StrCat("make(", fe::TypeString(t), ")"));
  return m_.ZeroValue(t);
}

llvm::Value* FunctionContext::Append(fe::CallExpr* e) {
  fe::Type* st = e->type;
  fe::Type* et = st->Underlying()->As<fe::Slice>()->elem();
  llvm::Type* elt = m_.LLVMType(et);
  llvm::Value* s = ExprAs(e->args[0], st);
  // The values to append: each argument, or the spread slice/string.
  llvm::Value* src_ptr = nullptr;
  llvm::Value* n;
  std::vector<llvm::Value*> vals;
  if (e->has_ellipsis) {
    fe::Expr* src = e->args[1];
    if (auto* b = fe::UBasic(src->type); b && b->IsString()) {
      llvm::Value* sv = ExprAs(src, m_.types().basic(BasicKind::kString));
      src_ptr = StringPtr(sv);
      n = StringLen(sv);
    } else {
      llvm::Value* sv = fe::IsBasicKind(src->type, BasicKind::kUntypedNil) ? m_.ZeroValue(st) : Expr(src);
      src_ptr = b_.CreateExtractValue(sv, 0);
      n = b_.CreateExtractValue(sv, 1);
    }
  } else {
    for (size_t i = 1; i < e->args.size(); ++i) vals.push_back(ExprAs(e->args[i], et));
    n = ConstInt(static_cast<int64_t>(vals.size()));
  }
  SetPos(e->pos);
  llvm::Value* ptr = b_.CreateExtractValue(s, 0);
  llvm::Value* len = b_.CreateExtractValue(s, 1);
  llvm::Value* cap = b_.CreateExtractValue(s, 2);
  llvm::Value* new_len = b_.CreateAdd(len, n);
  llvm::BasicBlock* from = b_.GetInsertBlock();
  llvm::BasicBlock* grow = NewBlock("append.grow");
  llvm::BasicBlock* store = NewBlock("append.store");
  b_.CreateCondBr(b_.CreateICmpUGT(new_len, cap), grow, store);
  b_.SetInsertPoint(grow);
  llvm::Value* dst = EntryAlloca(m_.SliceType(), "grown");
  CallRuntime(RtFunc::k_growslice, {dst, m_.TypeDescriptor(et), ptr, len, cap, new_len});
  llvm::Value* grown = b_.CreateLoad(m_.SliceType(), dst);
  llvm::Value* gptr = b_.CreateExtractValue(grown, 0);
  llvm::Value* gcap = b_.CreateExtractValue(grown, 2);
  b_.CreateBr(store);
  b_.SetInsertPoint(store);
  auto* phi_ptr = b_.CreatePHI(m_.Ptr(), 2);
  phi_ptr->addIncoming(ptr, from);
  phi_ptr->addIncoming(gptr, grow);
  auto* phi_cap = b_.CreatePHI(m_.Int(), 2);
  phi_cap->addIncoming(cap, from);
  phi_cap->addIncoming(gcap, grow);
  if (src_ptr) {
    llvm::Value* bytes = b_.CreateMul(n, ConstInt(static_cast<int64_t>(m_.SizeOf(et))));
    b_.CreateMemMove(b_.CreateGEP(elt, phi_ptr, len), llvm::MaybeAlign(1), src_ptr, llvm::MaybeAlign(1), bytes);
  } else {
    for (size_t i = 0; i < vals.size(); ++i)
      b_.CreateStore(vals[i], b_.CreateGEP(elt, phi_ptr, b_.CreateAdd(len, ConstInt(static_cast<int64_t>(i)))));
  }
  return MakeSlice(phi_ptr, new_len, phi_cap);
}

llvm::Value* FunctionContext::Copy(fe::CallExpr* e) {
  fe::Type* dt = e->args[0]->type;
  fe::Type* et = dt->Underlying()->As<fe::Slice>()->elem();
  llvm::Value* d = Expr(e->args[0]);
  llvm::Value *sp, *sn;
  if (auto* b = fe::UBasic(e->args[1]->type); b && b->IsString()) {
    llvm::Value* s = ExprAs(e->args[1], m_.types().basic(BasicKind::kString));
    sp = StringPtr(s);
    sn = StringLen(s);
  } else {
    llvm::Value* s = Expr(e->args[1]);
    sp = b_.CreateExtractValue(s, 0);
    sn = b_.CreateExtractValue(s, 1);
  }
  llvm::Value* dn = b_.CreateExtractValue(d, 1);
  llvm::Value* n = b_.CreateSelect(b_.CreateICmpSLT(dn, sn), dn, sn);
  llvm::Value* bytes = b_.CreateMul(n, ConstInt(static_cast<int64_t>(m_.SizeOf(et))));
  b_.CreateMemMove(b_.CreateExtractValue(d, 0), llvm::MaybeAlign(1), sp, llvm::MaybeAlign(1), bytes);
  return n;
}

}  // namespace gojit::ir
