// The Go abstract syntax tree, modelled on Go's own go/ast package.
//
// The parse tree that ANTLR builds never leaves frontend/: ast_builder.cc turns it
// into these nodes, and every later phase (checker, ir/) sees only this file. Node
// kinds are listed once in ast_nodes.def so that a phase that switches over them
// fails to build when a kind is added and not handled.
//
// What this file does not do: resolve names or compute types. The checker fills in
// the annotation fields (Expr::type, Expr::constant, Ident::object, ...) in place;
// they are null until it has run.
//
// Invariants:
//  1. Every node is owned by the AstArena of its Package; pointers between nodes are
//     plain and never dangle while the arena lives.
//  2. A node's `pos` is the position of its first token, except BinaryExpr (the
//     operator), AssignStmt (the operator) and CallExpr (the open paren), as in go/ast.
//  3. Optional children are nullptr when absent; lists are never null (maybe empty).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "frontend/source.h"

namespace gojit::frontend {

class Type;
class Object;
struct ConstValue;
struct Scope;

enum class NodeKind : uint8_t {
#define GOJIT_AST_NODE(Name, Base) k##Name,
#include "frontend/ast_nodes.def"
};
const char* NodeKindName(NodeKind kind);

// Operator and keyword tokens the AST keeps (go/token's Token, the subset that
// survives parsing). Listed in ast_tokens.def with their spelling.
enum class Tok : uint8_t {
#define GOJIT_TOKEN(Name, Spelling) k##Name,
#include "frontend/ast_tokens.def"
};
const char* TokSpelling(Tok tok);

struct Node {
  explicit Node(NodeKind kind, Pos pos) : kind(kind), pos(pos) {}
  virtual ~Node() = default;
  NodeKind kind;
  Pos pos;
  // Checked downcasts: `node->As<CallExpr>()` returns null on a kind mismatch.
  template <typename T>
  T* As() {
    return T::Classof(this) ? static_cast<T*>(this) : nullptr;
  }
  template <typename T>
  const T* As() const {
    return T::Classof(this) ? static_cast<const T*>(this) : nullptr;
  }
  template <typename T>
  bool Is() const {
    return T::Classof(this);
  }
};

#define GOJIT_NODE_CLASSOF(Name) \
  static bool Classof(const Node* n) { return n->kind == NodeKind::k##Name; }

// ---------------------------------------------------------------- expressions
// Type expressions are expressions too (as in go/ast): ArrayType, MapType, ...

// How the checker classified an expression (go/types' operand modes, reduced).
enum class ExprMode : uint8_t {
  kInvalid,   // not checked, or an error was reported
  kNoValue,   // a call of a function without results
  kBuiltin,   // the name of a builtin function (only as the callee of a call)
  kTypeExpr,  // the expression denotes a type
  kConstant,  // a compile-time constant; Expr::constant holds it
  kVariable,  // addressable
  kMapIndex,  // m[k]: assignable, not addressable
  kValue,     // any other value
  kCommaOk,   // a value that may also be used as v, ok (map index, assert, recv)
  kPackage,   // the name of an imported package (only as the x of a selector)
};

struct Expr : Node {
  using Node::Node;
  static bool Classof(const Node* n) {
    switch (n->kind) {
#define GOJIT_AST_NODE(Name, Base) \
  case NodeKind::k##Name:          \
    return std::string_view(#Base) == "Expr";
#include "frontend/ast_nodes.def"
    }
    return false;
  }
  // Filled in by the checker.
  Type* type = nullptr;                     // the expression's type (after conversion
                                            // of untyped constants to their context)
  std::shared_ptr<const ConstValue> constant;  // when mode == kConstant
  ExprMode mode = ExprMode::kInvalid;
};

struct Ident : Expr {
  Ident(Pos pos, std::string name) : Expr(NodeKind::kIdent, pos), name(std::move(name)) {}
  GOJIT_NODE_CLASSOF(Ident)
  std::string name;        // "_" for the blank identifier
  Object* object = nullptr;  // checker: what the name denotes (null for "_" on a lhs)
  // Made by the checker, not the parser: one result of the multi-value call spread
  // over a built-in's arguments (CallExpr::spread). Typed already; its value comes
  // from the lowering of that call.
  bool spread_result = false;
};

// An integer, float, imaginary, rune or string literal, exactly as written.
enum class LitKind : uint8_t { kInt, kFloat, kImag, kChar, kString };
struct BasicLit : Expr {
  BasicLit(Pos pos, LitKind lit_kind, std::string text)
      : Expr(NodeKind::kBasicLit, pos), lit_kind(lit_kind), text(std::move(text)) {}
  GOJIT_NODE_CLASSOF(BasicLit)
  LitKind lit_kind;
  std::string text;  // the source text: `0x1p-2`, `'\n'`, "`raw`", "\"a\\tb\""
};

// `T{elts}`; type is null for an elided type inside another composite literal.
struct CompositeLit : Expr {
  CompositeLit(Pos pos) : Expr(NodeKind::kCompositeLit, pos) {}
  GOJIT_NODE_CLASSOF(CompositeLit)
  Expr* type_expr = nullptr;
  std::vector<Expr*> elts;  // KeyValueExpr for keyed elements
  Pos rbrace;
};

struct FuncType;
struct BlockStmt;
struct FuncLit : Expr {
  FuncLit(Pos pos) : Expr(NodeKind::kFuncLit, pos) {}
  GOJIT_NODE_CLASSOF(FuncLit)
  FuncType* func_type = nullptr;
  BlockStmt* body = nullptr;
};

struct ParenExpr : Expr {
  ParenExpr(Pos pos, Expr* x) : Expr(NodeKind::kParenExpr, pos), x(x) {}
  GOJIT_NODE_CLASSOF(ParenExpr)
  Expr* x;
};

// e without the parentheses around it: (x) and ((x)) are x.
inline Expr* Unparen(Expr* e) {
  while (auto* p = e->As<ParenExpr>()) e = p->x;
  return e;
}

// x.sel: a field, a method, a package member (fmt.Println) or a method expression.
struct SelectorExpr : Expr {
  SelectorExpr(Pos pos, Expr* x, Ident* sel)
      : Expr(NodeKind::kSelectorExpr, pos), x(x), sel(sel) {}
  GOJIT_NODE_CLASSOF(SelectorExpr)
  Expr* x;
  Ident* sel;
  // checker: for a field selection, the path of field indices through embedded
  // structs (implicit dereferences included); for methods, see `sel->object`.
  std::vector<int> path;
};

// x[i], or a generic instantiation x[T1, T2] (then indices.size() may exceed 1).
struct IndexExpr : Expr {
  IndexExpr(Pos pos, Expr* x) : Expr(NodeKind::kIndexExpr, pos), x(x) {}
  GOJIT_NODE_CLASSOF(IndexExpr)
  Expr* x;
  std::vector<Expr*> indices;
  Pos rbrack;
};

// x[lo:hi] or x[lo:hi:max]; absent bounds are null.
struct SliceExpr : Expr {
  SliceExpr(Pos pos, Expr* x) : Expr(NodeKind::kSliceExpr, pos), x(x) {}
  GOJIT_NODE_CLASSOF(SliceExpr)
  Expr* x;
  Expr* lo = nullptr;
  Expr* hi = nullptr;
  Expr* max = nullptr;
  bool slice3 = false;
};

// x.(T); type_expr is null for x.(type) in a type switch.
struct TypeAssertExpr : Expr {
  TypeAssertExpr(Pos pos, Expr* x, Expr* type_expr)
      : Expr(NodeKind::kTypeAssertExpr, pos), x(x), type_expr(type_expr) {}
  GOJIT_NODE_CLASSOF(TypeAssertExpr)
  Expr* x;
  Expr* type_expr;
};

// fun(args) or fun(args...). pos is the open paren (go/ast's Lparen); fun->pos
// is where the call starts.
struct CallExpr : Expr {
  CallExpr(Pos pos, Expr* fun) : Expr(NodeKind::kCallExpr, pos), fun(fun) {}
  GOJIT_NODE_CLASSOF(CallExpr)
  Expr* fun;
  std::vector<Expr*> args;
  bool has_ellipsis = false;  // f(xs...)
  Pos rparen;
  // checker: builtin(f()) with f returning several values. args then holds one
  // spread_result Ident per result and this is the call f() they come from.
  Expr* spread = nullptr;
};

// *x: a dereference or, in type context, a pointer type.
struct StarExpr : Expr {
  StarExpr(Pos pos, Expr* x) : Expr(NodeKind::kStarExpr, pos), x(x) {}
  GOJIT_NODE_CLASSOF(StarExpr)
  Expr* x;
};

// op x with op one of + - ! ^ & <- and, in constraints, ~.
struct UnaryExpr : Expr {
  UnaryExpr(Pos pos, Tok op, Expr* x) : Expr(NodeKind::kUnaryExpr, pos), op(op), x(x) {}
  GOJIT_NODE_CLASSOF(UnaryExpr)
  Tok op;
  Expr* x;
};

// x op y; pos is the operator's position (gc reports binary-operation errors there).
// In constraints, `A | B` is a BinaryExpr with op kOr.
struct BinaryExpr : Expr {
  BinaryExpr(Pos pos, Tok op, Expr* x, Expr* y)
      : Expr(NodeKind::kBinaryExpr, pos), op(op), x(x), y(y) {}
  GOJIT_NODE_CLASSOF(BinaryExpr)
  Tok op;
  Expr* x;
  Expr* y;
};

// key: value inside a composite literal.
struct KeyValueExpr : Expr {
  KeyValueExpr(Pos pos, Expr* key, Expr* value)
      : Expr(NodeKind::kKeyValueExpr, pos), key(key), value(value) {}
  GOJIT_NODE_CLASSOF(KeyValueExpr)
  Expr* key;
  Expr* value;
};

// ...T in a parameter list, or [...] as an array length (then elt is null).
struct Ellipsis : Expr {
  Ellipsis(Pos pos, Expr* elt) : Expr(NodeKind::kEllipsis, pos), elt(elt) {}
  GOJIT_NODE_CLASSOF(Ellipsis)
  Expr* elt;
};

// [len]elt, [...]elt (len is an Ellipsis) or []elt (len is null).
struct ArrayType : Expr {
  ArrayType(Pos pos, Expr* len, Expr* elt)
      : Expr(NodeKind::kArrayType, pos), len(len), elt(elt) {}
  GOJIT_NODE_CLASSOF(ArrayType)
  Expr* len;
  Expr* elt;
};

// One field group of a struct, parameter list or result list: `a, b int`,
// an embedded field (names empty), or an unnamed parameter (names empty).
struct Field {
  Pos pos;
  std::vector<Ident*> names;
  Expr* type_expr = nullptr;
  std::string tag;  // the struct tag's literal text, with quotes; empty if none
};

struct StructType : Expr {
  StructType(Pos pos) : Expr(NodeKind::kStructType, pos) {}
  GOJIT_NODE_CLASSOF(StructType)
  std::vector<Field> fields;
};

// func[TypeParams](Params) Results. For a FuncDecl the type params live here too.
struct FuncType : Expr {
  FuncType(Pos pos) : Expr(NodeKind::kFuncType, pos) {}
  GOJIT_NODE_CLASSOF(FuncType)
  std::vector<Field> type_params;
  std::vector<Field> params;
  std::vector<Field> results;
};

// interface { Method(x int) string; Embedded; ~int | string }.
// A method is a Field with one name and a FuncType; anything else (an embedded
// interface, a type union, a ~T term) is a Field without names.
struct InterfaceType : Expr {
  InterfaceType(Pos pos) : Expr(NodeKind::kInterfaceType, pos) {}
  GOJIT_NODE_CLASSOF(InterfaceType)
  std::vector<Field> elems;
};

struct MapType : Expr {
  MapType(Pos pos, Expr* key, Expr* value)
      : Expr(NodeKind::kMapType, pos), key(key), value(value) {}
  GOJIT_NODE_CLASSOF(MapType)
  Expr* key;
  Expr* value;
};

enum class ChanDir : uint8_t { kBoth, kSend, kRecv };
struct ChanType : Expr {
  ChanType(Pos pos, ChanDir dir, Expr* value)
      : Expr(NodeKind::kChanType, pos), dir(dir), value(value) {}
  GOJIT_NODE_CLASSOF(ChanType)
  ChanDir dir;
  Expr* value;
};

// A syntax error already reported; stands in for the missing expression.
struct BadExpr : Expr {
  BadExpr(Pos pos) : Expr(NodeKind::kBadExpr, pos) {}
  GOJIT_NODE_CLASSOF(BadExpr)
};

// ---------------------------------------------------------------- statements
struct Stmt : Node {
  using Node::Node;
  static bool Classof(const Node* n) {
    switch (n->kind) {
#define GOJIT_AST_NODE(Name, Base) \
  case NodeKind::k##Name:          \
    return std::string_view(#Base) == "Stmt";
#include "frontend/ast_nodes.def"
    }
    return false;
  }
};

struct GenDecl;
struct DeclStmt : Stmt {
  DeclStmt(Pos pos, GenDecl* decl) : Stmt(NodeKind::kDeclStmt, pos), decl(decl) {}
  GOJIT_NODE_CLASSOF(DeclStmt)
  GenDecl* decl;
};

struct EmptyStmt : Stmt {
  EmptyStmt(Pos pos) : Stmt(NodeKind::kEmptyStmt, pos) {}
  GOJIT_NODE_CLASSOF(EmptyStmt)
};

struct LabeledStmt : Stmt {
  LabeledStmt(Pos pos, Ident* label, Stmt* stmt)
      : Stmt(NodeKind::kLabeledStmt, pos), label(label), stmt(stmt) {}
  GOJIT_NODE_CLASSOF(LabeledStmt)
  Ident* label;
  Stmt* stmt;  // an EmptyStmt for a label right before `}`
};

struct ExprStmt : Stmt {
  ExprStmt(Pos pos, Expr* x) : Stmt(NodeKind::kExprStmt, pos), x(x) {}
  GOJIT_NODE_CLASSOF(ExprStmt)
  Expr* x;
};

struct SendStmt : Stmt {
  SendStmt(Pos pos, Expr* chan, Expr* value)
      : Stmt(NodeKind::kSendStmt, pos), chan(chan), value(value) {}
  GOJIT_NODE_CLASSOF(SendStmt)
  Expr* chan;
  Expr* value;
};

// x++ or x--; tok is kInc or kDec.
struct IncDecStmt : Stmt {
  IncDecStmt(Pos pos, Expr* x, Tok tok) : Stmt(NodeKind::kIncDecStmt, pos), x(x), tok(tok) {}
  GOJIT_NODE_CLASSOF(IncDecStmt)
  Expr* x;
  Tok tok;
};

// lhs tok rhs, tok one of = := += -= *= /= %= &= |= ^= <<= >>= &^=.
// pos is the first lhs expression's position; tok_pos the operator's.
struct AssignStmt : Stmt {
  AssignStmt(Pos pos, Tok tok) : Stmt(NodeKind::kAssignStmt, pos), tok(tok) {}
  GOJIT_NODE_CLASSOF(AssignStmt)
  std::vector<Expr*> lhs;
  Tok tok;
  Pos tok_pos;
  std::vector<Expr*> rhs;
};

// `go x` / `defer x`: x is the operand as written (parentheses removed, after the
// parser's "must not be parenthesized"); call is x when x is a call, else null and
// the checker reports "expression in go must be function call", as gc's types2 does.
struct GoStmt : Stmt {
  GoStmt(Pos pos, Expr* x) : Stmt(NodeKind::kGoStmt, pos), call(x ? x->As<CallExpr>() : nullptr), x(x) {}
  GOJIT_NODE_CLASSOF(GoStmt)
  CallExpr* call;
  Expr* x;
};

struct DeferStmt : Stmt {
  DeferStmt(Pos pos, Expr* x)
      : Stmt(NodeKind::kDeferStmt, pos), call(x ? x->As<CallExpr>() : nullptr), x(x) {}
  GOJIT_NODE_CLASSOF(DeferStmt)
  CallExpr* call;
  Expr* x;
};

struct ReturnStmt : Stmt {
  ReturnStmt(Pos pos) : Stmt(NodeKind::kReturnStmt, pos) {}
  GOJIT_NODE_CLASSOF(ReturnStmt)
  std::vector<Expr*> results;
};

// break, continue, goto, fallthrough; label may be null.
struct BranchStmt : Stmt {
  BranchStmt(Pos pos, Tok tok, Ident* label)
      : Stmt(NodeKind::kBranchStmt, pos), tok(tok), label(label) {}
  GOJIT_NODE_CLASSOF(BranchStmt)
  Tok tok;  // kBreak, kContinue, kGoto, kFallthrough
  Ident* label;
  Stmt* target = nullptr;  // checker: the statement left or continued, or the label's
};

struct BlockStmt : Stmt {
  BlockStmt(Pos pos) : Stmt(NodeKind::kBlockStmt, pos) {}
  GOJIT_NODE_CLASSOF(BlockStmt)
  std::vector<Stmt*> list;
  Pos rbrace;
};

struct IfStmt : Stmt {
  IfStmt(Pos pos) : Stmt(NodeKind::kIfStmt, pos) {}
  GOJIT_NODE_CLASSOF(IfStmt)
  Stmt* init = nullptr;
  Expr* cond = nullptr;
  BlockStmt* body = nullptr;
  Stmt* else_stmt = nullptr;  // an IfStmt or a BlockStmt, or null
};

// A case of an expression or type switch; list is empty for `default`.
struct CaseClause : Stmt {
  CaseClause(Pos pos) : Stmt(NodeKind::kCaseClause, pos) {}
  GOJIT_NODE_CLASSOF(CaseClause)
  std::vector<Expr*> list;
  bool is_default = false;
  std::vector<Stmt*> body;
  Object* implicit = nullptr;  // checker: the clause's `v` in `switch v := x.(type)`
};

struct SwitchStmt : Stmt {
  SwitchStmt(Pos pos) : Stmt(NodeKind::kSwitchStmt, pos) {}
  GOJIT_NODE_CLASSOF(SwitchStmt)
  Stmt* init = nullptr;
  Expr* tag = nullptr;  // null for `switch {`
  std::vector<CaseClause*> clauses;
  Pos rbrace;
};

// switch [init;] [v :=] x.(type) { ... }. assign is an ExprStmt holding the
// TypeAssertExpr, or an AssignStmt (tok kDefine) whose rhs is it.
struct TypeSwitchStmt : Stmt {
  TypeSwitchStmt(Pos pos) : Stmt(NodeKind::kTypeSwitchStmt, pos) {}
  GOJIT_NODE_CLASSOF(TypeSwitchStmt)
  Stmt* init = nullptr;
  Stmt* assign = nullptr;
  std::vector<CaseClause*> clauses;
  Pos rbrace;
};

// A case of a select; comm is a SendStmt, an ExprStmt (`<-c`), an AssignStmt
// (`v, ok := <-c` or `x = <-c`), or null for `default`.
struct CommClause : Stmt {
  CommClause(Pos pos) : Stmt(NodeKind::kCommClause, pos) {}
  GOJIT_NODE_CLASSOF(CommClause)
  Stmt* comm = nullptr;
  std::vector<Stmt*> body;
};

struct SelectStmt : Stmt {
  SelectStmt(Pos pos) : Stmt(NodeKind::kSelectStmt, pos) {}
  GOJIT_NODE_CLASSOF(SelectStmt)
  std::vector<CommClause*> clauses;
};

struct ForStmt : Stmt {
  ForStmt(Pos pos) : Stmt(NodeKind::kForStmt, pos) {}
  GOJIT_NODE_CLASSOF(ForStmt)
  Stmt* init = nullptr;
  Expr* cond = nullptr;
  Stmt* post = nullptr;
  BlockStmt* body = nullptr;
};

// for key, value := range x { }. key and value may be null; tok is kDefine,
// kAssign, or kIllegal when there is neither key nor value (`for range x`).
struct RangeStmt : Stmt {
  RangeStmt(Pos pos) : Stmt(NodeKind::kRangeStmt, pos) {}
  GOJIT_NODE_CLASSOF(RangeStmt)
  Expr* key = nullptr;
  Expr* value = nullptr;
  Tok tok = Tok::kIllegal;
  Expr* x = nullptr;
  BlockStmt* body = nullptr;
};

struct BadStmt : Stmt {
  BadStmt(Pos pos) : Stmt(NodeKind::kBadStmt, pos) {}
  GOJIT_NODE_CLASSOF(BadStmt)
};

// ---------------------------------------------------------------- declarations
struct Spec : Node {
  using Node::Node;
};

struct ImportSpec : Spec {
  ImportSpec(Pos pos) : Spec(NodeKind::kImportSpec, pos) {}
  GOJIT_NODE_CLASSOF(ImportSpec)
  Ident* name = nullptr;  // `f "fmt"`, `. "fmt"` or `_ "fmt"`; null if absent
  std::string path;       // unquoted
  Pos path_pos;
};

// A const or var spec: names [type] [= values]. For a const spec that repeats the
// previous one implicitly, type_expr and values are copied from it (go/parser does
// the same) and `implicit` is set. iota is the spec's index in its group.
struct ValueSpec : Spec {
  ValueSpec(Pos pos) : Spec(NodeKind::kValueSpec, pos) {}
  GOJIT_NODE_CLASSOF(ValueSpec)
  std::vector<Ident*> names;
  Expr* type_expr = nullptr;
  std::vector<Expr*> values;
  int iota = 0;
  bool implicit = false;
};

struct TypeSpec : Spec {
  TypeSpec(Pos pos) : Spec(NodeKind::kTypeSpec, pos) {}
  GOJIT_NODE_CLASSOF(TypeSpec)
  Ident* name = nullptr;
  std::vector<Field> type_params;
  bool is_alias = false;  // type A = B
  Expr* type_expr = nullptr;
};

struct Decl : Node {
  using Node::Node;
};

// import, const, type or var, with or without parentheses.
struct GenDecl : Decl {
  GenDecl(Pos pos, Tok tok) : Decl(NodeKind::kGenDecl, pos), tok(tok) {}
  GOJIT_NODE_CLASSOF(GenDecl)
  Tok tok;  // kImport, kConst, kType, kVar
  std::vector<Spec*> specs;
};

struct FuncDecl : Decl {
  FuncDecl(Pos pos) : Decl(NodeKind::kFuncDecl, pos) {}
  GOJIT_NODE_CLASSOF(FuncDecl)
  Field* recv = nullptr;  // the receiver, or null for a function
  Ident* name = nullptr;
  FuncType* func_type = nullptr;
  BlockStmt* body = nullptr;  // null for a body-less declaration (a native)
  Object* object = nullptr;   // checker
};

// One source file.
struct File {
  FileId file_id;
  Ident* package_name = nullptr;
  std::vector<ImportSpec*> imports;  // also present inside `decls`
  std::vector<Decl*> decls;
};

// Owns every node of a parse. Nodes are created with `arena.New<T>(args...)`.
class AstArena {
 public:
  template <typename T, typename... Args>
  T* New(Args&&... args) {
    auto node = std::make_unique<T>(std::forward<Args>(args)...);
    T* raw = node.get();
    nodes_.push_back(std::move(node));
    return raw;
  }
  Field* NewField() {
    fields_.push_back(std::make_unique<Field>());
    return fields_.back().get();
  }
  // Calls f(node) for every node made so far, in creation order.
  template <typename F>
  void ForEachNode(F&& f) const {
    for (const auto& n : nodes_) f(n.get());
  }
  // The File of a parse (File is not a Node).
  File* NewFile() {
    files_.push_back(std::make_unique<File>());
    return files_.back().get();
  }
  // Takes every node of `other` (a parse made apart, on another thread), after
  // this arena's own: creation order is this arena's, then other's.
  void Absorb(AstArena&& other) {
    for (auto& n : other.nodes_) nodes_.push_back(std::move(n));
    for (auto& f : other.fields_) fields_.push_back(std::move(f));
    for (auto& f : other.files_) files_.push_back(std::move(f));
    other.nodes_.clear();
    other.fields_.clear();
    other.files_.clear();
  }

 private:
  std::vector<std::unique_ptr<Node>> nodes_;
  std::vector<std::unique_ptr<Field>> fields_;
  std::vector<std::unique_ptr<File>> files_;
};

// Where an expression's text begins: its leftmost operand's start for calls,
// selectors, index and slice expressions, type assertions, binary expressions,
// key-value pairs and typed composite literals (whose own position is their
// operator, parenthesis or brace), as gc's syntax.StartPos computes it for the
// positions of its type errors.
Pos StartPos(const Expr* e);

}  // namespace gojit::frontend
