// Deep copies of syntax trees, for generic instantiation.
//
// gojit instantiates a generic function by checking a fresh copy of its declaration
// with the type parameters bound to the type arguments (checker_generic.cc): the
// checker annotates nodes in place, so every instance needs nodes of its own.
//
// Invariants:
//  1. A clone shares no node with its original; it lives in the same AstArena.
//  2. Only syntax is copied (what ast_builder fills in); every checker annotation of
//     the clone is in its initial state, as if freshly parsed.
#pragma once

#include <functional>

#include "frontend/ast.h"

namespace gojit::frontend {

FuncDecl* CloneFuncDecl(AstArena& arena, const FuncDecl* decl);

// Calls visit on every node of decl, parents before children (by way of a copy
// that is thrown away: the copy's traversal is the one walk of every node kind).
void VisitFuncDecl(const FuncDecl* decl, const std::function<void(const Node*)>& visit);

}  // namespace gojit::frontend
