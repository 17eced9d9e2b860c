// Evaluation of //go:build expressions (go/build/constraint's grammar), shared by
// the loader's build context (frontend/build_context.cc), which chooses the files
// of Go's packages, and the conformance runner (cmd/conformance_parse.cc), which
// chooses Go's tests. Each supplies its own answer to "does this tag hold".
//
//   or  := and { "||" and }      and := not { "&&" not }
//   not := "!" not | "(" or ")" | tag        tag := [A-Za-z0-9_.]+
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace gojit {

inline bool IsBuildTagChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
}

// The value of expr (the text after "//go:build"), or nullopt with *error set
// when it is malformed. Every tag is evaluated, so a syntax error anywhere counts.
inline std::optional<bool> EvalBuildExpr(absl::string_view expr,
                                         const std::function<bool(absl::string_view)>& holds,
                                         std::string* error = nullptr) {
  struct Parser {
    absl::string_view s;
    const std::function<bool(absl::string_view)>& holds;
    size_t pos = 0;
    std::string err;
    void Skip() {
      while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\r')) ++pos;
    }
    bool Eat(absl::string_view tok) {
      Skip();
      if (s.substr(pos, tok.size()) != tok) return false;
      pos += tok.size();
      return true;
    }
    bool Or() {
      bool v = And();
      while (err.empty() && Eat("||")) v = And() || v;
      return v;
    }
    bool And() {
      bool v = Not();
      while (err.empty() && Eat("&&")) v = Not() && v;
      return v;
    }
    bool Not() {
      if (Eat("!")) return !Not();
      if (Eat("(")) {
        bool v = Or();
        if (err.empty() && !Eat(")")) err = "missing )";
        return v;
      }
      Skip();
      size_t start = pos;
      while (pos < s.size() && IsBuildTagChar(s[pos])) ++pos;
      if (start == pos) {
        if (err.empty())
          err = pos < s.size() ? absl::StrCat("unexpected ", s.substr(pos, 1)) : "unexpected end of expression";
        return false;
      }
      return holds(s.substr(start, pos - start));
    }
  };
  Parser p{expr, holds, 0, {}};
  bool v = p.Or();
  p.Skip();
  if (p.err.empty() && p.pos != expr.size()) p.err = absl::StrCat("unexpected ", expr.substr(p.pos, 1));
  if (!p.err.empty()) {
    if (error != nullptr) *error = p.err;
    return std::nullopt;
  }
  return v;
}

}  // namespace gojit
