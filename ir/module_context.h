// The per-program lowering context: one LLVM module for the whole program (user
// packages and the standard library), the mapping from Go types to LLVM types, the
// runtime entry points of runtime/abi.def, function and global declarations, string
// constants, type descriptors and debug info.
//
// Calling convention of every compiled Go function (docs/design.md, section
// "Calling convention"):
//
//   ret @pkg.F(ptr %g, ptr %closure, <receiver>, <params>...)
//
// %g is the running goroutine; %closure is the closure context of a func value
// (null for direct calls of top-level functions: every function accepts it so that
// a func value never needs a wrapper). ret is void, the single result's type, or a
// literal struct of the results. Functions are marked "frame-pointer"="all" and
// noredzone so tracebacks and asynchronous preemption can walk and interrupt them.
//
// Value representation: bool i1; ints iN; float32/64 float/double; complex a struct
// of two floats; string {ptr, i64}; slice {ptr, i64, i64}; interface {ptr, ptr}
// (an empty interface: type descriptor, data word; any other: itab, data word, as
// gc's eface and iface; ir/iface.cc, runtime/itab.cc);
// pointer, map, chan and func values one ptr; arrays and structs LLVM aggregates
// with Go's layout (runtime/type.h).
#pragma once

#include <functional>
#include <map>
#include <utility>
#include <set>
#include <memory>
#include <string>

#include "frontend/program.h"
#include "llvm/IR/DIBuilder.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"

namespace gojit::ir {

namespace fe = gojit::frontend;

// The runtime entry points, from runtime/abi.def.
enum class RtFunc {
#define GOJIT_RT_FUNC(Name, Ret, ...) k_##Name,
#include "runtime/abi.def"
  kCount,
};

// Where compiled code checks for preemption (--safepoints, runtime/README.md):
// kPrologue, gc's model: every function's split-stack prologue compares SP with the
// G's stackguard0 (the thread's %fs:0x70 slot), which the runtime sets to
// stackPreempt to ask for a yield; kLoops adds a poll of that slot on every loop
// back-edge (gc's old GOEXPERIMENT=preemptibleloops); kNone adds no polls and the
// runtime never asks a prologue for a yield (stacks still grow through it).
// --safepoints: prologue checks only; plus a poll on every loop back edge; plus
// polls on the back edges of loops that call no Go code; none (prologue checks
// only grow stacks).
enum class Safepoints { kPrologue, kLoops, kCallFreeLoops, kNone };

struct LowerOptions {
  bool debug_info = true;
  Safepoints safepoints = Safepoints::kPrologue;
  // The collector's write barrier (write_barrier.cc); off only for measuring its
  // cost, and then the runtime must collect stopping the world (gojit run
  // --write-barriers=false sets both).
  bool write_barriers = true;
  // Whether a native (a body-less function, "fmt.Println") has a C++ implementation;
  // one without is reported as gc reports it: "missing function body". Unset: all do.
  std::function<bool(const std::string&)> has_native;
  // For a body-less library function that gc writes in assembly but whose package
  // also has the same code in Go ("internal/chacha8rand.block" has block_generic):
  // that function's name, which the body-less one then calls. Empty: none.
  std::function<std::string(const std::string&)> go_fallback;
  // `gojit build` of a library package: every function and method of the main
  // (here: the only named) package is lowered, not only what main.main reaches, so
  // that building a package finds what lowering cannot do anywhere in it.
  bool lower_whole_main_package = false;
};

class ModuleContext {
 public:
  ModuleContext(fe::Program& program, llvm::LLVMContext& ctx, llvm::Module& module,
                const LowerOptions& options);

  fe::Program& program() { return program_; }
  llvm::LLVMContext& ctx() { return ctx_; }
  llvm::Module& module() { return module_; }
  fe::TypeTable& types() { return program_.types; }

  // --- types
  llvm::Type* LLVMType(fe::Type* t);
  llvm::PointerType* Ptr() { return llvm::PointerType::get(ctx_, 0); }
  llvm::IntegerType* Int() { return llvm::Type::getInt64Ty(ctx_); }
  llvm::StructType* StringType() { return string_type_; }
  llvm::StructType* SliceType() { return slice_type_; }
  llvm::StructType* IfaceType() { return iface_type_; }
  llvm::FunctionType* GoFuncType(fe::Func* sig, fe::Type* recv);
  // The attributes every function made from Go code carries: frame pointers and no
  // red zone (tracebacks and async preemption rely on both), nil addresses valid
  // (Go's nil checks), no unwinding, and the split-stack prologue per --safepoints.
  void SetGoFunctionAttributes(llvm::Function* f);
  const LowerOptions& options() const { return options_; }
  uint64_t SizeOf(fe::Type* t);
  uint64_t AlignOf(fe::Type* t);

  // --- declarations
  llvm::FunctionCallee Runtime(RtFunc f);
  // The LLVM function of a Go function or method, declared on first use.
  llvm::Function* FunctionFor(fe::Object* fn);
  // The objects FunctionFor met for the first time since the last call, in order:
  // lower.cc lowers the standard library's functions as they are first used.
  std::vector<fe::Object*> TakeRequestedFunctions() { return std::exchange(requested_, {}); }
  llvm::GlobalVariable* GlobalFor(fe::Object* var);
  // A static closure {fnptr} for using a top-level function as a value.
  llvm::Constant* StaticClosure(fe::Object* fn);

