// ParseFile and DumpTokens: source bytes -> ANTLR tokens -> parse tree -> AST.
//
// Steps, in order:
//  1. Decode: UTF-8 is decoded here, not by ANTLR (whose decoder throws on invalid
//     input), into code points for the lexer plus a code point -> byte table, so that
//     columns are bytes as gc counts them. Invalid UTF-8 becomes U+FFFD and a NUL
//     stays, each with gc's error; a leading BOM is skipped as gc does.
//  2. Lex everything, then check literals (scan.cc) and report the ERROR_* tokens of
//     GoLexer.g4 in gc's words; broken literals are retyped so parsing goes on.
//  3. Parse: SLL prediction first, full LL with gc-worded syntax errors
//     (parse_errors.cc) only if that fails. The LL parse stops at its first
//     error; the broken statement or declaration is then taken out of the token
//     stream and the file parsed again, so that every independent error is
//     reported once, as gc's advance() recovery does (parse_errors.h explains
//     why ANTLR's own recovery is not used).
//  4. Build the AST (ast_builder*.cc) from the last parse: a clean tree of the
//     file less the skipped tokens, or, when recovery gave up, ANTLR's
//     best-effort tree with the builder's own errors muted.
//
// ParseFiles parses a package's files, taking those parsed before from a store of
// encoded trees (ast_encoding.h). It parses on one thread: with the 4.9 runtime
// two threads parsing at once take as long as one, since every DFA lookup takes
// ATNSimulator's global reader-writer lock (measured: 1.8 s either way for 59
// packages, with 25% more CPU).
//
// What this does not do: read files, or keep ANTLR objects beyond the call.
#include "frontend/parser.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "GoLexer.h"
#include "GoParser.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "antlr4-runtime.h"
#include "frontend/ast_builder.h"
#include "frontend/parse_errors.h"
#include "frontend/scan.h"

namespace gojit::frontend {
namespace {

using grammar::GoLexer;
using grammar::GoParser;

// ANTLRInputStream whose code points we supply ourselves.
class CodePointStream : public antlr4::ANTLRInputStream {
 public:
  explicit CodePointStream(std::u32string data) {
    _data = std::move(data);
    p = 0;
  }
};

struct Decoded {
  std::u32string chars;
  std::vector<uint32_t> offsets;  // byte offset of each code point, plus text.size()
  std::vector<std::pair<size_t, std::string>> errors;  // byte offset, message
  std::vector<bool> reported;     // per code point: already reported (NUL, bad UTF-8)
};

Decoded Decode(std::string_view text) {
  Decoded d;
  d.chars.reserve(text.size());
  d.offsets.reserve(text.size() + 1);
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    char32_t r = c;
    size_t n = 1;
    bool bad = false;
    if (c >= 0x80) {
      n = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
      if (n == 0 || i + n > text.size()) {
        bad = true;
      } else {
        r = n == 2 ? (c & 0x1f) : n == 3 ? (c & 0x0f) : (c & 0x07);
        for (size_t k = 1; k < n; ++k) {
          unsigned char cc = static_cast<unsigned char>(text[i + k]);
          if ((cc & 0xc0) != 0x80) bad = true;
          r = (r << 6) | (cc & 0x3f);
        }
        // Overlong forms, surrogates and values past U+10FFFF are invalid too.
        if (!bad && ((n == 2 && r < 0x80) || (n == 3 && r < 0x800) || (n == 4 && r < 0x10000) ||
                     (r >= 0xd800 && r < 0xe000) || r > 0x10ffff)) {
          bad = true;
        }
      }
      if (bad) {
        r = 0xfffd;
        n = 1;
      }
    }
    bool reported = false;
    if (bad) {
      d.errors.emplace_back(i, "invalid UTF-8 encoding");
      reported = true;
    } else if (r == 0) {
      d.errors.emplace_back(i, "invalid NUL character");
      reported = true;
    } else if (r == 0xfeff) {
      if (i == 0) {
        r = ' ';  // gc skips a leading BOM; columns still count its bytes
      } else {
        d.errors.emplace_back(i, "invalid BOM in the middle of the file");
        reported = true;
      }
    }
    d.chars.push_back(r);
    d.offsets.push_back(static_cast<uint32_t>(i));
    d.reported.push_back(reported);
    i += n;
  }
  d.offsets.push_back(static_cast<uint32_t>(text.size()));
  return d;
}

bool IsEof(const PosMap& pm, const antlr4::Token* t) {
  return t->getType() == antlr4::Token::EOF || t->getStartIndex() >= pm.CharCount();
}

// When no alternative of a decision survives ANTLR's lookahead, ANTLR by default
// picks one that leaves the decision's rule, so that the error surfaces later "at a
// more meaningful location". For Go that is the wrong place: in `f(a\n}` it makes
// `f` a complete expression and complains about the `(`. gc reports the first
// token that cannot continue the program, which is where the lookahead died, so we
// pick the lowest alternative still alive there (the one that went furthest, e.g.
// "continue the call", "this is a composite literal") and let parsing fail there.
class GoATNSimulator : public antlr4::atn::ParserATNSimulator {
 public:
  explicit GoATNSimulator(antlr4::Parser* parser, antlr4::atn::ParserATNSimulator* from)
      : ParserATNSimulator(parser, from->atn, from->decisionToDFA, from->getSharedContextCache()) {}

