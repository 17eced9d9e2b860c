// Unit tests of gojit-conformance's readers (conformance_parse.h): build constraints,
// action lines, the import scanner, ERROR comments and errorcheck scoring, on small
// sources modelled on files of Go's test/ directory.

#include "cmd/conformance_parse.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace gojit::conformance {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// --- build constraints ------------------------------------------------------------

TEST(MatchTag, TargetIsLinuxAmd64GcWithoutCgo) {
  EXPECT_TRUE(MatchTag("linux"));
  EXPECT_TRUE(MatchTag("amd64"));
  EXPECT_TRUE(MatchTag("gc"));
  EXPECT_FALSE(MatchTag("gccgo"));
  EXPECT_FALSE(MatchTag("cgo"));
  EXPECT_FALSE(MatchTag("windows"));
  EXPECT_FALSE(MatchTag("goexperiment.unified"));
  EXPECT_FALSE(MatchTag("disabled_see_issue_18589"));
  EXPECT_FALSE(MatchTag(""));
  EXPECT_FALSE(MatchTag("a-b"));
}

TEST(MatchTag, GoVersionsUpTo126) {
  EXPECT_TRUE(MatchTag("go1.1"));
  EXPECT_TRUE(MatchTag("go1.18"));
  EXPECT_TRUE(MatchTag("go1.26"));
  EXPECT_FALSE(MatchTag("go1.27"));
  EXPECT_FALSE(MatchTag("go1.x"));
  EXPECT_FALSE(MatchTag("go2.0"));
}

TEST(EvalConstraintLine, GoBuildExpressions) {
  EXPECT_EQ(EvalConstraintLine("//go:build !windows"), true);
  EXPECT_EQ(EvalConstraintLine("//go:build linux && amd64"), true);
  EXPECT_EQ(EvalConstraintLine("//go:build !nacl && !js"), true);
  EXPECT_EQ(EvalConstraintLine("//go:build cgo"), false);
  EXPECT_EQ(EvalConstraintLine("//go:build goexperiment.unified"), false);
  EXPECT_EQ(EvalConstraintLine("//go:build !windows && !wasm && !gccgo"), true);
  // inline_endian.go
  EXPECT_EQ(EvalConstraintLine(
                "//go:build (386 || amd64 || arm64 || ppc64le || s390x) && !gcflags_noopt"),
            true);
  EXPECT_EQ(EvalConstraintLine("//go:build (386 || arm) && linux"), false);
  EXPECT_EQ(EvalConstraintLine("//go:build !(linux && amd64)"), false);
}

TEST(EvalConstraintLine, PlusBuildLines) {
  EXPECT_EQ(EvalConstraintLine("// +build amd64"), true);
  EXPECT_EQ(EvalConstraintLine("// +build !nacl,!js,gc"), true);
  EXPECT_EQ(EvalConstraintLine("// +build darwin linux"), true);
  EXPECT_EQ(EvalConstraintLine("// +build cgo,linux,amd64"), false);
  EXPECT_EQ(EvalConstraintLine("// +build linux,!ppc64,gc"), true);
  EXPECT_EQ(EvalConstraintLine("// +build 386 amd64p32 arm"), false);
  EXPECT_EQ(EvalConstraintLine("// +build ignore"), false);
  EXPECT_EQ(EvalConstraintLine(
                "// +build linux,amd64 linux,ppc64le darwin,amd64 windows,amd64"),
            true);
}

TEST(EvalConstraintLine, NotAConstraint) {
  EXPECT_EQ(EvalConstraintLine("// run"), std::nullopt);
  EXPECT_EQ(EvalConstraintLine("// +buildx amd64"), std::nullopt);
  EXPECT_EQ(EvalConstraintLine("package main"), std::nullopt);
  // A syntax error makes the line no constraint at all, as in go/build/constraint.
  EXPECT_EQ(EvalConstraintLine("//go:build bad // ERROR \"misplaced\""), std::nullopt);
  EXPECT_EQ(EvalConstraintLine("//go:build (linux"), std::nullopt);
  EXPECT_EQ(EvalConstraintLine("//go:build linux &&"), std::nullopt);
}

// --- the action line --------------------------------------------------------------

TEST(ParseHeader, PlainRun) {
  Header h = ParseHeader(
      "// run\n\n// Copyright 2009 The Go Authors.\n\n// Test that we can do page 1 of the C "
      "book.\n\npackage main\n\nfunc main() { print(\"hello, world\\n\") }\n");
  EXPECT_TRUE(h.build_ok);
  EXPECT_EQ(h.action, "run");
  EXPECT_THAT(h.flags, IsEmpty());
  EXPECT_THAT(h.args, IsEmpty());
}

