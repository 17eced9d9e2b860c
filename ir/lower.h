// ir/'s public entry point: lowers a checked program to one LLVM module.
#pragma once

#include <memory>

#include "frontend/program.h"
#include "ir/module_context.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"

namespace gojit::ir {

// The module's entry point: `void gojit.main(ptr g)` runs every package's variable
// initialisers and init functions (dependencies first), then main.main.
inline constexpr const char* kEntryName = "gojit.main";

// Lowers every package of a program the checker accepted. Constructs ir/ cannot
// lower yet are reported to program.diags ("gojit: unsupported: ..."); check it.
std::unique_ptr<llvm::Module> LowerProgram(frontend::Program& program, llvm::LLVMContext& ctx,
                                           const LowerOptions& options);

}  // namespace gojit::ir
