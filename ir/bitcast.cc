// Intrinsics: functions of Go's packages that gc's compiler replaces by
// one instruction each (its ssagen intrinsics), replaced here by one LLVM
// instruction, always inlined, whether math declares them with a body or without:
//   Float64bits, Float64frombits, Float32bits, Float32frombits   bitcast
//   sqrt, archFloor, archCeil, archTrunc (amd64's SQRTSD/ROUNDSD)  llvm.sqrt,
//     llvm.floor, llvm.ceil, llvm.trunc (exact: the same results as gc's)
//   Abs, Copysign                                                 llvm.fabs, llvm.copysign
//   FMA                                                           llvm.fma (fused)
// and one of crypto's: crypto/internal/constanttime.boolToUint8, whose Go body
// panics ("must be intrinsicified"): a zero extension, branch-free.
// Compiled from their Go bodies, the bit conversions would take the parameter's
// address and move it to the heap, an allocation per call, and sqrt would run
// math's software square root.
#include <string_view>

#include "ir/function_context.h"

#include "llvm/IR/Intrinsics.h"

namespace gojit::ir {

bool FunctionContext::LowerBitcastIntrinsic(const std::string& link_name) {
  static constexpr std::string_view kBitcasts[] = {"math.Float64bits", "math.Float64frombits",
                                                   "math.Float32bits", "math.Float32frombits"};
  static constexpr std::pair<std::string_view, llvm::Intrinsic::ID> kUnary[] = {
      {"math.sqrt", llvm::Intrinsic::sqrt},       {"math.archFloor", llvm::Intrinsic::floor},
      {"math.archCeil", llvm::Intrinsic::ceil},   {"math.archTrunc", llvm::Intrinsic::trunc},
      {"math.Abs", llvm::Intrinsic::fabs}};
  for (std::string_view n : kBitcasts) {
    if (link_name != n || fn_->arg_size() != 3) continue;
    fn_->addFnAttr(llvm::Attribute::AlwaysInline);
    b_.CreateRet(b_.CreateBitCast(fn_->getArg(2), fn_->getReturnType()));
    return true;
  }
  for (auto& [n, id] : kUnary) {
    if (link_name != n || fn_->arg_size() != 3) continue;
    fn_->addFnAttr(llvm::Attribute::AlwaysInline);
    b_.CreateRet(b_.CreateUnaryIntrinsic(id, fn_->getArg(2)));
    return true;
  }
  if (link_name == "math.Copysign" && fn_->arg_size() == 4) {
    fn_->addFnAttr(llvm::Attribute::AlwaysInline);
    b_.CreateRet(b_.CreateBinaryIntrinsic(llvm::Intrinsic::copysign, fn_->getArg(2), fn_->getArg(3)));
    return true;
  }
  if (link_name == "crypto/internal/constanttime.boolToUint8" && fn_->arg_size() == 3) {
    fn_->addFnAttr(llvm::Attribute::AlwaysInline);
    b_.CreateRet(b_.CreateZExtOrTrunc(fn_->getArg(2), fn_->getReturnType()));
    return true;
  }
  if (link_name == "math.FMA" && fn_->arg_size() == 5) {
    fn_->addFnAttr(llvm::Attribute::AlwaysInline);
    b_.CreateRet(b_.CreateIntrinsic(llvm::Intrinsic::fma, {fn_->getArg(2)->getType()},
                                    {fn_->getArg(2), fn_->getArg(3), fn_->getArg(4)}));
    return true;
  }
  return false;
}

}  // namespace gojit::ir
