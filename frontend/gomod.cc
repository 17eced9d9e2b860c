// go.mod and go.sum reading (see gomod.h). The lexing follows the go.mod reference
// (https://go.dev/ref/mod#go-mod-file-lexical): words, quoted strings, `(` and `)`,
// `//` comments, newlines ending lines.
#include "frontend/gomod.h"

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace gojit::frontend {
namespace {

// One line's tokens, with the line number the go command reports.
struct ModLine {
  int number;
  std::vector<std::string> words;
};

// Splits text into lines of tokens. A quoted token is unquoted; `(` and `)` are
// tokens of their own. Returns an error for an unterminated string.
absl::StatusOr<std::vector<ModLine>> Lex(absl::string_view name, absl::string_view text) {
  std::vector<ModLine> lines;
  int number = 1;
  ModLine cur{1, {}};
  size_t i = 0;
  auto end_line = [&] {
    if (!cur.words.empty()) lines.push_back(std::move(cur));
    cur = ModLine{++number, {}};
  };
  while (i < text.size()) {
    char c = text[i];
    if (c == '\n') {
      end_line();
      ++i;
    } else if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
    } else if (text.substr(i, 2) == "//") {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == '(' || c == ')') {
      cur.words.emplace_back(1, c);
      ++i;
    } else if (c == '"' || c == '`') {
      std::string word;
      size_t j = i + 1;
      for (; j < text.size() && text[j] != c && text[j] != '\n'; ++j) {
        if (c == '"' && text[j] == '\\' && j + 1 < text.size()) ++j;  // module paths need no more
        word.push_back(text[j]);
      }
      if (j >= text.size() || text[j] != c)
        return absl::InvalidArgumentError(absl::StrCat(name, ":", number, ": unterminated quoted string"));
      cur.words.push_back(std::move(word));
      i = j + 1;
    } else {
      size_t j = i;
      while (j < text.size() && !strchr(" \t\r\n()\"`", text[j]) && text.substr(j, 2) != "//") ++j;
      cur.words.emplace_back(text.substr(i, j - i));
      i = j;
    }
  }
  end_line();
  return lines;
}

bool IsLocalPath(absl::string_view p) {
  return absl::StartsWith(p, "./") || absl::StartsWith(p, "../") || absl::StartsWith(p, "/") ||
         p == "." || p == "..";
}

}  // namespace

absl::StatusOr<ModFile> ParseModFile(absl::string_view name, absl::string_view text) {
  absl::StatusOr<std::vector<ModLine>> lines = Lex(name, text);
  if (!lines.ok()) return lines.status();
  ModFile mod;
  auto error = [&](int line, absl::string_view msg) {
    return absl::InvalidArgumentError(absl::StrCat(name, ":", line, ": ", msg));
  };
  // Applies one directive verb to its arguments (a block's line, or the rest of a
  // one-line directive).
  auto apply = [&](const std::string& verb, const std::vector<std::string>& args,
                   int line) -> absl::Status {
    if (verb == "module") {
      if (args.size() != 1) return error(line, "usage: module module/path");
      mod.module_path = args[0];
    } else if (verb == "go") {
      if (args.size() != 1) return error(line, "usage: go 1.23");
      mod.go_version = args[0];
    } else if (verb == "require") {
      if (args.size() != 2) return error(line, "usage: require module/path v1.2.3");
      mod.require[args[0]] = args[1];
    } else if (verb == "replace") {
      // old [v] => new [v]
      size_t arrow = 0;
      while (arrow < args.size() && args[arrow] != "=>") ++arrow;
      if (arrow == 0 || arrow > 2 || arrow + 1 >= args.size() || args.size() - arrow - 1 > 2)
        return error(line, "usage: replace module/path [v1.2.3] => other/module v1.4\n\t or replace module/path [v1.2.3] => ../local/directory");
      ModReplace r;
      r.old_path = args[0];
      if (arrow == 2) r.old_version = args[1];
      r.new_path = args[arrow + 1];
      if (args.size() - arrow - 1 == 2) r.new_version = args[arrow + 2];
      if (r.new_version.empty() && !IsLocalPath(r.new_path))
        return error(line, "replacement module without version must be directory path (rooted or starting with . or ..)");
      mod.replaces.push_back(std::move(r));
    } else if (verb != "toolchain" && verb != "godebug" && verb != "exclude" &&
               verb != "retract" && verb != "tool" && verb != "ignore") {
      return error(line, absl::StrCat("unknown directive: ", verb));
    }
    return absl::OkStatus();
  };
  for (size_t i = 0; i < lines->size(); ++i) {
    const ModLine& l = (*lines)[i];
    std::string verb = l.words[0];
    std::vector<std::string> args(l.words.begin() + 1, l.words.end());
    if (args.size() == 1 && args[0] == "(") {
      // A block: lines up to the closing parenthesis.
      bool closed = false;
      for (++i; i < lines->size(); ++i) {
        const ModLine& b = (*lines)[i];
        if (b.words.size() == 1 && b.words[0] == ")") {
          closed = true;
          break;
        }
        if (absl::Status s = apply(verb, b.words, b.number); !s.ok()) return s;
      }
      if (!closed) return error(l.number, "unterminated block started here");
      continue;
    }
    if (absl::Status s = apply(verb, args, l.number); !s.ok()) return s;
  }
  return mod;
}

GoSum ParseGoSum(absl::string_view text) {
  GoSum sum;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    std::vector<absl::string_view> f = absl::StrSplit(line, ' ', absl::SkipWhitespace());
    if (f.size() == 3) sum[absl::StrCat(f[0], " ", f[1])] = std::string(f[2]);
  }
  return sum;
}

std::string EscapeModulePath(absl::string_view path) {
  std::string out;
  for (char c : path) {
    if (c >= 'A' && c <= 'Z') {
      out.push_back('!');
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else {
      out.push_back(c);
    }
  }
  return out;
}

namespace {

// The value of key in the go command's environment: the process environment, then
// the user's go env file ($GOENV, else $XDG_CONFIG_HOME/go/env, else
// $HOME/.config/go/env), as `go env -w` writes it.
std::string GoEnv(const char* key) {
  if (const char* v = std::getenv(key); v != nullptr && *v != '\0') return v;
  std::string file;
  if (const char* v = std::getenv("GOENV"); v != nullptr && *v != '\0') {
    file = v;
  } else if (const char* x = std::getenv("XDG_CONFIG_HOME"); x != nullptr && *x != '\0') {
    file = absl::StrCat(x, "/go/env");
  } else if (const char* h = std::getenv("HOME"); h != nullptr && *h != '\0') {
    file = absl::StrCat(h, "/.config/go/env");
  }
  if (file.empty() || file == "off") return "";
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    absl::string_view l = line;
    if (absl::ConsumePrefix(&l, key) && absl::ConsumePrefix(&l, "="))
      return std::string(absl::StripAsciiWhitespace(l));
  }
  return "";
}

}  // namespace

std::string ModuleCacheDir() {
  if (std::string dir = GoEnv("GOMODCACHE"); !dir.empty()) return dir;
  std::string gopath = GoEnv("GOPATH");
  if (!gopath.empty()) return absl::StrCat(gopath.substr(0, gopath.find(':')), "/pkg/mod");
  const char* home = std::getenv("HOME");
  return absl::StrCat(home ? home : "", "/go/pkg/mod");
}

}  // namespace gojit::frontend
