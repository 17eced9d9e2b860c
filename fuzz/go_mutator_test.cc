// fuzz/go_mutator_test.cc: the tokenizer and the mutator of gojit-difffuzz, and the
// classification of verdicts into findings.

#include "fuzz/go_mutator.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "fuzz/differential_report.h"

namespace gojit::difffuzz {
namespace {

std::vector<std::string> Words(std::string_view src) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(src)) out.emplace_back(src.substr(t.begin, t.end - t.begin));
  return out;
}

TEST(Tokenize, KindsAndLongestOperators) {
  std::string_view src = "x <<= 0x1p-2 + 1e+3 // c\ns := `a\nb` + \"q\\\"\" + 'r' &^ y...";
  std::vector<Token> tokens = Tokenize(src);
  std::vector<std::string> words = Words(src);
  std::vector<std::string> want = {"x", "<<=", "0x1p-2", "+", "1e+3", "// c", "s", ":=",
                                   "`a\nb`", "+", "\"q\\\"\"", "+", "'r'", "&^", "y", "..."};
  EXPECT_EQ(words, want);
  EXPECT_EQ(tokens[5].kind, TokenKind::kComment);
  EXPECT_EQ(tokens[8].kind, TokenKind::kRawString);
  EXPECT_EQ(tokens[9].line, 3);  // the raw string spans a newline
  EXPECT_EQ(tokens[6].line, 2);
  EXPECT_EQ(tokens[6].col, 1);
}

TEST(Tokenize, KeywordsAndUnterminated) {
  std::string_view src = "func f() { return \"abc\n}";
  std::vector<Token> tokens = Tokenize(src);
  EXPECT_EQ(tokens[0].kind, TokenKind::kKeyword);
  EXPECT_EQ(tokens[1].kind, TokenKind::kIdent);
  EXPECT_EQ(Words(src).back(), "}");  // the string stops at the newline
}

TEST(PackageAndMain, Found) {
  std::string_view src = "// run\n\npackage /* c */ p\n\nfunc (T) main() {}\nfunc f() {}\n";
  auto tokens = Tokenize(src);
  EXPECT_EQ(PackageName(src, tokens), "p");
  EXPECT_FALSE(DeclaresFuncMain(src, tokens));  // a method is not func main
  std::string_view with = "package main\nfunc f() { func main() {} }\nfunc main() {}\n";
  EXPECT_TRUE(DeclaresFuncMain(with, Tokenize(with)));
  std::string_view nested = "package main\nvar _ = func() { main() }\n";
  EXPECT_FALSE(DeclaresFuncMain(nested, Tokenize(nested)));
}

constexpr std::string_view kProgram =
    "// run\n"
    "\n"
    "//go:build linux\n"
    "\n"
    "package main\n"
    "\n"
    "import \"fmt\"\n"
    "\n"
    "const big = 1 << 10\n"
    "\n"
    "func main() {\n"
    "\tx := []int{1, 2, 3}\n"
    "\tfor i := range x {\n"
    "\t\tfmt.Println(i + big)\n"
    "\t}\n"
    "}\n";

TEST(Mutate, DeterministicAndDifferent) {
  for (uint64_t seed = 0; seed < 200; ++seed) {
    std::optional<Mutant> a = Mutate(kProgram, seed), b = Mutate(kProgram, seed);
    if (!a) continue;
    ASSERT_TRUE(b);
    EXPECT_EQ(a->text, b->text);
    EXPECT_EQ(a->edits, b->edits);
    EXPECT_NE(a->text, kProgram);
    EXPECT_GE(a->edits.size(), 1u);
    EXPECT_LE(a->edits.size(), 3u);
  }
}

TEST(Mutate, KeepsTheHeaderAndPackageClause) {
  const std::string_view prefix = kProgram.substr(0, kProgram.find("package main") + 12);
  int mutated = 0;
  for (uint64_t seed = 0; seed < 500; ++seed) {
    std::optional<Mutant> m = Mutate(kProgram, seed);
    if (!m) continue;
    ++mutated;
    EXPECT_EQ(std::string_view(m->text).substr(0, prefix.size()), prefix)
        << "seed " << seed << ": " << m->edits[0];
    EXPECT_EQ(PackageName(m->text, Tokenize(m->text)), "main");
  }
  EXPECT_GT(mutated, 450);
}

