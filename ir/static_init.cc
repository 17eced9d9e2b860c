// Static initialisation of package-level variables: an initialiser made only of
// constants and composite literals becomes the LLVM global's initial contents,
// laid out when the module is compiled, instead of code in the package's init
// function (gc's staticinit does the same). Tables are the case: Go's unicode
// package has some 9,000 lines of RangeTable literals, which as init code took
// LLVM 6 s to compile; as data they cost nothing at run time or compile time.
//
// What is static (StaticValue):
//   - a constant of a non-interface type;
//   - a struct or array literal whose elements are static (missing ones are zero);
//   - a slice literal of at least one element: a backing array of its own, a
//     private mutable global, and the slice {array, n, n};
//   - &T{...} (and the elided &T{...} of a literal's element): a private mutable
//     global holding T's static value.
// Anything else (calls, maps, function values, other variables, interfaces
// holding values, empty slices, which must not be nil) is not, and the whole
// initialiser is left to the init function.
//
// Invariants:
//   1. A static initialiser has no effects and reads no variable, so running it
//      before every init function is unobservable (the order of initialisation
//      only matters between initialisers that read or call something).
//   2. Every private global made here may come to hold heap pointers (the program
//      can store into a table), so it is a root of the collector: EmitGlobalRoots
//      lists it with its type's pointer map, as it lists package variables.
#include "absl/strings/str_cat.h"
#include "ir/module_context.h"

namespace gojit::ir {

llvm::Constant* ModuleContext::StaticData(fe::Type* t, llvm::Constant* init) {
  // A dry run only asks whether the value is static: no globals are made.
  if (static_dry_run_) return llvm::ConstantPointerNull::get(Ptr());
  auto* g = new llvm::GlobalVariable(module_, LLVMType(t), /*isConstant=*/false,
                                     llvm::GlobalValue::InternalLinkage, init, "static");
  static_data_.push_back({g, t});
  return g;
}

llvm::Constant* ModuleContext::StaticValue(fe::Expr* e, fe::Type* t) {
  if (t == nullptr) t = e->type;
  if (t == nullptr) return nullptr;
  e = fe::Unparen(e);
  fe::Type* u = t->Underlying();
  if (e->constant) {
    if (u->As<fe::Interface>()) return nullptr;  // an interface holding a constant
    return ConstValue(*e->constant, t);
  }
  if (auto* un = e->As<fe::UnaryExpr>(); un && un->op == fe::Tok::kAnd) {
    auto* cl = un->x->As<fe::CompositeLit>();
    auto* p = u->As<fe::Pointer>();
    if (cl == nullptr || p == nullptr) return nullptr;
    llvm::Constant* v = StaticValue(cl, p->elem());
    return v ? StaticData(p->elem(), v) : nullptr;
  }
  auto* cl = e->As<fe::CompositeLit>();
  if (cl == nullptr) return nullptr;
  if (auto* p = u->As<fe::Pointer>()) {  // an elided &T{...} inside another literal
    llvm::Constant* v = StaticValue(cl, p->elem());
    return v ? StaticData(p->elem(), v) : nullptr;
  }
  auto element = [&](fe::Expr* x, fe::Type* et) -> llvm::Constant* {
    if (auto* inner = x->As<fe::CompositeLit>(); inner && !inner->type_expr) return StaticValue(inner, et);
    return StaticValue(x, et);
  };
  if (auto* st = u->As<fe::Struct>()) {
    auto* lt = llvm::cast<llvm::StructType>(LLVMType(t));
    std::vector<llvm::Constant*> fields;
    for (unsigned i = 0; i < lt->getNumElements(); ++i)
      fields.push_back(llvm::Constant::getNullValue(lt->getElementType(i)));
    for (size_t i = 0; i < cl->elts.size(); ++i) {
      fe::Expr* x = cl->elts[i];
      size_t field = i;
      if (auto* kv = x->As<fe::KeyValueExpr>()) {
        auto* key = kv->key->As<fe::Ident>();
        if (key == nullptr) return nullptr;
        for (size_t k = 0; k < st->fields().size(); ++k)
          if (st->fields()[k].name == key->name) field = k;
        x = kv->value;
      }
      if (field >= st->fields().size()) return nullptr;
      llvm::Constant* v = element(x, st->fields()[field].type);
      if (v == nullptr) return nullptr;
      fields[field] = v;
    }
    return llvm::ConstantStruct::get(lt, fields);
  }
  fe::Type* et = nullptr;
  if (auto* a = u->As<fe::Array>()) et = a->elem();
  if (auto* s = u->As<fe::Slice>()) et = s->elem();
  if (et == nullptr) return nullptr;  // maps
  std::vector<std::pair<int64_t, fe::Expr*>> elems;
  int64_t idx = 0, n = 0;
  for (fe::Expr* x : cl->elts) {
    if (auto* kv = x->As<fe::KeyValueExpr>()) {
      if (!kv->key->constant) return nullptr;
      auto key = kv->key->constant->ToInt();
      if (!key || !key->Int64()) return nullptr;
      idx = *key->Int64();
      x = kv->value;
    }
    elems.push_back({idx, x});
    n = std::max(n, ++idx);
  }
  if (auto* a = u->As<fe::Array>()) n = a->len();
  if (n == 0) return nullptr;  // []T{} is non-nil (gc's zerobase): left to code
  llvm::Type* elt = LLVMType(et);
  std::vector<llvm::Constant*> values(static_cast<size_t>(n), llvm::Constant::getNullValue(elt));
  for (auto& [i, x] : elems) {
    llvm::Constant* v = element(x, et);
    if (v == nullptr) return nullptr;
    values[static_cast<size_t>(i)] = v;
  }
  auto* arr_ty = llvm::ArrayType::get(elt, static_cast<uint64_t>(n));
  llvm::Constant* arr = llvm::ConstantArray::get(arr_ty, values);
  if (u->As<fe::Array>()) return arr;
  llvm::Constant* backing = StaticData(types().NewArray(et, n), arr);
  llvm::Constant* len = llvm::ConstantInt::get(Int(), n);
  return llvm::ConstantStruct::get(slice_type_, {backing, len, len});
}

llvm::Constant* ModuleContext::StaticInitializer(fe::Expr* e, fe::Type* t) {
  static_dry_run_ = true;
  bool is_static = StaticValue(e, t) != nullptr;
  static_dry_run_ = false;
  return is_static ? StaticValue(e, t) : nullptr;
}

}  // namespace gojit::ir
