// fuzz/go_mutator.cc: the tokenizer and the edits of go_mutator.h.
//
// An edit is chosen in two steps: an operator (weighted, see EditOnce), then a place
// (uniformly among the tokens or lines it applies to). An operator with no place in
// this source is retried with another, a bounded number of times. Each edit is applied
// to the text and the text is tokenized again before the next one, so a later edit
// sees the earlier ones (a duplicated line can be swapped, a replaced name deleted).
//
// Replacement pools. Identifiers are replaced by another identifier of the same file
// (half the time: the likeliest way to produce a type error that still parses), by a
// predeclared name, or by a short type expression. Literals become boundary
// constants (overflow, underflow, untyped float/complex/rune/string/nil). Operators
// and keywords are replaced within their class most of the time (a binary operator by
// another binary operator, `var` by `const`), otherwise by any of the set, which
// mostly yields syntax errors: cheap, and both checkers must reject those too.

#include "fuzz/go_mutator.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <set>

namespace gojit::difffuzz {
namespace {

// --- tokenizer ---------------------------------------------------------------------

constexpr std::array<std::string_view, 25> kKeywords = {
    "break",  "case",   "chan",   "const", "continue", "default", "defer",
    "else",   "fallthrough",     "for",   "func",     "go",      "goto",
    "if",     "import", "interface",      "map",      "package", "range",
    "return", "select", "struct", "switch", "type",    "var"};

// Longest first within each length, so the first prefix match is the longest.
constexpr std::array<std::string_view, 48> kOperators = {
    "<<=", ">>=", "&^=", "...", "&&", "||", "<-", "++", "--", "==", "!=", "<=",
    ">=",  ":=",  "+=",  "-=",  "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>",
    "&^",  "+",   "-",   "*",   "/",  "%",  "&",  "|",  "^",  "<",  ">",  "=",
    "!",   "~",   "(",   ")",   "[",  "]",  "{",  "}",  ",",  ";",  ".",  ":"};

bool IsLetter(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

bool IsKeyword(std::string_view word) {
  return std::find(kKeywords.begin(), kKeywords.end(), word) != kKeywords.end();
}

// The end of a quoted literal starting at `i` (the opening quote): after the closing
// quote, or at the newline / end of file that cuts it short. Backslash escapes skip
// the next byte.
size_t QuotedEnd(std::string_view src, size_t i, char quote) {
  size_t j = i + 1;
  while (j < src.size() && src[j] != quote && src[j] != '\n') {
    j += (src[j] == '\\' && j + 1 < src.size()) ? 2 : 1;
  }
  return j < src.size() && src[j] == quote ? j + 1 : j;
}

// The end of a number starting at `i`: digits, letters, '_' and '.', and a sign right
// after an exponent letter (e/E in decimal, p/P in hex, where e is a digit).
size_t NumberEnd(std::string_view src, size_t i) {
  bool hex = src.substr(i, 2) == "0x" || src.substr(i, 2) == "0X";
  size_t j = i;
  while (j < src.size()) {
    unsigned char c = src[j];
    if (IsDigit(c) || IsLetter(c) || c == '.') {
      ++j;
      continue;
    }
    char prev = src[j - 1];
    bool exponent = hex ? (prev == 'p' || prev == 'P') : (prev == 'e' || prev == 'E');
    if ((c == '+' || c == '-') && exponent && j > i + 1) {
      ++j;
      continue;
    }
    break;
  }
  return j;
}

// --- edits -------------------------------------------------------------------------

// splitmix64: small, fast and the same everywhere (invariant 1 of the header).
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  // Uniform enough in [0, n) for n far below 2^64; n must be positive.
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  template <typename C>
  const auto& Pick(const C& c) {
    return c[Below(c.size())];
  }

 private:
  uint64_t state_;
};

const std::vector<std::string_view> kPredeclared = {
    "bool",    "byte",   "complex64", "complex128", "error",   "float32", "float64",
    "int",     "int8",   "int16",     "int32",      "int64",   "rune",    "string",
    "uint",    "uint8",  "uint16",    "uint32",     "uint64",  "uintptr", "any",
    "comparable",        "true",      "false",      "iota",    "nil",     "append",
    "cap",     "clear",  "close",     "complex",    "copy",    "delete",  "imag",
    "len",     "make",   "max",       "min",        "new",     "panic",   "print",
    "println", "real",   "recover",   "_",          "main",    "init"};

const std::vector<std::string_view> kTypeExpressions = {
    "[]int",   "*int",         "map[string]int", "chan int", "<-chan int", "func()",
    "func() int", "interface{}", "struct{}",     "[2]int",   "[0]func()",  "~int",
    "[]any",   "*struct{ x int }", "interface{ M() }"};

const std::vector<std::string_view> kLiterals = {
    "0",         "-1",          "1",          "1<<62",      "1<<63",  "1<<64",
    "(1<<64)",   "1e1000",      "1e-1000",    "0.1",        "1.5",    "-0.0",
    "\"s\"",     "\"\"",        "`raw`",      "\"\\xff\"",  "'x'",    "'\\u00ff'",
    "nil",       "1i",          "0x1p-2",     "1_000",      "0b101",  "0o17",
    "255",       "256",         "-128",       "1<<31",      "2147483648",
    "9223372036854775808",      "0x7fffffffffffffff",       "true",   "iota"};

// Operator and keyword classes: a replacement stays in its class nine times out of
// ten. Only the tokens of some class are replaced: brackets and punctuation (, ; . :
// ...) and keywords such as `func` or `else` would all but always make a syntax error.
const std::vector<std::vector<std::string_view>> kOperatorClasses = {
    {"+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "&^", "&&", "||"},
    {"==", "!=", "<", "<=", ">", ">="},
    {"=", ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "&^="},
    {"++", "--"},
    {"!", "^", "-", "+", "*", "&", "<-", "~"}};

const std::vector<std::vector<std::string_view>> kKeywordClasses = {
    {"const", "var", "type"}, {"break", "continue"}, {"go", "defer"},
    {"struct", "interface"},  {"if", "for", "switch"}, {"chan", "map"}};

// Wrappings of an operand (%s): unary operators, conversions, indexing, calls,
// selectors, assertions, built-ins. Each asks the checker an operand-level question
// (addressable? indexable? convertible? callable? constant?).
const std::vector<std::string_view> kWrappings = {
    "-%s",          "!%s",        "^%s",         "&%s",         "*%s",
    "<-%s",         "(%s)",       "%s[0]",       "%s[1:]",      "%s[:0:0]",
    "%s()",         "%s.x",       "%s.(int)",    "int(%s)",     "int8(%s)",
    "uint64(%s)",   "float32(%s)", "string(%s)", "[]byte(%s)",  "any(%s)",
    "complex(%s, 0)", "len(%s)",  "new(%s)",     "*new(%s)",    "%s...",
    "[]int{%s}",    "map[string]int{%s: 1}",      "func() { _ = %s }",
    "%s + 1",       "%s == nil",  "%s << 1",     "1 << %s",     "%s + \"\""};

bool IsBracket(std::string_view op) {
  return op.size() == 1 && std::string_view("(){}[]").find(op[0]) != std::string_view::npos;
}

std::string Shorten(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, 24)) out += (c == '\n' ? ' ' : c == '\t' ? ' ' : c);
  if (s.size() > 24) out += "...";
  return out;
}

// The class of `word` in `classes` (the first that holds it), or nullptr.
const std::vector<std::string_view>* ClassOf(
    const std::vector<std::vector<std::string_view>>& classes, std::string_view word) {
  for (const auto& c : classes) {
    if (std::find(c.begin(), c.end(), word) != c.end()) return &c;
  }
  return nullptr;
}

// A different word from `word`'s class (9 in 10) or from all classes; empty if none.
std::string_view PickReplacement(Rng& rng,
                                 const std::vector<std::vector<std::string_view>>& classes,
                                 std::string_view word) {
  const std::vector<std::string_view>* own = ClassOf(classes, word);
  for (int attempt = 0; attempt < 8; ++attempt) {
    const std::vector<std::string_view>& pool =
        own != nullptr && rng.Below(10) != 0 ? *own : rng.Pick(classes);
    std::string_view w = rng.Pick(pool);
    if (w != word) return w;
  }
  return {};
}

// The state of one mutation in progress: the text and its tokens, and where the
// editable part begins (invariant 2 of the header).
class Editor {
 public:
  explicit Editor(std::string text) : text_(std::move(text)) { Retokenize(); }