TEST(Mutate, UsesEveryOperator) {
  std::set<std::string> ops;
  for (uint64_t seed = 0; seed < 500; ++seed) {
    std::optional<Mutant> m = Mutate(kProgram, seed);
    if (!m) continue;
    for (const std::string& e : m->edits) ops.insert(e.substr(0, e.find(' ')));
  }
  std::set<std::string> want = {"delete-token",    "duplicate-token", "swap-tokens",
                                "replace-ident",   "replace-literal", "replace-operator",
                                "replace-keyword", "wrap-operand",    "delete-line",
                                "duplicate-line",  "swap-lines"};
  EXPECT_EQ(ops, want);
}

TEST(Mutate, LeavesImportPathsToLineEdits) {
  for (uint64_t seed = 0; seed < 500; ++seed) {
    std::optional<Mutant> m = Mutate(kProgram, seed);
    if (!m) continue;
    for (const std::string& e : m->edits) {
      EXPECT_FALSE(e.find("\"\"fmt\"\"") != std::string::npos &&
                   (e.starts_with("replace-literal") || e.starts_with("wrap-operand")))
          << e;
    }
  }
}

TEST(Mutate, NothingToEdit) {
  EXPECT_FALSE(Mutate("// run\n\npackage main\n", 1));
}

TEST(TextHash, Stable) {
  EXPECT_EQ(TextHash(""), "cbf29ce484222325");  // FNV-1a's offset basis
  EXPECT_NE(TextHash("a"), TextHash("b"));
}

TEST(Classify, Findings) {
  Verdicts v;
  v.gc.verdict = Verdict::kAccept;
  v.gojit.verdict = Verdict::kAccept;
  EXPECT_FALSE(Classify(v));
  v.gojit.verdict = Verdict::kReject;
  EXPECT_EQ(Classify(v), FindingKind::kRejectsValid);
  v.gc.verdict = Verdict::kReject;
  EXPECT_FALSE(Classify(v));
  v.gojit.verdict = Verdict::kAccept;
  EXPECT_EQ(Classify(v), FindingKind::kAcceptsInvalid);
  v.gc.verdict = Verdict::kTimeout;  // gc gave no answer: nothing to compare
  EXPECT_FALSE(Classify(v));
  v.gojit.verdict = Verdict::kCrash;  // a crash counts whatever gc says
  EXPECT_EQ(Classify(v), FindingKind::kCrash);
  v.gojit.verdict = Verdict::kTimeout;
  EXPECT_EQ(Classify(v), FindingKind::kHang);
}

TEST(KnownList, ParsesAndMatches) {
  std::string path = ::testing::TempDir() + "/known.txt";
  {
    std::ofstream f(path);
    f << "# comment\n\n"
      << "hash 0123456789abcdef  one mutant\n"
      << "seed fixedbugs/x.go  the seed itself\n"
      << "gc \"overlapping \\\"terms\\\"\"  a message with quotes\n";
  }
  std::string error;
  std::optional<KnownList> list = KnownList::Load(path, error);
  ASSERT_TRUE(list) << error;
  ASSERT_EQ(list->entries().size(), 3u);
  EXPECT_EQ(list->entries()[2].key, "overlapping \"terms\"");
  EXPECT_EQ(list->entries()[2].reason, "a message with quotes");

  Finding f{FindingKind::kAcceptsInvalid, "ffff", "a.go", false, {}, "", {}};
  f.verdicts.gc.output = "./prog.go:3:3: overlapping \"terms\" ~int";
  ASSERT_NE(list->Match(f), nullptr);
  EXPECT_EQ(list->Match(f)->line, 5);
  f.kind = FindingKind::kRejectsValid;  // a gc pattern covers only accepts-invalid
  EXPECT_EQ(list->Match(f), nullptr);
  f.hash = "0123456789abcdef";
  EXPECT_EQ(list->Match(f)->line, 3);
  Finding seed{FindingKind::kCrash, "eeee", "fixedbugs/x.go", true, {}, "", {}};
  EXPECT_EQ(list->Match(seed)->line, 4);
  seed.baseline = false;  // a seed line covers the unmutated file only
  EXPECT_EQ(list->Match(seed), nullptr);

  std::ofstream(path) << "gojit unquoted text\n";
  EXPECT_FALSE(KnownList::Load(path, error));
  EXPECT_NE(error.find(":1:"), std::string::npos) << error;
}

}  // namespace
}  // namespace gojit::difffuzz