 protected:
  antlr4::NoViableAltException noViableAlt(antlr4::TokenStream* input,
                                           antlr4::ParserRuleContext* outer,
                                           antlr4::atn::ATNConfigSet* configs, size_t start,
                                           bool delete_configs) override {
    went_further_ = input->index() > start;
    return ParserATNSimulator::noViableAlt(input, outer, configs, start, delete_configs);
  }

  size_t getAltThatFinishedDecisionEntryRule(antlr4::atn::ATNConfigSet* configs) override {
    // Dead at the decision's first token: no alternative went further; keep
    // ANTLR's choice (leave the rule) so the error is reported by the caller.
    if (!went_further_) return ParserATNSimulator::getAltThatFinishedDecisionEntryRule(configs);
    size_t best = antlr4::atn::ATN::INVALID_ALT_NUMBER;
    for (const auto& c : configs->configs) {
      if (best == antlr4::atn::ATN::INVALID_ALT_NUMBER || c->alt < best) best = c->alt;
    }
    return best;
  }

 private:
  bool went_further_ = false;
};

// The most parses of one file: gc stops at 10 errors, and each parse adds one.
constexpr int kMaxParses = 32;

// Everything one parse needs, in construction order.
struct ParseState {
  ParseState(FileId file, std::string_view text)
      : decoded(Decode(text)),
        pos(file, text, decoded.offsets),
        input(decoded.chars),
        lexer(&input),
        tokens(&lexer) {
    lexer.removeErrorListeners();
    tokens.fill();
  }
  Decoded decoded;
  PosMap pos;
  CodePointStream input;
  GoLexer lexer;
  antlr4::CommonTokenStream tokens;
};

void SetType(antlr4::Token* t, size_t type) {
  if (auto* w = dynamic_cast<antlr4::WritableToken*>(t)) w->setType(type);
}

// Reports decoding and lexical errors, and retypes broken literals.
void CheckTokens(ParseState& st, Diagnostics& diags) {
  const PosMap& pm = st.pos;
  for (const auto& [byte, msg] : st.decoded.errors) diags.Error(pm.AtByte(byte), msg);
  for (antlr4::Token* t : st.tokens.getTokens()) {
    if (t->getStartIndex() >= pm.CharCount()) continue;  // EOF and inserted semicolons
    std::vector<LexError> errs;
    std::string_view text = pm.Text(t);
    size_t start = pm.ByteOf(t->getStartIndex());
    bool at_eof = t->getStopIndex() + 1 >= pm.CharCount();
    switch (t->getType()) {
      case GoLexer::INT_LIT:
      case GoLexer::FLOAT_LIT:
      case GoLexer::IMAGINARY_LIT:
        CheckNumber(text, &errs);
        break;
      case GoLexer::RUNE_LIT:
        CheckRune(text, false, &errs);
        break;
      case GoLexer::ERROR_RUNE:
        CheckRune(text, at_eof, &errs);
        SetType(t, GoLexer::RUNE_LIT);
        break;
      case GoLexer::STRING_LIT:
        if (text.find('\\') != std::string_view::npos) CheckString(text, false, &errs);
        break;
      case GoLexer::ERROR_STRING:
        CheckString(text, at_eof, &errs);
        SetType(t, GoLexer::STRING_LIT);
        break;
      case GoLexer::ERROR_RAW_STRING:
        errs.push_back({0, "string not terminated"});
        SetType(t, GoLexer::RAW_STRING_LIT);
        break;
      case GoLexer::ERROR_BLOCK_COMMENT:
        errs.push_back({0, "comment not terminated"});
        break;
      case GoLexer::ERROR_CHAR: {
        size_t ci = t->getStartIndex();
        if (st.decoded.reported[ci]) break;
        errs.push_back({0, absl::StrCat("invalid character ", FormatCodePoint(st.decoded.chars[ci]))});
        break;
      }
      default:
        break;
    }
    for (const LexError& e : errs) diags.Error(pm.AtByte(start + e.offset), e.message);
  }
}

// go/parser's errorExpected for a file that does not start with `package`, as
// `go build` prints it: "expected 'package', found 'EOF'".
std::string ExpectedPackage(const PosMap& pm, antlr4::Token* t) {
  std::string found;
  switch (t->getType()) {
    case antlr4::Token::EOF:
      found = "'EOF'";
      break;
    case GoLexer::IDENTIFIER:
    case GoLexer::INT_LIT:
    case GoLexer::FLOAT_LIT:
    case GoLexer::IMAGINARY_LIT:
    case GoLexer::RUNE_LIT:
    case GoLexer::STRING_LIT:
    case GoLexer::RAW_STRING_LIT:
      found = std::string(pm.Text(t));
      break;
    case GoLexer::SEMI:
      found = t->getText() == "\n" ? "newline" : "';'";
      if (IsEof(pm, t)) found = "'EOF'";
      break;
    default:
      found = absl::StrCat("'", t->getText(), "'");
  }
  return absl::StrCat("expected 'package', found ", found);
}

}  // namespace

