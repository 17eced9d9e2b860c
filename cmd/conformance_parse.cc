// cmd/conformance_parse.cc: build constraints, action lines, imports, ERROR comments
// and errorcheck scoring for gojit-conformance (see conformance_parse.h). Each rule
// says which part of Go's test/run.go (or go/build/constraint) it mirrors.

#include "cmd/conformance_parse.h"

#include <cctype>
#include <regex>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/build_expr.h"
#include "testdata/harness.h"

namespace gojit::conformance {
namespace {

// The newest language version gojit implements: go1.N tags hold for N <= this.
constexpr int kGoMinor = 26;

// "// +build A,!B C": space-separated options, any of which may hold; each option is
// comma-separated terms that must all hold. Mirrors constraint.parsePlusBuildExpr.
std::optional<bool> EvalPlusBuild(absl::string_view rest) {
  std::vector<absl::string_view> options =
      absl::StrSplit(rest, absl::ByAnyChar(" \t"), absl::SkipEmpty());
  if (options.empty()) return std::nullopt;
  bool any = false;
  for (absl::string_view option : options) {
    bool all = true;
    for (absl::string_view term : absl::StrSplit(option, ',')) {
      bool negate = absl::ConsumePrefix(&term, "!");
      if (term.empty() || term[0] == '!') return std::nullopt;
      for (char c : term) {
        if (!IsBuildTagChar(c)) return std::nullopt;
      }
      if (MatchTag(term) == negate) all = false;
    }
    if (all) any = true;
  }
  return any;
}

bool IsConstraintLine(absl::string_view line) {
  line = absl::StripAsciiWhitespace(line);
  if (absl::StartsWith(line, "//go:build")) return true;
  if (!absl::ConsumePrefix(&line, "//")) return false;
  line = absl::StripLeadingAsciiWhitespace(line);
  return absl::StartsWith(line, "+build") &&
         (line.size() == 6 || line[6] == ' ' || line[6] == '\t');
}

// --- a tokenizer just good enough to find import paths ----------------------------

struct Token {
  enum Kind { kEnd, kIdent, kString, kPunct } kind = kEnd;
  std::string text;  // identifier, punctuation, or the string's unquoted value
};

class ImportLexer {
 public:
  explicit ImportLexer(absl::string_view s) : s_(s) {}

  Token Next() {
    SkipSpaceAndComments();
    Token t;
    if (pos_ >= s_.size()) return t;
    char c = s_[pos_];
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_' ||
        static_cast<unsigned char>(c) >= 0x80) {
      size_t start = pos_;
      while (pos_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) ||
                                  s_[pos_] == '_' ||
                                  static_cast<unsigned char>(s_[pos_]) >= 0x80))
        ++pos_;
      t.kind = Token::kIdent;
      t.text = std::string(s_.substr(start, pos_ - start));
      return t;
    }
    if (c == '"' || c == '`' || c == '\'') {
      ++pos_;
      t.kind = c == '\'' ? Token::kPunct : Token::kString;
      while (pos_ < s_.size() && s_[pos_] != c && (c == '`' || s_[pos_] != '\n')) {
        if (c != '`' && s_[pos_] == '\\' && pos_ + 1 < s_.size()) {
          t.text += s_[pos_ + 1];  // import paths carry no escapes worth decoding
          pos_ += 2;
          continue;
        }
        t.text += s_[pos_++];
      }
      ++pos_;
      return t;
    }
    t.kind = Token::kPunct;
    t.text = std::string(1, c);
    ++pos_;
    return t;
  }

 private:
  void SkipSpaceAndComments() {
    while (pos_ < s_.size()) {
      if (std::isspace(static_cast<unsigned char>(s_[pos_]))) {
        ++pos_;
      } else if (s_.substr(pos_, 2) == "//") {
        size_t nl = s_.find('\n', pos_);
        pos_ = nl == absl::string_view::npos ? s_.size() : nl + 1;
      } else if (s_.substr(pos_, 2) == "/*") {
        size_t end = s_.find("*/", pos_ + 2);
        pos_ = end == absl::string_view::npos ? s_.size() : end + 2;
      } else {
        return;
      }
    }
  }

  absl::string_view s_;
  size_t pos_ = 0;
};

}  // namespace

bool MatchTag(absl::string_view tag) {
  if (tag.empty()) return false;
  for (char c : tag) {
    if (!IsBuildTagChar(c)) return false;
  }
  if (tag == "linux" || tag == "amd64" || tag == "unix" || tag == "gc" || tag == "test_run")
    return true;
  absl::string_view minor = tag;
  int n = 0;
  if (absl::ConsumePrefix(&minor, "go1.") && absl::SimpleAtoi(minor, &n) &&
      minor.find_first_not_of("0123456789") == absl::string_view::npos)
    return n >= 0 && n <= kGoMinor;
  return false;  // cgo, gccgo, goexperiment.*, other targets, unknown tags
}

