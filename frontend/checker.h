// The type checker: resolves names, computes types and constant values, and reports
// gc's errors. Internal to frontend/ (program.h is the public face).
//
// Structure (after go/types): package-level objects are collected first and resolved
// lazily, in any order, with a grey/black colouring that detects invalid cycles;
// function bodies are checked after every package-level declaration is resolved.
// Expressions are checked bottom-up; an untyped constant keeps its untyped type until
// its context converts it (assignment, operand of a typed binary operation, argument),
// at which point Convert() checks representability and records the final type.
//
// The checker is split by concept: checker_decl.cc (declarations, types, package
// order), checker_expr.cc (operands and operators), checker_call.cc (calls, builtins,
// conversions), checker_builtin.cc (builtins), checker_unsafe.cc (package unsafe's
// functions), checker_stmt.cc (statements and function bodies).
//
// checker_generic.cc instantiates generics (see there).
//
// What it does not do yet: escape analysis beyond "address taken or captured =>
// escapes".
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "frontend/program.h"

namespace gojit::frontend {

class Checker {
 public:
  Checker(Program& program, Package* pkg);
  void Run();

 private:
  friend class StmtChecker;

  // --- diagnostics
  template <typename... Args>
  void Errorf(Pos pos, const absl::FormatSpec<Args...>& format, const Args&... args) {
    program_.diags.Error(pos, absl::StrFormat(format, args...));
  }
  void Unsupported(Pos pos, std::string_view what);
  // How gc describes an operand in messages: `x (variable of type int)`,
  // `5 (untyped int constant)`, `"a" (untyped string constant)`.
  std::string Describe(Expr* e);
  // "type []int", "struct type T", "int type MyInt", "type T constrained by any":
  // how gc 1.26 names an operand's type after "of" in Describe.
  std::string OperandType(Type* t);
  std::string ExprString(Expr* e);
  // For "f returns 2 values": the callee of a call, else the expression.
  std::string CalleeString(Expr* e) {
    auto* c = e->As<CallExpr>();
    return c ? ExprString(c->fun) : ExprString(e);
  }

  // --- declarations (checker_decl.cc)
  void CollectObjects();
  void ApplyLinknames();
  void ApplyEmbeds();  // checker_embed.cc
  void CollectFile(File* file, Scope* file_scope);
  void ResolveObject(Object* obj);
  void ResolveConst(Object* obj);
  void ResolveVar(Object* obj);
  void ResolveTypeName(Object* obj);
  void ResolveFunc(Object* obj);
  Type* ResolveType(Expr* e);  // a type expression; reports "x is not a type"
  Func* ResolveSignature(FuncType* ft, Field* recv, Scope* scope,
                         std::vector<Object*>* params, std::vector<Object*>* results);
  void CheckUnusedImports();
  void ComputeInitOrder();
  void DeclareLocal(Scope* scope, Object* obj);
  bool IsLargeElemChan(Type* t);
  void ReportLargeElemChans();

