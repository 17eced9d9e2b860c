// Named language entities (objects), lexical scopes and packages (after go/types).
//
// Every identifier that declares something gets an Object; every identifier that
// uses something points at one (Ident::object). Scopes nest: universe -> package ->
// file -> function -> blocks. A scope maps names to objects and knows its parent;
// lookups walk outwards.
//
// Invariants:
//  1. Objects and scopes are owned by the Program and outlive every AST that uses them.
//  2. A Var's `escapes` is final once the checker has finished its function: ir/
//     puts escaping variables on the heap and everything else in SSA values.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "frontend/ast.h"
#include "frontend/constant.h"
#include "frontend/types.h"

namespace gojit::frontend {

struct Package;

enum class ObjectKind : uint8_t {
  kConst, kTypeName, kVar, kFunc, kPkgName, kBuiltin, kNil, kLabel,
};

// The builtin functions, listed once.
enum class BuiltinId : uint8_t {
#define GOJIT_BUILTIN(Name, Spelling) k##Name,
#include "frontend/builtins.def"
};

// The builtin that a callee of mode kBuiltin names: `len`, `(len)`, `unsafe.Sizeof`.
BuiltinId BuiltinOf(Expr* fun);

class Object {
 public:
  Object(ObjectKind kind, std::string name, Pos pos, Package* pkg)
      : kind(kind), name(std::move(name)), pos(pos), pkg(pkg) {}
  ObjectKind kind;
  std::string name;
  Pos pos;
  Package* pkg;  // null for universe objects
  Type* type = nullptr;

  // kConst
  std::shared_ptr<const ConstValue> constant;
  // kVar
  bool is_global = false;
  bool is_param = false;
  bool is_field = false;
  bool used = false;      // for "declared and not used"
  bool escapes = false;   // address taken or captured by a closure: lives on the heap
  // kFunc
  FuncDecl* decl = nullptr;
  Type* recv_type = nullptr;  // methods: T or *T
  bool pointer_recv = false;
  // Generics (checker_generic.cc). A generic function, a method of a generic type,
  // or a generic type: instantiated from its declaration, resolved in generic_scope
  // (its file's scope). A generic function's type has its type_params in it.
  bool generic = false;
  Scope* generic_scope = nullptr;
  std::vector<TypeParam*> type_params;
  // An instance (function or method): its body is checked in this scope, which
  // binds the type parameters' names to the type arguments.
  Scope* instance_scope = nullptr;
  // kTypeName: a type parameter's name bound to a type argument in an instance.
  bool type_param_binding = false;
  // kTypeName: a generic alias (Go 1.24, `type Set[T comparable] = map[T]bool`):
  // type_params are its parameters and type the aliased type written in terms of
  // them; Set[string] is that type with the arguments substituted.
  bool generic_alias = false;
  // An instance's type arguments; also on a kTypeName declared in an instance's
  // body, whose name carries them (main.pair[int]).
  std::vector<Type*> instance_args;
  int instance_depth = 0;        // an instance made while checking another: its depth + 1
  bool cycle_reported = false;   // a generic: "instantiation cycle" said once
  // kPkgName
  Package* imported = nullptr;
  // kBuiltin
  BuiltinId builtin{};
  // kLabel
  Stmt* label_stmt = nullptr;

  // Declaration state during package-level checking (go/types' object colors).
  enum class Color : uint8_t { kWhite, kGrey, kBlack } color = Color::kBlack;
  // For package-level objects: what to check to resolve it.
  ValueSpec* value_spec = nullptr;
  TypeSpec* type_spec = nullptr;
  int spec_index = 0;  // the object's index in value_spec->names

  // The symbol a `//go:linkname name symbol` directive gives a package-level
  // function or variable ("runtime.divideError"); empty without one.
  std::string linkname;

  // The name ir/ and tracebacks use: "main.f", "main.T.String", "main.(*T).Set",
  // or the linkname when there is one (two objects with one link name are one
  // symbol: a declaration pulling it and the definition it names).
  std::string LinkName() const;
};

struct Scope {
  explicit Scope(Scope* parent) : parent(parent) {}
  Scope* parent;
  absl::flat_hash_map<std::string, Object*> names;
  std::vector<Object*> ordered;  // insertion order, for deterministic reports
  // The outermost scope of a function body, or of the body of a range-over-func
  // loop (which runs as the yield function): variables declared outside it and used
  // inside are captured by reference, so they escape.
  bool is_func = false;
  // Returns the previous object of that name in this scope, or null after inserting.
  Object* Insert(Object* obj);
  Object* LookupLocal(const std::string& name) const;
  Object* Lookup(const std::string& name) const;
};

struct Package {
  std::string path;  // "main", "fmt", "unicode/utf8"
  std::string name;
  std::vector<File*> files;
  Scope* scope = nullptr;
  std::vector<Package*> imports;
  // Package-level variables in initialisation order (the checker computes it), and
  // the init functions in source order.
  std::vector<ValueSpec*> var_init_order;
  std::vector<FuncDecl*> init_funcs;
  std::vector<Object*> funcs;  // every function and method with a body or native
  bool is_stdlib = false;
  // //go:embed (checker_embed.cc): the package's directory and the files each
  // pattern names there, as package_graph.h resolved them.
  std::string dir;
  std::map<std::string, std::vector<std::string>> embed_patterns;
};

}  // namespace gojit::frontend