  // --- constants
  llvm::Constant* StringConstant(const std::string& s);
  llvm::Constant* ConstValue(const fe::ConstValue& v, fe::Type* t);
  llvm::Constant* ZeroValue(fe::Type* t) { return llvm::Constant::getNullValue(LLVMType(t)); }
  // The initial contents of a variable of type t initialised by e, when e is
  // static (static_init.cc): constants and composite literals only. Null otherwise.
  llvm::Constant* StaticInitializer(fe::Expr* e, fe::Type* t);
  // embed.cc: the contents of a //go:embed variable of type t.
  llvm::Constant* EmbedInitializer(const fe::Program::EmbeddedVar& ev, fe::Type* t);

  // --- runtime type information (ir/type_descriptors.cc)
  llvm::Constant* TypeDescriptor(fe::Type* t);
  // For allocations whose every word may be a pointer (closure objects, whose
  // fields are captured cells or arbitrary values): unsafe.Pointer's descriptor,
  // which the allocator repeats over the object.
  llvm::Constant* PointerWordsDescriptor() {
    return TypeDescriptor(types().basic(fe::BasicKind::kUnsafePointer));
  }
  // The pointer words of t placed at byte offset off: bits[w] for word w.
  void PointerBits(fe::Type* t, uint64_t off, std::vector<bool>& bits);
  // Whether an interface stores values of t directly in its data word.
  bool IsDirectIface(fe::Type* t);
  bool IsEmptyInterface(fe::Type* t);
  // The constant itab of concrete type for interface iface.
  llvm::Constant* Itab(fe::Type* iface, fe::Type* concrete);
  // `ret (ptr g, ptr data, params...)`: how itabs and method tables call methods.
  llvm::FunctionType* InterfaceMethodType(fe::Func* sig);
  // One method of a type's method set: the method, whether the type is a pointer
  // (the data word holds it), and the embedded-field path for promoted methods.
  struct MethodEntry {
    fe::Object* method;
    bool ptr_data;
    std::vector<int> path;
  };
  llvm::Function* MethodAdapter(const MethodEntry& e, fe::Type* owner);
  // What reflect needs of a func type beyond its descriptor (ir/reflect_call.cc):
  // the FuncTypeInfo constant its descriptor's `fields` points to (runtime/type.h),
  // with the type's call and makefunc adapters. key is the type's unique string.
  llvm::Constant* FuncTypeInfo(fe::Func* sig, const std::string& key);
  std::vector<MethodEntry> MethodSet(fe::Type* t);
  std::pair<llvm::Constant*, int64_t> MethodTable(fe::Type* t);

  // --- debug info
  llvm::DISubprogram* Subprogram(llvm::Function* fn, const std::string& name, fe::Pos pos);
  llvm::DIBuilder* di() { return di_.get(); }
  void FinalizeDebugInfo();
  // The collector's table of the package variables that hold pointers
  // (rt::GlobalRootTable under rt::kGlobalRootsSymbol); after all code is lowered.
  void EmitGlobalRoots();
  // Fills in each descriptor's ptr_to_this with the program's unnamed *T
  // descriptor, where it has one (runtime/type.h); after all code is lowered.
  void LinkPointerDescriptors();
  // The type descriptors EmitGlobalRoots will name, made now: a descriptor's
  // method table names methods, which lower.cc must lower before the table of
  // roots is final.
  void DescribeGlobalRoots();
  // The package variables and static data that hold pointers, with their types.
  std::vector<std::pair<llvm::Constant*, fe::Type*>> GlobalRoots();

  // Reports "gojit: unsupported: <what>" at pos.
  void Unsupported(fe::Pos pos, const std::string& what);

 private:
  llvm::StructType* StructFor(fe::Struct* st);
  llvm::DIFile* FileFor(fe::FileId id);

  fe::Program& program_;
  llvm::LLVMContext& ctx_;
  llvm::Module& module_;
  LowerOptions options_;
  llvm::StructType* string_type_;
  llvm::StructType* slice_type_;
  llvm::StructType* iface_type_;
  std::map<fe::Type*, llvm::Type*> type_cache_;
  std::map<fe::Object*, llvm::Function*> functions_;
  std::vector<fe::Object*> requested_;  // keys new to functions_ (TakeRequestedFunctions)
  std::map<fe::Object*, llvm::GlobalVariable*> globals_;
  // Symbols joined by //go:linkname, by link name: every object of that name,
  // puller or definer, maps to the one function or variable here.
  std::map<std::string, llvm::Function*> linked_functions_;
  std::map<std::string, llvm::GlobalVariable*> linked_globals_;
  std::set<std::string> linknames_;  // every link name some directive gives
  // static_init.cc: the private globals static initialisers made (backing arrays,
  // &T{...} objects), collector roots like package variables.
  llvm::Constant* StaticValue(fe::Expr* e, fe::Type* t);
  llvm::Constant* StaticData(fe::Type* t, llvm::Constant* init);
  std::vector<std::pair<llvm::GlobalVariable*, fe::Type*>> static_data_;
  bool static_dry_run_ = false;
  std::map<fe::Object*, llvm::Constant*> static_closures_;
  std::map<std::string, llvm::Constant*> strings_;
  std::map<std::string, llvm::GlobalVariable*> type_descs_;
  llvm::FunctionCallee runtime_[static_cast<int>(RtFunc::kCount)];
  std::unique_ptr<llvm::DIBuilder> di_;
  llvm::DICompileUnit* cu_ = nullptr;
  std::map<fe::FileId, llvm::DIFile*> di_files_;
};

}  // namespace gojit::ir
