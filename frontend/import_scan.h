// The package clause and import declarations at the top of a Go file, read without
// parsing the file: what the go command reads to find a program's packages before
// compiling any (package_graph.h), with the positions its errors name.
//
// The header is the file's leading comments, `package name`, then `import` specs,
// single or in parenthesised groups, separated by semicolons or newlines. Scanning
// stops at the first token that cannot continue the header; a file whose header is
// malformed yields what was read before the fault (the parser reports the fault
// itself when the file is compiled).
#pragma once

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace gojit::frontend {

struct ScannedImport {
  std::string path;  // unquoted
  int line = 0;      // of the spec's first token (its name, if it has one), 1-based
  int col = 0;       // in bytes, 1-based
};

struct FileHeader {
  std::string package_name;  // empty if the file has no package clause
  std::vector<ScannedImport> imports;
};

FileHeader ScanFileHeader(absl::string_view text);

}  // namespace gojit::frontend
