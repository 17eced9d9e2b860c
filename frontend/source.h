// Source files, positions and the diagnostics gc prints about them.
//
// A Pos is (file, line, column) with 1-based line and column counted in bytes, as gc
// counts them. SourceManager owns the text of every file of a run (the program's and
// the standard library's) and prints a position the way gc does: the file name as the
// user wrote it, prefixed with "./" when it is a plain relative name (`./hello.go:4:2`).
//
// Diagnostics collects user-facing errors; it never stops at the first one. Like gc
// it prints at most 10 errors, then "too many errors". Errors are sorted by position
// before printing, as gc sorts them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gojit::frontend {

using FileId = int32_t;

struct Pos {
  FileId file = -1;
  int32_t line = 0;
  int32_t col = 0;
  bool IsValid() const { return file >= 0 && line > 0; }
  friend bool operator<(const Pos& a, const Pos& b) {
    if (a.file != b.file) return a.file < b.file;
    if (a.line != b.line) return a.line < b.line;
    return a.col < b.col;
  }
  friend bool operator==(const Pos& a, const Pos& b) {
    return a.file == b.file && a.line == b.line && a.col == b.col;
  }
};

struct SourceFile {
  std::string path;          // as given (or the stdlib path for library files)
  std::string display_name;  // how gc prints it: "./x.go" for "x.go"
  std::string text;
  bool is_stdlib = false;
};

class SourceManager {
 public:
  FileId Add(std::string path, std::string text, bool is_stdlib = false);
  const SourceFile& Get(FileId id) const { return files_[id]; }
  // "./hello.go:4:2"
  std::string Format(Pos pos) const;
  // Whether the comment lines immediately above pos's line (gc's comment group
  // before a declaration) include one that is exactly `directive` ("//go:noinline").
  bool HasDirective(Pos pos, std::string_view directive) const;
  size_t size() const { return files_.size(); }

 private:
  std::vector<SourceFile> files_;
};

struct Diagnostic {
  Pos pos;
  std::string message;
  bool soft = false;  // "declared and not used" and friends: reported, sorted last-wins
};

class Diagnostics {
 public:
  explicit Diagnostics(const SourceManager& sources) : sources_(sources) {}
  void Error(Pos pos, std::string message);
  bool HasErrors() const { return !errors_.empty(); }
  size_t ErrorCount() const { return errors_.size(); }
  const std::vector<Diagnostic>& errors() const { return errors_; }
  // Adds other's diagnostics after these, as they were reported.
  void Append(const Diagnostics& other) {
    errors_.insert(errors_.end(), other.errors_.begin(), other.errors_.end());
  }
  // Prints as gc does: sorted, deduplicated by line, at most 10, then
  // "too many errors".
  void Print(std::FILE* out) const;
  std::string Render() const;
  // gc's -e: report every error, not just the first 10.
  void set_all_errors(bool all) { all_errors_ = all; }

 private:
  const SourceManager& sources_;
  std::vector<Diagnostic> errors_;
  bool all_errors_ = false;
};

}  // namespace gojit::frontend