TEST(ParseHeader, ConstraintBeforeAction) {
  // chanlinear.go
  Header h = ParseHeader("// +build darwin linux\n// run\n\n// Copyright\n\npackage main\n");
  EXPECT_TRUE(h.build_ok);
  EXPECT_EQ(h.action, "run");
}

TEST(ParseHeader, ConstraintAfterActionExcludes) {
  // fixedbugs/issue20529.go: the constraint sits after the action and still counts.
  Header h = ParseHeader("// errorcheck\n\n// +build amd64\n// +build 386\n\npackage p\n");
  EXPECT_EQ(h.action, "errorcheck");
  EXPECT_FALSE(h.build_ok);
  EXPECT_EQ(h.constraint, "// +build 386");
}

TEST(ParseHeader, ConstraintsInsideTheBodyDoNotCount) {
  Header h = ParseHeader("// run\n\npackage main\n\n// +build ignore\nfunc main() {}\n");
  EXPECT_TRUE(h.build_ok);
}

TEST(ParseHeader, FlagsAndArgs) {
  Header h = ParseHeader("// run -gcflags=\"-d=checkptr\" -race\n\npackage main\n");
  EXPECT_EQ(h.action, "run");
  EXPECT_THAT(h.flags, ElementsAre("-gcflags=-d=checkptr", "-race"));
  EXPECT_THAT(h.args, IsEmpty());

  h = ParseHeader("// run arg1 arg2\n\npackage main\n");
  EXPECT_THAT(h.flags, IsEmpty());
  EXPECT_THAT(h.args, ElementsAre("arg1", "arg2"));

  h = ParseHeader("// errorcheck -t 10 -e\n\npackage p\n");
  EXPECT_EQ(h.action, "errorcheck");
  EXPECT_EQ(h.timeout_s, 10);
  EXPECT_THAT(h.flags, ElementsAre("-e"));

  h = ParseHeader("// run -goexperiment fieldtrack\n\npackage main\n");
  EXPECT_THAT(h.flags, ElementsAre("-goexperiment fieldtrack"));
}

TEST(ParseHeader, OtherActionsAndNone) {
  EXPECT_EQ(ParseHeader("// runoutput ./rotate.go\n\npackage main\n").action, "runoutput");
  EXPECT_EQ(ParseHeader("// compiledir\n\npackage ignored\n").action, "compiledir");
  EXPECT_EQ(ParseHeader("// skip\n\npackage main\n").action, "skip");
  // linkmain.go: "// +build ignore" first, then the copyright: excluded, action prose.
  Header h = ParseHeader("// +build ignore\n\n// Copyright 2015\n\npackage main\n");
  EXPECT_FALSE(h.build_ok);
  EXPECT_EQ(h.action, "Copyright");
  EXPECT_EQ(ParseHeader("package main\n").action, "");
}

TEST(SplitQuoted, QuotesGroupAndDisappear) {
  EXPECT_THAT(SplitQuoted(" run -gcflags=\"-l -N\"  'a b' c"),
              ElementsAre("run", "-gcflags=-l -N", "a b", "c"));
  EXPECT_THAT(SplitQuoted(""), IsEmpty());
}

// --- imports ----------------------------------------------------------------------

TEST(ScanImports, SingleAndGrouped) {
  EXPECT_THAT(ScanImports("// run\n\npackage main\n\nimport \"fmt\"\n\nfunc main() {}\n"),
              ElementsAre("fmt"));
  EXPECT_THAT(ScanImports("package main\n\nimport (\n\t\"fmt\"\n\t_ \"unsafe\"\n\tstr "
                          "\"strings\" // for Repeat\n\t. \"os\"\n)\n\nfunc main() {}\n"),
              ElementsAre("fmt", "unsafe", "strings", "os"));
  EXPECT_THAT(ScanImports("package main\nimport \"fmt\"; import \"os\"\nvar x = \"io\"\n"),
              ElementsAre("fmt", "os"));
}

