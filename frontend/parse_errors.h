// Syntax errors in gc's words (internal to frontend/, includes ANTLR).
//
// GcErrorStrategy replaces ANTLR's reports ("mismatched input 'x' expecting ...")
// with the messages of cmd/compile/internal/syntax/parser.go: "syntax error:
// unexpected x at end of statement", "... in argument list; possibly missing comma
// or )", "non-declaration statement outside function body", ... chosen from the
// rule being parsed, the expected tokens and the neighbouring tokens.
//
// Recovery. gc's hand-written parser reports an error, skips to a synchronising
// token (advance(followlist): `;`, `}`, a statement or declaration keyword) and goes
// on, so a file with several broken statements gets one error for each. ANTLR's own
// recovery (single-token insertion/deletion, then consuming up to the follow set of
// the rule stack) resumes in the middle of the broken construct and reports its
// follow-ups instead, so it is not used. GcErrorStrategy reports the first error of
// a parse and stops it (ParseCancellationException), leaving a Resync: the tokens
// to take out of the stream so that the rest of the file parses as if the broken
// piece had never been written:
//  - an error inside a statement: the whole statement, up to the `;` at its own
//    bracket depth, the `}` closing its block or a `case`/`default`;
//  - an error in an argument list, parameter list or composite literal inside a
//    function: as gc's list(), the tokens up to the first `)`, `]`, `}` or
//    statement keyword at any depth; the list goes on if that is its closing
//    token, and a keyword gets stmtList's "unexpected if at end of statement";
//  - an error between statements (`x := 1 y`): from the error to that point;
//  - an error in a case/comm clause's head: the clause, up to the next clause;
//  - an error at file level: the declaration (or, outside any, the tokens from
//    the error) up to the next `func`, `var`, `const`, `type` or `import` that
//    starts a declaration at brace depth 0.
// parser.cc moves those tokens to kSkippedChannel and parses again, until a parse
// succeeds or cannot resynchronise. Each parse sees a syntactically plausible
// program, so its first error is a real one, not a cascade. The rejected
// alternatives: ANTLR's recovery with reports muted until the next statement
// boundary (the parse after recovery still wanders into the broken statement's
// follow-ups, e.g. `)` expected on the next line), and resuming a sub-rule
// (statementList) at the sync point (the rule stack above it is gone).
//
// What it does not do: lexical errors (parser.cc) or the errors the AST builder
// finds in shapes the grammar accepts on purpose (ast_builder*.cc).
#pragma once

#include <string>

#include "antlr4-runtime.h"
#include "frontend/ast_builder.h"
#include "frontend/source.h"

namespace gojit::frontend {

// The channel of tokens taken out of the stream by recovery (GoLexer uses 0-2).
inline constexpr size_t kSkippedChannel = 3;

class SyntaxErrorSink {
 public:
  SyntaxErrorSink(const PosMap& pos, Diagnostics& diags) : pos_(pos), diags_(diags) {}
  // Records a syntax error. Diagnostics keeps one per line, as gc prints them.
  void Report(Pos pos, std::string message);
  int count() const { return count_; }
  const PosMap& pos() const { return pos_; }

 private:
  const PosMap& pos_;
  Diagnostics& diags_;
  int count_ = 0;
};

// How gc's syntax errors name a token after "unexpected ": "name x", "keyword if",
// "literal 1", "newline", "EOF", "comma", or an operator as written.
std::string GcTokenString(const PosMap& pm, antlr4::Token* t);

// Token indices [from, to) to move to kSkippedChannel; empty when the parse
// cannot go on (the error is at EOF or in the package clause).
struct Resync {
  size_t from = 0;
  size_t to = 0;
  bool empty() const { return to <= from; }
};

// Reports the first syntax error of a parse in gc's words, then stops the parse
// with antlr4::ParseCancellationException; resync() says how to go on.
class GcErrorStrategy : public antlr4::DefaultErrorStrategy {
 public:
  explicit GcErrorStrategy(SyntaxErrorSink* sink) : sink_(sink) {}
  void reportError(antlr4::Parser* parser, const antlr4::RecognitionException& e) override;
  // Whether the last parse was stopped at a syntax error, and how to go on.
  bool stopped() const { return stopped_; }
  const Resync& resync() const { return resync_; }
  void Clear() {
    stopped_ = false;
    resync_ = {};
  }

 protected:
  void reportUnwantedToken(antlr4::Parser* parser) override;
  void reportMissingToken(antlr4::Parser* parser) override;

 private:
  // Reports, records the resync and throws.
  [[noreturn]] void Report(antlr4::Parser* parser, antlr4::Token* offending,
                           antlr4::ParserRuleContext* ctx, const antlr4::misc::IntervalSet& expected);
  // Words the error as gc does and hands it to the sink.
  void Describe(antlr4::Parser* parser, antlr4::Token* offending, antlr4::ParserRuleContext* ctx,
                const antlr4::misc::IntervalSet& expected);
  SyntaxErrorSink* sink_;
  size_t list_close_ = 0;  // set by Describe for an error in a gc list() (see FindResync)
  bool stopped_ = false;
  Resync resync_;
};

}  // namespace gojit::frontend
