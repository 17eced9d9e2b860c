// AstBuilder, part 4: statements. The grammar parses every simple statement with
// one rule and every if/switch/for header as simple statements, like gc's parser;
// here they become AssignStmt/IncDecStmt/SendStmt/ExprStmt, RangeStmt or ForStmt,
// SwitchStmt or TypeSwitchStmt, with gc's syntax errors for shapes gc's parser
// rejects (`a, b++`, `for ;; x := 1`, `if x = 1 {`, `go f`). Shapes that gc leaves
// to its type checker (`a.b := 1`, a select case that is no send or receive) are
// kept in the AST for frontend's checker to report.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "frontend/ast_builder.h"
#include "frontend/parse_errors.h"
#include "frontend/parse_errors.h"

namespace gojit::frontend {

using P = grammar::GoParser;

namespace {

Tok AssignTok(size_t type) {
  switch (type) {
    case P::ASSIGN: return Tok::kAssign;
    case P::PLUS_ASSIGN: return Tok::kAddAssign;
    case P::MINUS_ASSIGN: return Tok::kSubAssign;
    case P::STAR_ASSIGN: return Tok::kMulAssign;
    case P::DIV_ASSIGN: return Tok::kQuoAssign;
    case P::MOD_ASSIGN: return Tok::kRemAssign;
    case P::AND_ASSIGN: return Tok::kAndAssign;
    case P::OR_ASSIGN: return Tok::kOrAssign;
    case P::XOR_ASSIGN: return Tok::kXorAssign;
    case P::LSHIFT_ASSIGN: return Tok::kShlAssign;
    case P::RSHIFT_ASSIGN: return Tok::kShrAssign;
    case P::BIT_CLEAR_ASSIGN: return Tok::kAndNotAssign;
  }
  return Tok::kIllegal;
}

std::string ListString(const std::vector<Expr*>& xs) {
  std::string out;
  for (size_t i = 0; i < xs.size(); ++i) absl::StrAppend(&out, i ? ", " : "", ExprString(xs[i]));
  return out;
}

}  // namespace

BlockStmt* AstBuilder::BuildBlock(P::BlockContext* ctx) {
  auto* b = arena_.New<BlockStmt>(PosOf(ctx->L_CURLY()));
  b->list = BuildStmtList(ctx->statementList());
  b->rbrace = PosOf(ctx->R_CURLY());
  return b;
}

std::vector<Stmt*> AstBuilder::BuildStmtList(P::StatementListContext* ctx) {
  std::vector<Stmt*> out;
  if (ctx == nullptr) return out;
  for (auto* s : ctx->statement()) {
    if (Stmt* st = BuildStmt(s)) out.push_back(st);
  }
  // The grammar lets a case clause's last statement run into the next `case`;
  // gc's stmtList wants a semicolon there, and gc's labeledStmtOrNil a statement
  // after a label (reported at the colon).
  auto* last = ctx->children.empty() ? nullptr : dynamic_cast<P::StatementContext*>(ctx->children.back());
  if (last != nullptr) {
    antlr4::Token* t = NextToken(ctx->getStop());
    // Skipped tokens in between: the error there is reported, and gc's recovery
    // stops at `case` without asking for the semicolon.
    bool skipped = false;
    for (size_t i = ctx->getStop()->getTokenIndex() + 1; t != nullptr && i < t->getTokenIndex(); ++i) {
      skipped = skipped || tokens_->get(i)->getChannel() == kSkippedChannel;
    }
    if (t != nullptr && !skipped) {
      if (t->getType() == P::CASE || t->getType() == P::DEFAULT) {
        P::LabeledStmtContext* label = last->labeledStmt();
        while (label != nullptr && label->statement() != nullptr) label = label->statement()->labeledStmt();
        if (label != nullptr && label->COLON() != nullptr) {
          Error(PosOf(label->COLON()), "syntax error: missing statement after label");
        } else {
          Error(PosOf(t), absl::StrCat("syntax error: unexpected ", GcTokenString(pos_, t), " at end of statement"));
        }
      }
    }
  }
  return out;
}

// The operand of go/defer without its parentheses; whether it is a call is the
// checker's question (gc's types2 asks it, so a syntax error elsewhere hides it).
Expr* AstBuilder::BuildCallStmtCall(antlr4::Token* kw, P::ExpressionContext* ctx) {
  Expr* x = BuildExpr(ctx);
  const char* what = kw->getType() == P::GO ? "go" : "defer";
  if (x->Is<ParenExpr>()) {
    Error(x->pos, absl::StrCat("expression in ", what, " must not be parenthesized"));
    x = Unparen(x);
  }
  return x;
}

Stmt* AstBuilder::BuildStmt(P::StatementContext* ctx) {
  if (ctx == nullptr) return nullptr;
  if (auto* c = ctx->declaration()) {
    GenDecl* d = BuildDeclaration(c);
    return d == nullptr ? static_cast<Stmt*>(arena_.New<BadStmt>(PosOf(c)))
                        : arena_.New<DeclStmt>(d->pos, d);
  }
  if (auto* c = ctx->labeledStmt()) {
    Ident* label = MakeIdent(c->IDENTIFIER());
    Stmt* s = c->statement() != nullptr ? BuildStmt(c->statement()) : nullptr;
    if (s == nullptr) s = arena_.New<EmptyStmt>(PosOf(c->COLON()));
    return arena_.New<LabeledStmt>(label->pos, label, s);
  }
  if (auto* c = ctx->simpleStmt()) return BuildSimpleStmt(c);
  if (auto* c = ctx->goStmt()) {
    return arena_.New<GoStmt>(PosOf(c->GO()), BuildCallStmtCall(c->GO()->getSymbol(), c->expression()));
  }
  if (auto* c = ctx->deferStmt()) {
    return arena_.New<DeferStmt>(PosOf(c->DEFER()),
                                 BuildCallStmtCall(c->DEFER()->getSymbol(), c->expression()));
  }
  if (auto* c = ctx->returnStmt()) {
    auto* r = arena_.New<ReturnStmt>(PosOf(c->RETURN()));
    r->results = BuildExprList(c->expressionList());
    return r;
  }
  if (auto* c = ctx->breakStmt()) {
    return arena_.New<BranchStmt>(PosOf(c->BREAK()), Tok::kBreak,
                                  c->IDENTIFIER() ? MakeIdent(c->IDENTIFIER()) : nullptr);
  }
  if (auto* c = ctx->continueStmt()) {
    return arena_.New<BranchStmt>(PosOf(c->CONTINUE()), Tok::kContinue,
                                  c->IDENTIFIER() ? MakeIdent(c->IDENTIFIER()) : nullptr);
  }
  if (auto* c = ctx->gotoStmt()) {
    return arena_.New<BranchStmt>(PosOf(c->GOTO()), Tok::kGoto, MakeIdent(c->IDENTIFIER()));
  }
  if (auto* c = ctx->fallthroughStmt()) {
    return arena_.New<BranchStmt>(PosOf(c->FALLTHROUGH()), Tok::kFallthrough, nullptr);
  }
  if (auto* c = ctx->block()) return BuildBlock(c);
  if (auto* c = ctx->ifStmt()) return BuildIf(c);
  if (auto* c = ctx->switchStmt()) return BuildSwitch(c);
  if (auto* c = ctx->selectStmt()) return BuildSelect(c);
  if (auto* c = ctx->forStmt()) return BuildFor(c);
  return arena_.New<BadStmt>(PosOf(ctx));
}

Stmt* AstBuilder::BuildSimpleStmt(P::SimpleStmtContext* ctx) {
  if (ctx == nullptr) return nullptr;
  std::vector<Expr*> lhs = BuildExprList(ctx->expressionList(0));
  if (lhs.empty()) return arena_.New<BadStmt>(PosOf(ctx));
  Pos pos = PosOf(ctx);  // the first token, not lhs[0]->pos (an operator for a call)
  // gc's simpleStmt: a list may only be followed by = or :=.
  auto list_error = [&](antlr4::Token* t) {
    Error(PosOf(t), absl::StrCat("syntax error: unexpected ", GcTokenString(pos_, t), ", expected := or = or comma"));
  };
  if (auto* op = ctx->assignOp()) {
    auto* a = arena_.New<AssignStmt>(pos, AssignTok(op->getStart()->getType()));
    a->tok_pos = PosOf(op);
    a->lhs = std::move(lhs);
    a->rhs = BuildExprList(ctx->expressionList(1));
    if (a->tok != Tok::kAssign && a->lhs.size() > 1) list_error(op->getStart());
    return a;
  }
  if (auto* def = ctx->DECLARE_ASSIGN()) {
    auto* a = arena_.New<AssignStmt>(pos, Tok::kDefine);
    a->tok_pos = PosOf(def);
    a->lhs = std::move(lhs);
    a->rhs = BuildExprList(ctx->expressionList(1));
    return a;
  }
  antlr4::tree::TerminalNode* incdec = ctx->PLUS_PLUS() ? ctx->PLUS_PLUS() : ctx->MINUS_MINUS();
  if (incdec != nullptr) {
    if (lhs.size() > 1) list_error(incdec->getSymbol());
    return arena_.New<IncDecStmt>(pos, lhs[0], ctx->PLUS_PLUS() ? Tok::kInc : Tok::kDec);
  }
  if (auto* arrow = ctx->RECEIVE()) {
    if (lhs.size() > 1) list_error(arrow->getSymbol());
    return arena_.New<SendStmt>(pos, lhs[0], BuildExpr(ctx->expression()));
  }
  if (lhs.size() > 1) {
    // `a, b` alone: gc complains at the token after the list.
    if (antlr4::Token* t = NextToken(ctx->getStop())) {
      Error(PosOf(t), absl::StrCat("syntax error: unexpected ", GcTokenString(pos_, t), ", expected := or = or comma"));
    }
  }
  return arena_.New<ExprStmt>(pos, lhs[0]);
}

Expr* AstBuilder::CondExpr(Stmt* s) {
  if (s == nullptr) return nullptr;
  if (auto* e = s->As<ExprStmt>()) return e->x;
  std::string str;
  if (auto* a = s->As<AssignStmt>()) {
    if (a->tok == Tok::kAssign) {
      // gc parenthesizes a side that is one binary expression, to show the `=`.
      auto side = [](const std::vector<Expr*>& list) {
        std::string text = ListString(list);
        return list.size() == 1 && list[0]->Is<BinaryExpr>() ? absl::StrCat("(", text, ")") : text;
      };
      str = absl::StrCat("assignment ", side(a->lhs), " = ", side(a->rhs));
    } else {
      str = absl::StrCat(ListString(a->lhs), " ", TokSpelling(a->tok), " ", ListString(a->rhs));
    }
  } else if (auto* i = s->As<IncDecStmt>()) {
    str = absl::StrCat(ExprString(i->x), TokSpelling(i->tok));
  } else if (auto* snd = s->As<SendStmt>()) {
    str = absl::StrCat(ExprString(snd->chan), " <- ", ExprString(snd->value));
  }
  // gc's syntax tree puts an assignment at its operator.
  Pos at = s->Is<AssignStmt>() ? s->As<AssignStmt>()->tok_pos : s->pos;
  Error(at, absl::StrCat("syntax error: cannot use ", str, " as value"));
  return arena_.New<BadExpr>(s->pos);
}

Stmt* AstBuilder::BuildIf(P::IfStmtContext* ctx) {
  auto* s = arena_.New<IfStmt>(PosOf(ctx->IF()));
  if (auto* h = ctx->ifHeader()) {
    // `x` has only first; `init; cond` and `; cond` have cond.
    if (h->cond == nullptr) {
      s->cond = CondExpr(BuildSimpleStmt(h->first));
    } else {
      if (h->first != nullptr) s->init = BuildSimpleStmt(h->first);
      s->cond = CondExpr(BuildSimpleStmt(h->cond));
    }
  }
  if (s->cond == nullptr) s->cond = arena_.New<BadExpr>(s->pos);
  if (auto* b = ctx->block(0)) {
    s->body = BuildBlock(b);
  } else {
    s->body = arena_.New<BlockStmt>(s->pos);
  }
  if (ctx->ELSE() != nullptr) {
    if (ctx->ifStmt() != nullptr) {
      s->else_stmt = BuildIf(ctx->ifStmt());
    } else if (ctx->block(1) != nullptr) {
      s->else_stmt = BuildBlock(ctx->block(1));
    }
  }
  return s;
}

Stmt* AstBuilder::BuildSwitch(P::SwitchStmtContext* ctx) {
  Pos pos = PosOf(ctx->SWITCH());
  Stmt* init = nullptr;
  Stmt* tag = nullptr;
  if (auto* h = ctx->switchHeader()) {
    antlr4::tree::TerminalNode* semi = h->SEMI();
    for (auto* ss : h->simpleStmt()) {
      bool before_semi = semi != nullptr && ss->getStart()->getTokenIndex() < semi->getSymbol()->getTokenIndex();
      if (before_semi) {
        init = BuildSimpleStmt(ss);
      } else {
        tag = BuildSimpleStmt(ss);
      }
    }
  }
  // A type switch: `x.(type)` or `v := x.(type)` as the tag statement.
  TypeAssertExpr* guard = nullptr;
  if (auto* e = tag == nullptr ? nullptr : tag->As<ExprStmt>()) {
    guard = e->x->As<TypeAssertExpr>();
  } else if (auto* a = tag == nullptr ? nullptr : tag->As<AssignStmt>()) {
    if (a->tok == Tok::kDefine && a->lhs.size() == 1 && a->rhs.size() == 1 && a->lhs[0]->Is<Ident>()) {
      guard = a->rhs[0]->As<TypeAssertExpr>();
    }
  }
  if (guard != nullptr && guard->type_expr != nullptr) guard = nullptr;
  std::vector<CaseClause*> clauses;
  for (auto* cc : ctx->caseClause()) {
    auto* c = arena_.New<CaseClause>(PosOf(cc));
    c->is_default = cc->DEFAULT() != nullptr;
    c->list = BuildExprList(cc->expressionList());
    c->body = BuildStmtList(cc->statementList());
    clauses.push_back(c);
  }
  if (guard != nullptr) {
    type_switch_guards_.erase(guard);
    auto* ts = arena_.New<TypeSwitchStmt>(pos);
    ts->init = init;
    ts->assign = tag;
    ts->clauses = std::move(clauses);
    ts->rbrace = PosOf(ctx->R_CURLY());
    return ts;
  }
  auto* s = arena_.New<SwitchStmt>(pos);
  s->init = init;
  s->tag = CondExpr(tag);
  s->clauses = std::move(clauses);
  s->rbrace = PosOf(ctx->R_CURLY());
  return s;
}

Stmt* AstBuilder::BuildSelect(P::SelectStmtContext* ctx) {
  auto* s = arena_.New<SelectStmt>(PosOf(ctx->SELECT()));
  for (auto* cc : ctx->commClause()) {
    auto* c = arena_.New<CommClause>(PosOf(cc));
    if (cc->CASE() != nullptr) c->comm = BuildSimpleStmt(cc->simpleStmt());
    c->body = BuildStmtList(cc->statementList());
    s->clauses.push_back(c);
  }
  return s;
}

Stmt* AstBuilder::BuildFor(P::ForStmtContext* ctx) {
  Pos pos = PosOf(ctx->FOR());
  BlockStmt* body = ctx->block() != nullptr ? BuildBlock(ctx->block()) : arena_.New<BlockStmt>(pos);
  P::ForHeaderContext* h = ctx->forHeader();
  if (h != nullptr && h->rangeClause() != nullptr) {
    P::RangeClauseContext* rc = h->rangeClause();
    auto* r = arena_.New<RangeStmt>(pos);
    std::vector<Expr*> vars = BuildExprList(rc->expressionList());
    if (!vars.empty()) r->key = vars[0];
    if (vars.size() > 1) r->value = vars[1];
    if (vars.size() > 2) LateError(vars[2]->pos, "range clause permits at most two iteration variables");
    r->tok = rc->DECLARE_ASSIGN() ? Tok::kDefine : rc->ASSIGN() ? Tok::kAssign : Tok::kIllegal;
    r->x = BuildExpr(rc->expression());
    r->body = body;
    return r;
  }
  auto* f = arena_.New<ForStmt>(pos);
  f->body = body;
  if (h == nullptr) return f;
  if (h->expression() != nullptr) {
    f->cond = BuildExpr(h->expression());
  } else if (auto* fc = h->forClause()) {
    if (fc->init != nullptr) f->init = BuildSimpleStmt(fc->init);
    if (fc->cond != nullptr) f->cond = BuildExpr(fc->cond);
    if (fc->post != nullptr) {
      f->post = BuildSimpleStmt(fc->post);
      auto* a = f->post->As<AssignStmt>();
      if (a != nullptr && a->tok == Tok::kDefine) {
        Error(a->tok_pos, "syntax error: cannot declare in post statement of for loop");
      }
    }
  }
  return f;
}

}  // namespace gojit::frontend
