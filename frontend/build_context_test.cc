// Build constraints: the expression evaluator, file-name suffixes, headers, and a
// check against the go command's own choice of files for real packages.
#include "frontend/build_context.h"

#include <dirent.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "gtest/gtest.h"

namespace gojit::frontend {
namespace {

bool Eval(absl::string_view expr) {
  absl::StatusOr<bool> v = BuildContext::Gojit().Eval(expr);
  EXPECT_TRUE(v.ok()) << expr << ": " << v.status();
  return v.ok() && *v;
}

TEST(BuildContextTest, Expressions) {
  EXPECT_TRUE(Eval("linux"));
  EXPECT_TRUE(Eval("amd64 && unix"));
  EXPECT_FALSE(Eval("windows"));
  EXPECT_FALSE(Eval("gc"));  // gojit is not gc
  EXPECT_FALSE(Eval("cgo"));
  EXPECT_TRUE(Eval("!gc || purego"));
  EXPECT_FALSE(Eval("gc && !purego"));
  EXPECT_TRUE(Eval("go1.21 && go1.26"));
  EXPECT_FALSE(Eval("go1.27"));
  EXPECT_TRUE(Eval("(linux || darwin) && !(arm64 || 386)"));
  EXPECT_FALSE(Eval("!(linux && amd64)"));
  EXPECT_TRUE(Eval("goexperiment.greenteagc"));
  EXPECT_FALSE(Eval("goexperiment.boringcrypto"));
  EXPECT_FALSE(Eval("ignore"));
  for (absl::string_view bad : {"", "linux &&", "(linux", "linux)", "linux || || amd64", "a b"}) {
    EXPECT_FALSE(BuildContext::Gojit().Eval(bad).ok()) << bad;
  }
}

TEST(BuildContextTest, FileNames) {
  BuildContext ctx = BuildContext::Gojit();
  EXPECT_TRUE(ctx.MatchFileName("x.go"));
  EXPECT_TRUE(ctx.MatchFileName("linux.go"));  // no underscore: no constraint
  EXPECT_TRUE(ctx.MatchFileName("x_linux.go"));
  EXPECT_TRUE(ctx.MatchFileName("x_amd64.go"));
  EXPECT_TRUE(ctx.MatchFileName("x_linux_amd64.go"));
  EXPECT_TRUE(ctx.MatchFileName("x_unix.go"));  // unix is a tag, not a suffix
  EXPECT_FALSE(ctx.MatchFileName("x_windows.go"));
  EXPECT_FALSE(ctx.MatchFileName("x_arm64.go"));
  EXPECT_FALSE(ctx.MatchFileName("x_linux_arm64.go"));
  EXPECT_FALSE(ctx.MatchFileName("x_darwin_amd64.go"));
  EXPECT_FALSE(ctx.MatchFileName("x_windows_test.go"));
  EXPECT_TRUE(ctx.MatchFileName("defs_linux_notanarch.go"));
}

TEST(BuildContextTest, Headers) {
  BuildContext ctx = BuildContext::Gojit();
  auto match = [&](absl::string_view name, absl::string_view text) {
    absl::StatusOr<bool> v = ctx.MatchFile(name, text);
    EXPECT_TRUE(v.ok()) << v.status();
    return v.ok() && *v;
  };
  EXPECT_TRUE(match("a.go", "package a\n"));
  EXPECT_FALSE(match("a_test.go", "package a\n"));
  EXPECT_FALSE(match("_a.go", "package a\n"));
  EXPECT_FALSE(match("a.s", "package a\n"));
  EXPECT_TRUE(match("a.go", "// Copyright\n\n//go:build linux && !gc\n\npackage a\n"));
  EXPECT_FALSE(match("a.go", "/* block\n comment */\n//go:build windows\n\npackage a\n"));
  // After the package clause, a //go:build line is an ordinary comment.
  EXPECT_TRUE(match("a.go", "package a\n\n//go:build windows\n"));
  // Inside a block comment it is not a constraint either.
  EXPECT_TRUE(match("a.go", "/*\n//go:build windows\n*/\npackage a\n"));
  EXPECT_FALSE(match("a.go", "package a\n\nimport \"C\"\n"));
  // `// +build` lines: OR of options, AND of comma-separated tags, lines ANDed;
  // only when a blank line follows them, and only without a //go:build line.
  EXPECT_FALSE(match("gen.go", "// +build ignore\n\npackage a\n"));
  EXPECT_TRUE(match("a.go", "// +build linux darwin\n// +build amd64,!gc\n\npackage a\n"));
  EXPECT_FALSE(match("a.go", "// +build linux,386 windows\n\npackage a\n"));
  EXPECT_TRUE(match("a.go", "// +build ignore\npackage a\n"));  // no blank line: a doc comment
  EXPECT_TRUE(match("a.go", "//go:build linux\n// +build ignore\n\npackage a\n"));
  EXPECT_FALSE(ctx.MatchFile("a.go", "//go:build linux\n//go:build amd64\npackage a\n").ok());
  absl::StatusOr<bool> bad = ctx.MatchFile("a.go", "//go:build linux &&\npackage a\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("a.go"), absl::string_view::npos);
}

std::string RunCommand(const std::string& cmd) {
  std::string out;
  if (FILE* f = popen(cmd.c_str(), "r")) {
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
    pclose(f);
  }
  return out;
}

// For packages whose files carry no `gc`/`gccgo` constraint (the one tag on which
// gojit and the go command differ), the files chosen are exactly `go list`'s with
// gojit's tags and cgo off.
TEST(BuildContextTest, AgreesWithGoList) {
  absl::StatusOr<Goroot> goroot = FindGoroot("");
  if (!goroot.ok() || RunCommand("command -v go").empty()) GTEST_SKIP() << "no go command";
  BuildContext ctx = BuildContext::Gojit();
  for (const char* pkg : {"os", "syscall", "math", "math/big", "strings", "internal/bytealg", "time",
                          "net", "crypto/sha256", "internal/poll", "reflect", "sync/atomic",
                          "internal/goexperiment", "os/signal", "crypto/internal/fips140/sha256"}) {
    std::string want = RunCommand(absl::StrCat(
        "CGO_ENABLED=0 GOOS=linux GOARCH=amd64 GOFLAGS= go list -tags gojit,purego,math_big_pure_go "
        "-f '{{join .GoFiles \" \"}}' ",
        pkg, " 2>&1"));
    want = std::string(absl::StripAsciiWhitespace(want));
    std::string dir = absl::StrCat(goroot->dir, "/src/", pkg);
    std::vector<std::string> got;
    DIR* d = opendir(dir.c_str());
    ASSERT_NE(d, nullptr) << dir;
    while (dirent* e = readdir(d)) {
      std::string name = e->d_name;
      std::ifstream in(absl::StrCat(dir, "/", name));
      std::stringstream ss;
      ss << in.rdbuf();
      absl::StatusOr<bool> m = ctx.MatchFile(name, ss.str());
      ASSERT_TRUE(m.ok()) << m.status();
      if (*m) got.push_back(name);
    }
    closedir(d);
    std::sort(got.begin(), got.end());
    EXPECT_EQ(absl::StrJoin(got, " "), want) << pkg;
  }
}

TEST(BuildContextTest, GorootVersionIsChecked) {
  char tmpl[] = "/tmp/gojit_goroot_XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  std::string dir = tmpl;
  EXPECT_FALSE(FindGoroot(dir).ok());  // no src
  ASSERT_EQ(system(absl::StrCat("mkdir -p ", dir, "/src && echo go1.19.8 > ", dir, "/VERSION").c_str()), 0);
  absl::StatusOr<Goroot> old = FindGoroot(dir);
  ASSERT_FALSE(old.ok());
  EXPECT_NE(old.status().message().find("is go1.19.8"), absl::string_view::npos) << old.status();
  ASSERT_EQ(system(absl::StrCat("echo go1.26.8 > ", dir, "/VERSION").c_str()), 0);
  absl::StatusOr<Goroot> ok = FindGoroot(dir);
  ASSERT_TRUE(ok.ok()) << ok.status();
  EXPECT_EQ(ok->version, "go1.26.8");
  ASSERT_EQ(system(absl::StrCat("rm -rf ", dir).c_str()), 0);
}

}  // namespace
}  // namespace gojit::frontend
