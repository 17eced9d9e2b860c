// testdata/golden_test.cc: runs the programs of testdata/ through the `gojit` binary
// and, as a differential check, through the reference Go toolchain.
//
// Four kinds of case, discovered at run time from the directory listing (so a new
// golden needs no rebuild; formats in testdata/README.md):
//   run/NAME.go      `// run`: exit 0, stdout == NAME.out, stderr == NAME.stderr or "";
//                    `// gojit-timeout: S` allows gojit S seconds instead of 30.
//   fail/NAME.go     `// exitcode: N`: exit N, first stderr line per NAME.err,
//                    stdout == NAME.out or "".
//   errors/NAME.go   `// errorcheck`: exit 1, diagnostics agree with `// ERROR "re"`.
//   bad/NAME.err     the input NAME.* (or a missing NAME.go): exit 1, first
//                    diagnostic line per NAME.err.
// Each case is one value-parameterized test per engine: `Gojit` runs gojit,
// `GoReference` runs `go` (skipped when no `go` is on PATH) so that the expectations,
// which were produced by the reference Go (1.26), can never drift from Go.
//
// gojit is a black box here: no gojit library is linked. The binary comes from the
// GOJIT_BINARY compile definition (CMake's $<TARGET_FILE:gojit>); the environment
// variable GOJIT_BIN overrides it (e.g. testdata/gojit_via_go.sh to check the harness
// itself against Go). GOJIT_TEST_TIMEOUT_S overrides the 30 s per-run limit.

#include <stdlib.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "testdata/harness.h"

#ifndef GOJIT_BINARY
#error "GOJIT_BINARY must name the gojit executable"
#endif
#ifndef GOJIT_TESTDATA_DIR
#error "GOJIT_TESTDATA_DIR must name the testdata directory"
#endif

namespace gojit::testdata {
namespace {

using std::chrono::seconds;

std::string Gojit() {
  const char* env = getenv("GOJIT_BIN");
  return env && *env ? env : GOJIT_BINARY;
}

std::string Dir(const std::string& kind) {
  return std::string(GOJIT_TESTDATA_DIR) + "/" + kind;
}

std::chrono::milliseconds GojitTimeout() {
  const char* env = getenv("GOJIT_TEST_TIMEOUT_S");
  return seconds(env && *env ? atoi(env) : 30);
}

// The reference toolchain compiles the standard library into its cache on first
// use, which takes a while on a cold machine.
constexpr seconds kGoTimeout{300};

std::vector<std::string> GoEnv() {
  std::vector<std::string> env;
  if (!getenv("GOCACHE") && !getenv("HOME"))
    env.push_back("GOCACHE=/tmp/gojit-test-gocache");
  return env;
}

std::string Stem(const std::string& file) { return file.substr(0, file.rfind('.')); }

// Reads a sidecar; "" with *exists = false when it is absent.
std::string Sidecar(const std::string& path, bool* exists) {
  auto content = ReadFile(path);
  *exists = content.has_value();
  return content.value_or("");
}

// A scratch directory removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = std::filesystem::temp_directory_path() / "gojit-golden-XXXXXX";
    path_ = mkdtemp(tmpl.data()) ? tmpl : "";
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// `go build -o TMP/prog FILE` in `dir`. Returns the build result; *prog gets the path.
ProcessResult GoBuild(const std::string& go, const std::string& dir,
                      const std::string& file, const TempDir& tmp, std::string* prog) {
  *prog = tmp.path() + "/prog";
  return RunProcess({go, "build", "-o", *prog, file}, dir, kGoTimeout, GoEnv());
}

std::string Go() { return FindOnPath("go"); }

#define SKIP_WITHOUT_GO(go)                                             \
  if ((go).empty()) {                                                   \
    GTEST_SKIP() << "no `go` on PATH: the differential check needs Go"; \
  }

std::string ParamName(const testing::TestParamInfo<std::string>& info) {
  return TestName(Stem(info.param));
}

// --- run/: programs that succeed ------------------------------------------------

class RunTest : public testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    dir_ = Dir("run");
    file_ = GetParam();
    auto src = ReadFile(dir_ + "/" + file_);
    ASSERT_TRUE(src) << "cannot read " << file_;
    ASSERT_EQ(FirstLine(*src), "// run") << file_ << " must open with a `// run` line";
    bool has_out;
    want_out_ = Sidecar(dir_ + "/" + Stem(file_) + ".out", &has_out);
    ASSERT_TRUE(has_out) << Stem(file_) << ".out is missing: run testdata/regen.sh";
    want_err_ = Sidecar(dir_ + "/" + Stem(file_) + ".stderr", &has_out);
    if (auto s = GojitTimeoutHeader(*src)) timeout_ = std::max<std::chrono::milliseconds>(timeout_, seconds(*s));
  }
  void Check(const ProcessResult& r) {
    ASSERT_FALSE(r.timed_out) << Describe(r);
    EXPECT_EQ(r.exit_code, 0) << Describe(r);
    EXPECT_EQ(r.out, want_out_) << "stdout differs from " << Stem(file_) << ".out";
    EXPECT_EQ(r.err, want_err_)
        << "stderr differs from "
        << (want_err_.empty() ? "nothing" : Stem(file_) + ".stderr");
  }
  std::string dir_, file_, want_out_, want_err_;
  std::chrono::milliseconds timeout_ = GojitTimeout();
};

