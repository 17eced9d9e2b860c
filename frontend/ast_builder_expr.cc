// AstBuilder, part 3: expressions (operators, primary expressions, operands,
// composite and function literals, types used as operands), deep copies of
// expressions for implicit const specs, and ExprString for messages.
//
// go/parser's conventions kept here: BinaryExpr at its operator, CallExpr at '(',
// every other node at its first token (taken from the parse tree, since a child's
// pos may be an operator), CompositeLit at its type (or '{' when it is elided), `<-chan T` in an
// expression re-associated into a receive-only ChanType, literal text verbatim.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "frontend/ast_builder.h"
#include "frontend/parse_errors.h"

namespace gojit::frontend {

using P = grammar::GoParser;

namespace {

Tok BinaryTok(size_t type) {
  switch (type) {
    case P::STAR: return Tok::kMul;
    case P::DIV: return Tok::kQuo;
    case P::MOD: return Tok::kRem;
    case P::LSHIFT: return Tok::kShl;
    case P::RSHIFT: return Tok::kShr;
    case P::AMPERSAND: return Tok::kAnd;
    case P::BIT_CLEAR: return Tok::kAndNot;
    case P::PLUS: return Tok::kAdd;
    case P::MINUS: return Tok::kSub;
    case P::OR: return Tok::kOr;
    case P::CARET: return Tok::kXor;
    case P::EQUALS: return Tok::kEql;
    case P::NOT_EQUALS: return Tok::kNeq;
    case P::LESS: return Tok::kLss;
    case P::LESS_OR_EQUALS: return Tok::kLeq;
    case P::GREATER: return Tok::kGtr;
    case P::GREATER_OR_EQUALS: return Tok::kGeq;
    case P::LOGICAL_AND: return Tok::kLAnd;
    case P::LOGICAL_OR: return Tok::kLOr;
  }
  return Tok::kIllegal;
}

}  // namespace

Expr* AstBuilder::BuildExpr(P::ExpressionContext* ctx) {
  if (ctx == nullptr) return arena_.New<BadExpr>(Pos{pos_.file(), 0, 0});
  if (auto* c = dynamic_cast<P::PrimaryExpressionContext*>(ctx)) {
    return c->primaryExpr() != nullptr ? BuildPrimary(c->primaryExpr()) : Bad(ctx);
  }
  if (auto* c = dynamic_cast<P::UnaryExprContext*>(ctx)) {
    if (c->op == nullptr) return Bad(ctx);
    Pos op = PosOf(c->op);
    Expr* x = BuildExpr(c->expression());
    switch (c->op->getType()) {
      case P::STAR: return arena_.New<StarExpr>(op, x);
      case P::PLUS: return arena_.New<UnaryExpr>(op, Tok::kAdd, x);
      case P::MINUS: return arena_.New<UnaryExpr>(op, Tok::kSub, x);
      case P::EXCLAMATION: return arena_.New<UnaryExpr>(op, Tok::kNot, x);
      case P::CARET: return arena_.New<UnaryExpr>(op, Tok::kXor, x);
      case P::AMPERSAND: return arena_.New<UnaryExpr>(op, Tok::kAnd, x);
      case P::RECEIVE:
        if (auto* ct = x->As<ChanType>()) {
          // `<-chan T` is a type (go/parser's parseUnaryExpr re-association).
          if (ct->dir == ChanDir::kBoth) {
            ct->dir = ChanDir::kRecv;
            ct->pos = op;
            return ct;
          }
          Error(ct->pos, "syntax error: unexpected <-, expected chan");
          return ct;
        }
        return arena_.New<UnaryExpr>(op, Tok::kArrow, x);
    }
    return Bad(ctx);
  }
  if (auto* c = dynamic_cast<P::BinaryExprContext*>(ctx)) {
    if (c->op == nullptr) return Bad(ctx);
    Expr* x = BuildExpr(c->expression(0));
    Expr* y = BuildExpr(c->expression(1));
    return arena_.New<BinaryExpr>(PosOf(c->op), BinaryTok(c->op->getType()), x, y);
  }
  return Bad(ctx);
}

Expr* AstBuilder::BuildPrimary(P::PrimaryExprContext* ctx) {
  if (ctx == nullptr) return arena_.New<BadExpr>(Pos{pos_.file(), 0, 0});
  if (auto* c = dynamic_cast<P::OperandExprContext*>(ctx)) {
    return c->operand() != nullptr ? BuildOperand(c->operand()) : Bad(ctx);
  }
  if (auto* c = dynamic_cast<P::SelectorExprContext*>(ctx)) {
    Expr* x = BuildPrimary(c->primaryExpr());
    return arena_.New<SelectorExpr>(PosOf(ctx), x, MakeIdent(c->IDENTIFIER()));
  }
  if (auto* c = dynamic_cast<P::TypeAssertExprContext*>(ctx)) {
    Expr* x = BuildPrimary(c->primaryExpr());
    if (c->TYPE() != nullptr) {
      auto* ta = arena_.New<TypeAssertExpr>(PosOf(ctx), x, nullptr);
      type_switch_guards_.insert(ta);
      return ta;
    }
    return arena_.New<TypeAssertExpr>(PosOf(ctx), x, BuildType(c->type_()));
  }
  if (auto* c = dynamic_cast<P::IndexExprContext*>(ctx)) {
    Expr* x = BuildPrimary(c->primaryExpr());
    P::IndexContext* ix = c->index();
    if (ix == nullptr) return x;
    if (ix->COLON().empty()) {
      auto* ie = arena_.New<IndexExpr>(PosOf(ctx), x);
      ie->indices = BuildExprList(ix->expressionList());
      ie->rbrack = PosOf(ix->R_BRACKET());
      if (ie->indices.empty()) Error(PosOf(ix->R_BRACKET()), "syntax error: unexpected ], expected operand");
      // x[a, b, ...]: gc parses what follows the first comma as a list of types
      // (type arguments); a token no type can contain there is a syntax error.
      auto exprs = ix->expressionList() ? ix->expressionList()->expression() : std::vector<P::ExpressionContext*>{};
      for (size_t i = 1; i < exprs.size(); ++i) {
        if (antlr4::Token* bad = FirstNonTypeToken(exprs[i])) {
          Error(PosOf(bad), absl::StrCat("syntax error: unexpected ", GcTokenString(pos_, bad), ", expected ]"));
          break;
        }
      }
      return ie;
    }
    auto* se = arena_.New<SliceExpr>(PosOf(ctx), x);
    if (ix->lo != nullptr) se->lo = BuildExpr(ix->lo);
    if (ix->hi != nullptr) se->hi = BuildExpr(ix->hi);
    if (ix->max != nullptr) se->max = BuildExpr(ix->max);
    if (ix->COLON().size() > 1) {
      se->slice3 = true;
      if (se->hi == nullptr) Error(PosOf(ix->COLON(1)), "middle index required in 3-index slice");
      if (se->max == nullptr) Error(PosOf(ix->R_BRACKET()), "final index required in 3-index slice");
    }
    return se;
  }
  if (auto* c = dynamic_cast<P::CallExprContext*>(ctx)) {
    Expr* fun = BuildPrimary(c->primaryExpr());
    P::ArgumentsContext* args = c->arguments();
    if (args == nullptr) return fun;
    auto* call = arena_.New<CallExpr>(PosOf(args->L_PAREN()), fun);
    call->args = BuildExprList(args->expressionList());
    call->has_ellipsis = args->ELLIPSIS() != nullptr;
    call->rparen = PosOf(args->R_PAREN());
    return call;
  }
  return Bad(ctx);
}

Expr* AstBuilder::BuildOperand(P::OperandContext* ctx) {
  if (auto* c = ctx->basicLit()) return BuildBasicLit(c);
  if (auto* c = ctx->compositeLit()) return BuildCompositeLit(c);
  if (auto* c = ctx->functionLit()) return BuildFuncLit(c);
  if (auto* id = ctx->IDENTIFIER()) return MakeIdent(id);
  if (auto* c = ctx->parenExpr()) {
    return arena_.New<ParenExpr>(PosOf(c->L_PAREN()), BuildExpr(c->expression()));
  }
  if (auto* c = ctx->typeOperand()) return BuildTypeOperand(c);
  return Bad(ctx);
}

Expr* AstBuilder::BuildBasicLit(P::BasicLitContext* ctx) {
  antlr4::Token* t = ctx->getStart();
  LitKind kind = LitKind::kString;
  switch (t->getType()) {
    case P::INT_LIT: kind = LitKind::kInt; break;
    case P::FLOAT_LIT: kind = LitKind::kFloat; break;
    case P::IMAGINARY_LIT: kind = LitKind::kImag; break;
    case P::RUNE_LIT: kind = LitKind::kChar; break;
    case P::STRING_LIT:
    case P::RAW_STRING_LIT: kind = LitKind::kString; break;
    default: return Bad(ctx);
  }
  return arena_.New<BasicLit>(PosOf(t), kind, std::string(pos_.Text(t)));
}

Expr* AstBuilder::BuildCompositeLit(P::CompositeLitContext* ctx) {
  P::LiteralTypeContext* lt = ctx->literalType();
  Expr* type = nullptr;
  if (lt != nullptr) {
    if (auto* c = lt->structType()) {
      type = BuildStructType(c);
    } else if (auto* c = lt->arrayType()) {
      type = BuildArrayType(c);
    } else if (auto* c = lt->sliceType()) {
      type = BuildSliceType(c);
    } else if (auto* c = lt->mapType()) {
      type = BuildMapType(c);
    } else if (lt->ELLIPSIS() != nullptr) {
      auto* len = arena_.New<Ellipsis>(PosOf(lt->ELLIPSIS()), nullptr);
      type = arena_.New<ArrayType>(PosOf(lt->L_BRACKET()), len, BuildType(lt->type_()));
    } else if (lt->typeName() != nullptr) {
      type = BuildTypeName(lt->typeName());
      if (lt->typeArgs() != nullptr) type = BuildTypeArgs(type, lt->typeArgs());
    }
  }
  if (type == nullptr) type = Bad(ctx);
  return BuildLiteralValue(type, type->pos, ctx->literalValue());
}

CompositeLit* AstBuilder::BuildLiteralValue(Expr* type, Pos pos, P::LiteralValueContext* ctx) {
  auto* lit = arena_.New<CompositeLit>(pos);
  lit->type_expr = type;
  if (ctx == nullptr) return lit;
  if (type == nullptr) lit->pos = PosOf(ctx->L_CURLY());
  lit->rbrace = PosOf(ctx->R_CURLY());
  auto element = [&](P::ElementContext* e) -> Expr* {
    if (e == nullptr) return arena_.New<BadExpr>(lit->pos);
    if (e->literalValue() != nullptr) {
      return BuildLiteralValue(nullptr, PosOf(e->literalValue()), e->literalValue());
    }
    return BuildExpr(e->expression());
  };
  for (auto* ke : ctx->keyedElement()) {
    P::ElementContext* key_ctx = ke->second != nullptr ? ke->first : nullptr;
    Expr* value = element(ke->second != nullptr ? ke->second : ke->first);
    if (key_ctx != nullptr) {
      Expr* key = element(key_ctx);
      lit->elts.push_back(arena_.New<KeyValueExpr>(PosOf(key_ctx), key, value));
    } else {
      lit->elts.push_back(value);
    }
  }
  return lit;
}

Expr* AstBuilder::BuildFuncLit(P::FunctionLitContext* ctx) {
  Pos pos = PosOf(ctx->FUNC());
  auto* fl = arena_.New<FuncLit>(pos);
  fl->func_type = BuildFuncType(pos, ctx->signature());
  if (ctx->funcBody() != nullptr && ctx->funcBody()->block() != nullptr) {
    fl->body = BuildBlock(ctx->funcBody()->block());
  } else {
    fl->body = arena_.New<BlockStmt>(pos);
  }
  return fl;
}

Expr* AstBuilder::BuildTypeOperand(P::TypeOperandContext* ctx) {
  if (auto* c = ctx->arrayType()) return BuildArrayType(c);
  if (auto* c = ctx->sliceType()) return BuildSliceType(c);
  if (auto* c = ctx->mapType()) return BuildMapType(c);
  if (auto* c = ctx->functionType()) return BuildFuncType(PosOf(c->FUNC()), c->parameters(), c->result());
  if (auto* c = ctx->structType()) return BuildStructType(c);
  if (auto* c = ctx->interfaceType()) return BuildInterfaceType(c);
  if (ctx->CHAN() != nullptr) {
    ChanDir dir = ctx->RECEIVE() != nullptr ? ChanDir::kSend : ChanDir::kBoth;
    return arena_.New<ChanType>(PosOf(ctx->CHAN()), dir, BuildType(ctx->type_()));
  }
  return Bad(ctx);
}

// ---------------------------------------------------------------- cloning

namespace {

std::vector<Field> CloneFields(AstBuilder& b, const std::vector<Field>& fields, AstArena& arena) {
  std::vector<Field> out;
  for (const Field& f : fields) {
    Field g;
    g.pos = f.pos;
    g.tag = f.tag;
    for (Ident* n : f.names) g.names.push_back(arena.New<Ident>(n->pos, n->name));
    g.type_expr = b.Clone(f.type_expr);
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace

Expr* AstBuilder::Clone(Expr* e) {
  if (e == nullptr) return nullptr;
  switch (e->kind) {
    case NodeKind::kIdent: {
      auto* x = e->As<Ident>();
      return arena_.New<Ident>(x->pos, x->name);
    }
    case NodeKind::kBasicLit: {
      auto* x = e->As<BasicLit>();
      return arena_.New<BasicLit>(x->pos, x->lit_kind, x->text);
    }
    case NodeKind::kCompositeLit: {
      auto* x = e->As<CompositeLit>();
      auto* y = arena_.New<CompositeLit>(x->pos);
      y->type_expr = Clone(x->type_expr);
      for (Expr* el : x->elts) y->elts.push_back(Clone(el));
      y->rbrace = x->rbrace;
      return y;
    }
    case NodeKind::kFuncLit:
      return e;  // statements are not copied; a function literal is no constant
    case NodeKind::kParenExpr: {
      auto* x = e->As<ParenExpr>();
      return arena_.New<ParenExpr>(x->pos, Clone(x->x));
    }
    case NodeKind::kSelectorExpr: {
      auto* x = e->As<SelectorExpr>();
      return arena_.New<SelectorExpr>(x->pos, Clone(x->x), static_cast<Ident*>(Clone(x->sel)));
    }
    case NodeKind::kIndexExpr: {
      auto* x = e->As<IndexExpr>();
      auto* y = arena_.New<IndexExpr>(x->pos, Clone(x->x));
      for (Expr* i : x->indices) y->indices.push_back(Clone(i));
      y->rbrack = x->rbrack;
      return y;
    }
    case NodeKind::kSliceExpr: {
      auto* x = e->As<SliceExpr>();
      auto* y = arena_.New<SliceExpr>(x->pos, Clone(x->x));
      y->lo = Clone(x->lo);
      y->hi = Clone(x->hi);
      y->max = Clone(x->max);
      y->slice3 = x->slice3;
      return y;
    }
    case NodeKind::kTypeAssertExpr: {
      auto* x = e->As<TypeAssertExpr>();
      return arena_.New<TypeAssertExpr>(x->pos, Clone(x->x), Clone(x->type_expr));
    }
    case NodeKind::kCallExpr: {
      auto* x = e->As<CallExpr>();
      auto* y = arena_.New<CallExpr>(x->pos, Clone(x->fun));
      for (Expr* a : x->args) y->args.push_back(Clone(a));
      y->has_ellipsis = x->has_ellipsis;
      y->rparen = x->rparen;
      return y;
    }
    case NodeKind::kStarExpr: {
      auto* x = e->As<StarExpr>();
      return arena_.New<StarExpr>(x->pos, Clone(x->x));
    }
    case NodeKind::kUnaryExpr: {
      auto* x = e->As<UnaryExpr>();
      return arena_.New<UnaryExpr>(x->pos, x->op, Clone(x->x));
    }
    case NodeKind::kBinaryExpr: {
      auto* x = e->As<BinaryExpr>();
      return arena_.New<BinaryExpr>(x->pos, x->op, Clone(x->x), Clone(x->y));
    }
    case NodeKind::kKeyValueExpr: {
      auto* x = e->As<KeyValueExpr>();
      return arena_.New<KeyValueExpr>(x->pos, Clone(x->key), Clone(x->value));
    }
    case NodeKind::kEllipsis: {
      auto* x = e->As<Ellipsis>();
      return arena_.New<Ellipsis>(x->pos, Clone(x->elt));
    }
    case NodeKind::kArrayType: {
      auto* x = e->As<ArrayType>();
      return arena_.New<ArrayType>(x->pos, Clone(x->len), Clone(x->elt));
    }
    case NodeKind::kStructType: {
      auto* x = e->As<StructType>();
      auto* y = arena_.New<StructType>(x->pos);
      y->fields = CloneFields(*this, x->fields, arena_);
      return y;
    }
    case NodeKind::kFuncType: {
      auto* x = e->As<FuncType>();
      auto* y = arena_.New<FuncType>(x->pos);
      y->type_params = CloneFields(*this, x->type_params, arena_);
      y->params = CloneFields(*this, x->params, arena_);
      y->results = CloneFields(*this, x->results, arena_);
      return y;
    }
    case NodeKind::kInterfaceType: {
      auto* x = e->As<InterfaceType>();
      auto* y = arena_.New<InterfaceType>(x->pos);
      y->elems = CloneFields(*this, x->elems, arena_);
      return y;
    }
    case NodeKind::kMapType: {
      auto* x = e->As<MapType>();
      return arena_.New<MapType>(x->pos, Clone(x->key), Clone(x->value));
    }
    case NodeKind::kChanType: {
      auto* x = e->As<ChanType>();
      return arena_.New<ChanType>(x->pos, x->dir, Clone(x->value));
    }
    case NodeKind::kBadExpr:
      return arena_.New<BadExpr>(e->pos);
    default:
      return e;
  }
}

// ---------------------------------------------------------------- ExprString

std::string ExprString(const Expr* e) {
  if (e == nullptr) return "";
  auto list = [](const std::vector<Expr*>& xs) {
    std::vector<std::string> parts;
    for (const Expr* x : xs) parts.push_back(ExprString(x));
    return absl::StrJoin(parts, ", ");
  };
  switch (e->kind) {
    case NodeKind::kIdent: return e->As<Ident>()->name;
    case NodeKind::kBasicLit: return e->As<BasicLit>()->text;
    case NodeKind::kCompositeLit: {
      auto* x = e->As<CompositeLit>();
      return absl::StrCat(ExprString(x->type_expr), "{", x->elts.empty() ? "" : "…", "}");
    }
    case NodeKind::kFuncLit: return "func literal";
    case NodeKind::kParenExpr: return absl::StrCat("(", ExprString(e->As<ParenExpr>()->x), ")");
    case NodeKind::kSelectorExpr: {
      auto* x = e->As<SelectorExpr>();
      return absl::StrCat(ExprString(x->x), ".", x->sel->name);
    }
    case NodeKind::kIndexExpr: {
      auto* x = e->As<IndexExpr>();
      return absl::StrCat(ExprString(x->x), "[", list(x->indices), "]");
    }
    case NodeKind::kSliceExpr: {
      auto* x = e->As<SliceExpr>();
      std::string s = absl::StrCat(ExprString(x->x), "[", ExprString(x->lo), ":", ExprString(x->hi));
      if (x->slice3) absl::StrAppend(&s, ":", ExprString(x->max));
      return s + "]";
    }
    case NodeKind::kTypeAssertExpr: {
      auto* x = e->As<TypeAssertExpr>();
      return absl::StrCat(ExprString(x->x), ".(",
                          x->type_expr == nullptr ? "type" : ExprString(x->type_expr), ")");
    }
    case NodeKind::kCallExpr: {
      auto* x = e->As<CallExpr>();
      return absl::StrCat(ExprString(x->fun), "(", list(x->args), x->has_ellipsis ? "..." : "", ")");
    }
    case NodeKind::kStarExpr: return absl::StrCat("*", ExprString(e->As<StarExpr>()->x));
    case NodeKind::kUnaryExpr: {
      auto* x = e->As<UnaryExpr>();
      return absl::StrCat(TokSpelling(x->op), ExprString(x->x));
    }
    case NodeKind::kBinaryExpr: {
      auto* x = e->As<BinaryExpr>();
      return absl::StrCat(ExprString(x->x), " ", TokSpelling(x->op), " ", ExprString(x->y));
    }
    case NodeKind::kKeyValueExpr: {
      auto* x = e->As<KeyValueExpr>();
      return absl::StrCat(ExprString(x->key), ": ", ExprString(x->value));
    }
    case NodeKind::kEllipsis: return absl::StrCat("...", ExprString(e->As<Ellipsis>()->elt));
    case NodeKind::kArrayType: {
      auto* x = e->As<ArrayType>();
      return absl::StrCat("[", ExprString(x->len), "]", ExprString(x->elt));
    }
    case NodeKind::kStructType: return "struct{...}";
    case NodeKind::kFuncType: return "func(...)";
    case NodeKind::kInterfaceType: return "interface{...}";
    case NodeKind::kMapType: {
      auto* x = e->As<MapType>();
      return absl::StrCat("map[", ExprString(x->key), "]", ExprString(x->value));
    }
    case NodeKind::kChanType: {
      auto* x = e->As<ChanType>();
      const char* kw = x->dir == ChanDir::kRecv ? "<-chan " : x->dir == ChanDir::kSend ? "chan<- " : "chan ";
      return absl::StrCat(kw, ExprString(x->value));
    }
    default: return "BadExpr";
  }
}

// The first token of ctx that cannot stand in a type written as a type argument
// (gc's typeList after `x[a,`), or null: a type is stars and [...] prefixes, then a
// type keyword (map, chan, func, struct, interface, which this does not look into)
// or a possibly qualified name with optional [...] arguments.
antlr4::Token* AstBuilder::FirstNonTypeToken(antlr4::ParserRuleContext* ctx) {
  antlr4::Token* t = ctx->getStart();
  const size_t stop = ctx->getStop()->getTokenIndex();
  auto past_end = [&](antlr4::Token* x) { return x == nullptr || x->getTokenIndex() > stop; };
  // Skips from an opening [ to the token after its matching ].
  auto skip_brackets = [&](antlr4::Token* x) {
    int depth = 0;
    for (; !past_end(x); x = NextToken(x)) {
      if (x->getType() == P::L_BRACKET) ++depth;
      if (x->getType() == P::R_BRACKET && --depth == 0) return NextToken(x);
    }
    return x;
  };
  while (!past_end(t) && (t->getType() == P::STAR || t->getType() == P::L_BRACKET))
    t = t->getType() == P::STAR ? NextToken(t) : skip_brackets(t);
  if (past_end(t)) return nullptr;
  switch (t->getType()) {
    case P::MAP: case P::CHAN: case P::FUNC: case P::STRUCT: case P::INTERFACE: case P::L_PAREN:
      return nullptr;
    case P::IDENTIFIER:
      break;
    default:
      return t;
  }
  t = NextToken(t);
  if (!past_end(t) && t->getType() == P::DOT) {
    t = NextToken(t);
    if (past_end(t) || t->getType() != P::IDENTIFIER) return past_end(t) ? nullptr : t;
    t = NextToken(t);
  }
  if (!past_end(t) && t->getType() == P::L_BRACKET) t = skip_brackets(t);
  return past_end(t) ? nullptr : t;
}

}  // namespace gojit::frontend
