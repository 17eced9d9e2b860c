// Names of AST node kinds and spellings of AST tokens, from the X-macro lists in
// ast_nodes.def and ast_tokens.def. Nothing else about the AST lives here.
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

}  // namespace gojit::frontend
