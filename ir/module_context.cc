// Types, declarations, constants and debug info for the whole module (see
// module_context.h for the calling convention and value representation).
#include "ir/module_context.h"

#include <unistd.h>

#include <algorithm>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DataLayout.h"
#include "runtime/global_roots.h"

namespace gojit::ir {

using fe::BasicKind;

ModuleContext::ModuleContext(fe::Program& program, llvm::LLVMContext& ctx, llvm::Module& module,
                             const LowerOptions& options)
    : program_(program), ctx_(ctx), module_(module), options_(options) {
  for (const auto& obj : program_.objects) {
    if (!obj->linkname.empty()) linknames_.insert(obj->linkname);
  }
  auto* ptr = Ptr();
  auto* i64 = Int();
  string_type_ = llvm::StructType::create(ctx_, {ptr, i64}, "string");
  slice_type_ = llvm::StructType::create(ctx_, {ptr, i64, i64}, "slice");
  iface_type_ = llvm::StructType::create(ctx_, {ptr, ptr}, "iface");
  if (options_.debug_info) {
    di_ = std::make_unique<llvm::DIBuilder>(module_);
    module_.addModuleFlag(llvm::Module::Warning, "Debug Info Version",
                          llvm::DEBUG_METADATA_VERSION);
    module_.addModuleFlag(llvm::Module::Warning, "Dwarf Version", 4);
  }
  // --safepoints=loops (callfree): the JIT polls on every back edge (of loops
  // without calls) after optimising (jit/loop_safepoints.h, kLoopSafepointsFlag).
  if (options_.safepoints == Safepoints::kLoops) {
    module_.addModuleFlag(llvm::Module::Warning, "gojit.loop-safepoints", 1);
  } else if (options_.safepoints == Safepoints::kCallFreeLoops) {
    module_.addModuleFlag(llvm::Module::Warning, "gojit.loop-safepoints", 2);
  }
}

void ModuleContext::Unsupported(fe::Pos pos, const std::string& what) {
  program_.diags.Error(pos, absl::StrCat("gojit: unsupported: ", what));
}

llvm::Type* ModuleContext::LLVMType(fe::Type* t) {
  if (auto it = type_cache_.find(t); it != type_cache_.end()) return it->second;
  llvm::Type* r = nullptr;
  fe::Type* u = t->Underlying();
  switch (u->kind()) {
    case fe::TypeKind::kBasic: {
      switch (u->As<fe::Basic>()->basic()) {
        case BasicKind::kBool: case BasicKind::kUntypedBool: r = llvm::Type::getInt1Ty(ctx_); break;
        case BasicKind::kInt8: case BasicKind::kUint8: r = llvm::Type::getInt8Ty(ctx_); break;
        case BasicKind::kInt16: case BasicKind::kUint16: r = llvm::Type::getInt16Ty(ctx_); break;
        case BasicKind::kInt32: case BasicKind::kUint32: case BasicKind::kUntypedRune:
          r = llvm::Type::getInt32Ty(ctx_);
          break;
        case BasicKind::kFloat32: r = llvm::Type::getFloatTy(ctx_); break;
        case BasicKind::kFloat64: case BasicKind::kUntypedFloat: r = llvm::Type::getDoubleTy(ctx_); break;
        case BasicKind::kComplex64:
          r = llvm::StructType::get(ctx_, {llvm::Type::getFloatTy(ctx_), llvm::Type::getFloatTy(ctx_)});
          break;
        case BasicKind::kComplex128: case BasicKind::kUntypedComplex:
          r = llvm::StructType::get(ctx_, {llvm::Type::getDoubleTy(ctx_), llvm::Type::getDoubleTy(ctx_)});
          break;
        case BasicKind::kString: case BasicKind::kUntypedString: r = string_type_; break;
        case BasicKind::kUnsafePointer: case BasicKind::kUntypedNil: r = Ptr(); break;
        default: r = Int(); break;  // int, uint, int64, uint64, uintptr, untyped int
      }
      break;
    }
    case fe::TypeKind::kPointer: case fe::TypeKind::kMap: case fe::TypeKind::kChan:
    case fe::TypeKind::kFunc:
      r = Ptr();
      break;
    case fe::TypeKind::kSlice: r = slice_type_; break;
    case fe::TypeKind::kInterface: r = iface_type_; break;
    case fe::TypeKind::kArray:
      r = llvm::ArrayType::get(LLVMType(u->As<fe::Array>()->elem()), u->As<fe::Array>()->len());
      break;
    case fe::TypeKind::kStruct: r = StructFor(u->As<fe::Struct>()); break;
    case fe::TypeKind::kTuple: {
      std::vector<llvm::Type*> elems;
      for (fe::Type* e : u->As<fe::Tuple>()->elems()) elems.push_back(LLVMType(e));
      r = llvm::StructType::get(ctx_, elems);
      break;
    }
    default:
      r = Int();
  }
  type_cache_[t] = r;
  return r;
}

llvm::StructType* ModuleContext::StructFor(fe::Struct* st) {
  std::vector<llvm::Type*> fields;
  for (auto& f : st->fields()) fields.push_back(LLVMType(f.type));
  // gc's byte of padding after a trailing zero-size field (frontend/sizes.cc), so
  // that &s.last never points at the next object; element indices are unchanged.
  if (fe::EndsInZeroSizeField(st)) fields.push_back(llvm::Type::getInt8Ty(ctx_));
  return llvm::StructType::get(ctx_, fields);
}

uint64_t ModuleContext::SizeOf(fe::Type* t) {
  return module_.getDataLayout().getTypeAllocSize(LLVMType(t));
}

uint64_t ModuleContext::AlignOf(fe::Type* t) {
  return module_.getDataLayout().getABITypeAlign(LLVMType(t)).value();
}

void ModuleContext::SetGoFunctionAttributes(llvm::Function* f) {
  f->addFnAttr("frame-pointer", "all");
  f->addFnAttr("null-pointer-is-valid", "true");
  f->addFnAttr(llvm::Attribute::NoRedZone);
  f->addFnAttr(llvm::Attribute::NoUnwind);
  // gc never turns a call into a jump: every caller keeps its frame, so a panic
  // raised in a runtime call that ends a function (`close(c)` as main's last
  // statement) still shows the caller in the traceback, and recursion keeps
  // its frames. This also keeps LLVM's tail-recursion elimination off.
  f->addFnAttr("disable-tail-calls", "true");
  // gc's prologue check before the frame exists: LLVM's split-stack prologue
  // compares SP (minus the frame) with %fs:0x70 and calls __morestack when below
  // it (runtime/asm_amd64.S: stack growth and preemption requests). Stacks grow
  // only through it, so every setting keeps it; --safepoints=none tells the
  // runtime not to use it for preemption (rt::SetPrologueSafepoints).
  f->addFnAttr("split-stack");
}

llvm::FunctionType* ModuleContext::GoFuncType(fe::Func* sig, fe::Type* recv) {
  std::vector<llvm::Type*> params{Ptr(), Ptr()};
  if (recv) params.push_back(LLVMType(recv));
  for (fe::Type* p : sig->params()->elems()) params.push_back(LLVMType(p));
  auto& results = sig->results()->elems();
  llvm::Type* ret = results.empty()       ? llvm::Type::getVoidTy(ctx_)
                    : results.size() == 1 ? LLVMType(results[0])
                                          : LLVMType(sig->results());
  return llvm::FunctionType::get(ret, params, false);
}

llvm::FunctionCallee ModuleContext::Runtime(RtFunc f) {
  int i = static_cast<int>(f);
  if (runtime_[i]) return runtime_[i];
  auto vocab = [&](std::string_view name) -> llvm::Type* {
    if (name == "Void") return llvm::Type::getVoidTy(ctx_);
    if (name == "Ptr") return Ptr();
    if (name == "I8") return llvm::Type::getInt8Ty(ctx_);
    if (name == "I32") return llvm::Type::getInt32Ty(ctx_);
    if (name == "I64") return Int();
    if (name == "F64") return llvm::Type::getDoubleTy(ctx_);
    if (name == "Str") return llvm::StructType::get(ctx_, {Ptr(), Int()});
    if (name == "RuneK") return llvm::StructType::get(ctx_, {llvm::Type::getInt32Ty(ctx_), Int()});
    if (name == "Iface") return llvm::StructType::get(ctx_, {Ptr(), Ptr()});
    return nullptr;
  };
  struct Entry {
    const char* name;
    const char* sig;  // "Ret,Param,Param..."
  };
  static const Entry kEntries[] = {
#define GOJIT_RT_FUNC(Name, ...) {#Name, #__VA_ARGS__},
#include "runtime/abi.def"
  };
  const Entry& e = kEntries[i];
  std::vector<llvm::Type*> types;
  std::string sig = e.sig;
  size_t start = 0;
  while (start <= sig.size()) {
    size_t comma = sig.find(',', start);
    if (comma == std::string::npos) comma = sig.size();
    std::string tok = sig.substr(start, comma - start);
    tok.erase(0, tok.find_first_not_of(' '));
    tok.erase(tok.find_last_not_of(' ') + 1);
    types.push_back(vocab(tok));
    start = comma + 1;
  }
  llvm::Type* ret = types[0];
  std::vector<llvm::Type*> params(types.begin() + 1, types.end());
  auto* fty = llvm::FunctionType::get(ret, params, false);
  // setjmp takes no G: it is declared as written (runtime/abi.def).
  runtime_[i] = module_.getOrInsertFunction(absl::StrCat("gojit_rt_", e.name), fty);
  if (auto* fn = llvm::dyn_cast<llvm::Function>(runtime_[i].getCallee())) {
    fn->addFnAttr(llvm::Attribute::NoUnwind);
    std::string name = e.name;
    if (name.rfind("panic", 0) == 0 || name == "gopanic" || name == "throw")
      fn->addFnAttr(llvm::Attribute::NoReturn);
    if (name == "setjmp") fn->addFnAttr(llvm::Attribute::ReturnsTwice);
    // Deferred calls and panics re-enter Go code that may unwind by longjmp.
    if (name == "gopanic" || name.rfind("defer", 0) == 0 || name.rfind("panic", 0) == 0)
      fn->removeFnAttr(llvm::Attribute::NoUnwind);
  }
  return runtime_[i];
}

llvm::Function* ModuleContext::FunctionFor(fe::Object* fn) {
  if (auto it = functions_.find(fn); it != functions_.end()) return it->second;
  // Two objects joined by //go:linkname are one function.
  std::string name = fn->LinkName();
  bool linked = linknames_.count(name) != 0;
  if (linked) {
    if (auto it = linked_functions_.find(name); it != linked_functions_.end()) {
      functions_[fn] = it->second;
      requested_.push_back(fn);
      return it->second;
    }
  }
  auto* sig = fn->type->As<fe::Func>();
  auto* fty = GoFuncType(sig, fn->recv_type);
  // Internal: only gojit.main is looked up, so the optimiser may drop every function
  // (of the standard library, mostly) that the program never reaches.
  auto* f = llvm::Function::Create(fty, llvm::GlobalValue::InternalLinkage, fn->LinkName(), module_);
  SetGoFunctionAttributes(f);
  f->addFnAttr("uwtable", "sync");
  f->getArg(0)->setName("g");
  f->getArg(1)->setName("closure");
  functions_[fn] = f;
  requested_.push_back(fn);
  if (linked) linked_functions_[name] = f;
  return f;
}

llvm::GlobalVariable* ModuleContext::GlobalFor(fe::Object* var) {
  if (auto it = globals_.find(var); it != globals_.end()) return it->second;
  // A variable named by //go:linkname is the variable it names.
  std::string name = var->LinkName();
  bool linked = linknames_.count(name) != 0;
  if (linked) {
    if (auto it = linked_globals_.find(name); it != linked_globals_.end()) {
      globals_[var] = it->second;
      return it->second;
    }
  }
  llvm::Type* t = LLVMType(var->type);
  auto* g = new llvm::GlobalVariable(module_, t, false, llvm::GlobalValue::InternalLinkage,
                                     llvm::Constant::getNullValue(t), var->LinkName());
  globals_[var] = g;
  if (linked) linked_globals_[name] = g;
  return g;
}

llvm::Constant* ModuleContext::StaticClosure(fe::Object* fn) {
  if (auto it = static_closures_.find(fn); it != static_closures_.end()) return it->second;
  auto* g = new llvm::GlobalVariable(module_, Ptr(), true, llvm::GlobalValue::InternalLinkage,
                                     FunctionFor(fn), fn->LinkName() + "·f");
  static_closures_[fn] = g;
  return g;
}

llvm::Constant* ModuleContext::StringConstant(const std::string& s) {
  if (auto it = strings_.find(s); it != strings_.end()) return it->second;
  llvm::Constant* ptr;
  if (s.empty()) {
    ptr = llvm::ConstantPointerNull::get(Ptr());
  } else {
    auto* data = llvm::ConstantDataArray::getString(ctx_, s, /*AddNull=*/false);
    auto* g = new llvm::GlobalVariable(module_, data->getType(), true,
                                       llvm::GlobalValue::PrivateLinkage, data, "str");
    g->setUnnamedAddr(llvm::GlobalValue::UnnamedAddr::Global);
    ptr = g;
  }
  auto* c = llvm::ConstantStruct::get(string_type_,
                                      {ptr, llvm::ConstantInt::get(Int(), s.size())});
  strings_[s] = c;
  return c;
}

llvm::Constant* ModuleContext::ConstValue(const fe::ConstValue& v, fe::Type* t) {
  t = fe::DefaultType(program_.types, t);
  fe::Type* u = t->Underlying();
  llvm::Type* lt = LLVMType(t);
  if (auto* b = u->As<fe::Basic>()) {
    if (b->IsBoolean()) return llvm::ConstantInt::get(lt, v.b ? 1 : 0);
    if (b->IsString()) return StringConstant(v.s);
    if (b->IsInteger()) {
      auto i = v.ToInt();
      llvm::APInt bits = i ? i->i.trunc(lt->getIntegerBitWidth()) : llvm::APInt(lt->getIntegerBitWidth(), 0);
      return llvm::ConstantInt::get(lt, bits);
    }
    if (b->IsFloat()) {
      if (b->basic() == BasicKind::kFloat32) return llvm::ConstantFP::get(lt, v.ToFloat().Float32());
      return llvm::ConstantFP::get(lt, v.ToFloat().Float64());
    }
    if (b->IsComplex()) {
      fe::ConstValue c = v.ToComplex();
      auto* st = llvm::cast<llvm::StructType>(lt);
      auto part = [&](const fe::ConstFloat& f) -> llvm::Constant* {
        fe::ConstValue x = fe::ConstValue::Float(f);
        return st->getElementType(0)->isFloatTy() ? llvm::ConstantFP::get(st->getElementType(0), x.Float32())
                                                  : llvm::ConstantFP::get(st->getElementType(0), x.Float64());
      };
      return llvm::ConstantStruct::get(st, {part(c.f), part(c.im)});
    }
  }
  return llvm::Constant::getNullValue(lt);
}

llvm::DIFile* ModuleContext::FileFor(fe::FileId id) {
  if (auto it = di_files_.find(id); it != di_files_.end()) return it->second;
  const fe::SourceFile& f = program_.sources.Get(id);
  std::string path = f.path;
  // Tracebacks print absolute paths, as gc does.
  if (!path.empty() && path[0] != '/') {
    char cwd[4096];
    if (getcwd(cwd, sizeof cwd) != nullptr) {
      path = absl::StrCat(cwd, "/", path);
      if (path.compare(strlen(cwd) + 1, 2, "./") == 0) path.erase(strlen(cwd) + 1, 2);
    }
  }
  std::string dir = ".";
  if (auto slash = path.rfind('/'); slash != std::string::npos) {
    dir = path.substr(0, slash);
    path = path.substr(slash + 1);
  }
  auto* file = di_->createFile(path, dir);
  if (!cu_) {
    // One unit for the program, named after no file of it: every function's debug
    // information refers to the unit, and a package's code must not depend on
    // which file the program lowered first (jit/package_split.h).
    cu_ = di_->createCompileUnit(llvm::dwarf::DW_LANG_Go, di_->createFile("gojit", "/"), "gojit",
                                 true, "", 0);
  }
  di_files_[id] = file;
  return file;
}

llvm::DISubprogram* ModuleContext::Subprogram(llvm::Function* fn, const std::string& name,
                                              fe::Pos pos) {
  if (!di_ || !pos.IsValid()) return nullptr;
  llvm::DIFile* file = FileFor(pos.file);
  auto* type = di_->createSubroutineType(di_->getOrCreateTypeArray({}));
  auto* sp = di_->createFunction(file, name, fn->getName(), file, pos.line, type, pos.line,
                                 llvm::DINode::FlagPrototyped, llvm::DISubprogram::SPFlagDefinition);
  fn->setSubprogram(sp);
  return sp;
}

// {n, [n x {address, type descriptor}]}, in link-name order. External linkage
// keeps the table, and through it each listed variable, from being removed, split
// or turned into a constant by the optimiser: what the collector scans is what
// the code uses.
std::vector<std::pair<llvm::Constant*, fe::Type*>> ModuleContext::GlobalRoots() {
  std::vector<std::pair<std::string, fe::Object*>> vars;
  for (const auto& [obj, g] : globals_) vars.push_back({g->getName().str(), obj});
  std::sort(vars.begin(), vars.end());
  std::vector<std::pair<llvm::Constant*, fe::Type*>> roots;
  auto add = [&](llvm::Constant* global, fe::Type* type) {
    fe::Type* t = type;
    while (auto* a = t->Underlying()->As<fe::Array>()) {  // huge arrays: their element decides
      if (a->len() == 0) break;
      t = a->elem();
    }
    std::vector<bool> bits;
    PointerBits(t, 0, bits);
    if (!bits.empty()) roots.push_back({global, type});
  };
  for (const auto& [name, obj] : vars) add(globals_[obj], obj->type);
  for (const auto& [g, t] : static_data_) add(g, t);  // static_init.cc's private data
  return roots;
}

void ModuleContext::DescribeGlobalRoots() {
  for (const auto& [global, type] : GlobalRoots()) TypeDescriptor(type);
}

void ModuleContext::EmitGlobalRoots() {
  auto* entry_ty = llvm::StructType::get(ctx_, {Ptr(), Ptr()});
  std::vector<llvm::Constant*> entries;
  for (const auto& [global, type] : GlobalRoots())
    entries.push_back(llvm::ConstantStruct::get(entry_ty, {global, TypeDescriptor(type)}));
  auto* arr_ty = llvm::ArrayType::get(entry_ty, entries.size());
  auto* table = llvm::ConstantStruct::getAnon(
      ctx_, {llvm::ConstantInt::get(Int(), entries.size()), llvm::ConstantArray::get(arr_ty, entries)});
  auto* g = new llvm::GlobalVariable(module_, table->getType(), true, llvm::GlobalValue::ExternalLinkage,
                                     table, rt::kGlobalRootsSymbol);
  g->setAlignment(llvm::Align(8));
}

void ModuleContext::FinalizeDebugInfo() {
  if (di_) di_->finalize();
}

}  // namespace gojit::ir
