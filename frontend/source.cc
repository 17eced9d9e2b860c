// SourceManager and Diagnostics (see source.h).
//
// File names are displayed as `go build` displays them (checked against Go 1.19):
// the file's directory is made relative to the working directory when that is
// shorter (cmd/go's base.ShortPath), and a file in the working directory itself is
// written "./x.go". So "x.go" -> "./x.go", "sub/x.go" -> "sub/x.go", "../x.go" stays,
// and "/elsewhere/x.go" stays absolute. Standard-library files keep their path.
//
// Printing follows cmd/compile's base.FlushErrors and ErrorfAt: errors are sorted by
// position; only the first syntax error of a line is kept; a non-syntax error equal
// to one already kept on the same line is dropped; after 10 errors the 10th error's
// position is repeated with "too many errors" (exactly 10 errors say it too).
//
// What this file does not do: decide what is an error (the parser and the checker
// do) or exit (the driver does, with status 1 when HasErrors()).
#include "frontend/source.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/match.h"

namespace gojit::frontend {
namespace {

// Lexically cleans an absolute path into its components ("." and ".." resolved).
std::vector<std::string> CleanComponents(const std::string& abs) {
  std::vector<std::string> out;
  for (absl::string_view part : absl::StrSplit(abs, '/', absl::SkipEmpty())) {
    if (part == ".") continue;
    if (part == "..") {
      if (!out.empty()) out.pop_back();
      continue;
    }
    out.emplace_back(part);
  }
  return out;
}

std::string JoinAbs(const std::vector<std::string>& parts) {
  return "/" + absl::StrJoin(parts, "/");
}

std::string CurrentDir() {
  char buf[4096];
  if (getcwd(buf, sizeof buf) == nullptr) return "/";
  return buf;
}

// How `go build` prints the name of a source file given on its command line.
std::string DisplayName(const std::string& path) {
  if (path.empty()) return path;
  std::string cwd = CurrentDir();
  std::string abs = path[0] == '/' ? path : cwd + "/" + path;
  std::vector<std::string> file = CleanComponents(abs);
  if (file.empty()) return path;
  std::string base = file.back();
  file.pop_back();
  std::vector<std::string> here = CleanComponents(cwd);
  size_t common = 0;
  while (common < here.size() && common < file.size() && here[common] == file[common]) {
    ++common;
  }
  std::vector<std::string> rel;
  for (size_t i = common; i < here.size(); ++i) rel.push_back("..");
  for (size_t i = common; i < file.size(); ++i) rel.push_back(file[i]);
  if (rel.empty()) return "./" + base;
  std::string rel_dir = absl::StrJoin(rel, "/");
  std::string abs_dir = JoinAbs(file);
  return absl::StrCat(rel_dir.size() < abs_dir.size() ? rel_dir : abs_dir, "/", base);
}

bool IsSyntaxError(const Diagnostic& d) {
  return absl::StartsWith(d.message, "syntax error");
}

}  // namespace

FileId SourceManager::Add(std::string path, std::string text, bool is_stdlib) {
  SourceFile file;
  file.display_name = is_stdlib ? path : DisplayName(path);
  file.path = std::move(path);
  file.text = std::move(text);
  file.is_stdlib = is_stdlib;
  files_.push_back(std::move(file));
  return static_cast<FileId>(files_.size() - 1);
}

std::string SourceManager::Format(Pos pos) const {
  if (pos.file < 0 || static_cast<size_t>(pos.file) >= files_.size()) return "<unknown position>";
  const std::string& name = files_[pos.file].display_name;
  if (pos.line <= 0) return name;
  if (pos.col <= 0) return absl::StrFormat("%s:%d", name, pos.line);
  return absl::StrFormat("%s:%d:%d", name, pos.line, pos.col);
}

void Diagnostics::Error(Pos pos, std::string message) {
  errors_.push_back(Diagnostic{pos, std::move(message), false});
}

std::string Diagnostics::Render() const {
  std::vector<Diagnostic> sorted = errors_;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.pos < b.pos; });
  std::vector<const Diagnostic*> kept;
  const Diagnostic* last_syntax = nullptr;
  for (const Diagnostic& d : sorted) {
    bool same_line_as = false;
    if (IsSyntaxError(d)) {
      if (last_syntax != nullptr && last_syntax->pos.file == d.pos.file &&
          last_syntax->pos.line == d.pos.line) {
        continue;  // one syntax error per line, as gc
      }
      last_syntax = &d;
    } else {
      for (const Diagnostic* k : kept) {
        if (k->pos.file == d.pos.file && k->pos.line == d.pos.line && k->message == d.message) {
          same_line_as = true;
          break;
        }
      }
      if (same_line_as) continue;
    }
    kept.push_back(&d);
  }
  // gc stops as soon as it has 10 errors: exactly 10 already say "too many" (unless
  // -e lifts the limit).
  std::string out;
  size_t limit = all_errors_ ? kept.size() : 10;
  for (size_t i = 0; i < kept.size() && i < limit; ++i) {
    absl::StrAppend(&out, sources_.Format(kept[i]->pos), ": ", kept[i]->message, "\n");
  }
  if (!all_errors_ && kept.size() >= 10)
    absl::StrAppend(&out, sources_.Format(kept[9]->pos), ": too many errors\n");
  return out;
}

void Diagnostics::Print(std::FILE* out) const {
  std::string text = Render();
  std::fwrite(text.data(), 1, text.size(), out);
}

bool SourceManager::HasDirective(Pos pos, std::string_view directive) const {
  if (!pos.IsValid() || pos.file >= static_cast<FileId>(files_.size())) return false;
  std::string_view text = files_[pos.file].text;
  // The offsets at which lines 1..pos.line start.
  std::vector<size_t> starts{0};
  for (size_t i = 0; i < text.size() && static_cast<int32_t>(starts.size()) < pos.line; ++i) {
    if (text[i] == '\n') starts.push_back(i + 1);
  }
  for (int32_t line = pos.line - 1; line >= 1 && line <= static_cast<int32_t>(starts.size()); --line) {
    size_t b = starts[line - 1];
    size_t e = text.find('\n', b);
    std::string_view l = text.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b);
    while (!l.empty() && (l.back() == '\r' || l.back() == ' ' || l.back() == '\t')) l.remove_suffix(1);
    if (l.substr(0, 2) != "//") return false;
    if (l == directive) return true;
  }
  return false;
}

}  // namespace gojit::frontend
