// //go:embed directives and pattern resolution (see embed.h for the rules).
#include "frontend/embed.h"

#include <dirent.h>
#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <set>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "frontend/constant.h"

namespace gojit::frontend {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

// The directive's arguments: bare words, "interpreted" or `raw` strings, separated
// by spaces (gc's rules; a quoted argument must be followed by a space or the end).
void ParseArguments(absl::string_view args, int first_col, EmbedDirective* d) {
  size_t i = 0;
  auto bad = [&](absl::string_view rest) {
    d->patterns.clear();
    d->pattern_cols.clear();
    // gc reports the quoting, then, the arguments being none, the usage.
    d->error = absl::StrCat("invalid quoted string in //go:embed: ", rest);
  };
  for (;;) {
    while (i < args.size() && IsSpace(args[i])) ++i;
    if (i == args.size()) break;
    int col = first_col + static_cast<int>(i);
    std::string pattern;
    if (args[i] == '`') {
      size_t end = args.find('`', i + 1);
      if (end == absl::string_view::npos) return bad(args.substr(i));
      pattern = std::string(args.substr(i + 1, end - i - 1));
      i = end + 1;
    } else if (args[i] == '"') {
      size_t end = i + 1;
      while (end < args.size() && args[end] != '"') end += args[end] == '\\' ? 2 : 1;
      if (end >= args.size()) return bad(args.substr(i));
      std::string literal(args.substr(i, end - i + 1));
      std::string error;
      std::optional<ConstValue> v = ConstValue::FromLiteral(LitKind::kString, literal, &error);
      if (!v) return bad(literal);
      pattern = v->s;
      i = end + 1;
    } else {
      size_t end = i;
      while (end < args.size() && !IsSpace(args[end])) ++end;
      pattern = std::string(args.substr(i, end - i));
      i = end;
    }
    if (i < args.size() && !IsSpace(args[i])) return bad(args.substr(i));
    d->patterns.push_back(std::move(pattern));
    d->pattern_cols.push_back(col);
  }
  if (d->patterns.empty()) d->error = "usage: //go:embed pattern...";
}

bool HasMeta(absl::string_view s) { return s.find_first_of("*?[\\") != absl::string_view::npos; }

// path.Match's syntax check of one element: escapes complete, character classes
// closed, and each class item a character or a range lo-hi whose ends are neither
// '-' nor ']' unless escaped.
bool ValidMatchSyntax(absl::string_view elem) {
  size_t i = 0;
  // One class character at elem[i], escaped or not; false when missing or bad.
  auto class_char = [&]() {
    if (i >= elem.size() || elem[i] == '-' || elem[i] == ']') return false;
    if (elem[i] == '\\' && ++i >= elem.size()) return false;
    ++i;
    return true;
  };
  while (i < elem.size()) {
    if (elem[i] == '\\') {
      if (++i >= elem.size()) return false;
      ++i;
    } else if (elem[i] == '[') {
      ++i;
      if (i < elem.size() && elem[i] == '^') ++i;
      for (bool first = true;; first = false) {
        if (i < elem.size() && elem[i] == ']' && !first) {
          ++i;
          break;
        }
        if (!class_char()) return false;
        if (i < elem.size() && elem[i] == '-') {
          ++i;
          if (!class_char()) return false;
        }
      }
    } else {
      ++i;
    }
  }
  return true;
}

// validEmbedPattern: fs.ValidPath (unrooted, no empty, "." or ".." elements, no
// trailing slash), not "." itself, and well-formed wildcards.
bool ValidPattern(absl::string_view glob) {
  if (glob.empty() || glob == ".") return false;
  for (absl::string_view elem : absl::StrSplit(glob, '/')) {
    if (elem.empty() || elem == "." || elem == "..") return false;
    if (!ValidMatchSyntax(elem)) return false;
  }
  return true;
}

bool IsBadName(absl::string_view name) {
  return name.empty() || name == ".bzr" || name == ".hg" || name == ".git" || name == ".svn";
}

std::vector<std::string> ListDir(const std::string& dir) {
  std::vector<std::string> names;
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return names;
  while (dirent* e = readdir(d)) {
    absl::string_view n = e->d_name;
    if (n != "." && n != "..") names.emplace_back(n);
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  return names;
}

bool Exists(const std::string& path) {
  struct stat st;
  return lstat(path.c_str(), &st) == 0;
}

// filepath.Glob of glob's elements below dir: the matching paths relative to dir.
void Glob(const std::string& dir, const std::vector<std::string>& elems, size_t k,
          const std::string& rel, std::vector<std::string>* out) {
  if (k == elems.size()) {
    out->push_back(rel);
    return;
  }
  auto visit = [&](const std::string& name) {
    std::string path = absl::StrCat(dir, "/", name);
    std::string next = rel.empty() ? name : absl::StrCat(rel, "/", name);
    if (k + 1 < elems.size()) {
      struct stat st;
      if (stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return;
    }
    Glob(path, elems, k + 1, next, out);
  };
  if (!HasMeta(elems[k])) {
    if (Exists(absl::StrCat(dir, "/", elems[k]))) visit(elems[k]);
    return;
  }
  for (const std::string& name : ListDir(dir)) {
    if (fnmatch(elems[k].c_str(), name.c_str(), 0) == 0) visit(name);
  }
}

struct Resolver {
  const std::string& pkg_dir;
  bool all;
  std::set<std::string> have;
  std::vector<std::string> list;

  std::string Abs(const std::string& rel) const { return absl::StrCat(pkg_dir, "/", rel); }

  // Every embeddable file below the directory rel; counts them.
  absl::Status Walk(const std::string& rel, int* count) {
    for (const std::string& name : ListDir(Abs(rel))) {
      std::string child = absl::StrCat(rel, "/", name);
      struct stat st;
      if (lstat(Abs(child).c_str(), &st) != 0) continue;
      bool is_dir = S_ISDIR(st.st_mode);
      if (IsBadName(name) || ((name[0] == '.' || name[0] == '_') && !all)) {
        if (is_dir || name[0] == '.' || name[0] == '_') continue;
        return absl::InvalidArgumentError(absl::StrCat("cannot embed file ", child, ": invalid name ", name));
      }
      if (is_dir) {
        if (Exists(Abs(child + "/go.mod"))) continue;
        if (absl::Status s = Walk(child, count); !s.ok()) return s;
        continue;
      }
      if (!S_ISREG(st.st_mode)) continue;
      ++*count;
      if (have.insert(child).second) list.push_back(child);
    }
    return absl::OkStatus();
  }

  absl::Status Add(const std::string& rel) {
    struct stat st;
    if (lstat(Abs(rel).c_str(), &st) != 0) return absl::NotFoundError(absl::StrCat("lstat ", Abs(rel), ": no such file"));
    const char* what = S_ISDIR(st.st_mode) ? "directory" : "file";
    // No element of the path may start another module or be a VCS directory.
    for (std::string dir = rel;;) {
      if (Exists(Abs(dir + "/go.mod"))) {
        return absl::InvalidArgumentError(absl::StrCat("cannot embed ", what, " ", rel, ": in different module"));
      }
      size_t slash = dir.rfind('/');
      std::string elem = slash == std::string::npos ? dir : dir.substr(slash + 1);
      if (IsBadName(elem)) {
        return absl::InvalidArgumentError(dir == rel ? absl::StrCat("cannot embed ", what, " ", rel, ": invalid name ", elem)
                                                     : absl::StrCat("cannot embed ", what, " ", rel, ": in invalid directory ", elem));
      }
      if (slash == std::string::npos) break;
      dir.resize(slash);
    }
    if (S_ISREG(st.st_mode)) {
      if (have.insert(rel).second) list.push_back(rel);
      return absl::OkStatus();
    }
    if (!S_ISDIR(st.st_mode)) return absl::InvalidArgumentError(absl::StrCat("cannot embed irregular file ", rel));
    int count = 0;
    if (absl::Status s = Walk(rel, &count); !s.ok()) return s;
    if (count == 0) {
      return absl::InvalidArgumentError(absl::StrCat("cannot embed directory ", rel, ": contains no embeddable files"));
    }
    return absl::OkStatus();
  }
};

// (directory, name) of an embed.FS entry: "a/b.txt" -> ("a", "b.txt"),
// "a/" -> (".", "a").
std::pair<absl::string_view, absl::string_view> SplitEntry(absl::string_view name) {
  absl::ConsumeSuffix(&name, "/");
  size_t slash = name.rfind('/');
  if (slash == absl::string_view::npos) return {".", name};
  return {name.substr(0, slash), name.substr(slash + 1)};
}

}  // namespace

std::vector<EmbedDirective> ScanEmbedDirectives(absl::string_view text) {
  // A small lexer: only line comments that begin their line (after indentation)
  // can be directives; string, rune and raw literals and block comments are
  // skipped, so a "//go:embed" inside them is not one.
  std::vector<EmbedDirective> out;
  int line = 1;
  size_t line_start = 0;
  bool only_space = true;  // nothing but indentation since line_start
  size_t i = 0;
  // Past a block comment or raw string ending before end, counting its lines.
  auto skip_to = [&](size_t end) {
    for (; i < end; ++i) {
      if (text[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
  };
  while (i < text.size()) {
    char c = text[i];
    if (c == '\n') {
      ++line;
      line_start = ++i;
      only_space = true;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      size_t end = text.find('\n', i);
      if (end == absl::string_view::npos) end = text.size();
      absl::string_view comment = text.substr(i, end - i);
      if (only_space && absl::ConsumePrefix(&comment, "//go:embed") && (comment.empty() || IsSpace(comment[0]))) {
        EmbedDirective d;
        d.line = line;
        d.col = static_cast<int>(i - line_start) + 1;
        ParseArguments(comment, d.col + static_cast<int>(sizeof "//go:embed" - 1), &d);
        out.push_back(std::move(d));
      }
      i = end;
      continue;
    }
    only_space = false;
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      size_t end = text.find("*/", i + 2);
      skip_to(end == absl::string_view::npos ? text.size() : end + 2);
      continue;
    }
    if (c == '`') {
      size_t end = text.find('`', i + 1);
      skip_to(end == absl::string_view::npos ? text.size() : end + 1);
      continue;
    }
    if (c == '"' || c == '\'') {
      for (++i; i < text.size() && text[i] != c && text[i] != '\n'; ++i) {
        if (text[i] == '\\') ++i;
      }
      if (i < text.size() && text[i] == c) ++i;
      continue;
    }
    ++i;
  }
  return out;
}

absl::StatusOr<std::vector<std::string>> ResolveEmbedPattern(const std::string& pkg_dir,
                                                             const std::string& pattern) {
  absl::string_view glob = pattern;
  bool all = absl::ConsumePrefix(&glob, "all:");
  if (!ValidPattern(glob)) return absl::InvalidArgumentError("invalid pattern syntax");
  std::vector<std::string> elems = absl::StrSplit(glob, '/');
  std::vector<std::string> matches;
  Glob(pkg_dir, elems, 0, "", &matches);
  Resolver r{pkg_dir, all, {}, {}};
  for (const std::string& m : matches) {
    if (absl::Status s = r.Add(m); !s.ok()) return s;
  }
  if (r.list.empty()) return absl::NotFoundError("no matching files found");
  std::sort(r.list.begin(), r.list.end());
  return r.list;
}

std::vector<std::string> EmbedFSEntries(const std::vector<std::string>& files) {
  std::set<std::string> have;
  std::vector<std::string> list;
  for (const std::string& file : files) {
    if (have.insert(file).second) list.push_back(file);
    for (size_t slash = file.rfind('/'); slash != std::string::npos && slash > 0;
         slash = file.rfind('/', slash - 1)) {
      std::string dir = file.substr(0, slash + 1);
      if (!have.insert(dir).second) break;
      list.push_back(dir);
    }
  }
  std::sort(list.begin(), list.end(), [](const std::string& x, const std::string& y) {
    auto [xdir, xname] = SplitEntry(x);
    auto [ydir, yname] = SplitEntry(y);
    return xdir < ydir || (xdir == ydir && xname < yname);
  });
  return list;
}

}  // namespace gojit::frontend