std::optional<bool> EvalConstraintLine(absl::string_view line) {
  line = absl::StripAsciiWhitespace(line);
  if (absl::ConsumePrefix(&line, "//go:build")) {
    if (!line.empty() && line[0] != ' ' && line[0] != '\t') return std::nullopt;
    return EvalBuildExpr(line, MatchTag);
  }
  if (!IsConstraintLine(line)) return std::nullopt;
  line.remove_prefix(2);
  line = absl::StripLeadingAsciiWhitespace(line);
  line.remove_prefix(6);  // "+build"
  return EvalPlusBuild(line);
}

std::vector<std::string> SplitQuoted(absl::string_view s) {
  std::vector<std::string> words;
  std::string cur;
  bool in_word = false;
  char quote = 0;
  for (char c : s) {
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else {
        cur += c;
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
      in_word = true;
    } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      if (in_word) words.push_back(cur);
      cur.clear();
      in_word = false;
    } else {
      cur += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(cur);
  return words;
}

Header ParseHeader(absl::string_view src) {
  Header h;
  bool have_action = false;
  for (absl::string_view line : absl::StrSplit(src, '\n')) {
    if (absl::StartsWith(line, "package ")) break;
    // run.go evaluates every constraint line of the header, wherever it sits.
    if (std::optional<bool> ok = EvalConstraintLine(line); ok.has_value()) {
      if (!*ok && h.build_ok) {
        h.build_ok = false;
        h.constraint = std::string(absl::StripAsciiWhitespace(line));
      }
      continue;
    }
    if (have_action || IsConstraintLine(line) ||
        absl::StripAsciiWhitespace(line).empty())
      continue;
    have_action = true;
    absl::string_view text = absl::StripAsciiWhitespace(line);
    if (!absl::ConsumePrefix(&text, "//")) continue;  // code first: no action
    std::vector<std::string> words = SplitQuoted(text);
    if (words.empty()) continue;
    h.action = words[0];
    size_t i = 1;
    // run.go's flag loop: words starting with '-' are flags; -t and -goexperiment
    // take the next word as their value.
    for (; i < words.size() && absl::StartsWith(words[i], "-"); ++i) {
      if (words[i] == "-t" && i + 1 < words.size()) {
        (void)absl::SimpleAtoi(words[++i], &h.timeout_s);
        continue;
      }
      if (words[i] == "-goexperiment" && i + 1 < words.size()) {
        h.flags.push_back(absl::StrCat(words[i], " ", words[i + 1]));
        ++i;
        continue;
      }
      h.flags.push_back(words[i]);
    }
    h.args.assign(words.begin() + i, words.end());
  }
  return h;
}

std::vector<std::string> ScanImports(absl::string_view src) {
  std::vector<std::string> paths;
  ImportLexer lex(src);
  Token t = lex.Next();
  if (t.kind != Token::kIdent || t.text != "package") return paths;
  lex.Next();  // the package name
  for (t = lex.Next(); t.kind != Token::kEnd; t = lex.Next()) {
    if (t.kind == Token::kPunct && t.text == ";") continue;
    if (t.kind != Token::kIdent || t.text != "import") break;
    t = lex.Next();
    if (t.kind == Token::kPunct && t.text == "(") {
      for (t = lex.Next(); t.kind != Token::kEnd && !(t.kind == Token::kPunct && t.text == ")");
           t = lex.Next()) {
        if (t.kind == Token::kString) paths.push_back(t.text);
      }
      continue;
    }
    if (t.kind != Token::kString) t = lex.Next();  // a name, '.' or '_'
    if (t.kind == Token::kString) paths.push_back(t.text);
  }
  return paths;
}

bool StartsGoroutines(absl::string_view src) {
  ImportLexer lex(src);
  for (Token t = lex.Next(); t.kind != Token::kEnd; t = lex.Next()) {
    if (t.kind == Token::kIdent && t.text == "go") return true;
  }
  return false;
}

std::vector<WantedLine> ParseErrorComments(absl::string_view src, absl::string_view short_name) {
  // The regexps of run.go: errRx, errAutoRx, errQuotesRx, lineRx.
  static const std::regex error_re(R"(// (?:GC_)?ERROR (.*))");
  static const std::regex auto_re(R"(// (?:GC_)?ERRORAUTO (.*))");
  static const std::regex quoted_re(R"re("([^"]*)")re");
  static const std::regex line_re(R"(LINE(([+-])([0-9]+))?)");
  std::vector<WantedLine> wanted;
  int line_num = 0;
  for (absl::string_view sv : absl::StrSplit(src, '\n')) {
    ++line_num;
    std::string line(sv);
    if (line.find("////") != std::string::npos) continue;
    std::smatch m;
    if (std::regex_search(line, m, auto_re) || !std::regex_search(line, m, error_re)) continue;
    std::string all = m[1];
    WantedLine w;
    w.line = line_num;
    for (std::sregex_iterator it(all.begin(), all.end(), quoted_re), end; it != end; ++it) {
      std::string rx = (*it)[1];
      std::string out;
      size_t last = 0;
      for (std::sregex_iterator lt(rx.begin(), rx.end(), line_re), lend; lt != lend; ++lt) {
        int n = line_num, delta = 0;
        if ((*lt)[3].matched) delta = std::stoi((*lt)[3]);
        n += (*lt)[2] == "-" ? -delta : delta;
        out += rx.substr(last, lt->position() - last);
        out += absl::StrCat(short_name, ":", n);
        last = lt->position() + lt->length();
      }
      out += rx.substr(last);
      w.regexes.push_back(out);
    }
    if (!w.regexes.empty()) wanted.push_back(std::move(w));
  }
  return wanted;
}

std::vector<Diag> SplitDiagnostics(absl::string_view output) {
  static const std::regex pos_re(R"(^(.+?):(\d+)(?::\d+)?: (.*)$)");
  std::vector<Diag> diags;
  for (absl::string_view sv : absl::StrSplit(output, '\n')) {
    std::string line(absl::StripSuffix(sv, "\r"));
    if (!line.empty() && line[0] == '\t') {
      if (!diags.empty()) absl::StrAppend(&diags.back().text, "\n", line);
      continue;
    }
    if (absl::StripAsciiWhitespace(line).empty() || line[0] == '#') continue;
    Diag d;
    std::smatch m;
    if (std::regex_match(line, m, pos_re) && m[1].str().find(' ') == std::string::npos) {
      d.file = m[1];
      d.line = std::stoi(m[2]);
      d.text = m[3];
    } else {
      d.text = line;
    }
    diags.push_back(std::move(d));
  }
  return diags;
}

ErrorcheckScore ScoreErrorcheck(absl::string_view short_name,
                                const std::vector<WantedLine>& wanted,
                                const std::vector<Diag>& diags) {
  // run.go's matchPrefix: the file's base name (any directory before it) and line.
  auto on_line = [&](const Diag& d, int line) {
    if (d.line != line) return false;
    absl::string_view base = d.file;
    if (size_t slash = base.rfind('/'); slash != absl::string_view::npos)
      base.remove_prefix(slash + 1);
    return base == short_name;
  };
  ErrorcheckScore s;
  std::vector<bool> consumed(diags.size(), false), on_error_line(diags.size(), false);
  for (const WantedLine& w : wanted) {
    ++s.wanted_lines;
    bool located = false;
    for (size_t i = 0; i < diags.size(); ++i) {
      if (on_line(diags[i], w.line)) located = on_error_line[i] = true;
    }
    if (located) ++s.located_lines;
    // As run.go's errorCheck: each regexp takes the messages of its line not yet
    // matched by an earlier regexp, consumes those it matches, and needs one.
    bool all_matched = true;
    for (const std::string& rx : w.regexes) {
      std::regex re;
      try {
        re = testdata::GoRegex(rx);
      } catch (const std::regex_error&) {
        ++s.bad_regexes;
        all_matched = false;
        if (s.first_problem.empty())
          s.first_problem = absl::StrCat(short_name, ":", w.line, ": bad regexp \"", rx, "\"");
        continue;
      }
      bool any = false, matched = false;
      for (size_t i = 0; i < diags.size(); ++i) {
        if (consumed[i] || !on_line(diags[i], w.line)) continue;
        any = true;
        if (std::regex_search(diags[i].text, re)) consumed[i] = matched = true;
      }
      if (!matched) {
        all_matched = false;
        if (s.first_problem.empty())
          s.first_problem = absl::StrCat(short_name, ":", w.line,
                                         any ? ": no match for \"" : ": missing error \"",
                                         rx, "\"");
      }
    }
    if (all_matched) ++s.exact_lines;
  }
  bool leftover = false;
  for (size_t i = 0; i < diags.size(); ++i) {
    if (!on_error_line[i]) ++s.spurious;
    if (!consumed[i]) {
      if (s.first_problem.empty())
        s.first_problem = absl::StrCat(
            "unexpected error: ",
            diags[i].line > 0 ? absl::StrCat(diags[i].file, ":", diags[i].line, ": ") : "",
            diags[i].text.substr(0, diags[i].text.find('\n')));
      leftover = true;
    }
  }
  s.go_exact = s.first_problem.empty() && !leftover;
  return s;
}

std::optional<LineDiff> FirstDifference(absl::string_view want, absl::string_view got) {
  if (want == got) return std::nullopt;
  std::vector<absl::string_view> w = absl::StrSplit(want, '\n');
  std::vector<absl::string_view> g = absl::StrSplit(got, '\n');
  for (size_t i = 0;; ++i) {
    bool wend = i >= w.size(), gend = i >= g.size();
    if (!wend && !gend && w[i] == g[i]) continue;
    LineDiff d;
    d.line = static_cast<int>(i + 1);
    d.want = wend ? "<EOF>" : std::string(w[i]);
    d.got = gend ? "<EOF>" : std::string(g[i]);
    return d;
  }
}

}  // namespace gojit::conformance