File* ParseFile(const SourceManager& sources, FileId file, AstArena& arena, Diagnostics& diags) {
  const SourceFile& src = sources.Get(file);
  ParseState st(file, src.text);
  CheckTokens(st, diags);

  antlr4::Token* first = st.tokens.LT(1);
  if (first->getType() != GoLexer::PACKAGE) {
    diags.Error(st.pos.Of(first), ExpectedPackage(st.pos, first));
    return nullptr;
  }

  GoParser parser(&st.tokens);
  parser.removeErrorListeners();
  auto* generated = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
  auto* interp = new GoATNSimulator(&parser, generated);
  // The parser deletes `interp` when it goes. The generated simulator is left
  // undeleted on purpose: with the 4.9 runtime, deleting a second live simulator
  // frees shared state twice (a few hundred bytes per parsed file).
  parser.setInterpreter(interp);
  SyntaxErrorSink sink(st.pos, diags);
  auto gc_errors = std::make_shared<GcErrorStrategy>(&sink);
  GoParser::SourceFileContext* tree = nullptr;
  auto restart = [&] {
    st.tokens.seek(0);
    parser.reset();
    parser.exprLev = 0;
    parser.savedLev.clear();
  };
  for (int n = 0; n < kMaxParses && tree == nullptr; ++n) {
    // ANTLR's two-stage strategy: the fast SLL prediction bails out at the first
    // error; only then does full LL re-parse, with gc-worded error reporting.
    restart();
    parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
    interp->setPredictionMode(antlr4::atn::PredictionMode::SLL);
    try {
      tree = parser.sourceFile();
    } catch (const std::exception&) {
      tree = nullptr;
    }
    if (tree != nullptr) break;
    restart();
    gc_errors->Clear();
    parser.setErrorHandler(gc_errors);
    interp->setPredictionMode(antlr4::atn::PredictionMode::LL);
    try {
      tree = parser.sourceFile();
    } catch (const std::exception&) {
      tree = nullptr;
    }
    if (tree != nullptr) break;
    if (!gc_errors->stopped()) {
      // Only GcErrorStrategy should stop a parse; if anything else does, do not crash.
      if (sink.count() == 0) diags.Error(st.pos.Of(first), "syntax error: cannot parse file");
      return nullptr;
    }
    const Resync& r = gc_errors->resync();
    if (r.empty()) break;
    for (size_t i = r.from; i < r.to; ++i) {
      antlr4::Token* t = st.tokens.get(i);
      if (t->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;
      if (auto* w = dynamic_cast<antlr4::WritableToken*>(t)) w->setChannel(kSkippedChannel);
    }
  }
  const bool clean = tree != nullptr;
  if (!clean) {
    // Recovery gave up (an error at EOF, in the package clause, or too many): a
    // tree from ANTLR's own recovery, unreported, for the builder.
    restart();
    parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
    try {
      tree = parser.sourceFile();
    } catch (const std::exception&) {
      return nullptr;
    }
  }
  AstBuilder builder(st.pos, &st.tokens, arena, diags, clean);
  return builder.BuildFile(tree);
}

std::vector<File*> ParseFiles(const SourceManager& sources, const std::vector<FileId>& files,
                              AstArena& arena, Diagnostics& diags, ParsedFileStore* store) {
  std::vector<File*> parsed(files.size(), nullptr);
  std::vector<AstArena> arenas(files.size());
  std::vector<Diagnostics> errors(files.size(), Diagnostics(sources));
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string& text = sources.Get(files[i]).text;
    if (store != nullptr) {
      if (std::optional<std::string> encoding = store->Load(text)) {
        parsed[i] = DecodeFile(*encoding, files[i], arenas[i]);
        if (parsed[i] != nullptr) continue;
      }
    }
    parsed[i] = ParseFile(sources, files[i], arenas[i], errors[i]);
    if (store != nullptr && parsed[i] != nullptr && !errors[i].HasErrors()) {
      if (std::optional<std::string> encoding = EncodeFile(*parsed[i])) store->Store(text, *encoding);
    }
  }
  for (size_t i = 0; i < files.size(); ++i) {
    arena.Absorb(std::move(arenas[i]));
    diags.Append(errors[i]);
  }
  return parsed;
}

std::string DumpTokens(const SourceManager& sources, FileId file) {
  const SourceFile& src = sources.Get(file);
  ParseState st(file, src.text);
  const antlr4::dfa::Vocabulary& vocab = st.lexer.getVocabulary();
  std::string out;
  for (antlr4::Token* t : st.tokens.getTokens()) {
    if (t->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;
    Pos p = st.pos.Of(t);
    std::string text;
    if (t->getType() == antlr4::Token::EOF) {
      text = "";
    } else if (t->getType() == GoLexer::SEMI && t->getText() == "\n") {
      text = "\\n";
    } else {
      // One token per line: newlines inside raw strings and comments are escaped.
      for (char c : st.pos.Text(t)) {
        if (c == '\n') {
          text += "\\n";
        } else {
          text += c;
        }
      }
    }
    std::string kind = t->getType() == antlr4::Token::EOF
                           ? "EOF"
                           : std::string(vocab.getSymbolicName(t->getType()));
    absl::StrAppend(&out, p.line, ":", p.col, "\t", kind, "\t", text, "\n");
  }
  return out;
}

}  // namespace gojit::frontend
