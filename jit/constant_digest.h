// A digest of a global variable's contents that does not depend on the names ir/
// gave the module's local constants, so that two lowerings of the same library
// code in different programs (or one program before and after an edit to main)
// give equal digests exactly when the variables hold the same thing.
//
// Why it is needed: package_split.h names a library partition by its inputs (the
// definitions it holds and the symbols it refers to) to skip extracting it. A
// function's body follows from its name and the library's sources, but a
// variable's contents need not: a type descriptor's PtrToThis is filled only when
// the program also uses the pointer type (ir/type_descriptors.cc,
// LinkPointerDescriptors), so `type:int` differs between a program that uses *int
// and one that does not. Those contents are what this digest covers.
//
// The digest is of a serialisation of the initializer: types by structure (not by
// name), integers and floats by value, data arrays by bytes, aggregates and
// constant expressions by their operands (with the opcode, the GEP source type and
// the optional flags), a global with local linkage by its own contents (locals are
// renamed by order of lowering, so their names mean nothing), and any other global
// by its name. It is XXH3-128 of that serialisation: a collision is as likely as
// a random one of 128 bits.
//
// Invariant: Of(v) is nullopt for a constant kind the serialisation does not know
// (block addresses, tokens) and for locals that contain themselves through other
// locals (the digest would depend on which was met first); the caller then treats
// v as having no stable digest.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace llvm {
class Constant;
class GlobalVariable;
class Type;
}  // namespace llvm

namespace gojit::jit {

class ConstantDigests {
 public:
  // 16 bytes: the digest of v's initializer, linkage-independent attributes
  // (constness, alignment, section, thread-local mode) included; "" for a
  // declaration. Memoised per variable.
  std::optional<std::string> Of(const llvm::GlobalVariable& v);

 private:
  bool AppendConstant(const llvm::Constant* c, std::string& out);
  void AppendType(llvm::Type* t, std::string& out);

  std::unordered_map<const llvm::GlobalVariable*, std::optional<std::string>> memo_;
  std::unordered_map<llvm::Type*, std::string> types_;
  std::unordered_set<const llvm::GlobalVariable*> in_progress_;  // to find cycles of locals
};

}  // namespace gojit::jit