TEST_P(RunTest, Gojit) {
  Check(RunProcess({Gojit(), "run", file_}, dir_, timeout_));
}

TEST_P(RunTest, GoReference) {
  std::string go = Go();
  SKIP_WITHOUT_GO(go);
  TempDir tmp;
  std::string prog;
  ProcessResult build = GoBuild(go, dir_, file_, tmp, &prog);
  ASSERT_EQ(build.exit_code, 0) << "go build failed: " << Describe(build);
  Check(RunProcess({prog}, dir_, kGoTimeout));
}

INSTANTIATE_TEST_SUITE_P(run, RunTest, testing::ValuesIn(ListDir(Dir("run"), ".go")),
                         ParamName);

// --- fail/: programs that panic or exit non-zero ----------------------------------

class FailTest : public testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    dir_ = Dir("fail");
    file_ = GetParam();
    auto src = ReadFile(dir_ + "/" + file_);
    ASSERT_TRUE(src) << "cannot read " << file_;
    auto code = ExitCodeHeader(*src);
    ASSERT_TRUE(code) << file_ << " has no `// exitcode: N` line";
    want_code_ = *code;
    bool exists;
    auto want = ParseErrSidecar(Sidecar(dir_ + "/" + Stem(file_) + ".err", &exists));
    ASSERT_TRUE(exists && want) << Stem(file_) << ".err is missing or empty";
    want_first_ = *want;
    want_out_ = Sidecar(dir_ + "/" + Stem(file_) + ".out", &exists);
  }
  // `stderr` is what `go run` would print: for gojit its own stderr, for the built Go
  // program its stderr plus the "exit status N" line that `go run` appends.
  void Check(const ProcessResult& r, const std::string& stderr_text) {
    ASSERT_FALSE(r.timed_out) << Describe(r);
    EXPECT_EQ(r.exit_code, want_code_) << Describe(r);
    EXPECT_TRUE(want_first_.Matches(FirstLine(stderr_text)))
        << "first stderr line: \"" << FirstLine(stderr_text) << "\"\n  want "
        << want_first_.ToString() << "\n"
        << Describe(r);
    EXPECT_EQ(r.out, want_out_) << "stdout differs from "
                                << (want_out_.empty() ? "nothing" : Stem(file_) + ".out");
  }
  std::string dir_, file_, want_out_;
  int want_code_ = 0;
  LineExpectation want_first_;
};

TEST_P(FailTest, Gojit) {
  ProcessResult r = RunProcess({Gojit(), "run", file_}, dir_, GojitTimeout());
  Check(r, r.err);
}

TEST_P(FailTest, GoReference) {
  std::string go = Go();
  SKIP_WITHOUT_GO(go);
  TempDir tmp;
  std::string prog;
  ProcessResult build = GoBuild(go, dir_, file_, tmp, &prog);
  ASSERT_EQ(build.exit_code, 0) << "go build failed: " << Describe(build);
  ProcessResult r = RunProcess({prog}, dir_, kGoTimeout);
  Check(r, r.err + "exit status " + std::to_string(r.exit_code) + "\n");
}

INSTANTIATE_TEST_SUITE_P(fail, FailTest, testing::ValuesIn(ListDir(Dir("fail"), ".go")),
                         ParamName);

// --- errors/: compile errors in Go's errorcheck style -----------------------------

class ErrorCheckTest : public testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    dir_ = Dir("errors");
    file_ = GetParam();
    auto src = ReadFile(dir_ + "/" + file_);
    ASSERT_TRUE(src) << "cannot read " << file_;
    ASSERT_EQ(FirstLine(*src), "// errorcheck")
        << file_ << " must open with `// errorcheck`";
    std::string bad;
    wanted_ = ParseErrorComments(*src, &bad);
    ASSERT_EQ(bad, "") << file_;
    ASSERT_FALSE(wanted_.empty()) << file_ << " has no // ERROR comments";
  }
  void CheckDiagnostics(const ProcessResult& r) {
    std::vector<std::string> problems =
        CheckErrors(file_, wanted_, ParseDiagnostics(r.err));
    std::string all;
    for (const std::string& p : problems) all += "\n  " + p;
    EXPECT_TRUE(problems.empty()) << file_ << ":" << all << "\n" << Describe(r);
  }
  std::string dir_, file_;
  std::vector<WantedError> wanted_;
};