  // --- expressions (checker_expr.cc)
  // Checks e. hint is the type the context expects, used only for composite
  // literal elision and function literals; it does not convert.
  void CheckExpr(Expr* e, Type* hint = nullptr);
  // CheckExpr, then requires a single value (not a type, package or no-value).
  bool CheckValue(Expr* e, Type* hint = nullptr);
  // The second half of CheckValue, for an expression already checked.
  bool RequireValue(Expr* e);
  bool CheckSingleRhs(Expr* e, Type* hint, Pos pos);
  void MismatchError(Pos pos, size_t nvars, Expr* rhs, size_t nvalues);
  void CheckIdent(Ident* e);
  void CheckBasicLit(BasicLit* e);
  void CheckBinary(BinaryExpr* e);
  void CheckShift(BinaryExpr* e);
  void CheckComparison(BinaryExpr* e);
  bool IsNil(Expr* e);
  void CheckUnary(UnaryExpr* e);
  void CheckSelector(SelectorExpr* e);
  void CheckIndex(IndexExpr* e);
  void CheckSliceExpr(SliceExpr* e);
  bool CheckConstantSliceIndices(SliceExpr* e, Type* u);
  void CheckCompositeLit(CompositeLit* e, Type* hint);  // checker_composite.cc
  void CheckStructLit(CompositeLit* e, Type* t, Struct* st);
  bool CheckStructLitValue(Expr* value, Type* field_type);
  std::string StructLitKeyError(Type* t, const std::vector<StructField>& fields, const std::string& key);
  int64_t CheckIndexedElts(const std::vector<Expr*>& elts, Type* elem, int64_t length);
  void CheckMapLit(CompositeLit* e, Map* m);
  void CheckFuncLit(FuncLit* e);
  void CheckStar(StarExpr* e);
  void CheckTypeAssert(TypeAssertExpr* e);
  // Converts an operand to type t as an assignment does (untyped constants become
  // typed; values must be assignable). context is gc's phrase: "assignment",
  // "argument", "return statement", "variable declaration".
  bool Assign(Expr* e, Type* t, std::string_view context);
  // Gives an untyped operand the type t (representability checked). Returns false
  // after reporting an error.
  bool Convert(Expr* e, Type* t);
  // Gives an untyped operand its default type.
  void DefaultConvert(Expr* e);
  bool NewOfValue(Expr* a);
  std::string SummaryTypeString(Type* t);
  bool Representable(Expr* e, const ConstValue& v, Type* t, ConstValue* rounded,
                     std::string* why);
  bool Assignable(Type* from, Expr* e, Type* to, std::string* reason);
  bool Implements(Type* t, Interface* iface, std::string* missing);
  // Implements' `missing` as gc 1.26 appends it to "T does not implement I":
  // " (missing method M)", or " (wrong type for method M)" and the have/want lines.
  static std::string MissingNote(const std::string& missing);
  void SetConst(Expr* e, Type* t, ConstValue v);
  void MarkUsed(Expr* e);
  void MarkAddressTaken(Expr* e);

  // --- calls (checker_call.cc)
  void CheckCall(CallExpr* e);
  void CheckConversion(CallExpr* e, Type* t);
  void CheckBuiltin(CallExpr* e, BuiltinId id);
  void CheckUnsafeBuiltin(CallExpr* e, BuiltinId id);  // checker_unsafe.cc
  // A length operand of unsafe.Add/Slice/String (go/types' isValidIndex).
  bool CheckLength(Expr* y, bool allow_negative);
  // args_checked: the arguments were checked already (a generic call's inference).
  void CheckArguments(CallExpr* e, Func* sig, std::string_view callee, bool args_checked = false);
  // Method or field lookup on a type (embedded fields included).
  struct Selection {
    Object* obj = nullptr;  // a field Var or a method Func
    std::vector<int> path;  // field indices through embedded structs
    bool indirect = false;  // a pointer was dereferenced on the way
  };
  bool LookupFieldOrMethod(Type* t, const std::string& name, Selection* sel);
  // Whether this package may select member (a field or method found by the lookup).
  bool Accessible(const Object* member) const;
  // Records that decl_ refers to method m of a concrete type of this package
  // (method value, call or expression): its body counts for the init order.
  void AddMethodDep(Object* m);