TEST(StartsGoroutines, GoStatementsOnly) {
  EXPECT_TRUE(StartsGoroutines("package main\nfunc main() {\n\tgo f()\n}\n"));
  EXPECT_TRUE(StartsGoroutines("package main\nfunc main() { c := 1; go func() {}() }\n"));
  // The word in comments, strings, runes and longer identifiers is not a go statement.
  EXPECT_FALSE(StartsGoroutines(
      "// go f()\npackage main\n/* go g() */\nfunc main() {\n\tgoto L\nL:\n"
      "\tprintln(\"go run\", `go\nf()`, 'g')\n\tvar gopher, ago int\n\t_, _ = gopher, ago\n}\n"));
}

TEST(ScanImports, CommentsAndNoImports) {
  EXPECT_THAT(ScanImports("// run\n\n/* import \"os\" */\npackage main\n\n"
                          "// import \"runtime\"\nfunc main() { println(\"import \\\"x\\\"\") }\n"),
              IsEmpty());
  EXPECT_THAT(ScanImports("package main\nimport /* c */ (\n)\nimport `errors`\nfunc f() {}\n"),
              ElementsAre("errors"));
  // Imports after the first declaration are a syntax error, not imports.
  EXPECT_THAT(ScanImports("package main\nfunc f() {}\nimport \"os\"\n"), IsEmpty());
}

// --- errorcheck -------------------------------------------------------------------

TEST(ParseErrorComments, OneOrSeveralRegexps) {
  std::vector<WantedLine> w = ParseErrorComments(
      "// errorcheck\n\npackage main\n\nfunc main() {\n"
      "\tx := 1 // ERROR \"declared and not used|x declared but not used\"\n"
      "\tvar a, b = 1 // ERROR \"assignment mismatch\" \"extra init expr|cannot initialize\"\n"
      "}\n",
      "t.go");
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0].line, 6);
  EXPECT_THAT(w[0].regexes, ElementsAre("declared and not used|x declared but not used"));
  EXPECT_EQ(w[1].line, 7);
  EXPECT_THAT(w[1].regexes, ElementsAre("assignment mismatch", "extra init expr|cannot initialize"));
}

TEST(ParseErrorComments, LineSubstitutionAndExclusions) {
  std::vector<WantedLine> w = ParseErrorComments(
      "package main\n"
      "func f() {\n"
      "\tgoto L // ERROR \"goto L jumps over declaration of x at LINE+1|goto jumps\"\n"
      "\tx := 1\n"
      "\t//// ERROR \"disabled by the quadruple slash\"\n"
      "\t_ = x // ERRORAUTO \"not ours\"\n"
      "\t_ = 2 // GC_ERROR \"gc only\"\n"
      "\t_ = 3 // GCCGO_ERROR \"gccgo only\"\n"
      "L: // ERROR \"label at LINE defined|LINE-6\"\n"
      "}\n",
      "bug.go");
  ASSERT_EQ(w.size(), 3u);
  EXPECT_EQ(w[0].line, 3);
  EXPECT_THAT(w[0].regexes, ElementsAre("goto L jumps over declaration of x at bug.go:4|goto jumps"));
  EXPECT_EQ(w[1].line, 7);
  EXPECT_THAT(w[1].regexes, ElementsAre("gc only"));
  EXPECT_EQ(w[2].line, 9);
  EXPECT_THAT(w[2].regexes, ElementsAre("label at bug.go:9 defined|bug.go:3"));
}

TEST(SplitDiagnostics, PositionsHeadersAndContinuations) {
  std::vector<Diag> d = SplitDiagnostics(
      "# command-line-arguments\n"
      "fixedbugs/bug1.go:6:2: x declared and not used\n"
      "fixedbugs/bug1.go:7:9: cannot use x (variable of type int) as string value\n"
      "\thave (int)\n"
      "\n"
      "gojit: internal error: boom\n");
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].file, "fixedbugs/bug1.go");
  EXPECT_EQ(d[0].line, 6);
  EXPECT_EQ(d[0].text, "x declared and not used");
  EXPECT_EQ(d[1].line, 7);
  EXPECT_EQ(d[1].text, "cannot use x (variable of type int) as string value\n\thave (int)");
  EXPECT_EQ(d[2].line, 0);
  EXPECT_EQ(d[2].text, "gojit: internal error: boom");
}

std::vector<Diag> Diags(std::initializer_list<std::pair<int, const char*>> list) {
  std::vector<Diag> out;
  for (auto [line, text] : list) out.push_back({"dir/t.go", line, text});
  return out;
}

