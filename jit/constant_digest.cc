#include "jit/constant_digest.h"

#include "absl/strings/str_cat.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Operator.h"
#include "llvm/Support/xxhash.h"

namespace gojit::jit {

std::optional<std::string> ConstantDigests::Of(const llvm::GlobalVariable& v) {
  if (auto it = memo_.find(&v); it != memo_.end()) return it->second;
  if (v.isDeclaration()) return memo_[&v] = std::string();
  std::string text;
  absl::StrAppend(&text, v.isConstant() ? "const " : "var ", v.getAlign() ? v.getAlign()->value() : 0,
                  " ", static_cast<int>(v.getThreadLocalMode()), " ", static_cast<int>(v.getUnnamedAddr()),
                  " ", v.isExternallyInitialized() ? 1 : 0, " [", v.getSection().str(), "] ");
  in_progress_.insert(&v);
  bool ok = AppendConstant(v.getInitializer(), text);
  in_progress_.erase(&v);
  std::optional<std::string> digest;
  if (ok) {
    llvm::XXH128_hash_t h = llvm::xxh3_128bits(llvm::arrayRefFromStringRef(text));
    digest.emplace(reinterpret_cast<const char*>(&h.low64), sizeof h.low64);
    digest->append(reinterpret_cast<const char*>(&h.high64), sizeof h.high64);
  }
  return memo_[&v] = digest;
}

void ConstantDigests::AppendType(llvm::Type* t, std::string& out) {
  if (auto it = types_.find(t); it != types_.end()) {
    out += it->second;
    return;
  }
  std::string s;
  switch (t->getTypeID()) {
    case llvm::Type::IntegerTyID:
      absl::StrAppend(&s, "i", t->getIntegerBitWidth());
      break;
    case llvm::Type::PointerTyID:
      absl::StrAppend(&s, "p", t->getPointerAddressSpace());
      break;
    case llvm::Type::StructTyID: {
      auto* st = llvm::cast<llvm::StructType>(t);
      if (st->isOpaque()) {
        s = "o";
        break;
      }
      absl::StrAppend(&s, st->isPacked() ? "<s" : "s", st->getNumElements(), "(");
      for (llvm::Type* e : st->elements()) AppendType(e, s);
      s += ")";
      break;
    }
    case llvm::Type::ArrayTyID:
      absl::StrAppend(&s, "a", t->getArrayNumElements(), "(");
      AppendType(t->getArrayElementType(), s);
      s += ")";
      break;
    case llvm::Type::FixedVectorTyID:
    case llvm::Type::ScalableVectorTyID: {
      auto* vt = llvm::cast<llvm::VectorType>(t);
      absl::StrAppend(&s, "v", t->getTypeID(), ".", vt->getElementCount().getKnownMinValue(), "(");
      AppendType(vt->getElementType(), s);
      s += ")";
      break;
    }
    case llvm::Type::FunctionTyID: {
      auto* ft = llvm::cast<llvm::FunctionType>(t);
      absl::StrAppend(&s, ft->isVarArg() ? "F..." : "F", ft->getNumParams(), "(");
      AppendType(ft->getReturnType(), s);
      for (llvm::Type* p : ft->params()) AppendType(p, s);
      s += ")";
      break;
    }
    default:  // void, floating-point kinds, label, metadata, token: the ID says it all
      absl::StrAppend(&s, "t", t->getTypeID());
      break;
  }
  out += s;
  types_.emplace(t, std::move(s));
}

bool ConstantDigests::AppendConstant(const llvm::Constant* c, std::string& out) {
  AppendType(c->getType(), out);
  if (auto* var = llvm::dyn_cast<llvm::GlobalVariable>(c); var != nullptr && var->hasLocalLinkage()) {
    // A local that contains itself through others: which of them is met first
    // would change the digests, so none of them gets one.
    if (in_progress_.count(var)) return false;
    std::optional<std::string> digest = Of(*var);
    if (!digest) return false;
    absl::StrAppend(&out, "L", *digest, ";");
    return true;
  }
  if (auto* gv = llvm::dyn_cast<llvm::GlobalValue>(c)) {
    absl::StrAppend(&out, "G", gv->getName().size(), ":", gv->getName().str(), ";");
    return true;
  }
  if (auto* ci = llvm::dyn_cast<llvm::ConstantInt>(c)) {
    absl::StrAppend(&out, "I", llvm::toString(ci->getValue(), 16, false), ";");
    return true;
  }
  if (auto* cf = llvm::dyn_cast<llvm::ConstantFP>(c)) {
    absl::StrAppend(&out, "D", llvm::toString(cf->getValueAPF().bitcastToAPInt(), 16, false), ";");
    return true;
  }
  if (llvm::isa<llvm::ConstantPointerNull>(c)) {
    out += "N;";
    return true;
  }
  if (llvm::isa<llvm::ConstantAggregateZero>(c)) {
    out += "Z;";
    return true;
  }
  if (llvm::isa<llvm::PoisonValue>(c)) {
    out += "P;";
    return true;
  }
  if (llvm::isa<llvm::UndefValue>(c)) {
    out += "U;";
    return true;
  }
  if (auto* data = llvm::dyn_cast<llvm::ConstantDataSequential>(c)) {
    llvm::StringRef raw = data->getRawDataValues();
    absl::StrAppend(&out, "Q", raw.size(), ":");
    out.append(raw.data(), raw.size());
    return true;
  }
  if (llvm::isa<llvm::ConstantAggregate>(c)) {
    absl::StrAppend(&out, "A", c->getNumOperands(), "(");
    for (const llvm::Use& op : c->operands()) {
      if (!AppendConstant(llvm::cast<llvm::Constant>(op.get()), out)) return false;
    }
    out += ")";
    return true;
  }
  if (auto* ce = llvm::dyn_cast<llvm::ConstantExpr>(c)) {
    absl::StrAppend(&out, "E", ce->getOpcode(), ".", ce->getRawSubclassOptionalData());
    if (auto* gep = llvm::dyn_cast<llvm::GEPOperator>(ce)) {
      AppendType(gep->getSourceElementType(), out);
      if (std::optional<llvm::ConstantRange> range = gep->getInRange()) {
        absl::StrAppend(&out, "R", llvm::toString(range->getLower(), 16, true), ",",
                        llvm::toString(range->getUpper(), 16, true));
      }
    }
    absl::StrAppend(&out, "(", ce->getNumOperands(), ":");
    for (const llvm::Use& op : ce->operands()) {
      if (!AppendConstant(llvm::cast<llvm::Constant>(op.get()), out)) return false;
    }
    out += ")";
    return true;
  }
  return false;  // block addresses, tokens, pointer-auth constants: ir/ emits none
}

}  // namespace gojit::jit
