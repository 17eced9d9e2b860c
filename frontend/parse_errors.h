// Syntax errors in gc's words (internal to frontend/, includes ANTLR).
//
// GcErrorStrategy replaces ANTLR's reports ("mismatched input 'x' expecting ...")
// with the messages of cmd/compile/internal/syntax/parser.go: "syntax error:
// unexpected x at end of statement", "... in argument list; possibly missing comma
// or )", "non-declaration statement outside function body", ... chosen from the
// rule being parsed, the expected tokens and the neighbouring tokens. ANTLR's error
// recovery is kept; SyntaxErrorSink reports only the first error of a file.
//
// What it does not do: lexical errors (parser.cc) or the errors the AST builder
// finds in shapes the grammar accepts on purpose (ast_builder*.cc).
#pragma once

#include <string>

#include "antlr4-runtime.h"
#include "frontend/ast_builder.h"
#include "frontend/source.h"

namespace gojit::frontend {

class SyntaxErrorSink {
 public:
  SyntaxErrorSink(const PosMap& pos, Diagnostics& diags) : pos_(pos), diags_(diags) {}
  // Records a syntax error; only the first one of the parse reaches Diagnostics.
  void Report(Pos pos, std::string message);
  int count() const { return count_; }
  const PosMap& pos() const { return pos_; }

 private:
  const PosMap& pos_;
  Diagnostics& diags_;
  int count_ = 0;
};

class GcErrorStrategy : public antlr4::DefaultErrorStrategy {
 public:
  explicit GcErrorStrategy(SyntaxErrorSink* sink) : sink_(sink) {}
  void reportError(antlr4::Parser* parser, const antlr4::RecognitionException& e) override;

 protected:
  void reportUnwantedToken(antlr4::Parser* parser) override;
  void reportMissingToken(antlr4::Parser* parser) override;

 private:
  void Report(antlr4::Parser* parser, antlr4::Token* offending, antlr4::ParserRuleContext* ctx,
              const antlr4::misc::IntervalSet& expected);
  SyntaxErrorSink* sink_;
};

}  // namespace gojit::frontend