  // --- generics (checker_generic.cc)
  using TypeMap = std::map<TypeParam*, Type*>;
  std::vector<TypeParam*> DeclareTypeParams(const std::vector<Field>& fields, Scope* scope,
                                            std::vector<TypeParam*>* publish = nullptr);
  Interface* ResolveConstraint(Expr* e);
  void AddUnionTerms(Expr* e, std::vector<TypeTerm>* terms, std::vector<Expr*>* term_exprs);
  void CheckUnionOverlap(const std::vector<TypeTerm>& terms, const std::vector<Expr*>& term_exprs);
  void AddInterfaceElem(Expr* e, std::vector<InterfaceMethod>* methods,
                        std::vector<std::vector<TypeTerm>>* unions, bool* comparable);
  void ResolveGenericTypeName(Object* obj);
  void ResolveGenericAlias(Object* obj);
  Type* Subst(Type* t, const TypeMap& m);
  Named* InstantiateType(Named* origin, std::vector<Type*> args);
  void CompletePendingInstances();
  void ExpandPendingMethods();
  void ExpandMethods(Named* inst);
  Scope* BindTypeArgs(Scope* parent, const std::vector<Ident*>& names, const std::vector<Type*>& args);
  Object* InstantiateFunc(Object* generic, std::vector<Type*> args, const std::vector<Pos>& positions);
  void CheckInstanceBodies();
  void MarkImportsUsedByGenerics();
  bool Satisfies(Type* t, Interface* c, const std::string& cname, std::string* why);
  bool VerifyTypeArgs(const std::vector<TypeParam*>& tps, const std::vector<Type*>& args,
                      const std::vector<Pos>& positions);
  bool Unify(Type* x, Type* y, TypeMap& m);
  void CoreTypeInference(const std::vector<TypeParam*>& tps, TypeMap& m);
  void InferFromTarget(Expr* e, Type* target);
  bool InferTypeArgs(CallExpr* e, Object* generic, std::vector<Type*>* targs,
                     const std::vector<Type*>& arg_types);
  Object* GenericFuncOf(Expr* fun);
  std::vector<Type*> ExplicitTypeArgs(IndexExpr* e);
  void CheckGenericIndex(IndexExpr* e, Object* generic);
  void CheckGenericTypeIndex(IndexExpr* e, Named* origin);
  void CheckGenericAliasIndex(IndexExpr* e, Object* alias);
  bool CheckGenericCall(CallExpr* e, Object* generic);
  // Instances whose origin's underlying type is not resolved yet; instances whose
  // methods wait for the origin's methods to be collected; instance bodies to check;
  // constraint checks that wait for methods (see checker_generic.cc).
  std::vector<Named*> pending_instances_;
  std::vector<Named*> unexpanded_;
  std::vector<Object*> pending_bodies_;
  struct PendingVerify {
    std::vector<TypeParam*> tps;
    std::vector<Type*> args;
    std::vector<Pos> positions;
  };
  std::vector<PendingVerify> pending_verify_;
  bool methods_collected_ = false;  // every method of this package is attached
  // While an instance's body is checked: what gc cannot know in the generic body
  // (T(0) and int(0) as duplicate cases, an impossible x.(T)) is no error.
  bool checking_instance_ = false;
  std::vector<Type*> instance_args_;  // the type arguments of that instance
  // How deep instances nest (the instance whose body is being checked, and
  // instances being expanded inside one another): past the limit, gc's
  // "instantiation cycle".
  static constexpr int kMaxInstanceDepth = 64;
  int instance_depth_ = 0;
  int type_expansion_depth_ = 0;
  std::map<IndexExpr*, std::vector<Type*>> partial_targs_;  // F[int] of F[K, V]
  // While a constraint is resolved, interfaces with type sets are allowed as types.
  int in_constraint_ = 0;
  struct ConstraintContext {
    explicit ConstraintContext(Checker* c) : c(c) { ++c->in_constraint_; }
    ~ConstraintContext() { --c->in_constraint_; }
    Checker* c;
  };