  const std::string& text() const { return text_; }

  // One edit chosen by `rng`; false when the chosen operator had no place here. The
  // weights (out of 100) favour the edits that tend to keep a program parseable, so
  // that the type checkers, not the parsers, decide most verdicts.
  bool EditOnce(Rng& rng, std::vector<std::string>& edits) {
    size_t roll = rng.Below(100);
    if (roll < 22) return ReplaceIdent(rng, edits);
    if (roll < 36) return ReplaceLiteral(rng, edits);
    if (roll < 52) return WrapOperand(rng, edits);
    if (roll < 64) return ReplaceOperator(rng, edits);
    if (roll < 69) return ReplaceKeyword(rng, edits);
    if (roll < 74) return DeleteToken(rng, edits);
    if (roll < 77) return DuplicateToken(rng, edits);
    if (roll < 80) return SwapTokens(rng, edits);
    if (roll < 89) return DeleteLine(rng, edits);
    if (roll < 96) return DuplicateLine(rng, edits);
    return SwapLines(rng, edits);
  }

 private:
  void Retokenize() {
    tokens_ = Tokenize(text_);
    first_editable_token_ = tokens_.size();
    first_editable_byte_ = text_.size();
    for (size_t i = 0; i + 1 < tokens_.size(); ++i) {
      const Token& t = tokens_[i];
      if (t.kind == TokenKind::kKeyword && Text(t) == "package") {
        // The package name may be preceded by comments: skip to the next real token.
        size_t name = i + 1;
        while (name < tokens_.size() && tokens_[name].kind == TokenKind::kComment) ++name;
        first_editable_token_ = std::min(name + 1, tokens_.size());
        first_editable_byte_ =
            name < tokens_.size() ? tokens_[name].end : text_.size();
        break;
      }
    }
    // The import declarations: `import "p"`, `import name "p"`, `import ( ... )`.
    imports_end_byte_ = first_editable_byte_;
    size_t k = first_editable_token_;
    auto next_real = [this](size_t i) {
      while (i < tokens_.size() && tokens_[i].kind == TokenKind::kComment) ++i;
      return i;
    };
    for (k = next_real(k); k < tokens_.size() && Text(tokens_[k]) == "import";
         k = next_real(k)) {
      k = next_real(k + 1);
      if (k < tokens_.size() && Text(tokens_[k]) == "(") {
        while (k < tokens_.size() && Text(tokens_[k]) != ")") ++k;
      } else {
        while (k < tokens_.size() && tokens_[k].kind != TokenKind::kString &&
               tokens_[k].kind != TokenKind::kRawString) {
          ++k;
        }
      }
      if (k < tokens_.size()) imports_end_byte_ = tokens_[k].end;
      ++k;
    }
    // Lines: the offsets where each line starts, and the first line wholly after the
    // package clause.
    line_starts_.assign(1, 0);
    for (size_t i = 0; i < text_.size(); ++i) {
      if (text_[i] == '\n') line_starts_.push_back(i + 1);
    }
    // Each line's bracket balance: opening minus closing brackets of the tokens that
    // start on it.
    line_balance_.assign(line_starts_.size(), 0);
    for (const Token& t : tokens_) {
      if (t.kind != TokenKind::kOperator || !IsBracket(Text(t))) continue;
      char c = text_[t.begin];
      line_balance_[t.line - 1] += (c == '(' || c == '[' || c == '{') ? 1 : -1;
    }
    first_editable_line_ = line_starts_.size();
    for (size_t l = 0; l < line_starts_.size(); ++l) {
      if (line_starts_[l] >= first_editable_byte_) {
        first_editable_line_ = l;
        break;
      }
    }
  }

