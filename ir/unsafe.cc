// Package unsafe's functions that are not constants (Go spec, "Package unsafe"):
// unsafe.Add (a byte GEP), unsafe.Slice and unsafe.String (a slice or string
// header over the pointer, after gc's checks in runtime/unsafe.go), unsafe.SliceData
// and unsafe.StringData (the header's pointer). Sizeof, Alignof and Offsetof never
// reach ir/: the checker folds them to constants (frontend/sizes.cc). Conversions
// between *T, unsafe.Pointer and uintptr are in ConvertValue (expr.cc).
//
// gc's failed checks panic with runtime errors ("unsafe.Slice: len out of range");
// the runtime has no entry point for these yet, so the panic value here is the
// string "runtime error: unsafe.Slice: len out of range": the same first line of a
// crash, but recover() returns a string, not a runtime.Error.
#include "ir/function_context.h"
#include "llvm/IR/MDBuilder.h"

namespace gojit::ir {

// The length operand of unsafe.Slice/String/Add as an int (zero- or sign-extended).
llvm::Value* FunctionContext::UnsafeLength(fe::Expr* n) {
  llvm::Value* v = Expr(n);
  return fe::UBasic(n->type)->IsUnsigned() ? b_.CreateZExtOrTrunc(v, m_.Int())
                                            : b_.CreateSExtOrTrunc(v, m_.Int());
}

// gc's unsafeslice/unsafestring checks for a header over len elements of size
// elem_size at ptr: panics "<what>: len out of range" for a negative length or one
// whose bytes overflow or wrap past the end of the address space, and "<what>: ptr
// is nil and len is not zero" for a nil ptr with some bytes.
void FunctionContext::UnsafeCheckLen(llvm::Value* ptr, llvm::Value* len, uint64_t elem_size,
                                     const std::string& what) {
  llvm::Value* negative = b_.CreateICmpSLT(len, ConstInt(0));
  llvm::Value* mul = b_.CreateBinaryIntrinsic(llvm::Intrinsic::umul_with_overflow, len,
                                              ConstInt(static_cast<int64_t>(elem_size)));
  llvm::Value* room = b_.CreateNeg(b_.CreatePtrToInt(ptr, m_.Int()));
  llvm::Value* bad = b_.CreateOr(
      negative, b_.CreateOr(b_.CreateExtractValue(mul, 1),
                            b_.CreateICmpUGT(b_.CreateExtractValue(mul, 0), room)));
  llvm::BasicBlock* fail = NewBlock("unsafe.bad");
  llvm::BasicBlock* ok = NewBlock("unsafe.ok");
  b_.CreateCondBr(bad, fail, ok, llvm::MDBuilder(m_.ctx()).createBranchWeights(1, 1000));
  b_.SetInsertPoint(fail);
  fe::Type* string_t = m_.types().basic(fe::BasicKind::kString);
  llvm::Value* len_msg = BoxAs(m_.StringConstant("runtime error: " + what + ": len out of range"),
                               string_t, m_.program().any_type);
  llvm::Value* nil_msg = BoxAs(
      m_.StringConstant("runtime error: " + what + ": ptr is nil and len is not zero"), string_t,
      m_.program().any_type);
  llvm::Value* msg =
      b_.CreateSelect(b_.CreateAnd(b_.CreateNot(negative), b_.CreateIsNull(ptr)), nil_msg, len_msg);
  CallRuntime(RtFunc::k_gopanic, {b_.CreateExtractValue(msg, 0), b_.CreateExtractValue(msg, 1)});
  b_.CreateUnreachable();
  b_.SetInsertPoint(ok);
}

llvm::Value* FunctionContext::UnsafeBuiltin(fe::CallExpr* e, fe::BuiltinId id) {
  switch (id) {
    case fe::BuiltinId::kUnsafeAdd: {
      llvm::Value* p = Expr(e->args[0]);
      llvm::Value* n = UnsafeLength(e->args[1]);
      return b_.CreateGEP(b_.getInt8Ty(), p, n);
    }
    case fe::BuiltinId::kUnsafeSlice: {
      llvm::Value* p = Expr(e->args[0]);
      llvm::Value* n = UnsafeLength(e->args[1]);
      SetPos(e->pos);
      fe::Type* elem = e->type->Underlying()->As<fe::Slice>()->elem();
      UnsafeCheckLen(p, n, m_.SizeOf(elem), "unsafe.Slice");
      return MakeSlice(p, n, n);
    }
    case fe::BuiltinId::kUnsafeString: {
      llvm::Value* p = Expr(e->args[0]);
      llvm::Value* n = UnsafeLength(e->args[1]);
      SetPos(e->pos);
      UnsafeCheckLen(p, n, 1, "unsafe.String");
      return MakeString(p, n);
    }
    case fe::BuiltinId::kUnsafeSliceData:
    case fe::BuiltinId::kUnsafeStringData:
      return b_.CreateExtractValue(Expr(e->args[0]), 0);
    default:
      return nullptr;
  }
}

}  // namespace gojit::ir