TEST(ScoreErrorcheck, ExactLocatedAndMissing) {
  std::vector<WantedLine> wanted = {{6, {"declared and not used"}}, {7, {"mismatch"}}};
  ErrorcheckScore s = ScoreErrorcheck(
      "t.go", wanted, Diags({{6, "x declared and not used"}, {7, "assignment mismatch"}}));
  EXPECT_TRUE(s.Exact());
  EXPECT_TRUE(s.Located());
  EXPECT_EQ(s.exact_lines, 2);

  s = ScoreErrorcheck("t.go", wanted,
                      Diags({{6, "x declared and not used"}, {7, "wrong words"}}));
  EXPECT_TRUE(s.Located());
  EXPECT_FALSE(s.Exact());
  EXPECT_EQ(s.exact_lines, 1);
  EXPECT_EQ(s.first_problem, "t.go:7: no match for \"mismatch\"");

  s = ScoreErrorcheck("t.go", wanted, Diags({{6, "x declared and not used"}}));
  EXPECT_FALSE(s.Located());
  EXPECT_EQ(s.located_lines, 1);
  EXPECT_EQ(s.first_problem, "t.go:7: missing error \"mismatch\"");
}

TEST(ScoreErrorcheck, SpuriousAndLeftoverErrors) {
  std::vector<WantedLine> wanted = {{6, {"undefined"}}};
  ErrorcheckScore s = ScoreErrorcheck(
      "t.go", wanted, Diags({{6, "undefined: y"}, {9, "something else"}}));
  EXPECT_EQ(s.spurious, 1);
  EXPECT_FALSE(s.Located());
  EXPECT_FALSE(s.Exact());

  // A second message on an ERROR line with one regexp: located, but run.go rejects it.
  s = ScoreErrorcheck("t.go", wanted, Diags({{6, "undefined: y"}, {6, "and more"}}));
  EXPECT_TRUE(s.Located());
  EXPECT_EQ(s.exact_lines, 1);
  EXPECT_FALSE(s.Exact());

  // Another file's line 6 does not count for t.go.
  s = ScoreErrorcheck("t.go", wanted, {{"other.go", 6, "undefined: y"}});
  EXPECT_EQ(s.located_lines, 0);
  EXPECT_EQ(s.spurious, 1);
}

TEST(ScoreErrorcheck, TwoRegexpsNeedTwoMessages) {
  // Each regexp consumes every message it matches, as in run.go, so one message
  // cannot satisfy two regexps, nor can one regexp leave a twin for the next.
  std::vector<WantedLine> wanted = {{3, {"assignment", "type"}}};
  EXPECT_TRUE(ScoreErrorcheck("t.go", wanted,
                              Diags({{3, "assignment mismatch"}, {3, "type mismatch"}}))
                  .Exact());
  EXPECT_FALSE(ScoreErrorcheck("t.go", wanted, Diags({{3, "assignment type mismatch"}})).Exact());
  wanted = {{3, {"mismatch", "mismatch"}}};
  EXPECT_FALSE(ScoreErrorcheck("t.go", wanted,
                               Diags({{3, "assignment mismatch"}, {3, "type mismatch"}}))
                   .Exact());
}

TEST(ScoreErrorcheck, GoRegexpSyntax) {
  // RE2 reads a lone '{' literally; an invalid regexp is never exact.
  std::vector<WantedLine> wanted = {{2, {"expected { after for clause"}}};
  EXPECT_TRUE(ScoreErrorcheck("t.go", wanted, Diags({{2, "expected { after for clause"}})).Exact());
  wanted = {{2, {"(?i)unclosed"}}};
  ErrorcheckScore s = ScoreErrorcheck("t.go", wanted, Diags({{2, "unclosed"}}));
  EXPECT_EQ(s.bad_regexes, 1);
  EXPECT_TRUE(s.Located());
  EXPECT_FALSE(s.Exact());
}

// --- run output -------------------------------------------------------------------

TEST(FirstDifference, LinesAndEof) {
  EXPECT_EQ(FirstDifference("a\nb\n", "a\nb\n"), std::nullopt);
  std::optional<LineDiff> d = FirstDifference("a\nb\nc\n", "a\nB\nc\n");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->line, 2);
  EXPECT_EQ(d->want, "b");
  EXPECT_EQ(d->got, "B");
  d = FirstDifference("a\n", "a\nextra\n");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->line, 2);
  EXPECT_EQ(d->want, "");
  EXPECT_EQ(d->got, "extra");
  d = FirstDifference("a\n", "a");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->want, "");
  EXPECT_EQ(d->got, "<EOF>");
}

}  // namespace
}  // namespace gojit::conformance
