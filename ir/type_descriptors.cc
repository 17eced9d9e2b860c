// Runtime type information: the constant type descriptors of runtime/type.h, the
// method tables they carry, the adapters in those tables, and constant itabs.
//
// Type descriptors are emitted once per type and program (linkonce_odr, named by
// the type's reflect string), so descriptor addresses compare equal exactly when
// types are identical (runtime/type.h, invariant 2).
//
// Method tables (MethodDesc) list a type's method set sorted by name: for a named
// type T its value-receiver methods, for *T every method of T; an interface type
// lists its own methods with no code. Each entry's code is an adapter
// `ret T.M·i(ptr g, ptr data, params...)` that takes the interface data word as the
// receiver (loading the value when the type is not pointer-shaped), so itabs and the
// runtime (fmt's Stringer/error calls, getitab) can call any method the same way.
// Promoted methods of embedded fields are not in the tables yet.
#include <set>

#include "absl/strings/str_cat.h"
#include "frontend/constant.h"
#include "ir/function_context.h"
#include "runtime/type.h"

namespace gojit::ir {

using fe::BasicKind;

namespace {

// A field tag's value: its literal, raw or interpreted, unquoted (the checker has
// accepted the literal, so it parses).
std::string StructTagValue(const std::string& literal) {
  if (literal.empty()) return "";
  std::string error;
  auto v = fe::ConstValue::FromLiteral(fe::LitKind::kString, literal, &error);
  return v ? v->s : "";
}

// reflect's StructField.PkgPath: the declaring package's path for a field whose
// name is not exported (an embedded field's name is its type's), else empty.
std::string FieldPkgPath(const fe::StructField& f) {
  if (!f.name.empty() && isupper(static_cast<unsigned char>(f.name[0]))) return "";
  if (!f.object || !f.object->pkg) return "";
  return f.object->pkg->path;
}

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

// Mirrors typebits.Set (cmd/compile): sets the bit of each word of t at byte
// offset off that holds a pointer the collector must follow. Strings and slices
// have a pointer first word; interfaces only their data word (the type/itab word
// points to static data, as in gc); arrays repeat their element's words.
void ModuleContext::PointerBits(fe::Type* t, uint64_t off, std::vector<bool>& bits) {
  fe::Type* u = t->Underlying();
  auto set = [&](uint64_t word) {
    if (bits.size() <= word) bits.resize(word + 1, false);
    bits[word] = true;
  };
  switch (u->kind()) {
    case fe::TypeKind::kBasic: {
      auto k = u->As<fe::Basic>()->basic();
      if (k == BasicKind::kString || k == BasicKind::kUnsafePointer) set(off / 8);
      return;
    }
    case fe::TypeKind::kPointer:
    case fe::TypeKind::kMap:
    case fe::TypeKind::kChan:
    case fe::TypeKind::kFunc:
    case fe::TypeKind::kSlice:
      set(off / 8);
      return;
    case fe::TypeKind::kInterface:
      set(off / 8 + 1);
      return;
    case fe::TypeKind::kArray: {
      auto* a = u->As<fe::Array>();
      uint64_t esize = SizeOf(a->elem());
      std::vector<bool> elem;
      PointerBits(a->elem(), 0, elem);
      if (elem.empty() || esize == 0) return;
      for (int64_t i = 0; i < a->len(); ++i) {
        for (size_t w = 0; w < elem.size(); ++w) {
          if (elem[w]) set((off + static_cast<uint64_t>(i) * esize) / 8 + w);
        }
      }
      return;
    }
    case fe::TypeKind::kStruct: {
      auto* st = u->As<fe::Struct>();
      auto* lt = llvm::cast<llvm::StructType>(LLVMType(u));
      const llvm::StructLayout* layout = module_.getDataLayout().getStructLayout(lt);
      for (size_t i = 0; i < st->fields().size(); ++i) {
        PointerBits(st->fields()[i].type, off + layout->getElementOffset(i), bits);
      }
      return;
    }
    default:
      return;
  }
}

// gc's arrays of more than this many pointer words get a GC program; gojit gives
// them no mask, and the collector then scans every word of such objects.
constexpr uint64_t kMaxPtrMaskWords = uint64_t{1} << 16;

llvm::Constant* ModuleContext::TypeDescriptor(fe::Type* t) {
  std::string name = fe::ReflectTypeString(t);
  std::string key = fe::UniqueTypeString(t);
  // Struct types print without field tags; identical-looking structs from different
  // packages are rare enough to share a descriptor until the GC needs exactness.
  if (auto it = type_descs_.find(key); it != type_descs_.end()) return it->second;
  auto* i64 = Int();
  auto* i32 = llvm::Type::getInt32Ty(ctx_);
  auto* i8 = llvm::Type::getInt8Ty(ctx_);
  auto* ptr = Ptr();
  auto* desc_ty = llvm::StructType::get(
      ctx_, {i64, i64, i32, i8, i8, i8, i8, string_type_, ptr, ptr, i64, ptr, i64, ptr, i64, ptr,
             ptr});
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
  // A func type: len counts its parameters (variadic ones as -(n+1)), elem is the
  // first one's type, nfields (below) the bytes of its results: what
  // runtime.SetFinalizer needs to check and call a finalizer. fields (below) is
  // its FuncTypeInfo, for reflect.
  int64_t func_result_bytes = 0;
  if (auto* f = u->As<fe::Func>()) {
    auto n = static_cast<int64_t>(f->params()->size());
    len = f->variadic() ? -(n + 1) : n;
    if (n > 0) elem = TypeDescriptor(f->params()->elems()[0]);
    if (!f->results()->elems().empty()) {
      func_result_bytes = static_cast<int64_t>(
          module_.getDataLayout().getTypeAllocSize(GoFuncType(f, nullptr)->getReturnType()));
    }
  }
  llvm::Constant* fields = null;
  int64_t nfields = 0;
  if (auto* st = u->As<fe::Struct>()) {
    auto* field_ty = llvm::StructType::get(ctx_, {string_type_, ptr, i64, i64, string_type_,
                                                  string_type_});
    auto* lt = llvm::cast<llvm::StructType>(LLVMType(u));
    const llvm::StructLayout* layout = module_.getDataLayout().getStructLayout(lt);
    std::vector<llvm::Constant*> elems;
    for (size_t i = 0; i < st->fields().size(); ++i) {
      auto& f = st->fields()[i];
      elems.push_back(llvm::ConstantStruct::get(
          field_ty, {StringConstant(f.name), TypeDescriptor(f.type),
                     llvm::ConstantInt::get(i64, layout->getElementOffset(i)),
                     llvm::ConstantInt::get(i64, f.embedded ? 1 : 0),
                     StringConstant(StructTagValue(f.tag)),
                     StringConstant(FieldPkgPath(f))}));
    }
    nfields = static_cast<int64_t>(elems.size());
    if (nfields > 0) {
      auto* arr_ty = llvm::ArrayType::get(field_ty, elems.size());
      fields = new llvm::GlobalVariable(module_, arr_ty, true, llvm::GlobalValue::PrivateLinkage,
                                        llvm::ConstantArray::get(arr_ty, elems), "fields");
    }
  }
  if (auto* f = u->As<fe::Func>()) {
    nfields = func_result_bytes;
    fields = FuncTypeInfo(f, key);
  }
  auto [methods, nmethods] = MethodTable(t);
  uint64_t align = tuple ? 8 : AlignOf(t);
  // ptrdata and the pointer mask (gcdata).
  uint64_t ptrdata = 0;
  llvm::Constant* gcdata = null;
  if (!tuple) {
    fe::Type* ue = u;
    bool huge = false;
    if (auto* a = ue->As<fe::Array>()) {
      // Bound the work for huge arrays: only their element decides.
      std::vector<bool> elem;
      PointerBits(a->elem(), 0, elem);
      uint64_t esize = SizeOf(a->elem());
      if (!elem.empty() && a->len() > 0 &&
          static_cast<uint64_t>(a->len()) * esize / 8 > kMaxPtrMaskWords) {
        huge = true;
        ptrdata = (static_cast<uint64_t>(a->len()) - 1) * esize + elem.size() * 8;
      }
    }
    if (!huge) {
      std::vector<bool> bits;
      PointerBits(t, 0, bits);
      ptrdata = bits.size() * 8;
      if (!bits.empty()) {
        std::vector<uint8_t> mask((bits.size() + 7) / 8, 0);
        for (size_t i = 0; i < bits.size(); ++i) {
          if (bits[i]) mask[i / 8] |= static_cast<uint8_t>(1u << (i % 8));
        }
        auto* mask_ty = llvm::ArrayType::get(i8, mask.size());
        gcdata = new llvm::GlobalVariable(module_, mask_ty, true, llvm::GlobalValue::PrivateLinkage,
                                          llvm::ConstantDataArray::get(ctx_, mask), "gcdata");
      }
    }
  }
  g->setInitializer(llvm::ConstantStruct::get(
      desc_ty,
      {llvm::ConstantInt::get(i64, size), llvm::ConstantInt::get(i64, ptrdata),
       llvm::ConstantInt::get(i32, Fnv1a(key)), llvm::ConstantInt::get(i8, static_cast<uint8_t>(KindOf(t))),
       llvm::ConstantInt::get(i8, align), llvm::ConstantInt::get(i8, flags), llvm::ConstantInt::get(i8, 0),
       StringConstant(name), elem, key_desc, llvm::ConstantInt::get(i64, len), fields,
       llvm::ConstantInt::get(i64, nfields), methods, llvm::ConstantInt::get(i64, nmethods),
       gcdata, null}));
  // As gc, a defined type T whose pointer has methods brings *T's descriptor (the
  // ptr_to_this LinkPointerDescriptors fills in): a *T that reflect.PointerTo
  // makes at run time has no method table, so encoding/json would not find
  // (*T).UnmarshalJSON through it.
  if (t->As<fe::Named>() && !u->As<fe::Interface>() && !u->As<fe::Pointer>()) {
    fe::Type* pt = types().NewPointer(t);
    if (!MethodSet(pt).empty()) TypeDescriptor(pt);
  }
  return g;
}

void ModuleContext::LinkPointerDescriptors() {
  // Operand numbers in the descriptor struct TypeDescriptor() builds.
  constexpr unsigned kKindOperand = 3, kFlagsOperand = 5, kElemOperand = 8,
                     kPtrToThisOperand = 16;
  for (auto& [key, g] : type_descs_) {
    auto* init = llvm::dyn_cast_or_null<llvm::ConstantStruct>(g->getInitializer());
    if (init == nullptr) continue;
    auto kind = llvm::cast<llvm::ConstantInt>(init->getOperand(kKindOperand))->getZExtValue();
    auto flags = llvm::cast<llvm::ConstantInt>(init->getOperand(kFlagsOperand))->getZExtValue();
    // gc's PtrToThis is the unnamed *T; a defined type `type P *T` is not it.
    if (kind != static_cast<uint64_t>(rt::Kind::kPointer) || (flags & rt::kTypeFlagNamed) != 0)
      continue;
    auto* elem = llvm::dyn_cast<llvm::GlobalVariable>(init->getOperand(kElemOperand));
    if (elem == nullptr) continue;
    auto* elem_init = llvm::dyn_cast_or_null<llvm::ConstantStruct>(elem->getInitializer());
    if (elem_init == nullptr) continue;
    std::vector<llvm::Constant*> ops;
    for (unsigned i = 0; i < elem_init->getNumOperands(); ++i) ops.push_back(elem_init->getOperand(i));
    ops[kPtrToThisOperand] = g;
    elem->setInitializer(llvm::ConstantStruct::get(elem_init->getType(), ops));
  }
}


// The adapter `M·i(g, data, params...)` for a method in the method set of the
// type whose interface data word is `data`: a *T (e.ptr_data) or a pointer to a T
// value (or the T itself when T is pointer-shaped). For a promoted method, e.path
// leads from T's struct to the embedded field that has the method.
llvm::Function* ModuleContext::MethodAdapter(const MethodEntry& e, fe::Type* owner) {
  fe::Object* m = e.method;
  bool via_iface = m->pkg == nullptr;  // a method of an embedded interface field
  llvm::Function* target = via_iface ? nullptr : FunctionFor(m);
  std::string name = absl::StrCat(fe::UniqueTypeString(owner), ".", m->name, "·i");
  if (llvm::Function* f = module_.getFunction(name)) return f;
  auto* sig = m->type->As<fe::Func>();
  llvm::FunctionType* ft = InterfaceMethodType(sig);
  auto* f = llvm::Function::Create(ft, llvm::GlobalValue::LinkOnceODRLinkage, name, module_);
  SetGoFunctionAttributes(f);
  llvm::IRBuilder<> b(llvm::BasicBlock::Create(ctx_, "entry", f));
  llvm::Value* data = f->getArg(1);
  fe::Type* base = owner;
  if (auto* p = owner->As<fe::Pointer>()) base = p->elem();
  llvm::Value* recv;
  if (e.path.empty()) {
    if (m->pointer_recv) {
      recv = data;
    } else {
      recv = (!e.ptr_data && IsDirectIface(base)) ? data : b.CreateLoad(LLVMType(base), data);
    }
  } else {
    // data points at the T struct (both tables); walk the embedded fields.
    llvm::Value* p = data;
    fe::Type* t = base;
    for (size_t k = 0; k < e.path.size(); ++k) {
      if (auto* ptr = t->Underlying()->As<fe::Pointer>()) {
        p = b.CreateLoad(Ptr(), p);
        t = ptr->elem();
      }
      auto* st = t->Underlying()->As<fe::Struct>();
      p = b.CreateStructGEP(LLVMType(t), p, e.path[k]);
      t = st->fields()[e.path[k]].type;
    }
    if (via_iface) {
      auto* it = t->Underlying()->As<fe::Interface>();
      size_t index = 0;
      for (size_t i = 0; i < it->methods().size(); ++i)
        if (it->methods()[i].name == m->name) index = i;
      llvm::Value* iv = b.CreateLoad(IfaceType(), p);
      llvm::Value* fn = b.CreateLoad(Ptr(), b.CreateConstGEP1_64(Ptr(), b.CreateExtractValue(iv, 0), 3 + index));
      std::vector<llvm::Value*> args{f->getArg(0), b.CreateExtractValue(iv, 1)};
      for (unsigned i = 2; i < f->arg_size(); ++i) args.push_back(f->getArg(i));
      llvm::Value* r = b.CreateCall(ft, fn, args);
      if (ft->getReturnType()->isVoidTy()) b.CreateRetVoid();
      else b.CreateRet(r);
      return f;
    }
    bool field_is_ptr = t->Underlying()->As<fe::Pointer>() != nullptr;
    fe::Type* recv_base = m->pointer_recv ? m->recv_type->As<fe::Pointer>()->elem() : m->recv_type;
    if (field_is_ptr) {
      llvm::Value* pv = b.CreateLoad(Ptr(), p);
      recv = m->pointer_recv ? pv : b.CreateLoad(LLVMType(recv_base), pv);
    } else {
      recv = m->pointer_recv ? p : b.CreateLoad(LLVMType(recv_base), p);
    }
  }
  std::vector<llvm::Value*> args{f->getArg(0), llvm::ConstantPointerNull::get(Ptr()), recv};
  for (unsigned i = 2; i < f->arg_size(); ++i) args.push_back(f->getArg(i));
  llvm::Value* r = b.CreateCall(target, args);
  if (ft->getReturnType()->isVoidTy()) b.CreateRetVoid();
  else b.CreateRet(r);
  return f;
}

llvm::FunctionType* ModuleContext::InterfaceMethodType(fe::Func* sig) {
  llvm::FunctionType* go = GoFuncType(sig, nullptr);
  std::vector<llvm::Type*> params(go->param_begin(), go->param_end());  // g, closure, params
  params[1] = Ptr();                                                      // the data word
  return llvm::FunctionType::get(go->getReturnType(), params, false);
}

// The method set of t (Go spec, "Method sets"), sorted by name: for a named T its
// value-receiver methods, for *T all of T's; plus the methods promoted from embedded
// fields (shallowest depth wins; ambiguous names at one depth are left out), those
// of an embedded *S in full, those of an embedded S only with value receivers unless
// t is a pointer.
std::vector<ModuleContext::MethodEntry> ModuleContext::MethodSet(fe::Type* t) {
  std::vector<MethodEntry> out;
  bool ptr = false;
  fe::Type* base = t;
  if (auto* p = t->As<fe::Pointer>()) base = p->elem(), ptr = true;
  if (fe::IsInterface(base) || (ptr && base->Underlying()->As<fe::Pointer>())) return out;
  std::set<std::string> taken;
  struct Level {
    fe::Type* type;
    std::vector<int> path;
    bool addressable;  // methods with pointer receivers are in the set
  };
  std::vector<Level> level{{base, {}, ptr}};
  std::set<fe::Type*> seen;
  while (!level.empty()) {
    std::map<std::string, int> count;
    std::vector<MethodEntry> found;
    std::vector<Level> next;
    for (Level& l : level) {
      if (!seen.insert(l.type).second) continue;
      if (auto* it = l.type->Underlying()->As<fe::Interface>(); it && !l.path.empty()) {
        // An embedded interface field: its methods, dispatched through the field.
        for (auto& im : it->methods()) {
          ++count[im.name];
          fe::Object* o = program_.NewObject(fe::ObjectKind::kFunc, im.name, fe::Pos{}, nullptr);
          o->type = im.sig;
          o->recv_type = l.type;
          found.push_back({o, ptr, l.path});
        }
        continue;
      }
      if (auto* named = l.type->As<fe::Named>()) {
        for (fe::Object* m : named->methods()) {
          if (!m->type) continue;
          ++count[m->name];
          if (m->pointer_recv && !l.addressable) continue;
          found.push_back({m, ptr, l.path});
        }
      }
      if (auto* st = l.type->Underlying()->As<fe::Struct>()) {
        for (size_t i = 0; i < st->fields().size(); ++i) {
          auto& f = st->fields()[i];
          if (!l.path.empty() || true) ++count[f.name];
          if (!f.embedded) continue;
          std::vector<int> path = l.path;
          path.push_back(static_cast<int>(i));
          fe::Type* ft = f.type;
          bool addressable = l.addressable;
          if (auto* p = ft->As<fe::Pointer>()) ft = p->elem(), addressable = true;
          next.push_back({ft, path, addressable});
        }
      }
    }
    for (MethodEntry& e : found) {
      if (taken.count(e.method->name) || count[e.method->name] > 1) continue;
      out.push_back(e);
    }
    for (auto& [name, n] : count) taken.insert(name);
    level = std::move(next);
  }
  std::sort(out.begin(), out.end(),
            [](const MethodEntry& a, const MethodEntry& b) { return a.method->name < b.method->name; });
  return out;
}

std::pair<llvm::Constant*, int64_t> ModuleContext::MethodTable(fe::Type* t) {
  auto* i64 = Int();
  auto* ptr = Ptr();
  llvm::Constant* null = llvm::ConstantPointerNull::get(ptr);
  auto* method_ty = llvm::StructType::get(ctx_, {string_type_, ptr, ptr});
  std::vector<llvm::Constant*> elems;
  if (auto* iface = t->Underlying()->As<fe::Interface>()) {
    for (auto& m : iface->methods())
      elems.push_back(llvm::ConstantStruct::get(method_ty, {StringConstant(m.name), null, TypeDescriptor(m.sig)}));
  } else {
    for (const MethodEntry& e : MethodSet(t)) {
      elems.push_back(llvm::ConstantStruct::get(
          method_ty, {StringConstant(e.method->name), MethodAdapter(e, t), TypeDescriptor(e.method->type)}));
    }
  }
  (void)i64;
  if (elems.empty()) return {null, 0};
  auto* arr_ty = llvm::ArrayType::get(method_ty, elems.size());
  auto* g = new llvm::GlobalVariable(module_, arr_ty, true, llvm::GlobalValue::PrivateLinkage,
                                     llvm::ConstantArray::get(arr_ty, elems), "methods");
  return {g, static_cast<int64_t>(elems.size())};
}

llvm::Constant* ModuleContext::Itab(fe::Type* iface, fe::Type* concrete) {
  std::string name = absl::StrCat("itab:", fe::UniqueTypeString(concrete), ",", fe::UniqueTypeString(iface));
  if (auto* g = module_.getNamedGlobal(name)) return g;
  auto* it = iface->Underlying()->As<fe::Interface>();
  auto set = MethodSet(concrete);
  std::vector<llvm::Constant*> fns;
  for (auto& m : it->methods()) {
    llvm::Constant* fn = llvm::ConstantPointerNull::get(Ptr());
    for (const MethodEntry& e : set)
      if (e.method->name == m.name) fn = MethodAdapter(e, concrete);
    fns.push_back(fn);
  }
  auto* fun_ty = llvm::ArrayType::get(Ptr(), fns.size());
  auto* tab_ty = llvm::StructType::get(ctx_, {Ptr(), Ptr(), llvm::Type::getInt32Ty(ctx_),
                                              llvm::Type::getInt32Ty(ctx_), fun_ty});
  llvm::Constant* desc = TypeDescriptor(concrete);
  auto* g = new llvm::GlobalVariable(
      module_, tab_ty, true, llvm::GlobalValue::LinkOnceODRLinkage,
      llvm::ConstantStruct::get(tab_ty, {TypeDescriptor(iface), desc,
                                         llvm::ConstantInt::get(llvm::Type::getInt32Ty(ctx_), 0),
                                         llvm::ConstantInt::get(llvm::Type::getInt32Ty(ctx_), 0),
                                         llvm::ConstantArray::get(fun_ty, fns)}),
      name);
  g->setAlignment(llvm::Align(8));
  return g;
}

}  // namespace gojit::ir
