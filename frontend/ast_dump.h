// `--emit=ast`: a terse, indented dump of a File's AST, one node per line:
//   role: Kind line:col attributes
// e.g. "cond: BinaryExpr 6:7 op=<". Roles name the go/ast field a child sits in
// (x, fun, args, body, ...); list elements carry the list's name. Checker
// annotations (types, objects) are not printed. Used by --emit=ast and as the
// golden format of parser tests.
#pragma once

#include <string>

#include "frontend/ast.h"
#include "frontend/source.h"

namespace gojit::frontend {

std::string DumpAst(const File& file, const SourceManager& sources);

}  // namespace gojit::frontend