  std::string_view Text(const Token& t) const {
    return std::string_view(text_).substr(t.begin, t.end - t.begin);
  }

  // Indices of editable tokens for which `want` holds.
  template <typename Pred>
  std::vector<size_t> Places(Pred want) const {
    std::vector<size_t> out;
    for (size_t i = first_editable_token_; i < tokens_.size(); ++i) {
      if (tokens_[i].kind != TokenKind::kComment && want(tokens_[i])) out.push_back(i);
    }
    return out;
  }

  std::string Where(const Token& t) const {
    return "L" + std::to_string(t.line) + ":" + std::to_string(t.col);
  }

  // Replaces [begin, end) by `with`, padded with a space on a side where it would
  // touch a non-space byte (invariant 3), and tokenizes again.
  void Splice(size_t begin, size_t end, std::string_view with) {
    std::string padded;
    if (begin > 0 && !isspace(static_cast<unsigned char>(text_[begin - 1]))) padded += ' ';
    padded += with;
    if (end < text_.size() && !isspace(static_cast<unsigned char>(text_[end]))) padded += ' ';
    text_.replace(begin, end - begin, padded);
    Retokenize();
  }

  bool DeleteToken(Rng& rng, std::vector<std::string>& edits) {
    auto places = Places([this](const Token& t) {
      return t.kind != TokenKind::kOperator || ClassOf(kOperatorClasses, Text(t));
    });
    if (places.empty()) return false;
    const Token t = tokens_[rng.Pick(places)];
    edits.push_back("delete-token " + Where(t) + " \"" + Shorten(Text(t)) + "\"");
    Splice(t.begin, t.end, "");
    return true;
  }

