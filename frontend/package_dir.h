// Reading a package's directory: its .go files, chosen by build constraints, with
// their texts, and the go command's words when a file cannot be read; and the
// path tests the loader, the package graph and module resolution share.
#pragma once

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "frontend/build_context.h"

namespace gojit::frontend {

// Go spells errno messages in lower case ("no such file or directory").
std::string GoErrno(int err);

// Reads a whole file; on failure returns false with the go command's words in
// *error.
bool ReadWholeFile(const std::string& path, std::string* text, std::string* error);
// ReadWholeFile for a Go source file: like the go command, a file holding a NUL
// byte is refused before parsing.
bool ReadGoFile(const std::string& path, std::string* text, std::string* error);

struct PackageDirFiles {
  bool dir_exists = false;
  int go_files = 0;                // .go files read before constraints were applied
  std::vector<std::string> paths;  // the files the context chooses, sorted by name
  std::vector<std::string> texts;  // their contents, in the same order
  std::string error;               // a malformed //go:build line; paths empty then
};

// The files of dir that make up its package for ctx (build_context.h's rules);
// with tests, its _test.go files too.
PackageDirFiles ReadPackageDir(const std::string& dir, const BuildContext& ctx, bool tests = false);

bool IsDir(const std::string& path);

// Whether an import path (or a directory) is prefix or below it, by whole
// elements: "a/b" is below "a", "ab" is not. Every path is below "".
bool HasPathPrefix(absl::string_view path, absl::string_view prefix);

}  // namespace gojit::frontend
