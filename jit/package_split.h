// Splitting a lowered program into one LLVM module per Go package, so that each
// package's compiled code can be cached on its own (package_objects.h).
//
// ir/ lowers a program as one module. SplitByPackage drops what nothing reaches
// (GlobalDCE, as the optimiser would first), then gives every remaining definition
// to a partition:
//   - Owned definitions (functions, package variables, the entry point, the
//     root table) belong to one partition, named by the Go package in their symbol
//     ("fmt.Println", "(*time.Time).String" -> fmt, time). A generic instance whose
//     name mentions main's types, and everything of gojit's own ("gojit.main"),
//     belongs to main. A definition whose name names no package of the program
//     (ir/'s "static.N" backing arrays) goes with the first, by name, of the
//     partitions that use it.
//   - Copied definitions (linkonce_odr type descriptors and their hash and equal
//     functions, and every constant with local linkage: string bytes, GC bitmaps,
//     method tables) are cloned into every partition that reaches them, except
//     functions: each copied function (an interface-method wrapper, a hash or
//     equal function, a reflect thunk) is defined (weak_odr) by one partition
//     reaching it, the first by name with main last, and declared in the others,
//     so that it is compiled once and main's object holds only what no library
//     package reaches.
//   - Small functions of another partition that a partition calls directly are
//     cloned into it as available_externally, so the optimiser can still inline
//     across packages; codegen never emits them.
// An owned definition with local linkage that another partition references is made
// external (hidden) under its own name, which is unique in the module.
//
// Each partition is then made canonical, so that its bitcode, and so its cache key,
// depends on its own code only and not on what else the program lowered first:
// local variables get names in the order a fixed walk from its sorted external
// definitions meets them, and functions and variables are sorted by name. The
// invariant the cache relies on: a partition's bitcode is the whole input of its
// object; linking the objects of one split, by name, is the program.
//
// Naming a library partition by its inputs. Extracting, canonicalising and
// serialising every partition is most of the split's time, and on an edit to main
// all but main's come out as before. So each library partition also gets its
// inputs (PackageModule::inputs): every definition it holds (owned, copied or
// available, with its linkage and visibility as split), a variable's contents by
// ConstantDigests (constant_digest.h), and the name of every symbol it refers to
// but does not define. SplitOptions::reuse sees the inputs before the partition is
// extracted and may answer that the caller already has its object. This rests on
// one property of ir/, which GOJIT_VERIFY_PARTITION_REUSE checks in the tests
// (package_objects.h): a function's body follows from its name, the library's
// sources and the lowering options (the caller's key covers the last two), since
// ir/ names functions after Go's symbols and numbers nothing across functions
// except locals, which Canonicalize renames. A variable's contents do not follow
// from its name (PtrToThis), hence the digests. main is never named so: its code
// is what changes.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace llvm {
class Module;
}  // namespace llvm

namespace gojit::jit {

struct PackageModule {
  std::string package;  // "main", "fmt", "internal/reflectlite", ...
  std::string bitcode;  // the partition's canonical module, serialized; empty if reused
  // The partition's inputs (above); empty for main, with no reuse callback, or
  // when a variable has no digest.
  std::string inputs;
  bool reused = false;  // SplitOptions::reuse took it: never extracted
};

struct SplitOptions {
  // Clone small functions across packages for inlining (pointless without
  // optimisation).
  bool inline_copies = true;
  // Every definition is main's, so the one module is the whole program (gojit's
  // --unit=program).
  bool whole_program = false;
  // Asked with a library partition's package and inputs before it is extracted;
  // true when the caller has its object already (the partition is then returned
  // with reused set and no bitcode). Unset: every partition is extracted and no
  // inputs are computed.
  std::function<bool(const std::string& package, const std::string& inputs)> reuse;
};

// The package a symbol belongs to: "main" for main's code and gojit's own symbols,
// else the Go package path at the start of the name ("" when there is none).
std::string PackageOfSymbol(std::string_view symbol);

// Splits module (modified: dead code dropped, cross-package locals made external)
// into one module per package, sorted by package. module stays valid and whole.
std::vector<PackageModule> SplitByPackage(llvm::Module& module, const SplitOptions& options);

inline std::vector<PackageModule> SplitByPackage(llvm::Module& module, bool inline_copies = true,
                                                 bool whole_program = false) {
  SplitOptions options;
  options.inline_copies = inline_copies;
  options.whole_program = whole_program;
  return SplitByPackage(module, options);
}

}  // namespace gojit::jit
