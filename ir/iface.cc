// Interfaces and runtime type information: boxing a value into an interface and the
// constant type descriptors of runtime/type.h.
//
// Boxing follows gc: pointer-shaped values are stored in the data word directly;
// any other value is copied to memory the data word points to. For constants that
// memory is a read-only global (no allocation, as gc's static data); otherwise a
// fresh heap cell.
//
// Type descriptors are emitted once per type and program (linkonce_odr, named by
// the type's string), so descriptor addresses compare equal exactly when types are
// identical (runtime/type.h, invariant 2). Named types list their value-receiver
// methods Error and String with an adapter taking (G*, data word) so fmt and the
// panic printer can call them.
#include "absl/strings/str_cat.h"
#include "ir/function_context.h"
#include "runtime/type.h"

namespace gojit::ir {

using fe::BasicKind;

bool ModuleContext::IsDirectIface(fe::Type* t) {
  fe::Type* u = t->Underlying();
  return u->As<fe::Pointer>() || u->As<fe::Map>() || u->As<fe::Chan>() || u->As<fe::Func>() ||
         fe::IsBasicKind(u, BasicKind::kUnsafePointer);
}

llvm::Value* FunctionContext::Box(llvm::Value* v, fe::Type* from, fe::Expr* constant_src) {
  llvm::Value* type = m_.TypeDescriptor(from);
  llvm::Value* data;
  if (m_.IsDirectIface(from)) {
    data = v;
  } else if (auto* c = llvm::dyn_cast<llvm::Constant>(v)) {
    auto* g = new llvm::GlobalVariable(m_.module(), c->getType(), true,
                                       llvm::GlobalValue::PrivateLinkage, c, "boxed");
    data = g;
  } else {
    data = HeapAlloc(from);
    b_.CreateStore(v, data);
  }
  llvm::Value* r = llvm::UndefValue::get(m_.IfaceType());
  r = b_.CreateInsertValue(r, type, 0);
  return b_.CreateInsertValue(r, data, 1);
}

llvm::Value* FunctionContext::ConvertAssign(llvm::Value* v, fe::Type* from, fe::Type* to) {
  if (fe::IsInterface(to) && !fe::IsInterface(from)) return Box(v, from, nullptr);
  return v;  // identical representations otherwise (all interfaces are efaces)
}

namespace {

rt::Kind KindOf(fe::Type* t) {
  fe::Type* u = t->Underlying();
  switch (u->kind()) {
    case fe::TypeKind::kBasic:
      switch (u->As<fe::Basic>()->basic()) {
        case BasicKind::kBool: return rt::Kind::kBool;
        case BasicKind::kInt: return rt::Kind::kInt;
        case BasicKind::kInt8: return rt::Kind::kInt8;
        case BasicKind::kInt16: return rt::Kind::kInt16;
        case BasicKind::kInt32: return rt::Kind::kInt32;
        case BasicKind::kInt64: return rt::Kind::kInt64;
        case BasicKind::kUint: return rt::Kind::kUint;
        case BasicKind::kUint8: return rt::Kind::kUint8;
        case BasicKind::kUint16: return rt::Kind::kUint16;
        case BasicKind::kUint32: return rt::Kind::kUint32;
        case BasicKind::kUint64: return rt::Kind::kUint64;
        case BasicKind::kUintptr: return rt::Kind::kUintptr;
        case BasicKind::kFloat32: return rt::Kind::kFloat32;
        case BasicKind::kFloat64: return rt::Kind::kFloat64;
        case BasicKind::kComplex64: return rt::Kind::kComplex64;
        case BasicKind::kComplex128: return rt::Kind::kComplex128;
        case BasicKind::kString: return rt::Kind::kString;
        case BasicKind::kUnsafePointer: return rt::Kind::kUnsafePointer;
        default: return rt::Kind::kInvalid;
      }
    case fe::TypeKind::kPointer: return rt::Kind::kPointer;
    case fe::TypeKind::kSlice: return rt::Kind::kSlice;
    case fe::TypeKind::kArray: return rt::Kind::kArray;
    case fe::TypeKind::kMap: return rt::Kind::kMap;
    case fe::TypeKind::kChan: return rt::Kind::kChan;
    case fe::TypeKind::kFunc: return rt::Kind::kFunc;
    case fe::TypeKind::kStruct: return rt::Kind::kStruct;
    case fe::TypeKind::kInterface: return rt::Kind::kInterface;
    default: return rt::Kind::kInvalid;
  }
}

uint32_t Fnv1a(const std::string& s) {
  uint32_t h = 2166136261u;
  for (unsigned char c : s) h = (h ^ c) * 16777619u;
  return h;
}

}  // namespace

llvm::Constant* ModuleContext::TypeDescriptor(fe::Type* t) {
  std::string name = fe::ReflectTypeString(t);
  std::string key = name;
  // Struct types print without field tags; identical-looking structs from different
  // packages are rare enough to share a descriptor until the GC needs exactness.
  if (auto it = type_descs_.find(key); it != type_descs_.end()) return it->second;
  auto* i64 = Int();
  auto* i32 = llvm::Type::getInt32Ty(ctx_);
  auto* i8 = llvm::Type::getInt8Ty(ctx_);
  auto* ptr = Ptr();
  auto* desc_ty = llvm::StructType::get(
      ctx_, {i64, i64, i32, i8, i8, i8, i8, string_type_, ptr, ptr, i64, ptr, i64, ptr, i64});
  auto* g = new llvm::GlobalVariable(module_, desc_ty, true, llvm::GlobalValue::LinkOnceODRLinkage,
                                     nullptr, absl::StrCat("type:", key));
  g->setAlignment(llvm::Align(8));
  type_descs_[key] = g;  // before recursing: types may refer to themselves

  fe::Type* u = t->Underlying();
  bool tuple = u->As<fe::Tuple>() != nullptr;
  uint64_t size = tuple ? 0 : SizeOf(t);
  uint8_t flags = 0;
  if (IsDirectIface(t)) flags |= rt::kTypeFlagDirectIface;
  if (t->As<fe::Named>()) flags |= rt::kTypeFlagNamed;
  if (!tuple && fe::IsComparable(t)) flags |= rt::kTypeFlagComparable;
  llvm::Constant* null = llvm::ConstantPointerNull::get(ptr);
  llvm::Constant* elem = null;
  llvm::Constant* key_desc = null;
  int64_t len = 0;
  if (auto* p = u->As<fe::Pointer>()) elem = TypeDescriptor(p->elem());
  if (auto* s = u->As<fe::Slice>()) elem = TypeDescriptor(s->elem());
  if (auto* a = u->As<fe::Array>()) elem = TypeDescriptor(a->elem()), len = a->len();
  if (auto* c = u->As<fe::Chan>()) elem = TypeDescriptor(c->elem()), len = static_cast<int64_t>(c->dir());
  if (auto* m = u->As<fe::Map>()) elem = TypeDescriptor(m->elem()), key_desc = TypeDescriptor(m->key());
  llvm::Constant* fields = null;
  int64_t nfields = 0;
  if (auto* st = u->As<fe::Struct>()) {
    auto* field_ty = llvm::StructType::get(ctx_, {string_type_, ptr, i64, i64});
    auto* lt = llvm::cast<llvm::StructType>(LLVMType(u));
    const llvm::StructLayout* layout = module_.getDataLayout().getStructLayout(lt);
    std::vector<llvm::Constant*> elems;
    for (size_t i = 0; i < st->fields().size(); ++i) {
      auto& f = st->fields()[i];
      elems.push_back(llvm::ConstantStruct::get(
          field_ty, {StringConstant(f.name), TypeDescriptor(f.type),
                     llvm::ConstantInt::get(i64, layout->getElementOffset(i)),
                     llvm::ConstantInt::get(i64, f.embedded ? 1 : 0)}));
    }
    nfields = static_cast<int64_t>(elems.size());
    if (nfields > 0) {
      auto* arr_ty = llvm::ArrayType::get(field_ty, elems.size());
      fields = new llvm::GlobalVariable(module_, arr_ty, true, llvm::GlobalValue::PrivateLinkage,
                                        llvm::ConstantArray::get(arr_ty, elems), "fields");
    }
  }
  llvm::Constant* methods = null;
  int64_t nmethods = 0;
  if (auto* named = t->As<fe::Named>()) {
    // Error() string and String() string on value receivers, through adapters that
    // take the interface data word.
    std::vector<fe::Object*> ms;
    for (fe::Object* m : named->methods()) {
      auto* sig = m->type ? m->type->As<fe::Func>() : nullptr;
      if (!sig || m->pointer_recv || !sig->params()->elems().empty() ||
          sig->results()->size() != 1 || !fe::IsBasicKind(sig->results()->elems()[0], BasicKind::kString))
        continue;
      if (m->name == "Error" || m->name == "String") ms.push_back(m);
    }
    std::sort(ms.begin(), ms.end(), [](fe::Object* a, fe::Object* b) { return a->name < b->name; });
    auto* method_ty = llvm::StructType::get(ctx_, {string_type_, ptr});
    std::vector<llvm::Constant*> elems;
    for (fe::Object* m : ms) {
      // adapter(g, data) -> string: loads the receiver from the data word.
      auto* aty = llvm::FunctionType::get(llvm::StructType::get(ctx_, {ptr, i64}), {ptr, ptr}, false);
      auto* adapter = llvm::Function::Create(aty, llvm::GlobalValue::InternalLinkage,
                                             absl::StrCat(m->LinkName(), "·iface"), module_);
      adapter->addFnAttr("frame-pointer", "all");
      llvm::IRBuilder<> b(llvm::BasicBlock::Create(ctx_, "entry", adapter));
      llvm::Value* recv = IsDirectIface(t) ? static_cast<llvm::Value*>(adapter->getArg(1))
                                           : b.CreateLoad(LLVMType(t), adapter->getArg(1));
      llvm::Value* s = b.CreateCall(FunctionFor(m), {adapter->getArg(0), null, recv});
      llvm::Value* r = llvm::UndefValue::get(aty->getReturnType());
      r = b.CreateInsertValue(r, b.CreateExtractValue(s, 0), 0);
      r = b.CreateInsertValue(r, b.CreateExtractValue(s, 1), 1);
      b.CreateRet(r);
      elems.push_back(llvm::ConstantStruct::get(method_ty, {StringConstant(m->name), adapter}));
    }
    nmethods = static_cast<int64_t>(elems.size());
    if (nmethods > 0) {
      auto* arr_ty = llvm::ArrayType::get(method_ty, elems.size());
      methods = new llvm::GlobalVariable(module_, arr_ty, true, llvm::GlobalValue::PrivateLinkage,
                                         llvm::ConstantArray::get(arr_ty, elems), "methods");
    }
  }
  uint64_t align = tuple ? 8 : AlignOf(t);
  g->setInitializer(llvm::ConstantStruct::get(
      desc_ty,
      {llvm::ConstantInt::get(i64, size), llvm::ConstantInt::get(i64, size),
       llvm::ConstantInt::get(i32, Fnv1a(key)), llvm::ConstantInt::get(i8, static_cast<uint8_t>(KindOf(t))),
       llvm::ConstantInt::get(i8, align), llvm::ConstantInt::get(i8, flags), llvm::ConstantInt::get(i8, 0),
       StringConstant(name), elem, key_desc, llvm::ConstantInt::get(i64, len), fields,
       llvm::ConstantInt::get(i64, nfields), methods, llvm::ConstantInt::get(i64, nmethods)}));
  return g;
}

}  // namespace gojit::ir