  bool DuplicateToken(Rng& rng, std::vector<std::string>& edits) {
    auto places = Places([this](const Token& t) {
      return t.kind != TokenKind::kOperator || ClassOf(kOperatorClasses, Text(t));
    });
    if (places.empty()) return false;
    const Token t = tokens_[rng.Pick(places)];
    std::string word(Text(t));
    edits.push_back("duplicate-token " + Where(t) + " \"" + Shorten(word) + "\"");
    Splice(t.end, t.end, word);
    return true;
  }

  bool SwapTokens(Rng& rng, std::vector<std::string>& edits) {
    auto places = Places([](const Token&) { return true; });
    if (places.size() < 2) return false;
    size_t k = rng.Below(places.size() - 1);
    const Token a = tokens_[places[k]], b = tokens_[places[k + 1]];
    std::string first(Text(a)), second(Text(b));
    if (first == second) return false;
    std::string middle = text_.substr(a.end, b.begin - a.end);
    if (middle.empty()) middle = " ";
    edits.push_back("swap-tokens " + Where(a) + " \"" + Shorten(first) + "\" \"" +
                    Shorten(second) + "\"");
    Splice(a.begin, b.end, second + middle + first);
    return true;
  }

  bool ReplaceIdent(Rng& rng, std::vector<std::string>& edits) {
    auto places = Places([](const Token& t) { return t.kind == TokenKind::kIdent; });
    if (places.empty()) return false;
    const Token t = tokens_[rng.Pick(places)];
    std::string_view old = Text(t);
    std::string with;
    size_t pool = rng.Below(10);
    if (pool < 5) {
      // Another identifier of this file (sorted: invariant 1 forbids hash order).
      std::set<std::string_view> names;
      for (size_t i : places) names.insert(Text(tokens_[i]));
      names.erase(old);
      if (names.empty()) return false;
      with = *std::next(names.begin(), static_cast<long>(rng.Below(names.size())));
    } else if (pool < 9) {
      with = rng.Pick(kPredeclared);
    } else {
      with = rng.Pick(kTypeExpressions);
    }
    if (with == old) return false;
    edits.push_back("replace-ident " + Where(t) + " \"" + Shorten(old) + "\" -> \"" +
                    with + "\"");
    Splice(t.begin, t.end, with);
    return true;
  }

