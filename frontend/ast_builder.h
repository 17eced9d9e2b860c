// The parse tree to AST builder (internal to frontend/: it includes the generated
// ANTLR parser, so only parser.cc and the ast_builder*.cc files include it).
//
// AstBuilder walks the contexts of grammar/GoParser.g4 and creates the nodes of
// ast.h with go/ast's conventions: positions (BinaryExpr at the operator, CallExpr
// at '(', AssignStmt::tok_pos), unquoted import paths, verbatim literal text,
// implicit repetition of const specs (deep copies, so the checker can annotate each
// copy with its own iota), File::imports. It also reports the errors gc's parser
// reports for shapes that the grammar accepts on purpose (`a, b++`, `go x`,
// `for ...; ...; x := 1 {`, `x.(type)` outside a type switch, ...).
//
// The tree may be incomplete after a syntax error: every child pointer is checked,
// and a missing mandatory part becomes a BadExpr/BadStmt. The builder never throws.
//
// Split by concept: ast_builder.cc (files, declarations, positions),
// ast_builder_type.cc (types, fields, signatures), ast_builder_expr.cc
// (expressions, cloning), ast_builder_stmt.cc (statements).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "GoParser.h"
#include "absl/container/flat_hash_set.h"
#include "frontend/ast.h"
#include "frontend/source.h"

namespace gojit::frontend {

// Maps ANTLR character (code point) indices to gc positions (bytes, 1-based).
class PosMap {
 public:
  // `cp_offsets[i]` is the byte offset of code point i; one extra entry at the end
  // holds text.size().
  PosMap(FileId file, std::string_view text, std::vector<uint32_t> cp_offsets);
  Pos AtByte(size_t byte) const;
  Pos AtChar(size_t char_index) const;
  Pos Of(const antlr4::Token* t) const;
  // Position just after the token's last byte.
  Pos EndOf(const antlr4::Token* t) const;
  // The token's bytes in the source (a conjured "missing" token has none).
  std::string_view Text(const antlr4::Token* t) const;
  size_t ByteOf(size_t char_index) const;
  size_t CharCount() const { return cp_offsets_.size() - 1; }
  FileId file() const { return file_; }
  std::string_view text() const { return text_; }

 private:
  FileId file_;
  std::string_view text_;
  std::vector<uint32_t> cp_offsets_;
  std::vector<uint32_t> line_starts_;
};

class AstBuilder {
 public:
  using P = grammar::GoParser;
  // `report_errors`: false when the tree comes from ANTLR's error recovery, where
  // the builder's own errors would mostly be follow-ups. A tree parsed cleanly
  // after recovery skipped some tokens (parse_errors.h) is trustworthy.
  AstBuilder(const PosMap& pos, antlr4::TokenStream* tokens, AstArena& arena, Diagnostics& diags,
             bool report_errors)
      : pos_(pos), tokens_(tokens), arena_(arena), diags_(diags), report_errors_(report_errors) {}

  File* BuildFile(P::SourceFileContext* ctx);

  // ---- ast_builder.cc: declarations
  GenDecl* BuildImportDecl(P::ImportDeclContext* ctx, File* file);
  GenDecl* BuildDeclaration(P::DeclarationContext* ctx);
  FuncDecl* BuildFuncDecl(P::FunctionDeclContext* ctx);
  std::vector<Ident*> BuildIdentList(P::IdentifierListContext* ctx);
  std::vector<Expr*> BuildExprList(P::ExpressionListContext* ctx);
  antlr4::Token* FirstNonTypeToken(antlr4::ParserRuleContext* ctx);

