// Compiling a program package by package: what makes an edit to main cost the
// compile of main, not of every library package it reaches.
//
// CompileByPackage splits the lowered program (package_split.h), names each
// package's module by its content (ProgramCache::ContentKey over the canonical
// bitcode, the optimisation level and the other code-changing options), takes
// every object the cache already holds, and compiles the rest, each in an
// LLVMContext of its own, on as many threads as the host has cores (at most one
// per package). Each is compiled under its cache entry's lock and stored before
// the lock goes (ProgramCache::LockEntry): two processes that need the same
// package at the same time compile it once, and the second takes the object. The objects are then linked into one JIT by name, in package
// order. Because a package's key is its code (its own functions, the constants and
// ODR definitions it uses, the bodies it may inline), an object is reused exactly
// when compiling again would give the same object, whatever changed elsewhere: a
// one-line edit to main recompiles main, and whatever instances of generic code or
// inlined bodies changed with it.
//
// Library partitions named by their inputs (package_split.h). With a library key
// (PackageCompileOptions::library_key: every source the program's library
// packages are built from, and the options), each library partition's inputs are
// looked up before it is extracted: the cache entry under InputsKey(library key,
// package, inputs) holds the content key its bitcode had when those inputs were
// last seen, and when that object is in the cache it is taken as it stands. This
// is what makes an edit to main skip extracting, canonicalising and serialising
// the 170 library partitions of a program importing net/http (3.4 s of 11). After
// the split, every library partition that was extracted records its inputs' entry.
// GOJIT_VERIFY_PARTITION_REUSE=1 (the tests set it) extracts every partition all
// the same and fails the run if one named by its inputs had other code.
//
// The program cache's entry for a whole program (keyed as before by its sources)
// is then a manifest of its packages' keys (EncodeManifest); a hit reads each
// package's object, and a manifest whose objects are gone is a miss.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace llvm {
class Module;
}  // namespace llvm

namespace gojit::jit {

class ProgramCache;

struct PackageObject {
  std::string package;  // "main", "fmt", ...
  std::string key;      // its content key
  std::string object;   // relocatable ELF
  bool cached = false;  // taken from the cache, not compiled
  bool reused = false;  // named by its inputs, never extracted (implies cached)
  double seconds = 0;   // time to optimise and generate it (0 when cached)
};

struct PackageCompileOptions {
  int opt_level = 2;
  // Besides the bitcode, what changes an object (e.g. "opt=2"); ContentKey adds
  // gojit's executable and the host.
  std::vector<std::string> key_options;
  ProgramCache* cache = nullptr;  // nullptr: compile everything, store nothing
  unsigned threads = 0;           // 0: one per core
  // One module for the whole program (SplitByPackage's whole_program): optimised
  // across packages, compiled and cached as one object.
  bool whole_program = false;
  // Empty, or a key over everything the program's packages other than main are
  // built from; with a cache, it turns on naming library partitions by inputs.
  std::string library_key;
  // Extract partitions named by their inputs too, and fail if their code is not
  // the code their inputs named.
  bool verify_reuse = false;
};

// Splits module (which it changes, see SplitByPackage) and returns every
// package's object, in package order.
absl::StatusOr<std::vector<PackageObject>> CompileByPackage(llvm::Module& module,
                                                            const PackageCompileOptions& options);

// The program cache entry listing a program's package objects.
std::string EncodeManifest(const std::vector<PackageObject>& objects);

// The (package, key) pairs of a manifest; nullopt if text is not one.
std::optional<std::vector<std::pair<std::string, std::string>>> DecodeManifest(
    std::string_view text);

}  // namespace gojit::jit