  bool ReplaceLiteral(Rng& rng, std::vector<std::string>& edits) {
    auto places = Places([this](const Token& t) {
      return IsLiteral(t) && t.begin >= imports_end_byte_;
    });
    if (places.empty()) return false;
    const Token t = tokens_[rng.Pick(places)];
    std::string_view old = Text(t), with = rng.Pick(kLiterals);
    if (with == old) return false;
    edits.push_back("replace-literal " + Where(t) + " \"" + Shorten(old) + "\" -> \"" +
                    std::string(with) + "\"");
    Splice(t.begin, t.end, with);
    return true;
  }

  // Wraps an identifier or a literal of the code after the imports. Names being
  // declared (after func, var, const, type) and selected (after '.') are left alone:
  // wrapping them is a syntax error.
  bool WrapOperand(Rng& rng, std::vector<std::string>& edits) {
    std::vector<size_t> places;
    std::string_view previous;
    for (size_t i = first_editable_token_; i < tokens_.size(); ++i) {
      const Token& t = tokens_[i];
      if (t.kind == TokenKind::kComment) continue;
      bool operand = t.kind == TokenKind::kIdent || IsLiteral(t);
      if (operand && t.begin >= imports_end_byte_ && previous != "func" &&
          previous != "var" && previous != "const" && previous != "type" &&
          previous != ".") {
        places.push_back(i);
      }
      previous = Text(t);
    }
    if (places.empty()) return false;
    const Token t = tokens_[rng.Pick(places)];
    std::string_view wrapping = rng.Pick(kWrappings);
    std::string operand(Text(t));
    size_t at = wrapping.find("%s");
    std::string with = std::string(wrapping.substr(0, at)) + operand +
                       std::string(wrapping.substr(at + 2));
    edits.push_back("wrap-operand " + Where(t) + " \"" + Shorten(operand) + "\" -> \"" +
                    Shorten(with) + "\"");
    Splice(t.begin, t.end, with);
    return true;
  }

  bool IsLiteral(const Token& t) const {
    return t.kind == TokenKind::kNumber || t.kind == TokenKind::kString ||
           t.kind == TokenKind::kRawString || t.kind == TokenKind::kRune;
  }

  bool ReplaceOperator(Rng& rng, std::vector<std::string>& edits) {
    auto places = Places([this](const Token& t) {
      return t.kind == TokenKind::kOperator && ClassOf(kOperatorClasses, Text(t));
    });
    if (places.empty()) return false;
    const Token t = tokens_[rng.Pick(places)];
    std::string_view old = Text(t), with = PickReplacement(rng, kOperatorClasses, old);
    if (with.empty()) return false;
    edits.push_back("replace-operator " + Where(t) + " \"" + std::string(old) +
                    "\" -> \"" + std::string(with) + "\"");
    Splice(t.begin, t.end, with);
    return true;
  }

  bool ReplaceKeyword(Rng& rng, std::vector<std::string>& edits) {
    auto places = Places([this](const Token& t) {
      return t.kind == TokenKind::kKeyword && ClassOf(kKeywordClasses, Text(t));
    });
    if (places.empty()) return false;
    const Token t = tokens_[rng.Pick(places)];
    std::string_view old = Text(t), with = PickReplacement(rng, kKeywordClasses, old);
    if (with.empty()) return false;
    edits.push_back("replace-keyword " + Where(t) + " \"" + std::string(old) +
                    "\" -> \"" + std::string(with) + "\"");
    Splice(t.begin, t.end, with);
    return true;
  }

