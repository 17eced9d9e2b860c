// AstBuilder, part 2: type expressions, fields, signatures, type parameters and
// constraints (`~T` is a UnaryExpr with kTilde, `A | B` a BinaryExpr with kOr, as
// in go/ast). See ast_builder.h.
#include <string>
#include <vector>

#include "frontend/ast_builder.h"

namespace gojit::frontend {

using P = grammar::GoParser;

Expr* AstBuilder::BuildType(P::Type_Context* ctx) {
  if (ctx == nullptr) return arena_.New<BadExpr>(Pos{pos_.file(), 0, 0});
  if (ctx->typeName() != nullptr) {
    Expr* x = BuildTypeName(ctx->typeName());
    if (ctx->typeArgs() != nullptr) x = BuildTypeArgs(x, ctx->typeArgs());
    return x;
  }
  if (ctx->typeLit() != nullptr) return BuildTypeLit(ctx->typeLit());
  if (ctx->L_PAREN() != nullptr && ctx->type_() != nullptr) {
    return arena_.New<ParenExpr>(PosOf(ctx->L_PAREN()), BuildType(ctx->type_()));
  }
  return Bad(ctx);
}

Expr* AstBuilder::BuildTypeName(P::TypeNameContext* ctx) {
  if (ctx == nullptr || ctx->IDENTIFIER().empty()) return Bad(ctx);
  Ident* x = MakeIdent(ctx->IDENTIFIER(0));
  if (ctx->IDENTIFIER().size() < 2) return x;
  return arena_.New<SelectorExpr>(x->pos, x, MakeIdent(ctx->IDENTIFIER(1)));
}

Expr* AstBuilder::BuildTypeArgs(Expr* x, P::TypeArgsContext* ctx) {
  auto* ix = arena_.New<IndexExpr>(x->pos, x);
  for (auto* t : ctx->type_()) ix->indices.push_back(BuildType(t));
  ix->rbrack = PosOf(ctx->R_BRACKET());
  if (ix->indices.empty()) Error(PosOf(ctx->R_BRACKET()), "syntax error: unexpected ], expected type argument list");
  return ix;
}

Expr* AstBuilder::BuildTypeLit(P::TypeLitContext* ctx) {
  if (ctx == nullptr) return Bad(ctx);
  if (auto* c = ctx->arrayType()) return BuildArrayType(c);
  if (auto* c = ctx->sliceType()) return BuildSliceType(c);
  if (auto* c = ctx->structType()) return BuildStructType(c);
  if (auto* c = ctx->pointerType()) {
    return arena_.New<StarExpr>(PosOf(c->STAR()), BuildType(c->type_()));
  }
  if (auto* c = ctx->functionType()) return BuildFuncType(PosOf(c->FUNC()), c->parameters(), c->result());
  if (auto* c = ctx->interfaceType()) return BuildInterfaceType(c);
  if (auto* c = ctx->mapType()) return BuildMapType(c);
  if (auto* c = ctx->channelType()) return BuildChannelType(c);
  return Bad(ctx);
}

Expr* AstBuilder::BuildArrayType(P::ArrayTypeContext* ctx) {
  Expr* len = ctx->expression() != nullptr ? BuildExpr(ctx->expression()) : Bad(ctx);
  return arena_.New<ArrayType>(PosOf(ctx->L_BRACKET()), len, BuildType(ctx->type_()));
}

Expr* AstBuilder::BuildSliceType(P::SliceTypeContext* ctx) {
  return arena_.New<ArrayType>(PosOf(ctx->L_BRACKET()), nullptr, BuildType(ctx->type_()));
}

Expr* AstBuilder::BuildMapType(P::MapTypeContext* ctx) {
  return arena_.New<MapType>(PosOf(ctx->MAP()), BuildType(ctx->type_(0)),
                             BuildType(ctx->type_(1)));
}

Expr* AstBuilder::BuildChannelType(P::ChannelTypeContext* ctx) {
  ChanDir dir = ChanDir::kBoth;
  antlr4::Token* first = ctx->getStart();
  if (first->getType() == P::RECEIVE) {
    dir = ChanDir::kRecv;
  } else if (ctx->RECEIVE() != nullptr) {
    dir = ChanDir::kSend;
  }
  return arena_.New<ChanType>(PosOf(first), dir, BuildType(ctx->type_()));
}

Expr* AstBuilder::BuildStructType(P::StructTypeContext* ctx) {
  auto* st = arena_.New<StructType>(PosOf(ctx->STRUCT()));
  for (auto* fd : ctx->fieldDecl()) {
    Field f;
    f.pos = PosOf(fd);
    if (auto* emb = fd->embeddedField()) {
      Expr* t = BuildTypeName(emb->typeName());
      if (emb->typeArgs() != nullptr) t = BuildTypeArgs(t, emb->typeArgs());
      if (emb->STAR() != nullptr) t = arena_.New<StarExpr>(PosOf(emb->STAR()), t);
      f.type_expr = t;
    } else {
      f.names = BuildIdentList(fd->identifierList());
      f.type_expr = BuildType(fd->type_());
    }
    if (fd->tag != nullptr) f.tag = std::string(pos_.Text(fd->tag->getStart()));
    st->fields.push_back(std::move(f));
  }
  return st;
}

Expr* AstBuilder::BuildInterfaceType(P::InterfaceTypeContext* ctx) {
  auto* it = arena_.New<InterfaceType>(PosOf(ctx->INTERFACE()));
  for (auto* elem : ctx->interfaceElem()) {
    Field f;
    f.pos = PosOf(elem);
    if (auto* m = elem->methodSpec()) {
      f.names.push_back(MakeIdent(m->IDENTIFIER()));
      // go/ast: a method's FuncType has no `func` keyword; it starts at '('.
      auto* ft = arena_.New<FuncType>(PosOf(m->parameters()));
      ft->params = BuildParameters(m->parameters());
      if (auto* r = m->result()) {
        if (r->parameters() != nullptr) {
          ft->results = BuildParameters(r->parameters());
        } else {
          Field rf;
          rf.pos = PosOf(r);
          rf.type_expr = BuildType(r->type_());
          ft->results.push_back(std::move(rf));
        }
      }
      f.type_expr = ft;
    } else {
      f.type_expr = BuildTypeElem(elem->typeElem());
    }
    it->elems.push_back(std::move(f));
  }
  return it;
}

FuncType* AstBuilder::BuildFuncType(Pos pos, P::SignatureContext* ctx) {
  if (ctx == nullptr) return arena_.New<FuncType>(pos);
  return BuildFuncType(pos, ctx->parameters(), ctx->result());
}

FuncType* AstBuilder::BuildFuncType(Pos pos, P::ParametersContext* params, P::ResultContext* r) {
  auto* ft = arena_.New<FuncType>(pos);
  ft->params = BuildParameters(params);
  if (r != nullptr) {
    if (r->parameters() != nullptr) {
      ft->results = BuildParameters(r->parameters());
    } else {
      Field rf;
      rf.pos = PosOf(r);
      rf.type_expr = BuildType(r->type_());
      ft->results.push_back(std::move(rf));
    }
  }
  return ft;
}

std::vector<Field> AstBuilder::BuildParameters(P::ParametersContext* ctx) {
  std::vector<Field> out;
  if (ctx == nullptr) return out;
  int named = 0;
  for (auto* pd : ctx->parameterDecl()) {
    Field f;
    f.pos = PosOf(pd);
    f.names = BuildIdentList(pd->identifierList());
    Expr* t = BuildType(pd->type_());
    if (pd->ELLIPSIS() != nullptr) t = arena_.New<Ellipsis>(PosOf(pd->ELLIPSIS()), t);
    f.type_expr = t;
    if (!f.names.empty()) ++named;
    out.push_back(std::move(f));
  }
  if (named != 0 && named != static_cast<int>(out.size())) {
    // gc's paramList: the left-most parameter without a name.
    for (const Field& f : out) {
      if (f.names.empty()) {
        Error(f.type_expr->pos, "syntax error: mixed named and unnamed parameters");
        break;
      }
    }
  }
  return out;
}

std::vector<Field> AstBuilder::BuildTypeParameters(P::TypeParametersContext* ctx) {
  std::vector<Field> out;
  if (ctx == nullptr) return out;
  for (auto* d : ctx->typeParameterDecl()) {
    Field f;
    f.pos = PosOf(d);
    f.names = BuildIdentList(d->identifierList());
    f.type_expr = BuildTypeElem(d->typeElem());
    out.push_back(std::move(f));
  }
  return out;
}

Expr* AstBuilder::BuildTypeElem(P::TypeElemContext* ctx) {
  if (ctx == nullptr || ctx->typeTerm().empty()) return Bad(ctx);
  auto term = [&](P::TypeTermContext* t) -> Expr* {
    Expr* x = BuildType(t->type_());
    if (t->TILDE() != nullptr) x = arena_.New<UnaryExpr>(PosOf(t->TILDE()), Tok::kTilde, x);
    return x;
  };
  Expr* x = term(ctx->typeTerm(0));
  for (size_t i = 1; i < ctx->typeTerm().size(); ++i) {
    Pos op = i - 1 < ctx->OR().size() ? PosOf(ctx->OR(i - 1)) : x->pos;
    x = arena_.New<BinaryExpr>(op, Tok::kOr, x, term(ctx->typeTerm(i)));
  }
  return x;
}

}  // namespace gojit::frontend
