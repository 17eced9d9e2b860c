// The entry point of parsing: Go source text to the AST of frontend/ast.h.
//
// ParseFile runs the ANTLR lexer and parser generated from grammar/*.g4 and hands
// the parse tree to the AST builder; ANTLR types never appear in this header.
// Lexical errors ("invalid character U+0040 '@'", "newline in string", ...) and the
// first syntax error of the file are reported through Diagnostics in gc's words;
// parsing goes on after an error so that the AST stays usable (it may then hold
// BadExpr/BadStmt and missing optional parts).
//
// What this does not do: resolve names, check types, or read files (the driver
// adds the text to the SourceManager).
#pragma once

#include <string>
#include <vector>

#include "frontend/ast.h"
#include "frontend/ast_encoding.h"
#include "frontend/source.h"

namespace gojit::frontend {

// Parses one file. Syntax errors go to diags with gc's wording, e.g.
// "syntax error: unexpected newline in argument list; possibly missing comma or )" or
// "syntax error: non-declaration statement outside function body".
// Returns null only when nothing usable was parsed (no package clause); the AST may
// hold BadExpr/BadStmt after errors.
File* ParseFile(const SourceManager& sources, FileId file, AstArena& arena, Diagnostics& diags);

// Parses several files, each into an arena and diagnostics of its own, taken into
// `arena` and `diags` in the order of `files`: the nodes, errors and result are
// those of calling ParseFile on each in turn. One entry per file, null where
// ParseFile would return null. With a store, a file whose text was parsed before
// is decoded from its encoding (ast_encoding.h) instead, and a file parsed
// without errors is stored. `sources` must not change meanwhile.
std::vector<File*> ParseFiles(const SourceManager& sources, const std::vector<FileId>& files,
                              AstArena& arena, Diagnostics& diags,
                              ParsedFileStore* store = nullptr);

// For `--emit=tokens`: one token per line, "line:col\tKIND\ttext". Inserted
// semicolons have kind SEMI and text "\n" (printed escaped); the last line is EOF.
std::string DumpTokens(const SourceManager& sources, FileId file);

}  // namespace gojit::frontend