  // --- statements (checker_stmt.cc)
  // Checks the body of a function declaration, its parameters declared in a scope
  // inside `scope`.
  void CheckFuncDeclBody(Object* fn, Scope* scope);
  struct FuncContext {
    Func* sig = nullptr;
    std::vector<Object*> results;  // result variables (named or not)
    bool named_results = false;
    FuncContext* outer = nullptr;  // enclosing function for closures
    Scope* scope = nullptr;        // the function's outermost scope
    std::map<std::string, Object*> labels;
    std::vector<Object*> locals;   // every local var, for "declared and not used"
  };
  void CheckFuncBody(Func* sig, const std::vector<Object*>& params,
                     const std::vector<Object*>& results, BlockStmt* body, bool named_results);
  void CheckBlock(BlockStmt* block, Scope* scope);
  void CheckStmtList(const std::vector<Stmt*>& list, Scope* scope);
  void CheckStmt(Stmt* s, Scope* scope);
  void CheckAssign(AssignStmt* s, Scope* scope);
  void CheckDefine(AssignStmt* s, Scope* scope);
  void CheckReturn(ReturnStmt* s);
  void CheckIf(IfStmt* s, Scope* scope);
  void CheckFor(ForStmt* s, Scope* scope);
  void CheckRange(RangeStmt* s, Scope* scope);
  void CheckSwitch(SwitchStmt* s, Scope* scope);
  void CheckTypeSwitch(TypeSwitchStmt* s, Scope* scope);
  void CheckSelect(SelectStmt* s, Scope* scope);
  void ReportMultipleDefaults(Pos pos, std::optional<Pos>* first);
  void CheckBranch(BranchStmt* s);
  void CheckLocalDecl(GenDecl* d, Scope* scope);
  void CheckLabels(BlockStmt* body);
  bool IsTerminating(Stmt* s, const std::string& label);
  bool IsTerminatingList(const std::vector<Stmt*>& list);
  bool HasBreak(Stmt* s, Stmt* target, bool implicit);
  // The innermost enclosing statements for break/continue resolution.
  struct BranchTarget {
    Stmt* stmt;
    std::string label;
    bool is_loop;
  };

  Program& program_;
  TypeTable& types_;
  Package* pkg_;
  // Named types declared as another named type whose declaration was still being
  // resolved, with that type (ResolveTypeName).
  std::vector<std::pair<Named*, Named*>> pending_underlying_;
  // Map key types that were still being declared where the map type was written
  // (`type S struct{ m map[S]int }`): their comparability is known once the
  // declaration is complete (ReportPendingMapKeys), as types2's check.later.
  std::vector<std::pair<Type*, Pos>> pending_map_keys_;
  void ReportPendingMapKeys();
  // An expression checked ahead of its turn (a built-in's sole argument, to see
  // whether it is a multi-value call): the next CheckExpr of it keeps the result.
  Expr* prechecked_ = nullptr;
  void ReportTypeCycles();
  void ReportContainmentCycles();
  bool TooLarge(Type* elem, int64_t n);
  void ReportRecursiveType(const std::vector<Named*>& cycle);
  void ReportRecursiveType(std::vector<Object*> cycle);
  std::vector<Object*> TypePathFrom(Object* obj);
  // Package-level type names being resolved, outermost first (ResolveObject).
  std::vector<Object*> type_path_;
  std::vector<Object*> pkg_objects_;  // package-level objects in source order
  std::map<Object*, Scope*> file_scope_of_;  // for resolving a package-level decl
  Scope* scope_ = nullptr;           // the scope expressions are resolved in
  FuncContext* func_ = nullptr;
  std::vector<BranchTarget> targets_;
  // Initialisation dependencies: the package-level object being resolved, and what
  // each package-level var or func refers to.
  Object* decl_ = nullptr;
  std::map<Object*, std::set<Object*>> deps_;
  int iota_ = -1;  // the current iota while checking a const spec; -1 outside
  std::map<std::string, Object*> imports_used_;
  // The dot imports of the package's files: their exported objects are in the
  // file's scope; `used` once an identifier of that file resolves to one.
  struct DotImport {
    Package* imported;
    Scope* file_scope;
    Pos pos;
    bool used = false;
  };
  std::vector<DotImport> dot_imports_;
};

}  // namespace gojit::frontend