TEST_P(ErrorCheckTest, Gojit) {
  ProcessResult r = RunProcess({Gojit(), "run", file_}, dir_, GojitTimeout());
  ASSERT_FALSE(r.timed_out) << Describe(r);
  EXPECT_EQ(r.exit_code, 1) << "compile errors exit with 1\n" << Describe(r);
  EXPECT_EQ(r.out, "") << "compile errors go to stderr";
  CheckDiagnostics(r);
}

TEST_P(ErrorCheckTest, GoReference) {
  std::string go = Go();
  SKIP_WITHOUT_GO(go);
  TempDir tmp;
  std::string prog;
  ProcessResult r = GoBuild(go, dir_, file_, tmp, &prog);
  ASSERT_FALSE(r.timed_out) << Describe(r);
  EXPECT_NE(r.exit_code, 0) << "go build accepted " << file_;
  CheckDiagnostics(r);
}

INSTANTIATE_TEST_SUITE_P(errors, ErrorCheckTest,
                         testing::ValuesIn(ListDir(Dir("errors"), ".go")), ParamName);

// --- bad/: inputs that are not Go programs at all ---------------------------------

class BadInputTest : public testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    dir_ = Dir("bad");
    std::string stem = Stem(GetParam());
    bool exists;
    auto want = ParseErrSidecar(Sidecar(dir_ + "/" + GetParam(), &exists));
    ASSERT_TRUE(exists && want) << GetParam() << " is empty";
    want_ = *want;
    // The input is the one other file named STEM.*; with none, STEM.go, which does
    // not exist (the unreadable-path case).
    input_ = stem + ".go";
    for (const std::string& f : ListDir(dir_, "")) {
      if (Stem(f) == stem && f != GetParam()) input_ = f;
    }
  }
  void Check(const ProcessResult& r) {
    ASSERT_FALSE(r.timed_out) << Describe(r);
    std::string first = FirstDiagnosticLine(r.err);
    EXPECT_TRUE(want_.Matches(first)) << "first diagnostic line: \"" << first
                                      << "\"\n  want " << want_.ToString() << "\n"
                                      << Describe(r);
  }
  std::string dir_, input_;
  LineExpectation want_;
};

TEST_P(BadInputTest, Gojit) {
  ProcessResult r = RunProcess({Gojit(), "run", input_}, dir_, GojitTimeout());
  Check(r);
  EXPECT_EQ(r.exit_code, 1) << "bad input exits with 1, without a crash\n" << Describe(r);
}

TEST_P(BadInputTest, GoReference) {
  std::string go = Go();
  SKIP_WITHOUT_GO(go);
  ProcessResult r = RunProcess({go, "run", input_}, dir_, kGoTimeout, GoEnv());
  Check(r);
  EXPECT_NE(r.exit_code, 0) << Describe(r);
}

INSTANTIATE_TEST_SUITE_P(bad, BadInputTest,
                         testing::ValuesIn(ListDir(Dir("bad"), ".err")), ParamName);

// --- the inventory: a broken discovery must not pass silently --------------------

TEST(Inventory, EnoughCasesOfEachKind) {
  EXPECT_GE(ListDir(Dir("run"), ".go").size(), 25u);
  EXPECT_GE(ListDir(Dir("fail"), ".go").size(), 5u);
  EXPECT_GE(ListDir(Dir("errors"), ".go").size(), 10u);
  EXPECT_GE(ListDir(Dir("bad"), ".err").size(), 7u);
}

TEST(Inventory, NoOrphanSidecars) {
  for (const char* kind : {"run", "fail"}) {
    for (const char* ext : {".out", ".stderr", ".err"}) {
      for (const std::string& f : ListDir(Dir(kind), ext)) {
        EXPECT_TRUE(FileExists(Dir(kind) + "/" + Stem(f) + ".go"))
            << kind << "/" << f << " has no program";
      }
    }
  }
}

TEST(Inventory, GojitBinaryExists) {
  EXPECT_EQ(access(Gojit().c_str(), X_OK), 0) << Gojit() << " is not an executable";
}

// --- the errorcheck matcher itself -----------------------------------------------

