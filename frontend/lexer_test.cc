// Lexer tests: automatic semicolon insertion (spec "Semicolons"), every literal
// form, comments, byte columns, and gc's lexical error messages (scan.cc and the
// ERROR_* tokens of GoLexer.g4), observed through DumpTokens and ParseFile.
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "frontend/ast.h"
#include "frontend/parser.h"
#include "frontend/scan.h"
#include "frontend/source.h"
#include "gtest/gtest.h"

namespace gojit::frontend {
namespace {

struct Tok {
  std::string pos, kind, text;
};

std::vector<Tok> Lex(const std::string& src) {
  SourceManager sm;
  FileId id = sm.Add("x.go", src);
  std::vector<Tok> out;
  for (absl::string_view line : absl::StrSplit(DumpTokens(sm, id), '\n', absl::SkipEmpty())) {
    std::vector<std::string> f = absl::StrSplit(line, absl::MaxSplits('\t', 2));
    f.resize(3);
    out.push_back({f[0], f[1], f[2]});
  }
  return out;
}

// Kinds only, e.g. "IDENTIFIER SEMI EOF".
std::string Kinds(const std::string& src) {
  std::string out;
  for (const Tok& t : Lex(src)) out += (out.empty() ? "" : " ") + t.kind;
  return out;
}

TEST(SemicolonTest, InsertedAfterStatementEndingTokens) {
  EXPECT_EQ(Kinds("x\n"), "IDENTIFIER SEMI EOF");
  EXPECT_EQ(Kinds("1\n"), "INT_LIT SEMI EOF");
  EXPECT_EQ(Kinds("1.5\n"), "FLOAT_LIT SEMI EOF");
  EXPECT_EQ(Kinds("2i\n"), "IMAGINARY_LIT SEMI EOF");
  EXPECT_EQ(Kinds("'a'\n"), "RUNE_LIT SEMI EOF");
  EXPECT_EQ(Kinds("\"s\"\n"), "STRING_LIT SEMI EOF");
  EXPECT_EQ(Kinds("`r`\n"), "RAW_STRING_LIT SEMI EOF");
  EXPECT_EQ(Kinds("break\n"), "BREAK SEMI EOF");
  EXPECT_EQ(Kinds("continue\n"), "CONTINUE SEMI EOF");
  EXPECT_EQ(Kinds("fallthrough\n"), "FALLTHROUGH SEMI EOF");
  EXPECT_EQ(Kinds("return\n"), "RETURN SEMI EOF");
  EXPECT_EQ(Kinds("x++\n"), "IDENTIFIER PLUS_PLUS SEMI EOF");
  EXPECT_EQ(Kinds("x--\n"), "IDENTIFIER MINUS_MINUS SEMI EOF");
  EXPECT_EQ(Kinds(")\n"), "R_PAREN SEMI EOF");
  EXPECT_EQ(Kinds("]\n"), "R_BRACKET SEMI EOF");
  EXPECT_EQ(Kinds("}\n"), "R_CURLY SEMI EOF");
}

TEST(SemicolonTest, NotInsertedAfterOtherTokens) {
  EXPECT_EQ(Kinds("x +\ny"), "IDENTIFIER PLUS IDENTIFIER SEMI EOF");
  EXPECT_EQ(Kinds("f(\na,\n)"), "IDENTIFIER L_PAREN IDENTIFIER COMMA R_PAREN SEMI EOF");
  EXPECT_EQ(Kinds("{\n"), "L_CURLY EOF");
  EXPECT_EQ(Kinds("func\n"), "FUNC EOF");
  EXPECT_EQ(Kinds("x :=\n1"), "IDENTIFIER DECLARE_ASSIGN INT_LIT SEMI EOF");
  EXPECT_EQ(Kinds("\n\n\n"), "EOF");
}

TEST(SemicolonTest, AtEof) {
  EXPECT_EQ(Kinds("x"), "IDENTIFIER SEMI EOF");
  EXPECT_EQ(Kinds("}"), "R_CURLY SEMI EOF");
  EXPECT_EQ(Kinds("x // c"), "IDENTIFIER SEMI EOF");
  std::vector<Tok> t = Lex("x");
  EXPECT_EQ(t[1].text, "\\n");  // inserted semicolons read "\n"
}

TEST(SemicolonTest, OnlyOnePerLineBreakRun) {
  EXPECT_EQ(Kinds("x\n\n\ny\n"), "IDENTIFIER SEMI IDENTIFIER SEMI EOF");
  EXPECT_EQ(Kinds("x;\n"), "IDENTIFIER SEMI EOF");  // the written one only
  std::vector<Tok> t = Lex("x;\n");
  EXPECT_EQ(t[1].text, ";");
}

TEST(SemicolonTest, Comments) {
  // A line comment keeps the newline after it.
  EXPECT_EQ(Kinds("x // comment\ny"), "IDENTIFIER SEMI IDENTIFIER SEMI EOF");
  // A block comment spanning lines acts as a newline.
  EXPECT_EQ(Kinds("x /* a\nb */ y"), "IDENTIFIER SEMI IDENTIFIER SEMI EOF");
  // A block comment on one line does not.
  EXPECT_EQ(Kinds("x /* a */ + y"), "IDENTIFIER PLUS IDENTIFIER SEMI EOF");
  EXPECT_EQ(Kinds("x + /* a\n */ y"), "IDENTIFIER PLUS IDENTIFIER SEMI EOF");
  // The semicolon of a multi-line comment stands where the comment starts.
  std::vector<Tok> t = Lex("x /* a\nb */ y");
  EXPECT_EQ(t[1].pos, "1:3");
}

TEST(SemicolonTest, MultiLineRawString) {
  std::vector<Tok> t = Lex("s := `a\nb\n`\nt");
  ASSERT_EQ(t.size(), 7u);
  EXPECT_EQ(t[2].kind, "RAW_STRING_LIT");
  EXPECT_EQ(t[2].text, "`a\\nb\\n`");  // DumpTokens escapes newlines
  EXPECT_EQ(t[3].kind, "SEMI");
  EXPECT_EQ(t[3].pos, "3:2");
  EXPECT_EQ(t[4].pos, "4:1");
}

TEST(LiteralTest, IntegerForms) {
  for (const char* lit : {"0", "42", "1_000_000", "0x1F", "0X_ff", "0b1010", "0B_1", "0o17", "0O7",
                          "017", "0_17", "170141183460469231731687303715884105727"}) {
    EXPECT_EQ(Kinds(lit), "INT_LIT SEMI EOF") << lit;
    std::vector<LexError> errs;
    EXPECT_EQ(CheckNumber(lit, &errs), LitKind::kInt) << lit;
    EXPECT_TRUE(errs.empty()) << lit << ": " << errs[0].message;
  }
}

TEST(LiteralTest, FloatForms) {
  for (const char* lit : {"0.", "72.40", "072.40", "2.71828", "1.e+0", "6.67428e-11", "1E6", ".25",
                          ".12345E+5", "1_5.", "0.15e+0_2", "0x1p-2", "0x2.p10", "0x1.Fp+0",
                          "0X.8p-0", "0X_1FFFP-16", "09.5", "1e3"}) {
    EXPECT_EQ(Kinds(lit), "FLOAT_LIT SEMI EOF") << lit;
    std::vector<LexError> errs;
    EXPECT_EQ(CheckNumber(lit, &errs), LitKind::kFloat) << lit;
    EXPECT_TRUE(errs.empty()) << lit << ": " << errs[0].message;
  }
}

TEST(LiteralTest, ImaginaryForms) {
  for (const char* lit : {"0i", "0123i", "0o123i", "0xabci", "0.i", "2.71828i", "1.e+0i",
                          "6.67428e-11i", "1E6i", ".25i", ".12345E+5i", "0x1p-2i", "1_0i"}) {
    EXPECT_EQ(Kinds(lit), "IMAGINARY_LIT SEMI EOF") << lit;
    std::vector<LexError> errs;
    EXPECT_EQ(CheckNumber(lit, &errs), LitKind::kImag) << lit;
    EXPECT_TRUE(errs.empty()) << lit << ": " << errs[0].message;
  }
}

TEST(LiteralTest, RuneForms) {
  for (const char* lit : {"'a'", "'ä'", "'本'", "'\\t'", "'\\000'", "'\\007'", "'\\377'", "'\\x07'",
                          "'\\xff'", "'\\u12e4'", "'\\U00101234'", "'\\''", "'\\a'", "'\\x41'",
                          "'\\u00e9'", "'\\U0001F600'", "'\\101'", "'\"'"}) {
    EXPECT_EQ(Kinds(lit), "RUNE_LIT SEMI EOF") << lit;
    std::vector<LexError> errs;
    CheckRune(lit, false, &errs);
    EXPECT_TRUE(errs.empty()) << lit << ": " << errs[0].message;
  }
}

TEST(LiteralTest, StringForms) {
  for (const char* lit : {"\"\"", "\"abc\"", "\"\\n\"", "\"\\\"\"", "\"Hello, world!\\n\"",
                          "\"日本語\"", "\"\\u65e5本\\U00008a9e\"", "\"\\xff\\u00FF\"", "\"\\101\\x41\"",
                          "\"'\""}) {
    EXPECT_EQ(Kinds(lit), "STRING_LIT SEMI EOF") << lit;
    std::vector<LexError> errs;
    CheckString(lit, false, &errs);
    EXPECT_TRUE(errs.empty()) << lit << ": " << errs[0].message;
  }
  EXPECT_EQ(Kinds("`abc`"), "RAW_STRING_LIT SEMI EOF");
  EXPECT_EQ(Kinds("`\\n\n\\n`"), "RAW_STRING_LIT SEMI EOF");
  EXPECT_EQ(Kinds("`\"`"), "RAW_STRING_LIT SEMI EOF");
}

TEST(LiteralTest, ColumnsAreBytes) {
  // gc counts columns in bytes: "é" is two.
  std::vector<Tok> t = Lex("é := \"日本\" + x");
  ASSERT_GE(t.size(), 5u);
  EXPECT_EQ(t[0].kind, "IDENTIFIER");
  EXPECT_EQ(t[1].pos, "1:4");
  EXPECT_EQ(t[2].pos, "1:7");
  EXPECT_EQ(t[3].pos, "1:16");
  EXPECT_EQ(t[4].pos, "1:18");
}

TEST(LiteralTest, OperatorsLongestMatch) {
  EXPECT_EQ(Kinds("a &^= b <<= c >>= d &^ e <- f ... g := h"),
            "IDENTIFIER BIT_CLEAR_ASSIGN IDENTIFIER LSHIFT_ASSIGN IDENTIFIER RSHIFT_ASSIGN "
            "IDENTIFIER BIT_CLEAR IDENTIFIER RECEIVE IDENTIFIER ELLIPSIS IDENTIFIER "
            "DECLARE_ASSIGN IDENTIFIER SEMI EOF");
  EXPECT_EQ(Kinds("~int | string"), "TILDE IDENTIFIER OR IDENTIFIER SEMI EOF");
}

// Lexical errors through ParseFile: gc's message at gc's position.
std::string Errors(const std::string& src) {
  SourceManager sm;
  FileId id = sm.Add("x.go", src);
  AstArena arena;
  Diagnostics diags(sm);
  ParseFile(sm, id, arena, diags);
  return diags.Render();
}

TEST(LexErrorTest, NumbersLikeGc) {
  EXPECT_EQ(Errors("package p\nvar x = 089\n"), "./x.go:2:10: invalid digit '8' in octal literal\n");
  EXPECT_EQ(Errors("package p\nvar x = 0x\n"), "./x.go:2:11: hexadecimal literal has no digits\n");
  EXPECT_EQ(Errors("package p\nvar x = 1_\n"), "./x.go:2:10: '_' must separate successive digits\n");
  EXPECT_EQ(Errors("package p\nvar x = 1__2\n"), "./x.go:2:11: '_' must separate successive digits\n");
  EXPECT_EQ(Errors("package p\nvar x = 0b12\n"), "./x.go:2:12: invalid digit '2' in binary literal\n");
  EXPECT_EQ(Errors("package p\nvar x = 1e\n"), "./x.go:2:11: exponent has no digits\n");
  EXPECT_EQ(Errors("package p\nvar x = 0x1.0\n"),
            "./x.go:2:14: hexadecimal mantissa requires a 'p' exponent\n");
  EXPECT_EQ(Errors("package p\nvar x = 0b1.0\n"), "./x.go:2:12: invalid radix point in binary literal\n");
}

TEST(LexErrorTest, RunesAndStringsLikeGc) {
  EXPECT_EQ(Errors("package p\nvar r = 'ab'\n"), "./x.go:2:9: more than one character in rune literal\n");
  EXPECT_EQ(Errors("package p\nvar r = ''\n"),
            "./x.go:2:10: empty rune literal or unescaped ' in rune literal\n");
  EXPECT_EQ(Errors("package p\nvar s = \"abc\n"), "./x.go:2:13: newline in string\n");
  EXPECT_EQ(Errors("package p\nvar s = \"a\\qb\"\n"), "./x.go:2:12: unknown escape\n");
  EXPECT_EQ(Errors("package p\nvar s = `abc\n"), "./x.go:2:9: string not terminated\n");
  EXPECT_EQ(Errors("package p\nvar s = '\\400'\n"), "./x.go:2:14: octal escape value 256 > 255\n");
  EXPECT_EQ(Errors("package p\nvar s = '\\xg0'\n"),
            "./x.go:2:12: invalid character 'g' in hexadecimal escape\n");
  EXPECT_EQ(Errors("package p\nvar s = \"\\uD800\"\n"),
            "./x.go:2:16: escape is invalid Unicode code point U+D800\n");
  EXPECT_EQ(Errors("package p\n/* abc\n"), "./x.go:2:1: comment not terminated\n");
}

TEST(LexErrorTest, BadCharactersLikeGc) {
  EXPECT_EQ(Errors("package p\nvar x = 1 \xff\n"), "./x.go:2:11: invalid UTF-8 encoding\n");
  EXPECT_EQ(Errors(std::string("package p\nvar s = \"a\0b\"\n", 24)), "./x.go:2:11: invalid NUL character\n");
  EXPECT_EQ(Errors("package p\nvar x = 1 \xef\xbb\xbf\n"),
            "./x.go:2:11: invalid BOM in the middle of the file\n");
  EXPECT_EQ(Errors("\xef\xbb\xbfpackage p\n"), "");  // a leading BOM is fine
  EXPECT_EQ(Errors("package main\nfunc main() { x := 1 @ 2 }\n"),
            "./x.go:2:22: invalid character U+0040 '@'\n"
            "./x.go:2:24: syntax error: unexpected literal 2 at end of statement\n");
}

}  // namespace
}  // namespace gojit::frontend