  // Editable lines that hold more than white space and open as many brackets as they
  // close, as indices into line_starts_. Deleting, duplicating or moving such a line
  // (a statement, a field, a one-line declaration) mostly leaves a program that
  // parses; doing so to a line that ends a block almost never does.
  std::vector<size_t> NonBlankLines() const {
    std::vector<size_t> out;
    for (size_t l = first_editable_line_; l < line_starts_.size(); ++l) {
      std::string_view line = Line(l);
      if (line_balance_[l] == 0 &&
          line.find_first_not_of(" \t\r") != std::string_view::npos) {
        out.push_back(l);
      }
    }
    return out;
  }

  // Line l without its newline.
  std::string_view Line(size_t l) const {
    size_t begin = line_starts_[l];
    size_t end = l + 1 < line_starts_.size() ? line_starts_[l + 1] - 1 : text_.size();
    return std::string_view(text_).substr(begin, end - begin);
  }

  bool DeleteLine(Rng& rng, std::vector<std::string>& edits) {
    auto lines = NonBlankLines();
    if (lines.empty()) return false;
    size_t l = rng.Pick(lines);
    std::string_view line = Line(l);
    edits.push_back("delete-line L" + std::to_string(l + 1) + " \"" + Shorten(line) +
                    "\"");
    size_t begin = line_starts_[l];
    text_.erase(begin, line.size());  // keeps the newline: later line numbers hold
    Retokenize();
    return true;
  }

  bool DuplicateLine(Rng& rng, std::vector<std::string>& edits) {
    auto lines = NonBlankLines();
    if (lines.empty()) return false;
    size_t l = rng.Pick(lines);
    std::string line(Line(l));
    edits.push_back("duplicate-line L" + std::to_string(l + 1) + " \"" + Shorten(line) +
                    "\"");
    text_.insert(line_starts_[l], line + "\n");
    Retokenize();
    return true;
  }

  // Swaps two such lines at most 8 apart in the list of candidates.
  bool SwapLines(Rng& rng, std::vector<std::string>& edits) {
    auto lines = NonBlankLines();
    if (lines.size() < 2) return false;
    size_t k = rng.Below(lines.size() - 1);
    size_t j = std::min(lines.size() - 1, k + 1 + rng.Below(8));
    size_t a = lines[k], b = lines[j];
    std::string first(Line(a)), second(Line(b));
    if (first == second) return false;
    edits.push_back("swap-lines L" + std::to_string(a + 1) + " L" + std::to_string(b + 1));
    // b's line is after a's: replace b first so a's offsets stay valid.
    text_.replace(line_starts_[b], second.size(), first);
    text_.replace(line_starts_[a], first.size(), second);
    Retokenize();
    return true;
  }

  std::string text_;
  std::vector<Token> tokens_;
  size_t first_editable_token_ = 0;
  size_t first_editable_byte_ = 0;
  size_t imports_end_byte_ = 0;  // just after the last import declaration
  std::vector<size_t> line_starts_;
  std::vector<int> line_balance_;  // per line: brackets opened minus closed
  size_t first_editable_line_ = 0;
};

}  // namespace