TEST(ErrorCheckMatcher, AcceptsMatchingErrorsAndGoHeaders) {
  std::string src =
      "package main\n\nx // ERROR \"undefined: x\"\ny // ERROR \"a\" \"b|c\"\n";
  std::string bad;
  auto wanted = ParseErrorComments(src, &bad);
  ASSERT_EQ(bad, "");
  ASSERT_EQ(wanted.size(), 3u);
  auto diags = ParseDiagnostics(
      "# command-line-arguments\n./f.go:3:1: undefined: x\n\thave (int)\n"
      "./f.go:4:2: a thing\n./f.go:4:9: c thing\n");
  EXPECT_EQ(diags.size(), 3u);
  EXPECT_TRUE(CheckErrors("f.go", wanted, diags).empty());
}

TEST(ErrorCheckMatcher, RejectsMissingWrongAndExtraErrors) {
  std::string bad;
  auto wanted = ParseErrorComments(
      "a // ERROR \"undefined: a\"\nb // ERROR \"undefined: b\"\n", &bad);
  // Line 1 has the wrong text, line 2 nothing, line 3 an error nobody expected, and
  // a line without a position can never match.
  auto diags = ParseDiagnostics(
      "f.go:1:1: declared but not used: a\nf.go:3:1: undefined: c\nsomething broke\n");
  auto problems = CheckErrors("f.go", wanted, diags);
  ASSERT_EQ(problems.size(), 5u);
  EXPECT_NE(problems[0].find("no match"), std::string::npos);
  EXPECT_NE(problems[1].find("missing error"), std::string::npos);
  EXPECT_NE(problems[2].find("unexpected error: f.go:1:1"), std::string::npos);
  EXPECT_NE(problems[3].find("unexpected error: f.go:3:1"), std::string::npos);
  EXPECT_NE(problems[4].find("something broke"), std::string::npos);
}

TEST(ErrorCheckMatcher, ErrorsInOtherFilesDoNotCount) {
  std::string bad;
  auto wanted = ParseErrorComments("a // ERROR \"x\"\n", &bad);
  auto problems = CheckErrors("f.go", wanted, ParseDiagnostics("./g.go:1:1: x\n"));
  EXPECT_EQ(problems.size(), 2u);
}

TEST(ErrorCheckMatcher, ReadsBracesAsGoDoes) {
  EXPECT_TRUE(std::regex_search("expecting { after for clause",
                                GoRegex("expecting { after for clause")));
  EXPECT_TRUE(std::regex_search("x{}", GoRegex("^x{}$")));
  EXPECT_TRUE(std::regex_search("aaa", GoRegex("^a{3}$")));
  EXPECT_FALSE(std::regex_search("aa", GoRegex("^a{3}$")));
  EXPECT_TRUE(std::regex_search("a(b)", GoRegex("a\\(b\\)")));
}

TEST(Sidecars, ExitCodeAndLineExpectations) {
  EXPECT_EQ(ExitCodeHeader("// exitcode: 3\n\npackage main\n"), 3);
  EXPECT_FALSE(ExitCodeHeader("// run\npackage main\n"));
  auto lit = ParseErrSidecar(
      "panic: runtime error: index out of range [10] with length 5\n# note\n");
  ASSERT_TRUE(lit);
  EXPECT_TRUE(
      lit->Matches("panic: runtime error: index out of range [10] with length 5"));
  EXPECT_FALSE(
      lit->Matches("panic: runtime error: index out of range [10] with length 6"));
  auto re = ParseErrSidecar(
      "re: ^(\\./)?x\\.go:3:8: package nosuchpkg is not in (GOROOT|std)\n");
  ASSERT_TRUE(re);
  EXPECT_TRUE(re->Matches("./x.go:3:8: package nosuchpkg is not in std"));
  EXPECT_FALSE(re->Matches("x.go:3:9: package nosuchpkg is not in std"));
  EXPECT_FALSE(ParseErrSidecar(""));
  EXPECT_EQ(FirstDiagnosticLine("# command-line-arguments\n./a.go:1:1: x\n"),
            "./a.go:1:1: x");
}

TEST(Harness, TimeoutKillsTheProcessGroup) {
  auto start = std::chrono::steady_clock::now();
  ProcessResult r = RunProcess({"sh", "-c", "echo started; sleep 30 & sleep 30"}, "",
                               std::chrono::milliseconds(500));
  EXPECT_TRUE(r.timed_out);
  EXPECT_EQ(r.out, "started\n");
  EXPECT_LT(std::chrono::steady_clock::now() - start, seconds(10));
}

TEST(Harness, CapturesBothStreamsAndTheExitCode) {
  ProcessResult r =
      RunProcess({"sh", "-c", "echo out; echo err >&2; exit 7"}, "/", seconds(10));
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 7);
  EXPECT_EQ(r.out, "out\n");
  EXPECT_EQ(r.err, "err\n");
}

}  // namespace
}  // namespace gojit::testdata
