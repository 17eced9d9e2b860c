// Names of AST node kinds and spellings of AST tokens, from the X-macro lists in
// ast_nodes.def and ast_tokens.def, and StartPos.
#include "frontend/ast.h"

namespace gojit::frontend {

const char* NodeKindName(NodeKind kind) {
  switch (kind) {
#define GOJIT_AST_NODE(Name, Base) \
  case NodeKind::k##Name:          \
    return #Name;
#include "frontend/ast_nodes.def"
  }
  return "?";
}

const char* TokSpelling(Tok tok) {
  switch (tok) {
#define GOJIT_TOKEN(Name, Spelling) \
  case Tok::k##Name:                \
    return Spelling;
#include "frontend/ast_tokens.def"
  }
  return "?";
}

Pos StartPos(const Expr* e) {
  while (e != nullptr) {
    const Expr* next = nullptr;
    if (auto* c = e->As<CallExpr>()) next = c->fun;
    else if (auto* s = e->As<SelectorExpr>()) next = s->x;
    else if (auto* i = e->As<IndexExpr>()) next = i->x;
    else if (auto* sl = e->As<SliceExpr>()) next = sl->x;
    else if (auto* t = e->As<TypeAssertExpr>()) next = t->x;
    else if (auto* b = e->As<BinaryExpr>()) next = b->x;
    else if (auto* kv = e->As<KeyValueExpr>()) next = kv->key;
    else if (auto* cl = e->As<CompositeLit>()) next = cl->type_expr;
    if (next == nullptr) return e->pos;
    e = next;
  }
  return Pos{};
}

}  // namespace gojit::frontend
