// Lexical checks that the ANTLR lexer leaves to C++: the shape of number, rune and
// string literals, with the messages and positions of gc's scanner
// (cmd/compile/internal/syntax/scanner.go: number, rune, stdString, escape).
//
// GoLexer.g4 lexes literals as greedily as gc's scanner consumes them (`089`,
// `0x`, `'ab'`, "\q" are single tokens); these functions say what is wrong with
// them. They do not evaluate literals (the checker's constant code does).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/ast.h"

namespace gojit::frontend {

struct LexError {
  size_t offset;  // byte offset inside the literal's text where gc reports it
  std::string message;
};

// Checks a number literal as gc's scanner.number does and returns its kind (kInt,
// kFloat or kImag).
LitKind CheckNumber(std::string_view text, std::vector<LexError>* errors);

// Checks a rune literal from its opening quote to its closing quote, or to the end
// of the line or file when it is not terminated (`at_eof` tells which).
void CheckRune(std::string_view text, bool at_eof, std::vector<LexError>* errors);

// Checks an interpreted string literal likewise ("newline in string", escapes).
// `at_eof`: the literal was cut short by the end of the file, not by a newline.
void CheckString(std::string_view text, bool at_eof, std::vector<LexError>* errors);

// Go's %q of a rune: 'a', '\n', '\x00', '\u00e9' style quoting as gc prints it in
// "invalid character U+0040 '@'" and escape errors.
std::string QuoteRune(char32_t r);

// "U+0040 '@'" (Go's %#U).
std::string FormatCodePoint(char32_t r);

}  // namespace gojit::frontend
