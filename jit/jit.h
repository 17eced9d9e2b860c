// gojit's JIT: one LLJIT (LLVM 19 ORC) per program, in the style of LLVM's
// BuildingAJIT chapter 1. It
//   - runs the new pass manager's default pipeline for -O1..-O3 (-O0: none) on each
//     module before adding it;
//   - defines every runtime entry point (rt::RuntimeSymbols(), from abi.def) and
//     every stdlib native (stdlib::NativeSymbols(), as `gojit.native.<pkg>.<fn>`)
//     as absolute symbols in the main JITDylib, with libc reachable through a
//     DynamicLibrarySearchGenerator for the memcpy/memset LLVM may emit;
//   - after each object is linked (JITLink, LLJIT's default on x86-64 ELF), gives
//     every function's [start, end), name, file and (pc offset, line) table to
//     rt::RegisterFunction, for tracebacks and for the preemption signal handler.
//     Line tables come from the DWARF in the relocatable object (DWARFContext over
//     the object JITLink was handed, function by function), shifted to the address
//     JITLink assigned each function. The object's table of package variables
//     (rt::kGlobalRootsSymbol, emitted by ir/) goes to rt::RegisterGlobalRoots, the
//     collector's roots outside stacks.
// Frame pointers and the red zone are per-function IR attributes ("frame-pointer"=
// "all", noredzone), which the target machine honours; nothing here overrides them.
// Compiling and adding are separate steps (CompileForHost or CompileModule, then
// AddObject) so that the cache (program_cache.h) can store each package's object
// between them and a hit can add stored objects without any IR; the objects of
// one program are linked by name in the main JITDylib. Codegen uses a target
// machine configured as LLJIT configures JITLink's (PIC, small code model). A
// native that code still calls after optimisation and no table defines gets a
// body that throws "missing native" when called (DefineMissingNative).
// Compiling a program package by package, on every core, is package_objects.h's;
// not yet: lazy compilation.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "runtime/runtime.h"

namespace llvm {
class LLVMContext;
class Module;
class TargetMachine;
namespace orc {
class LLJIT;
}  // namespace orc
}  // namespace llvm

namespace gojit::jit {

struct JitOptions {
  int opt_level = 2;  // 0..3, as -O
};

// What the JIT registered for one function (a copy of what rt::RegisterFunction
// received), kept so that tests and --emit modes can inspect it.
class FunctionTable {
 public:
  void Add(const rt::FuncInfo& f);
  std::vector<rt::FuncInfo> Snapshot() const;
  // The function whose [start, end) holds pc, or nullopt.
  std::optional<rt::FuncInfo> Find(uintptr_t pc) const;

 private:
  mutable std::mutex mu_;
  std::vector<rt::FuncInfo> funcs_;  // guarded by mu_
};

class Jit {
 public:
  // llvm::Error is converted to absl::Status at this boundary.
  static absl::StatusOr<std::unique_ptr<Jit>> Create(JitOptions options);
  ~Jit();

  // Verifies, optimises (per opt_level) and compiles the module to a relocatable
  // object (ELF bytes) for this JIT's target. Its data layout and triple are set to
  // the JIT's when empty. The module is consumed.
  absl::StatusOr<std::string> CompileModule(llvm::Module& module);

  // CompileModule's two halves, for callers that time them: verify and optimise
  // the module in place, then generate the object.
  absl::Status OptimizeModule(llvm::Module& module);
  absl::StatusOr<std::string> GenerateObject(llvm::Module& module);

  // CompileModule without a Jit, on a target machine of its own for the host (the
  // one a Jit would use): safe to call from several threads at once, each with a
  // module in its own LLVMContext. The module is consumed.
  static absl::StatusOr<std::string> CompileForHost(llvm::Module& module, int opt_level);

  // Links an object from CompileModule (of this run or, through the program cache,
  // of an earlier one) into the JIT.
  absl::Status AddObject(std::string object);

  // CompileModule then AddObject.
  absl::Status AddModule(std::unique_ptr<llvm::Module> module,
                         std::unique_ptr<llvm::LLVMContext> context);

  // The address of a symbol (compiling what it needs first).
  absl::StatusOr<uintptr_t> Lookup(std::string_view name);

  // Defines one more absolute symbol in the main JITDylib (tests, CLI hooks).
  absl::Status DefineAbsolute(std::string_view name, const void* address);

  // The functions registered so far with rt::RegisterFunction by this JIT.
  const FunctionTable& functions() const { return *functions_; }

  // --emit=asm: the module as assembly text, with the JIT's target machine and
  // optimisation pipeline (no JIT involved). Optimises the module in place.
  static absl::StatusOr<std::string> EmitAssembly(llvm::Module& module, int opt_level);

  // --emit=llvm: optimises the module in place exactly as a run would (the host's
  // target machine, so vector widths and costs are the real ones).
  static absl::Status OptimizeForHost(llvm::Module& module, int opt_level);

  // The optimisation pipeline alone. O0: only the loop polls.
  // tm may be null (no target-specific analyses: nothing is vectorised).
  static void Optimize(llvm::Module& module, int opt_level, llvm::TargetMachine* tm);

 private:
  Jit() = default;

  JitOptions options_;
  std::unique_ptr<llvm::orc::LLJIT> lljit_;
  std::unique_ptr<llvm::TargetMachine> tm_;  // for the optimisation pipeline
  std::shared_ptr<FunctionTable> functions_ = std::make_shared<FunctionTable>();
};

}  // namespace gojit::jit
