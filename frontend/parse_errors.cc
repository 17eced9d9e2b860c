// gc-worded syntax errors for the ANTLR parser (see parse_errors.h).
//
// The wording is gc's (cmd/compile/internal/syntax, Go 1.26): the offending token is
// described as gc's syntaxErrorAt does ("name x", "keyword if", "literal 1",
// "newline", "EOF", "comma", an operator as written) and the
// rest of the message is picked from the rule ANTLR was in when it failed, which
// maps onto the gc function that would have failed at the same token: eos inside a
// statement list is stmtList's "at end of statement", arguments is argList's list
// context, and so on. Unknown situations fall back to "unexpected X" with the
// expected token when there is exactly one.
#include "frontend/parse_errors.h"

#include <algorithm>
#include <string>
#include <vector>

#include "GoParser.h"
#include "absl/strings/str_cat.h"

namespace gojit::frontend {
namespace {

using grammar::GoParser;

bool IsLiteral(size_t type) {
  switch (type) {
    case GoParser::INT_LIT:
    case GoParser::FLOAT_LIT:
    case GoParser::IMAGINARY_LIT:
    case GoParser::RUNE_LIT:
    case GoParser::STRING_LIT:
    case GoParser::RAW_STRING_LIT:
      return true;
  }
  return false;
}

// The 25 keywords, BREAK..VAR in GoLexer.g4's order; gc names them "keyword if".
bool IsKeyword(size_t type) { return type >= GoParser::BREAK && type <= GoParser::VAR; }
static_assert(GoParser::VAR - GoParser::BREAK == 24, "GoLexer.g4 lists the 25 keywords together");

// How gc's syntaxErrorAt names the current token.
std::string TokString(const PosMap& pm, antlr4::Token* t) {
  size_t type = t->getType();
  if (type == antlr4::Token::EOF) return "EOF";
  if (type == GoParser::SEMI) {
    if (t->getText() != "\n") return "semicolon";
    return t->getStartIndex() >= pm.CharCount() ? "EOF" : "newline";
  }
  if (type == GoParser::COMMA) return "comma";
  std::string text(pm.Text(t));
  if (IsLiteral(type)) return absl::StrCat("literal ", text);
  if (type == GoParser::IDENTIFIER) return absl::StrCat("name ", text);
  if (IsKeyword(type)) return absl::StrCat("keyword ", text);
  return text;
}

// How gc's tokstring names an expected token.
std::string ExpectedName(const antlr4::dfa::Vocabulary& vocab, size_t type) {
  switch (type) {
    case GoParser::COMMA: return "comma";
    case GoParser::SEMI: return "semicolon or newline";
    case GoParser::IDENTIFIER: return "name";
    case antlr4::Token::EOF: return "EOF";
  }
  std::string lit = vocab.getLiteralName(type);
  if (lit.size() >= 2 && lit.front() == '\'') {
    lit = lit.substr(1, lit.size() - 2);
    return IsKeyword(type) ? absl::StrCat("keyword ", lit) : lit;
  }
  return vocab.getSymbolicName(type);
}

size_t RuleOf(antlr4::tree::ParseTree* t) {
  auto* ctx = dynamic_cast<antlr4::ParserRuleContext*>(t);
  return ctx == nullptr ? static_cast<size_t>(-1) : ctx->getRuleIndex();
}

antlr4::ParserRuleContext* Parent(antlr4::ParserRuleContext* ctx) {
  return ctx == nullptr ? nullptr : dynamic_cast<antlr4::ParserRuleContext*>(ctx->parent);
}

bool HasAncestor(antlr4::ParserRuleContext* ctx, size_t rule) {
  for (; ctx != nullptr; ctx = Parent(ctx)) {
    if (ctx->getRuleIndex() == rule) return true;
  }
  return false;
}

// The default-channel token before `t` in the stream, or null.
antlr4::Token* Previous(antlr4::Parser* parser, antlr4::Token* t) {
  auto* stream = dynamic_cast<antlr4::BufferedTokenStream*>(parser->getTokenStream());
  if (stream == nullptr || t->getTokenIndex() == static_cast<size_t>(-1)) return nullptr;
  for (size_t i = t->getTokenIndex(); i > 0; --i) {
    antlr4::Token* p = stream->get(i - 1);
    if (p->getChannel() == antlr4::Token::DEFAULT_CHANNEL) return p;
  }
  return nullptr;
}

bool IsExprRule(size_t r) {
  switch (r) {
    case GoParser::RuleExpression:
    case GoParser::RuleExpressionList:
    case GoParser::RulePrimaryExpr:
    case GoParser::RuleOperand:
    case GoParser::RuleParenExpr:
    case GoParser::RuleBasicLit:
    case GoParser::RuleElement:
    case GoParser::RuleGoStmt:
    case GoParser::RuleDeferStmt:
    case GoParser::RuleRangeClause:
    case GoParser::RuleIfHeader:
    case GoParser::RuleForHeader:
    case GoParser::RuleForClause:
      return true;
  }
  return false;
}

bool IsTypeRule(size_t r) {
  switch (r) {
    case GoParser::RuleType_:
    case GoParser::RuleTypeName:
    case GoParser::RuleTypeArgs:
    case GoParser::RuleTypeLit:
    case GoParser::RuleArrayType:
    case GoParser::RuleSliceType:
    case GoParser::RulePointerType:
    case GoParser::RuleMapType:
    case GoParser::RuleChannelType:
    case GoParser::RuleResult:
    case GoParser::RuleTypeTerm:
    case GoParser::RuleTypeElem:
    case GoParser::RuleVarSpec:
    case GoParser::RuleTypeSpec:
    case GoParser::RuleParameterDecl:
    case GoParser::RuleTypeParameterDecl:
      return true;
  }
  return false;
}

// Rules an error after a complete operand climbs out of (see Report).
bool IsClimbable(size_t r) {
  switch (r) {
    case GoParser::RuleExpression:
    case GoParser::RuleExpressionList:
    case GoParser::RulePrimaryExpr:
    case GoParser::RuleOperand:
    case GoParser::RuleBasicLit:
    case GoParser::RuleString_:
    case GoParser::RuleElement:
    case GoParser::RuleKeyedElement:
    case GoParser::RuleCompositeLit:
    case GoParser::RuleFunctionLit:
    case GoParser::RuleFuncBody:
    case GoParser::RuleTypeOperand:
    case GoParser::RuleSimpleStmt:
    case GoParser::RuleStatement:
    case GoParser::RuleReturnStmt:
    case GoParser::RuleGoStmt:
    case GoParser::RuleDeferStmt:
    case GoParser::RuleBreakStmt:
    case GoParser::RuleContinueStmt:
    case GoParser::RuleGotoStmt:
    case GoParser::RuleType_:
    case GoParser::RuleTypeName:
    case GoParser::RuleTypeLit:
    case GoParser::RuleArrayType:
    case GoParser::RuleSliceType:
    case GoParser::RulePointerType:
    case GoParser::RuleMapType:
    case GoParser::RuleChannelType:
    case GoParser::RuleFunctionType:
    case GoParser::RuleSignature:
    case GoParser::RuleResult:
    case GoParser::RuleParameterDecl:
    case GoParser::RuleTypeTerm:
    case GoParser::RuleTypeElem:
    case GoParser::RuleIdentifierList:
      return true;
  }
  return false;
}

const char* ClauseName(size_t rule) {
  switch (rule) {
    case GoParser::RuleIfStmt: return "if clause";
    case GoParser::RuleForStmt: return "for clause";
    case GoParser::RuleSwitchStmt: return "switch clause";
    case GoParser::RuleSelectStmt: return "select clause";
  }
  return nullptr;
}

// ---------------------------------------------------------------- recovery

// What the broken piece of source is, for FindResync.
enum class Level {
  kStatement,  // a statement, or the tokens between two statements
  kClause,     // a case/comm clause's head, or tokens between clauses
  kFile,       // a top-level declaration, or tokens between declarations
};

bool IsDeclKeyword(size_t type) {
  return type == GoParser::FUNC || type == GoParser::VAR || type == GoParser::CONST ||
         type == GoParser::TYPE || type == GoParser::IMPORT;
}

// Where the piece of `level` that starts at token `from` and holds the error at
// token `err` ends (see FindResync).
Resync Scan(antlr4::Parser* parser, antlr4::BufferedTokenStream* stream, Level level, size_t from,
            size_t err) {
  antlr4::Token* before = from > 0 ? Previous(parser, stream->get(from)) : nullptr;
  const bool at_decl_start = before != nullptr && before->getType() == GoParser::SEMI;
  std::vector<size_t> open;  // brackets opened in the skipped piece, innermost last
  auto is_open = [&](size_t type) { return std::find(open.begin(), open.end(), type) != open.end(); };
  auto close = [&](size_t type) {
    while (open.back() != type) open.pop_back();
    open.pop_back();
  };
  auto drop_unclosed = [&] {
    while (!open.empty() && open.back() != GoParser::L_CURLY) open.pop_back();
  };
  size_t last_semi = static_cast<size_t>(-1);  // kFile: the last `;` at depth 0
  size_t prev_type = 0;
  size_t i = from;
  for (; i < stream->size(); ++i) {
    antlr4::Token* tok = stream->get(i);
    if (tok->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;
    const size_t type = tok->getType();
    const size_t prev = prev_type;
    prev_type = type;
    if (type == antlr4::Token::EOF) break;
    switch (type) {
      case GoParser::L_PAREN:
      case GoParser::L_BRACKET:
      case GoParser::L_CURLY:
        open.push_back(type);
        break;
      case GoParser::R_PAREN:
        if (is_open(GoParser::L_PAREN)) close(GoParser::L_PAREN);
        break;
      case GoParser::R_BRACKET:
        if (is_open(GoParser::L_BRACKET)) close(GoParser::L_BRACKET);
        break;
      case GoParser::R_CURLY:
        if (is_open(GoParser::L_CURLY)) {
          close(GoParser::L_CURLY);
          break;
        }
        open.clear();
        // The `}` closing the enclosing block or switch.
        if (level != Level::kFile && i >= err) return {from, i};
        break;
      case GoParser::SEMI:
        drop_unclosed();
        if (!open.empty()) break;
        if (level == Level::kStatement && i >= err) return {from, i};
        last_semi = i;
        break;
      case GoParser::CASE:
      case GoParser::DEFAULT:
        if (level == Level::kFile || i < err) break;
        drop_unclosed();
        if (open.empty()) return {from, i};
        break;
      default:
        if (level == Level::kFile && i > err && open.empty() && prev == GoParser::SEMI &&
            IsDeclKeyword(type)) {
          // Keep the `;` ending the declaration the error came after.
          if (at_decl_start || last_semi == static_cast<size_t>(-1)) return {from, i};
          return {from, last_semi};
        }
        break;
    }
  }
  if (level == Level::kFile && !at_decl_start && last_semi != static_cast<size_t>(-1)) {
    return {from, last_semi};
  }
  return {from, i};
}

// gc's stopset: the keywords that start a statement, where advance() stops inside
// a function body whatever its follow list.
bool IsStopKeyword(size_t type) {
  switch (type) {
    case GoParser::BREAK:
    case GoParser::CONST:
    case GoParser::CONTINUE:
    case GoParser::DEFER:
    case GoParser::FALLTHROUGH:
    case GoParser::FOR:
    case GoParser::GO:
    case GoParser::GOTO:
    case GoParser::IF:
    case GoParser::RETURN:
    case GoParser::SELECT:
    case GoParser::SWITCH:
    case GoParser::TYPE:
    case GoParser::VAR:
      return true;
  }
  return false;
}

// Whether a statement ends where its expressions end, so that gc's stmtList
// complains "at end of statement" when something else follows.
bool IsSimpleStatement(antlr4::ParserRuleContext* stmt) {
  auto* s = dynamic_cast<GoParser::StatementContext*>(stmt);
  return s != nullptr && (s->simpleStmt() != nullptr || s->returnStmt() != nullptr ||
                          s->goStmt() != nullptr || s->deferStmt() != nullptr ||
                          s->declaration() != nullptr);
}

// The tokens to skip after an error at `t` in `ctx`, as parse_errors.h describes.
// `list_close` is the closing token of the gc list() the error was reported in
// (argument list, parameter list, composite literal), or 0. Inside a function,
// gc's list() skips to the first `)`, `]`, `}` or statement keyword at any depth
// and carries on with the list if that is its closing token; at a keyword the
// statement ends there and stmtList reports it, which `*end_of_statement` asks for.
// Like gc's advance(), it looks at tokens only, counting brackets opened inside the
// skipped piece; a `;` or `}` inside an unclosed `(` or `[` ends that bracket,
// since neither can stand there in a valid program (`f(a` + newline).
Resync FindResync(antlr4::Parser* parser, antlr4::Token* t, antlr4::ParserRuleContext* ctx,
                  size_t list_close, antlr4::Token** end_of_statement) {
  auto* stream = dynamic_cast<antlr4::BufferedTokenStream*>(parser->getTokenStream());
  const size_t err = t->getTokenIndex();
  if (stream == nullptr || err == static_cast<size_t>(-1)) return {};

  Level level = Level::kFile;
  size_t from = err;
  antlr4::ParserRuleContext* stmt = nullptr;
  for (antlr4::ParserRuleContext* c = ctx; c != nullptr; c = Parent(c)) {
    const size_t r = c->getRuleIndex();
    const size_t start = c->getStart()->getTokenIndex();
    if (r == GoParser::RuleStatement) {
      level = Level::kStatement;
      from = start;
      stmt = c;
      break;
    }
    if (r == GoParser::RuleStatementList || (r == GoParser::RuleBlock && !c->children.empty())) {
      level = Level::kStatement;
      break;
    }
    if (r == GoParser::RuleCaseClause || r == GoParser::RuleCommClause) {
      level = Level::kClause;
      from = start;
      break;
    }
    if ((r == GoParser::RuleSwitchStmt && static_cast<GoParser::SwitchStmtContext*>(c)->L_CURLY()) ||
        (r == GoParser::RuleSelectStmt && static_cast<GoParser::SelectStmtContext*>(c)->L_CURLY())) {
      level = Level::kClause;
      break;
    }
    if (r == GoParser::RuleTopLevelDecl || r == GoParser::RuleImportDecl) {
      from = start;
      break;
    }
    // gc's fileOrNil: "don't bother continuing if package clause has errors".
    if (r == GoParser::RulePackageClause) return {};
    if (r == GoParser::RuleSourceFile) {
      auto* pkg = static_cast<GoParser::SourceFileContext*>(c)->packageClause();
      if (pkg == nullptr || pkg->getStop() == nullptr || err <= pkg->getStop()->getTokenIndex() + 1) {
        return {};
      }
      break;
    }
  }

  if (list_close != 0 && stmt != nullptr) {
    for (size_t i = err; i < stream->size(); ++i) {
      antlr4::Token* tok = stream->get(i);
      if (tok->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;
      const size_t type = tok->getType();
      if (type == antlr4::Token::EOF) break;
      if (type == list_close && i > err) return {err, i};
      if (IsStopKeyword(type)) {
        if (IsSimpleStatement(stmt) && RuleOf(stmt->parent) == GoParser::RuleStatementList) {
          *end_of_statement = tok;
        }
        return {from, i};
      }
      if (type == GoParser::R_PAREN || type == GoParser::R_BRACKET || type == GoParser::R_CURLY) break;
    }
  }
  Resync r = Scan(parser, stream, level, from, err);
  // Always make progress, as gc's advance() with an empty follow list does.
  if (r.empty()) r = {err, err + 1};
  return r;
}

}  // namespace

std::string GcTokenString(const PosMap& pm, antlr4::Token* t) { return TokString(pm, t); }

void SyntaxErrorSink::Report(Pos pos, std::string message) {
  ++count_;
  diags_.Error(pos, std::move(message));
}

void GcErrorStrategy::reportError(antlr4::Parser* parser, const antlr4::RecognitionException& e) {
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  antlr4::Token* t = e.getOffendingToken();
  if (t == nullptr) t = parser->getCurrentToken();
  auto* ctx = dynamic_cast<antlr4::ParserRuleContext*>(e.getCtx());
  if (ctx == nullptr) ctx = parser->getContext();
  Report(parser, t, ctx, parser->getExpectedTokens());
}

void GcErrorStrategy::reportUnwantedToken(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  Report(parser, parser->getCurrentToken(), parser->getContext(), parser->getExpectedTokens());
}

void GcErrorStrategy::reportMissingToken(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  Report(parser, parser->getCurrentToken(), parser->getContext(), parser->getExpectedTokens());
}

void GcErrorStrategy::Report(antlr4::Parser* parser, antlr4::Token* t,
                             antlr4::ParserRuleContext* ctx,
                             const antlr4::misc::IntervalSet& expected) {
  // gc's syntaxErrorAt: "avoid meaningless follow-up errors" at EOF.
  const bool follow_up_at_eof = t->getType() == antlr4::Token::EOF && sink_->count() > 0;
  if (!follow_up_at_eof) Describe(parser, t, ctx, expected);
  resync_ = {};
  if (t->getType() != antlr4::Token::EOF) {
    antlr4::Token* end_of_statement = nullptr;
    resync_ = FindResync(parser, t, ctx, list_close_, &end_of_statement);
    if (end_of_statement != nullptr) {
      sink_->Report(sink_->pos().Of(end_of_statement),
                    absl::StrCat("syntax error: unexpected ", TokString(sink_->pos(), end_of_statement),
                                 " at end of statement"));
    }
  }
  list_close_ = 0;
  stopped_ = true;
  throw antlr4::ParseCancellationException();
}

void GcErrorStrategy::Describe(antlr4::Parser* parser, antlr4::Token* t,
                               antlr4::ParserRuleContext* ctx,
                               const antlr4::misc::IntervalSet& expected) {
  const PosMap& pm = sink_->pos();
  Pos pos = pm.Of(t);
  const std::string tok = TokString(pm, t);
  auto unexpected = [&](const std::string& rest) {
    sink_->Report(pos, absl::StrCat("syntax error: unexpected ", tok, rest));
  };
  auto plain = [&](const std::string& msg) { sink_->Report(pos, "syntax error: " + msg); };

  size_t r = ctx == nullptr ? static_cast<size_t>(-1) : ctx->getRuleIndex();
  antlr4::ParserRuleContext* parent = Parent(ctx);
  size_t pr = RuleOf(parent);
  antlr4::Token* prev = Previous(parser, t);
  size_t pt = prev == nullptr ? 0 : prev->getType();
  size_t tt = t->getType();

  // `if x \n {`: gc reports at the semicolon (header()).
  if (tt == GoParser::L_CURLY && pt == GoParser::SEMI && HasAncestor(ctx, GoParser::RuleIfHeader)) {
    pos = pm.Of(prev);
    if (prev->getText() == "\n") {
      sink_->Report(pos, "syntax error: unexpected newline, expected { after if clause");
    } else {
      sink_->Report(pos, "syntax error: missing condition in if statement");
    }
    return;
  }

  // `if {`: gc's header() finds no condition at all.
  if (tt == GoParser::L_CURLY && pt == GoParser::IF) {
    return plain("missing condition in if statement");
  }

  // `[]` or `[n]` with no element type (gc's type_()).
  if (r == GoParser::RuleType_ && ctx->children.empty() && pt == GoParser::R_BRACKET) {
    return unexpected(", expected type");
  }

  // After a complete operand, an error inside an expression or type is really the
  // enclosing list's or statement's: climb to it (gc reports "unexpected y at end
  // of statement" for `x := 1 y`, not "expected expression").
  const bool after_operand = pt == GoParser::IDENTIFIER || IsLiteral(pt) || pt == GoParser::R_PAREN ||
                             pt == GoParser::R_BRACKET || pt == GoParser::R_CURLY;
  if (after_operand) {
    // A literalValue or a literalType's typeArgs that never got its `{` was a
    // guess of ANTLR's prediction (`f(g h)`, `i[j k]`), not a composite literal.
    auto unstarted_literal = [](antlr4::ParserRuleContext* c) {
      size_t rule = c->getRuleIndex();
      return (rule == GoParser::RuleLiteralValue && c->children.empty()) ||
             (rule == GoParser::RuleLiteralType &&
              static_cast<GoParser::CompositeLitContext*>(c->parent)->literalValue() == nullptr);
    };
    while (ctx != nullptr) {
      // `i[j k]` parsed as the type arguments of a literal type: gc's index.
      if (ctx->getRuleIndex() == GoParser::RuleTypeArgs &&
          RuleOf(Parent(ctx)) == GoParser::RuleLiteralType && unstarted_literal(Parent(ctx))) {
        return unexpected(", expected comma, : or ]");
      }
      if (!IsClimbable(ctx->getRuleIndex()) && !unstarted_literal(ctx)) break;
      ctx = Parent(ctx);
    }
    if (ctx == nullptr) return unexpected("");
    r = ctx->getRuleIndex();
    parent = Parent(ctx);
    pr = RuleOf(parent);
  }

  // Right after a statement, a declaration or a list element, without the
  // semicolon that must follow it (gc's stmtList, fileOrNil and list()).
  const bool after_item = prev != nullptr && pt != GoParser::SEMI && pt != GoParser::L_CURLY &&
                          pt != GoParser::L_PAREN && pt != GoParser::COLON;

  switch (r) {
    case GoParser::RuleSourceFile: {
      if (after_item) {
        auto* file = dynamic_cast<GoParser::SourceFileContext*>(ctx);
        if (file != nullptr && file->packageClause() != nullptr &&
            file->packageClause()->getStop() == prev) {
          return unexpected(", expected semicolon or newline");
        }
        return unexpected(" after top level declaration");
      }
      if (tt == GoParser::L_CURLY && pt == GoParser::SEMI) {
        return plain("unexpected semicolon or newline before {");
      }
      return plain("non-declaration statement outside function body");
    }
    case GoParser::RuleImportDecl:
    case GoParser::RuleConstDecl:
    case GoParser::RuleVarDecl:
    case GoParser::RuleTypeDecl:
      if (after_item && pt != GoParser::IMPORT && pt != GoParser::CONST && pt != GoParser::VAR &&
          pt != GoParser::TYPE) {
        return unexpected(" in grouped declaration; possibly missing semicolon or newline or )");
      }
      if (r == GoParser::RuleImportDecl) {
        if (tt == GoParser::SEMI) return plain("missing import path");
        return plain("import path must be a string");
      }
      return unexpected(", expected name");
    case GoParser::RuleStructType:
      if (after_item) return unexpected(" in struct type; possibly missing semicolon or newline or }");
      return unexpected(", expected field name or embedded type");
    case GoParser::RuleInterfaceType:
      if (after_item) return unexpected(" in interface type; possibly missing semicolon or newline or }");
      return unexpected(", expected ~ term or type");
    case GoParser::RulePackageClause:
      return unexpected(", expected name");
    case GoParser::RuleImportSpec:
      if (tt == GoParser::SEMI || tt == GoParser::R_PAREN) return plain("missing import path");
      return plain("import path must be a string");
    case GoParser::RuleArguments:
      if (pt == GoParser::L_PAREN || pt == GoParser::COMMA) return unexpected(", expected expression");
      list_close_ = GoParser::R_PAREN;
      return unexpected(" in argument list; possibly missing comma or )");
    case GoParser::RuleParameters:
      if (ctx->children.empty()) return unexpected(", expected (");  // funcType's want(_Lparen)
      if (pt == GoParser::L_PAREN || pt == GoParser::COMMA) return unexpected(", expected )");
      list_close_ = GoParser::R_PAREN;
      return unexpected(" in parameter list; possibly missing comma or )");
    case GoParser::RuleTypeParameters:
      if (pt == GoParser::L_BRACKET || pt == GoParser::COMMA) return unexpected(", expected ]");
      return unexpected(" in parameter list; possibly missing comma or ]");
    case GoParser::RuleLiteralValue:
    case GoParser::RuleKeyedElement:
      if (pt == GoParser::L_CURLY || pt == GoParser::COMMA || pt == GoParser::COLON) {
        return unexpected(", expected expression");
      }
      list_close_ = GoParser::R_CURLY;
      return unexpected(" in composite literal; possibly missing comma or }");
    case GoParser::RuleParenExpr:
      // pexpr's want(_Rparen) once the operand is complete.
      if (after_operand) return unexpected(", expected )");
      break;
    case GoParser::RuleIndex:
      if (pt == GoParser::L_BRACKET) return unexpected(", expected operand");
      return unexpected(", expected comma, : or ]");
    case GoParser::RuleBlock:
    case GoParser::RuleStatementList:
      if (r == GoParser::RuleBlock && ctx->children.empty()) {
        // The `{` itself is missing: gc's blockStmt(context) or header's want({).
        antlr4::ParserRuleContext* owner = pr == GoParser::RuleFuncBody ? Parent(parent) : parent;
        size_t orule = RuleOf(owner);
        if (orule == GoParser::RuleIfStmt && pt == GoParser::ELSE) {
          return plain("else must be followed by if or statement block");
        }
        if (const char* clause = ClauseName(orule)) {
          return unexpected(absl::StrCat(", expected { after ", clause));
        }
        return unexpected(", expected {");
      }
      if (after_item && tt != GoParser::R_CURLY) return unexpected(" at end of statement");
      return unexpected(", expected }");
    case GoParser::RuleIfStmt:
      if (pt == GoParser::ELSE) return plain("else must be followed by if or statement block");
      return unexpected(", expected { after if clause");
    case GoParser::RuleForStmt:
      return unexpected(", expected { after for clause");
    case GoParser::RuleSwitchStmt:
    case GoParser::RuleSelectStmt:
      if (expected.contains(static_cast<size_t>(GoParser::L_CURLY))) {
        return plain(r == GoParser::RuleSwitchStmt ? "missing { after switch clause"
                                                   : "missing { after select clause");
      }
      if (after_item) return unexpected(" at end of statement");
      return unexpected(", expected case or default or }");
    case GoParser::RuleCaseClause:
    case GoParser::RuleCommClause:
      if (after_operand || expected.contains(static_cast<size_t>(GoParser::COLON))) {
        return unexpected(", expected :");
      }
      return unexpected(", expected expression");
    case GoParser::RuleSimpleStmt:
      return unexpected(", expected := or = or comma");
    case GoParser::RuleFunctionDecl:
      if (pt == GoParser::FUNC) return unexpected(", expected name or (");
      if (expected.contains(static_cast<size_t>(GoParser::L_PAREN))) return unexpected(", expected (");
      break;
    case GoParser::RuleFieldDecl:
    case GoParser::RuleEmbeddedField:
      return unexpected(", expected field name or embedded type");
    case GoParser::RuleForClause:
      // header(): `for init; {` and `for init; cond {`.
      if (static_cast<GoParser::ForClauseContext*>(ctx)->SEMI().size() == 1) {
        if (tt == GoParser::L_CURLY && pt == GoParser::SEMI) {
          return unexpected(", expected for loop condition");
        }
        if (after_item) return unexpected(", expected semicolon or newline");
      }
      break;
    case GoParser::RuleLabeledStmt:
      // `a b`: gc parsed `a` as an expression statement, not a label.
      if (pt == GoParser::IDENTIFIER) return unexpected(" at end of statement");
      [[fallthrough]];
    case GoParser::RuleIdentifierList:
    case GoParser::RuleGotoStmt:
      if (pt == GoParser::COMMA || pt == GoParser::GOTO) return unexpected(", expected name");
      break;
    case GoParser::RuleTypeName:
      if (pt == GoParser::DOT) return unexpected(", expected name");
      return unexpected(", expected type");
  }
  if (IsExprRule(r)) return unexpected(", expected expression");
  if (IsTypeRule(r)) return unexpected(", expected type");
  if (expected.size() == 1) return unexpected(", expected " + ExpectedName(parser->getVocabulary(), expected.get(0)));
  if (expected.contains(static_cast<size_t>(GoParser::IDENTIFIER)) && expected.contains(static_cast<size_t>(GoParser::INT_LIT))) {
    return unexpected(", expected expression");
  }
  unexpected("");
}

}  // namespace gojit::frontend
