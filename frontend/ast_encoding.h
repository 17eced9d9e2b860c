// A parsed file as bytes, and back: what lets a run skip parsing the files it
// parsed before.
//
// Parsing the standard library with ANTLR is most of a cold load: a program using
// regexp, math/big and log parses 59 packages in about 1.8 s, and the checker then
// takes 0.3 s. The packages' compiled code is cached (jit/package_objects.h), but
// the checker needs their syntax trees on every run, and so does lowering (a
// package's key is its code). So the parser keeps, per file text, the tree it
// built: EncodeFile writes what the parser sets and nothing the checker adds, and
// DecodeFile rebuilds it into an arena, reading far faster than ANTLR parses.
//
// The format is a preorder walk: per node its kind, its position (line, column;
// the file is the one being decoded) and its fields in declaration order, as
// varints, length-prefixed strings and counted lists. One function per node kind
// lists the fields (ast_encoding.cc), used by both the writer and the reader, so
// that the two cannot disagree on order. File::imports is not written: it is the
// ImportSpecs of the file's import declarations, which DecodeFile collects again.
//
// Invariants:
//   - DecodeFile(EncodeFile(f)) dumps (ast_dump.h) exactly as f, positions
//     included; ast_encoding_test.cc checks it over the test corpus and
//     standard packages.
//   - The bytes are never trusted: DecodeFile bounds-checks every read, checks
//     each child's kind against its field's type, and returns null on anything
//     malformed; the caller then parses. A cached encoding is in any case only
//     read by the gojit that wrote it (its key includes the executable).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "frontend/ast.h"
#include "frontend/source.h"

namespace gojit::frontend {

// Changes whenever the format does; part of every stored encoding's key.
inline constexpr std::string_view kAstEncodingVersion = "ast-encoding-1";

// The encoding of a file the parser built with no errors; nullopt when the tree
// holds a position in another file (it cannot be told apart on decoding).
std::optional<std::string> EncodeFile(const File& file);

// Rebuilds an encoded file into `arena` with every position in `file_id`; null
// when `bytes` are not a whole, well-formed encoding (nothing then points into
// what was added to the arena).
File* DecodeFile(std::string_view bytes, FileId file_id, AstArena& arena);

// Where encodings are kept between runs, keyed by the file's text (two files with
// the same text parse to the same tree). cmd/gojit.cc keeps them in the program
// cache.
class ParsedFileStore {
 public:
  virtual ~ParsedFileStore() = default;
  virtual std::optional<std::string> Load(std::string_view text) = 0;
  virtual void Store(std::string_view text, std::string_view encoding) = 0;
};

}  // namespace gojit::frontend
