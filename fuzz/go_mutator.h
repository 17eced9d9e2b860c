// fuzz/go_mutator.h: the mutation half of gojit-difffuzz (fuzz/differential.cc). A
// small Go tokenizer and a mutator that turns a valid or deliberately invalid test
// program into a nearby program: one to three edits at the level of tokens (delete,
// duplicate, swap, replace an identifier, a literal, an operator or a keyword, wrap an
// operand in a conversion, an operator, an index or a call) or of lines (delete,
// duplicate, swap). The mutants are meant for a type checker: most are
// still parseable, and the replacements are chosen to stress constant arithmetic,
// assignability, predeclared names and declarations.
//
// What this is not: a parser. The tokenizer knows comments, interpreted and raw
// strings, runes, numbers, identifiers, keywords and operators, enough to edit whole
// tokens and to find the package clause; it does not insert semicolons and does not
// validate anything (an unterminated string or a stray byte becomes a token too).
//
// Invariants:
//   1. Deterministic: Mutate(src, seed) depends on nothing but its arguments (its own
//      splitmix64 generator; no std::uniform_int_distribution, whose output differs
//      between standard libraries), so a mutant is reproduced from seed and index.
//   2. The package clause and everything before it (the header comment with the
//      build constraints and the action line) are never edited; every mutant keeps
//      the seed's package name.
//   3. An edit never glues two tokens into one: inserted and replaced text is set off
//      by a space where its neighbours would otherwise touch it.
#ifndef GOJIT_FUZZ_GO_MUTATOR_H_
#define GOJIT_FUZZ_GO_MUTATOR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gojit::difffuzz {

enum class TokenKind {
  kComment,    // "// ..." (without the newline) or "/* ... */"
  kString,     // "..."
  kRawString,  // `...`
  kRune,       // '...'
  kNumber,     // 1, 0x1p-2, 1e+10, 1_000, .5, 3i
  kIdent,      // any identifier that is not a keyword, predeclared names included
  kKeyword,    // the 25 keywords of the spec
  kOperator,   // operators and punctuation, longest match
  kInvalid,    // one byte that starts no token
};

struct Token {
  TokenKind kind;
  size_t begin = 0;  // byte offsets into the source: [begin, end)
  size_t end = 0;
  int line = 1;  // 1-based, of `begin`
  int col = 1;   // 1-based byte column of `begin`
};

// Splits a Go source into tokens, comments included, in order. Never fails: an
// unterminated string, rune or comment runs to the end of its line (or of the file).
std::vector<Token> Tokenize(std::string_view src);

// The package name of a source: the identifier after the first `package` keyword;
// empty when there is none.
std::string PackageName(std::string_view src, const std::vector<Token>& tokens);

// Whether the source declares `func main` at the top level (a function, not a
// method: `func` then `main` outside any bracket). Meaningful for sources that parse.
bool DeclaresFuncMain(std::string_view src, const std::vector<Token>& tokens);

// One mutant: the new source and, per edit, a one-line description such as
// `replace-ident L12:5 "x" -> "int"`.
struct Mutant {
  std::string text;
  std::vector<std::string> edits;
};

// Applies between 1 and `max_edits` edits to `src`, chosen by `seed`. nullopt when no
// edit applies (no token after the package clause) or every edit left the text as
// it was.
std::optional<Mutant> Mutate(std::string_view src, uint64_t seed, int max_edits = 3);

// A 64-bit FNV-1a hash of a text as 16 lowercase hex digits: the stable name of a
// mutant (its files in --out, its key in the known-disagreements file).
std::string TextHash(std::string_view text);

}  // namespace gojit::difffuzz

#endif  // GOJIT_FUZZ_GO_MUTATOR_H_
