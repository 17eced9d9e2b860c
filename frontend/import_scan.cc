// Header scanning (see import_scan.h): a small tokenizer over identifiers, string
// literals, the punctuation an import declaration uses, and comments.
#include "frontend/import_scan.h"

namespace gojit::frontend {
namespace {

class HeaderScanner {
 public:
  explicit HeaderScanner(absl::string_view text) : text_(text) {}

  enum class Kind { kIdent, kString, kPunct, kOther, kEof };
  struct Token {
    Kind kind = Kind::kEof;
    std::string text;  // identifier, unquoted string, or the punctuation
    int line = 0, col = 0;
  };

  Token Next() {
    SkipSpaceAndComments();
    Token t;
    t.line = line_;
    t.col = static_cast<int>(pos_ - line_start_) + 1;
    if (pos_ >= text_.size()) return t;
    char c = text_[pos_];
    if (IsLetter(c)) {
      size_t start = pos_;
      while (pos_ < text_.size() && (IsLetter(text_[pos_]) || IsDigit(text_[pos_]))) ++pos_;
      t.kind = Kind::kIdent;
      t.text = std::string(text_.substr(start, pos_ - start));
    } else if (c == '"' || c == '`') {
      t.kind = Kind::kString;
      size_t j = pos_ + 1;
      for (; j < text_.size() && text_[j] != c; ++j) {
        if (c == '"' && (text_[j] == '\n')) break;
        if (c == '"' && text_[j] == '\\' && j + 1 < text_.size()) ++j;
        t.text.push_back(text_[j]);
      }
      if (j >= text_.size() || text_[j] != c) t.kind = Kind::kOther;  // unterminated
      pos_ = j + 1;
    } else if (c == '(' || c == ')' || c == ';' || c == '.') {
      t.kind = Kind::kPunct;
      t.text = std::string(1, c);
      ++pos_;
    } else {
      t.kind = Kind::kOther;
      ++pos_;
    }
    return t;
  }

 private:
  // ASCII letters, '_' and every byte of a multi-byte UTF-8 sequence (Go allows
  // Unicode letters in identifiers; the header only needs to step over them).
  static bool IsLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c & 0x80) != 0;
  }
  static bool IsDigit(char c) { return c >= '0' && c <= '9'; }

  void Newline() {
    ++line_;
    line_start_ = pos_ + 1;
  }

  void SkipSpaceAndComments() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '\n') {
        Newline();
        ++pos_;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++pos_;
      } else if (text_.substr(pos_, 2) == "//") {
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
      } else if (text_.substr(pos_, 2) == "/*") {
        size_t end = text_.find("*/", pos_ + 2);
        size_t stop = end == absl::string_view::npos ? text_.size() : end + 2;
        for (; pos_ < stop; ++pos_)
          if (text_[pos_] == '\n') Newline();
      } else {
        return;
      }
    }
  }

  absl::string_view text_;
  size_t pos_ = 0;
  size_t line_start_ = 0;
  int line_ = 1;
};

using Kind = HeaderScanner::Kind;

}  // namespace

FileHeader ScanFileHeader(absl::string_view text) {
  FileHeader header;
  HeaderScanner s(text);
  HeaderScanner::Token t = s.Next();
  if (t.kind != Kind::kIdent || t.text != "package") return header;
  t = s.Next();
  if (t.kind != Kind::kIdent) return header;
  header.package_name = t.text;
  // One spec from its first token; false when the tokens are not a spec.
  auto spec = [&](HeaderScanner::Token first) {
    HeaderScanner::Token path = first;
    if (first.kind == Kind::kIdent || (first.kind == Kind::kPunct && first.text == ".")) path = s.Next();
    if (path.kind != Kind::kString) return false;
    header.imports.push_back({path.text, first.line, first.col});
    return true;
  };
  for (t = s.Next();; t = s.Next()) {
    if (t.kind == Kind::kPunct && t.text == ";") continue;
    if (t.kind != Kind::kIdent || t.text != "import") return header;
    t = s.Next();
    if (t.kind == Kind::kPunct && t.text == "(") {
      for (t = s.Next(); !(t.kind == Kind::kPunct && t.text == ")"); t = s.Next()) {
        if (t.kind == Kind::kPunct && t.text == ";") continue;
        if (!spec(t)) return header;
      }
    } else if (!spec(t)) {
      return header;
    }
  }
}

}  // namespace gojit::frontend
