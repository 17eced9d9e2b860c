// Expressions: constants, variables, operators (with Go's defined behaviour for
// division, shifts and overflow), indexing with bounds checks, slicing of strings,
// and conversions.
//
// Go defines what C and LLVM leave undefined, so the lowering spells it out:
//  - integer arithmetic wraps (LLVM's add/sub/mul without nsw/nuw);
//  - x / 0 and x % 0 panic ("integer divide by zero"); MinInt / -1 == MinInt and
//    MinInt % -1 == 0 (LLVM's sdiv would trap on x86), so -1 is special-cased;
//  - shifts by >= the width give 0 (or all sign bits for a signed >>), and a
//    negative signed shift count panics ("negative shift amount").
#include "absl/strings/str_cat.h"
#include "common/status.h"
#include "ir/function_context.h"
#include "llvm/IR/MDBuilder.h"

namespace gojit::ir {

using fe::BasicKind;
using fe::ExprMode;
using fe::Tok;

llvm::Value* FunctionContext::Expr(fe::Expr* e) {
  if (e->mode == ExprMode::kConstant && e->constant) {
    return m_.ConstValue(*e->constant, e->type);
  }
  if (!evaluated_.empty()) {
    if (auto it = evaluated_.find(e); it != evaluated_.end()) return it->second;
  }
  switch (e->kind) {
    case fe::NodeKind::kParenExpr:
      return Expr(e->As<fe::ParenExpr>()->x);
    case fe::NodeKind::kIdent: {
      auto* id = e->As<fe::Ident>();
      fe::Object* obj = id->object;
      if (!obj) break;
      if (obj->kind == fe::ObjectKind::kNil) return m_.ZeroValue(e->type);
      if (obj->kind == fe::ObjectKind::kVar) {
        llvm::Value* addr = VarAddr(obj);
        if (!addr) {
          Unsupported(e->pos, "closures capturing variables");
          return llvm::UndefValue::get(m_.LLVMType(e->type));
        }
        return b_.CreateLoad(m_.LLVMType(obj->type), addr, obj->name);
      }
      if (obj->kind == fe::ObjectKind::kFunc) return m_.StaticClosure(obj);
      break;
    }
    case fe::NodeKind::kBinaryExpr:
      return Binary(e->As<fe::BinaryExpr>());
    case fe::NodeKind::kUnaryExpr:
      return Unary(e->As<fe::UnaryExpr>());
    case fe::NodeKind::kCallExpr:
      return Call(e->As<fe::CallExpr>());
    case fe::NodeKind::kIndexExpr:
      return Index(e->As<fe::IndexExpr>());
    case fe::NodeKind::kSliceExpr:
      return SliceExpr(e->As<fe::SliceExpr>());
    case fe::NodeKind::kSelectorExpr:
      return Selector(e->As<fe::SelectorExpr>());
    case fe::NodeKind::kStarExpr: {
      llvm::Value* p = Expr(e->As<fe::StarExpr>()->x);
      SetPos(e->pos);
      return Deref(NilCheck(p), e->type);
    }
    case fe::NodeKind::kCompositeLit:
      return CompositeLit(e->As<fe::CompositeLit>(), nullptr);
    case fe::NodeKind::kFuncLit:
      return FuncLit(e->As<fe::FuncLit>());
    case fe::NodeKind::kTypeAssertExpr:
      return TypeAssert(e->As<fe::TypeAssertExpr>(), nullptr);
    default:
      break;
  }
  Unsupported(e->pos, fe::NodeKindName(e->kind));
  return llvm::UndefValue::get(m_.LLVMType(e->type ? e->type : m_.types().basic(BasicKind::kInt)));
}

llvm::Value* FunctionContext::ExprAs(fe::Expr* e, fe::Type* t) {
  if (fe::IsBasicKind(e->type, BasicKind::kUntypedNil)) return m_.ZeroValue(t);
  if (fe::IsInterface(t)) {
    fe::Type* from = fe::DefaultType(m_.types(), e->type);
    llvm::Value* v = e->mode == ExprMode::kConstant && e->constant ? m_.ConstValue(*e->constant, from)
                                                                   : Expr(e);
    return ConvertAssign(v, from, t);
  }
  if (e->mode == ExprMode::kConstant && e->constant) return m_.ConstValue(*e->constant, t);
  return Expr(e);
}

llvm::Value* FunctionContext::Binary(fe::BinaryExpr* e) {
  SetPos(e->pos);
  if (e->op == Tok::kLAnd || e->op == Tok::kLOr) {
    llvm::Value* x = Expr(e->x);
    llvm::BasicBlock* from = b_.GetInsertBlock();
    llvm::BasicBlock* rhs = NewBlock(e->op == Tok::kLAnd ? "and.rhs" : "or.rhs");
    llvm::BasicBlock* done = NewBlock(e->op == Tok::kLAnd ? "and.done" : "or.done");
    if (e->op == Tok::kLAnd) b_.CreateCondBr(x, rhs, done);
    else b_.CreateCondBr(x, done, rhs);
    b_.SetInsertPoint(rhs);
    llvm::Value* y = Expr(e->y);
    llvm::BasicBlock* rhs_end = b_.GetInsertBlock();
    b_.CreateBr(done);
    b_.SetInsertPoint(done);
    auto* phi = b_.CreatePHI(b_.getInt1Ty(), 2);
    phi->addIncoming(b_.getInt1(e->op == Tok::kLOr), from);
    phi->addIncoming(y, rhs_end);
    return phi;
  }
  bool cmp = e->op == Tok::kEql || e->op == Tok::kNeq || e->op == Tok::kLss ||
             e->op == Tok::kLeq || e->op == Tok::kGtr || e->op == Tok::kGeq;
  if (cmp) {
    // Operand types agree after the checker's conversions, except interface vs
    // concrete, where the concrete side is boxed first.
    fe::Type* t = e->x->type;
    if (fe::IsInterface(e->y->type) && !fe::IsInterface(t)) t = e->y->type;
    if (fe::IsUntyped(t)) t = fe::IsUntyped(e->y->type) ? fe::DefaultType(m_.types(), t) : e->y->type;
    llvm::Value* x = ExprAs(e->x, t);
    llvm::Value* y = ExprAs(e->y, t);
    return Compare(e->op, x, y, t);
  }
  if (e->op == Tok::kShl || e->op == Tok::kShr) {
    llvm::Value* x = ExprAs(e->x, e->type);
    llvm::Value* y = Expr(e->y);
    return Shift(e->op, x, y, e->type, e->y->type);
  }
  llvm::Value* x = ExprAs(e->x, e->type);
  llvm::Value* y = ExprAs(e->y, e->type);
  return BinaryOp(e->op, x, y, e->type, e->pos);
}

llvm::Value* FunctionContext::BinaryOp(Tok op, llvm::Value* x, llvm::Value* y, fe::Type* t,
                                       fe::Pos pos) {
  fe::Basic* b = fe::UBasic(t);
  if (!b) {
    Unsupported(pos, "operator on non-basic type");
    return x;
  }
  if (b->IsString()) {
    CHECK(op == Tok::kAdd);
    llvm::Value* r = CallRuntime(RtFunc::k_concatstring2,
                                 {StringPtr(x), StringLen(x), StringPtr(y), StringLen(y)});
    return MakeString(b_.CreateExtractValue(r, 0), b_.CreateExtractValue(r, 1));
  }
  if (b->IsFloat()) {
    switch (op) {
      case Tok::kAdd: return b_.CreateFAdd(x, y);
      case Tok::kSub: return b_.CreateFSub(x, y);
      case Tok::kMul: return b_.CreateFMul(x, y);
      case Tok::kQuo: return b_.CreateFDiv(x, y);
      default: break;
    }
  }
  if (b->IsComplex()) {
    llvm::Value *a = b_.CreateExtractValue(x, 0), *bi = b_.CreateExtractValue(x, 1);
    llvm::Value *c = b_.CreateExtractValue(y, 0), *d = b_.CreateExtractValue(y, 1);
    llvm::Value *re = nullptr, *im = nullptr;
    switch (op) {
      case Tok::kAdd: re = b_.CreateFAdd(a, c); im = b_.CreateFAdd(bi, d); break;
      case Tok::kSub: re = b_.CreateFSub(a, c); im = b_.CreateFSub(bi, d); break;
      case Tok::kMul:
        re = b_.CreateFSub(b_.CreateFMul(a, c), b_.CreateFMul(bi, d));
        im = b_.CreateFAdd(b_.CreateFMul(bi, c), b_.CreateFMul(a, d));
        break;
      case Tok::kQuo: {
        llvm::Value* den = b_.CreateFAdd(b_.CreateFMul(c, c), b_.CreateFMul(d, d));
        re = b_.CreateFDiv(b_.CreateFAdd(b_.CreateFMul(a, c), b_.CreateFMul(bi, d)), den);
        im = b_.CreateFDiv(b_.CreateFSub(b_.CreateFMul(bi, c), b_.CreateFMul(a, d)), den);
        break;
      }
      default: break;
    }
    llvm::Value* r = llvm::UndefValue::get(x->getType());
    r = b_.CreateInsertValue(r, re, 0);
    return b_.CreateInsertValue(r, im, 1);
  }
  bool is_signed = !b->IsUnsigned();
  switch (op) {
    case Tok::kAdd: return b_.CreateAdd(x, y);
    case Tok::kSub: return b_.CreateSub(x, y);
    case Tok::kMul: return b_.CreateMul(x, y);
    case Tok::kAnd: return b_.CreateAnd(x, y);
    case Tok::kOr: return b_.CreateOr(x, y);
    case Tok::kXor: return b_.CreateXor(x, y);
    case Tok::kAndNot: return b_.CreateAnd(x, b_.CreateNot(y));
    case Tok::kQuo:
    case Tok::kRem: {
      SetPos(pos);
      llvm::Value* zero = llvm::ConstantInt::get(y->getType(), 0);
      llvm::BasicBlock* bad = NewBlock("div.zero");
      llvm::BasicBlock* ok = NewBlock("div.ok");
      b_.CreateCondBr(b_.CreateICmpEQ(y, zero), bad, ok, llvm::MDBuilder(m_.ctx()).createBranchWeights(1, 1000));
      b_.SetInsertPoint(bad);
      CallRuntime(RtFunc::k_panicdivide, {});
      b_.CreateUnreachable();
      b_.SetInsertPoint(ok);
      if (!is_signed) return op == Tok::kQuo ? b_.CreateUDiv(x, y) : b_.CreateURem(x, y);
      // y == -1: x / -1 == -x (wrapping), x % -1 == 0.
      llvm::Value* minus_one = b_.CreateICmpEQ(y, llvm::ConstantInt::getSigned(y->getType(), -1));
      llvm::Value* safe_y = b_.CreateSelect(minus_one, llvm::ConstantInt::get(y->getType(), 1), y);
      llvm::Value* r = op == Tok::kQuo ? b_.CreateSDiv(x, safe_y) : b_.CreateSRem(x, safe_y);
      llvm::Value* special = op == Tok::kQuo ? b_.CreateNeg(x) : zero;
      return b_.CreateSelect(minus_one, special, r);
    }
    default:
      Unsupported(pos, absl::StrCat("operator ", fe::TokSpelling(op)));
      return x;
  }
}

llvm::Value* FunctionContext::Shift(Tok op, llvm::Value* x, llvm::Value* y, fe::Type* xt,
                                    fe::Type* yt) {
  fe::Basic* xb = fe::UBasic(fe::DefaultType(m_.types(), xt));
  fe::Basic* yb = fe::UBasic(yt);
  unsigned width = x->getType()->getIntegerBitWidth();
  if (yb && !yb->IsUnsigned() && !yb->IsUntyped()) {
    llvm::BasicBlock* bad = NewBlock("shift.neg");
    llvm::BasicBlock* ok = NewBlock("shift.ok");
    b_.CreateCondBr(b_.CreateICmpSLT(y, llvm::ConstantInt::get(y->getType(), 0)), bad, ok);
    b_.SetInsertPoint(bad);
    CallRuntime(RtFunc::k_panicshift, {});
    b_.CreateUnreachable();
    b_.SetInsertPoint(ok);
  }
  // Compare the count in 64 bits, then shift by it truncated/extended to x's width.
  llvm::Value* y64 = b_.CreateZExtOrTrunc(y, m_.Int());
  if (y->getType()->getIntegerBitWidth() > 64) y64 = b_.CreateTrunc(y, m_.Int());
  llvm::Value* too_big = b_.CreateICmpUGE(y64, ConstInt(width));
  llvm::Value* count = b_.CreateZExtOrTrunc(
      b_.CreateSelect(too_big, ConstInt(width - 1), y64), x->getType());
  bool is_signed = xb && !xb->IsUnsigned();
  if (op == Tok::kShl) {
    llvm::Value* r = b_.CreateShl(x, count);
    return b_.CreateSelect(too_big, llvm::ConstantInt::get(x->getType(), 0), r);
  }
  if (is_signed) return b_.CreateAShr(x, count);  // count clamped to width-1: all sign bits
  llvm::Value* r = b_.CreateLShr(x, count);
  return b_.CreateSelect(too_big, llvm::ConstantInt::get(x->getType(), 0), r);
}

llvm::Value* FunctionContext::Compare(Tok op, llvm::Value* x, llvm::Value* y, fe::Type* t) {
  fe::Type* u = t->Underlying();
  if (auto* b = u->As<fe::Basic>()) {
    if (b->IsString()) {
      llvm::Value* c = CallRuntime(RtFunc::k_cmpstring,
                                   {StringPtr(x), StringLen(x), StringPtr(y), StringLen(y)});
      llvm::Value* zero = ConstInt(0);
      switch (op) {
        case Tok::kEql: return b_.CreateICmpEQ(c, zero);
        case Tok::kNeq: return b_.CreateICmpNE(c, zero);
        case Tok::kLss: return b_.CreateICmpSLT(c, zero);
        case Tok::kLeq: return b_.CreateICmpSLE(c, zero);
        case Tok::kGtr: return b_.CreateICmpSGT(c, zero);
        default: return b_.CreateICmpSGE(c, zero);
      }
    }
    if (b->IsFloat()) {
      switch (op) {
        case Tok::kEql: return b_.CreateFCmpOEQ(x, y);
        case Tok::kNeq: return b_.CreateFCmpUNE(x, y);
        case Tok::kLss: return b_.CreateFCmpOLT(x, y);
        case Tok::kLeq: return b_.CreateFCmpOLE(x, y);
        case Tok::kGtr: return b_.CreateFCmpOGT(x, y);
        default: return b_.CreateFCmpOGE(x, y);
      }
    }
    if (b->IsComplex()) {
      llvm::Value* re = b_.CreateFCmpOEQ(b_.CreateExtractValue(x, 0), b_.CreateExtractValue(y, 0));
      llvm::Value* im = b_.CreateFCmpOEQ(b_.CreateExtractValue(x, 1), b_.CreateExtractValue(y, 1));
      llvm::Value* eq = b_.CreateAnd(re, im);
      return op == Tok::kEql ? eq : b_.CreateNot(eq);
    }
    bool is_signed = !b->IsUnsigned();
    switch (op) {
      case Tok::kEql: return b_.CreateICmpEQ(x, y);
      case Tok::kNeq: return b_.CreateICmpNE(x, y);
      case Tok::kLss: return is_signed ? b_.CreateICmpSLT(x, y) : b_.CreateICmpULT(x, y);
      case Tok::kLeq: return is_signed ? b_.CreateICmpSLE(x, y) : b_.CreateICmpULE(x, y);
      case Tok::kGtr: return is_signed ? b_.CreateICmpSGT(x, y) : b_.CreateICmpUGT(x, y);
      default: return is_signed ? b_.CreateICmpSGE(x, y) : b_.CreateICmpUGE(x, y);
    }
  }
  if (u->As<fe::Pointer>() || u->As<fe::Map>() || u->As<fe::Chan>() || u->As<fe::Func>()) {
    return op == Tok::kEql ? b_.CreateICmpEQ(x, y) : b_.CreateICmpNE(x, y);
  }
  if (u->As<fe::Slice>()) {  // only against nil
    llvm::Value* px = b_.CreateExtractValue(x, 0);
    llvm::Value* py = b_.CreateExtractValue(y, 0);
    return op == Tok::kEql ? b_.CreateICmpEQ(px, py) : b_.CreateICmpNE(px, py);
  }
  if (u->As<fe::Interface>()) {
    llvm::Value* tx = DynType(x, t);
    llvm::Value* ty = DynType(y, t);
    llvm::Value* dx = b_.CreateExtractValue(x, 1);
    llvm::Value* dy = b_.CreateExtractValue(y, 1);
    llvm::Value* same_type = b_.CreateICmpEQ(tx, ty);
    llvm::BasicBlock* from = b_.GetInsertBlock();
    llvm::BasicBlock* deep = NewBlock("iface.eq");
    llvm::BasicBlock* done = NewBlock("iface.done");
    b_.CreateCondBr(b_.CreateAnd(same_type, b_.CreateIsNotNull(tx)), deep, done);
    b_.SetInsertPoint(deep);
    llvm::Value* eq = b_.CreateICmpNE(CallRuntime(RtFunc::k_efaceeq, {tx, dx, dy}), b_.getInt8(0));
    llvm::BasicBlock* deep_end = b_.GetInsertBlock();
    b_.CreateBr(done);
    b_.SetInsertPoint(done);
    auto* phi = b_.CreatePHI(b_.getInt1Ty(), 2);
    phi->addIncoming(same_type, from);  // both nil: equal; different types: not
    phi->addIncoming(eq, deep_end);
    return op == Tok::kEql ? static_cast<llvm::Value*>(phi) : b_.CreateNot(phi);
  }
  if (u->As<fe::Struct>() || u->As<fe::Array>()) {
    // Field- and element-wise through the type descriptor (runtime efaceeq walks it).
    llvm::Value* px = Spill(x, "cmpx");
    llvm::Value* py = Spill(y, "cmpy");
    llvm::Value* eq = b_.CreateICmpNE(CallRuntime(RtFunc::k_efaceeq, {m_.TypeDescriptor(t), px, py}),
                                      b_.getInt8(0));
    return op == Tok::kEql ? eq : b_.CreateNot(eq);
  }
  Unsupported({}, absl::StrCat("comparison of ", fe::TypeString(t)));
  return b_.getInt1(false);
}

llvm::Value* FunctionContext::Unary(fe::UnaryExpr* e) {
  SetPos(e->pos);
  switch (e->op) {
    case Tok::kAdd:
      return Expr(e->x);
    case Tok::kSub: {
      llvm::Value* x = ExprAs(e->x, e->type);
      fe::Basic* b = fe::UBasic(e->type);
      if (b && b->IsFloat()) return b_.CreateFNeg(x);
      if (b && b->IsComplex()) {
        llvm::Value* r = llvm::UndefValue::get(x->getType());
        r = b_.CreateInsertValue(r, b_.CreateFNeg(b_.CreateExtractValue(x, 0)), 0);
        return b_.CreateInsertValue(r, b_.CreateFNeg(b_.CreateExtractValue(x, 1)), 1);
      }
      return b_.CreateNeg(x);
    }
    case Tok::kXor:
      return b_.CreateNot(ExprAs(e->x, e->type));
    case Tok::kNot:
      return b_.CreateNot(Expr(e->x));
    case Tok::kArrow:
      return Receive(e, nullptr);
    case Tok::kAnd: {
      fe::Expr* x = e->x;
      x = fe::Unparen(x);
      if (auto* cl = x->As<fe::CompositeLit>()) {
        llvm::Value* v = CompositeLit(cl, nullptr);
        llvm::Value* cell = HeapAlloc(cl->type);
        b_.CreateStore(v, cell);
        return cell;
      }
      return Addr(x);
    }
    default:
      Unsupported(e->pos, absl::StrCat("operator ", fe::TokSpelling(e->op)));
      return llvm::UndefValue::get(m_.LLVMType(e->type));
  }
}

llvm::Value* FunctionContext::BoundsCheck(llvm::Value* index, llvm::Value* length,
                                          fe::Type* index_type) {
  // Unsigned comparison catches negative indexes too (they are huge unsigned).
  fe::Basic* ib = fe::UBasic(index_type);
  llvm::Value* i64 = ib && ib->IsUnsigned() ? b_.CreateZExtOrTrunc(index, m_.Int())
                                            : b_.CreateSExtOrTrunc(index, m_.Int());
  llvm::BasicBlock* bad = NewBlock("index.bad");
  llvm::BasicBlock* ok = NewBlock("index.ok");
  b_.CreateCondBr(b_.CreateICmpUGE(i64, length), bad, ok,
                  llvm::MDBuilder(m_.ctx()).createBranchWeights(1, 1000));
  b_.SetInsertPoint(bad);
  CallRuntime(RtFunc::k_panicindex, {i64, length});
  b_.CreateUnreachable();
  b_.SetInsertPoint(ok);
  return i64;
}

llvm::Value* FunctionContext::Conversion(fe::CallExpr* e) {
  fe::Expr* x = e->args[0];
  fe::Type* to = e->type;
  if (fe::IsInterface(to)) return ExprAs(x, to);
  fe::Type* from = fe::DefaultType(m_.types(), x->type);
  llvm::Value* v = ExprAs(x, from);
  SetPos(e->pos);
  return ConvertValue(v, from, to);
}

llvm::Value* FunctionContext::ConvertValue(llvm::Value* v, fe::Type* from, fe::Type* to) {
  fe::Basic* fb = fe::UBasic(from);
  fe::Basic* tb = fe::UBasic(to);
  llvm::Type* lt = m_.LLVMType(to);
  if (fb && tb) {
    if (tb->IsString() && fb->IsInteger()) {
      llvm::Value* r = CallRuntime(RtFunc::k_intstring,
                                   {fb->IsUnsigned() ? b_.CreateZExtOrTrunc(v, m_.Int())
                                                     : b_.CreateSExtOrTrunc(v, m_.Int())});
      return MakeString(b_.CreateExtractValue(r, 0), b_.CreateExtractValue(r, 1));
    }
    if (tb->IsString() && fb->IsString()) return v;
    if (tb->IsInteger() && fb->IsInteger()) {
      return fb->IsUnsigned() ? b_.CreateZExtOrTrunc(v, lt) : b_.CreateSExtOrTrunc(v, lt);
    }
    if (tb->IsFloat() && fb->IsInteger()) {
      return fb->IsUnsigned() ? b_.CreateUIToFP(v, lt) : b_.CreateSIToFP(v, lt);
    }
    if (tb->IsInteger() && fb->IsFloat()) {
      // Go leaves out-of-range results implementation-defined; the saturating
      // intrinsics avoid LLVM poison.
      return tb->IsUnsigned()
                 ? b_.CreateIntrinsic(llvm::Intrinsic::fptoui_sat, {lt, v->getType()}, {v})
                 : b_.CreateIntrinsic(llvm::Intrinsic::fptosi_sat, {lt, v->getType()}, {v});
    }
    if (tb->IsFloat() && fb->IsFloat()) return b_.CreateFPCast(v, lt);
    if (tb->IsComplex() && fb->IsComplex()) {
      auto* st = llvm::cast<llvm::StructType>(lt);
      llvm::Value* r = llvm::UndefValue::get(lt);
      r = b_.CreateInsertValue(r, b_.CreateFPCast(b_.CreateExtractValue(v, 0), st->getElementType(0)), 0);
      return b_.CreateInsertValue(r, b_.CreateFPCast(b_.CreateExtractValue(v, 1), st->getElementType(1)), 1);
    }
    if (tb->IsBoolean() && fb->IsBoolean()) return v;
    // Package unsafe: unsafe.Pointer <-> uintptr (*T <-> unsafe.Pointer is a no-op).
    if (fb->basic() == BasicKind::kUnsafePointer && tb->basic() == BasicKind::kUintptr)
      return b_.CreatePtrToInt(v, lt);
    if (fb->basic() == BasicKind::kUintptr && tb->basic() == BasicKind::kUnsafePointer)
      return b_.CreateIntToPtr(v, lt);
  }
  // string <-> []byte, []rune (runtime/string.cc).
  auto elem_kind = [](fe::Type* t) -> BasicKind {
    auto* s = t->Underlying()->As<fe::Slice>();
    fe::Basic* b = s ? fe::UBasic(s->elem()) : nullptr;
    return b ? b->basic() : BasicKind::kInvalid;
  };
  if (tb && tb->IsString() && !fb) {
    RtFunc f = elem_kind(from) == BasicKind::kUint8 ? RtFunc::k_slicebytetostring : RtFunc::k_slicerunetostring;
    llvm::Value* r = CallRuntime(f, {b_.CreateExtractValue(v, 0), b_.CreateExtractValue(v, 1)});
    return MakeString(b_.CreateExtractValue(r, 0), b_.CreateExtractValue(r, 1));
  }
  if (fb && fb->IsString() && !tb) {
    RtFunc f = elem_kind(to) == BasicKind::kUint8 ? RtFunc::k_stringtoslicebyte : RtFunc::k_stringtoslicerune;
    llvm::Value* dst = EntryAlloca(m_.SliceType(), "conv");
    CallRuntime(f, {dst, StringPtr(v), StringLen(v)});
    return b_.CreateLoad(m_.SliceType(), dst);
  }
  // []T to *[N]T: the slice's array, if it has at least N elements (gc's
  // panicSliceConvert otherwise).
  if (from->Underlying()->As<fe::Slice>() && to->Underlying()->As<fe::Pointer>()) {
    int64_t n = to->Underlying()->As<fe::Pointer>()->elem()->Underlying()->As<fe::Array>()->len();
    llvm::Value* len = b_.CreateExtractValue(v, 1);
    BoundsFail(b_.CreateICmpSLT(len, ConstInt(n)), 8, len, ConstInt(n));
    return b_.CreateExtractValue(v, 0);
  }
  // []T to [N]T (Go 1.20): a copy of the first N elements, with the same check.
  if (from->Underlying()->As<fe::Slice>() && to->Underlying()->As<fe::Array>()) {
    int64_t n = to->Underlying()->As<fe::Array>()->len();
    llvm::Value* len = b_.CreateExtractValue(v, 1);
    BoundsFail(b_.CreateICmpSLT(len, ConstInt(n)), 8, len, ConstInt(n));
    if (n == 0) return m_.ZeroValue(to);
    return Deref(b_.CreateExtractValue(v, 0), to);
  }
  if (v->getType() == lt) return v;  // identical underlying types
  Unsupported({}, absl::StrCat("conversion from ", fe::TypeString(from), " to ", fe::TypeString(to)));
  return llvm::UndefValue::get(lt);
}

}  // namespace gojit::ir