std::vector<Token> Tokenize(std::string_view src) {
  std::vector<Token> tokens;
  size_t i = 0;
  int line = 1;
  size_t line_start = 0;
  // Advances i to `end`, counting the newlines crossed.
  auto advance = [&](size_t end) {
    for (; i < end; ++i) {
      if (src[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
  };
  while (i < src.size()) {
    unsigned char c = src[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      advance(i + 1);
      continue;
    }
    Token t{TokenKind::kInvalid, i, i + 1, line, static_cast<int>(i - line_start) + 1};
    std::string_view rest = src.substr(i);
    if (rest.substr(0, 2) == "//") {
      t.kind = TokenKind::kComment;
      size_t nl = src.find('\n', i);
      t.end = nl == std::string_view::npos ? src.size() : nl;
    } else if (rest.substr(0, 2) == "/*") {
      t.kind = TokenKind::kComment;
      size_t close = src.find("*/", i + 2);
      t.end = close == std::string_view::npos ? src.size() : close + 2;
    } else if (c == '"') {
      t.kind = TokenKind::kString;
      t.end = QuotedEnd(src, i, '"');
    } else if (c == '\'') {
      t.kind = TokenKind::kRune;
      t.end = QuotedEnd(src, i, '\'');
    } else if (c == '`') {
      t.kind = TokenKind::kRawString;
      size_t close = src.find('`', i + 1);
      t.end = close == std::string_view::npos ? src.size() : close + 1;
    } else if (IsDigit(c) || (c == '.' && i + 1 < src.size() && IsDigit(src[i + 1]))) {
      t.kind = TokenKind::kNumber;
      t.end = NumberEnd(src, i);
    } else if (IsLetter(c)) {
      size_t j = i + 1;
      while (j < src.size() && (IsLetter(src[j]) || IsDigit(src[j]))) ++j;
      t.end = j;
      t.kind = IsKeyword(src.substr(i, j - i)) ? TokenKind::kKeyword : TokenKind::kIdent;
    } else {
      for (std::string_view op : kOperators) {
        if (rest.substr(0, op.size()) == op) {
          t.kind = TokenKind::kOperator;
          t.end = i + op.size();
          break;
        }
      }
    }
    tokens.push_back(t);
    advance(t.end);
  }
  return tokens;
}

std::string PackageName(std::string_view src, const std::vector<Token>& tokens) {
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.kind != TokenKind::kKeyword || src.substr(t.begin, t.end - t.begin) != "package") {
      continue;
    }
    for (size_t j = i + 1; j < tokens.size(); ++j) {
      if (tokens[j].kind == TokenKind::kComment) continue;
      if (tokens[j].kind != TokenKind::kIdent) return "";
      return std::string(src.substr(tokens[j].begin, tokens[j].end - tokens[j].begin));
    }
    return "";
  }
  return "";
}

bool DeclaresFuncMain(std::string_view src, const std::vector<Token>& tokens) {
  int depth = 0;
  bool after_func = false;  // the previous real token was a top-level `func`
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kComment) continue;
    std::string_view word = src.substr(t.begin, t.end - t.begin);
    if (after_func && t.kind == TokenKind::kIdent && word == "main") return true;
    after_func = depth == 0 && t.kind == TokenKind::kKeyword && word == "func";
    if (t.kind == TokenKind::kOperator) {
      if (word == "(" || word == "[" || word == "{") ++depth;
      if (word == ")" || word == "]" || word == "}") depth = std::max(0, depth - 1);
    }
  }
  return false;
}

std::optional<Mutant> Mutate(std::string_view src, uint64_t seed, int max_edits) {
  Rng rng(seed);
  Editor editor{std::string(src)};
  Mutant m;
  // One edit 6 times in 10, two 3 in 10, three 1 in 10 (capped by max_edits): a
  // single edit most often leaves a program that still parses.
  size_t roll = rng.Below(10);
  int want = std::min(std::max(1, max_edits), roll < 6 ? 1 : roll < 9 ? 2 : 3);
  // Bounded retries: an operator without a place here (no literal, one line) is
  // replaced by another draw.
  for (int tries = 0; static_cast<int>(m.edits.size()) < want && tries < 8 * want; ++tries) {
    editor.EditOnce(rng, m.edits);
  }
  if (m.edits.empty() || editor.text() == src) return std::nullopt;
  m.text = editor.text();
  return m;
}

std::string TextHash(std::string_view text) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace gojit::difffuzz