  // ---- ast_builder_type.cc: types
  Expr* BuildType(P::Type_Context* ctx);
  Expr* BuildTypeName(P::TypeNameContext* ctx);
  Expr* BuildTypeArgs(Expr* x, P::TypeArgsContext* ctx);
  Expr* BuildTypeLit(P::TypeLitContext* ctx);
  Expr* BuildArrayType(P::ArrayTypeContext* ctx);
  Expr* BuildSliceType(P::SliceTypeContext* ctx);
  Expr* BuildMapType(P::MapTypeContext* ctx);
  Expr* BuildChannelType(P::ChannelTypeContext* ctx);
  Expr* BuildStructType(P::StructTypeContext* ctx);
  Expr* BuildInterfaceType(P::InterfaceTypeContext* ctx);
  // A signature's parts: `signature` (declarations, literals) and `functionType`
  // spell them separately (GoParser.g4 says why).
  FuncType* BuildFuncType(Pos pos, P::SignatureContext* ctx);
  FuncType* BuildFuncType(Pos pos, P::ParametersContext* params, P::ResultContext* result);
  std::vector<Field> BuildParameters(P::ParametersContext* ctx);
  std::vector<Field> BuildTypeParameters(P::TypeParametersContext* ctx);
  Expr* BuildTypeElem(P::TypeElemContext* ctx);

  // ---- ast_builder_expr.cc: expressions
  Expr* BuildExpr(P::ExpressionContext* ctx);
  Expr* BuildPrimary(P::PrimaryExprContext* ctx);
  Expr* BuildOperand(P::OperandContext* ctx);
  Expr* BuildBasicLit(P::BasicLitContext* ctx);
  Expr* BuildCompositeLit(P::CompositeLitContext* ctx);
  CompositeLit* BuildLiteralValue(Expr* type, Pos pos, P::LiteralValueContext* ctx);
  Expr* BuildFuncLit(P::FunctionLitContext* ctx);
  Expr* BuildTypeOperand(P::TypeOperandContext* ctx);
  // A deep copy of an expression (FuncLit bodies are shared).
  Expr* Clone(Expr* e);

  // ---- ast_builder_stmt.cc: statements
  BlockStmt* BuildBlock(P::BlockContext* ctx);
  std::vector<Stmt*> BuildStmtList(P::StatementListContext* ctx);
  Stmt* BuildStmt(P::StatementContext* ctx);
  Stmt* BuildSimpleStmt(P::SimpleStmtContext* ctx);
  // The switch or if header's condition statement as an expression, or null with
  // gc's "cannot use ... as value".
  Expr* CondExpr(Stmt* s);

  // ---- helpers
  Pos PosOf(antlr4::Token* t) const;
  Pos PosOf(antlr4::tree::TerminalNode* n) const;
  Pos PosOf(antlr4::ParserRuleContext* ctx) const;
  Ident* MakeIdent(antlr4::tree::TerminalNode* n);
  BadExpr* Bad(antlr4::ParserRuleContext* ctx);
  // Reports an error that gc's parser reports (suppressed when !report_errors).
  void Error(Pos pos, std::string message);
  // An error that gc reports only while type checking (types2), which does not run
  // after a syntax error: reported at the end of BuildFile if nothing else was.
  void LateError(Pos pos, std::string message);
  // The default-channel token after `t` (recovery may have skipped some).
  antlr4::Token* NextToken(antlr4::Token* t) const;
  Diagnostics& diags() { return diags_; }

 private:
  Stmt* BuildIf(P::IfStmtContext* ctx);
  Stmt* BuildSwitch(P::SwitchStmtContext* ctx);
  Stmt* BuildSelect(P::SelectStmtContext* ctx);
  Stmt* BuildFor(P::ForStmtContext* ctx);
  Expr* BuildCallStmtCall(antlr4::Token* kw, P::ExpressionContext* ctx);

  const PosMap& pos_;
  antlr4::TokenStream* tokens_;
  AstArena& arena_;
  Diagnostics& diags_;
  bool report_errors_;
  std::vector<std::pair<Pos, std::string>> late_errors_;
  // Every `x.(type)` built; a type switch takes its own out, the rest are misuse.
  absl::flat_hash_set<TypeAssertExpr*> type_switch_guards_;
};

// A short Go rendering of an expression for messages ("a.b", "x := 1").
std::string ExprString(const Expr* e);

}  // namespace gojit::frontend
