// //go:embed's scanner, pattern resolution and embed.FS order (embed.h).
#include "frontend/embed.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace gojit::frontend {
namespace {

using ::testing::ElementsAre;

TEST(EmbedTest, ScansDirectivesWithColumns) {
  std::vector<EmbedDirective> ds = ScanEmbedDirectives(
      "package p\n"
      "//go:embed a.txt \"b c.txt\" `d.txt`\n"
      "var x string\n"
      "var (\n"
      "\t//go:embed dir\n"
      "\ty []byte\n"
      ")\n"
      "//go:embedded is not one\n"
      "var s = `\n//go:embed inside_raw\n`\n"
      "/* //go:embed inside_block\n//go:embed inside_block_too */\n"
      "var q = \"//go:embed in_string\"\n");
  ASSERT_EQ(ds.size(), 2u);
  EXPECT_EQ(ds[0].line, 2);
  EXPECT_EQ(ds[0].col, 1);
  EXPECT_THAT(ds[0].patterns, ElementsAre("a.txt", "b c.txt", "d.txt"));
  EXPECT_THAT(ds[0].pattern_cols, ElementsAre(12, 18, 28));
  EXPECT_EQ(ds[1].line, 5);
  EXPECT_EQ(ds[1].col, 2);
  EXPECT_THAT(ds[1].patterns, ElementsAre("dir"));
}

TEST(EmbedTest, MalformedDirectives) {
  std::vector<EmbedDirective> ds = ScanEmbedDirectives("//go:embed\n//go:embed \"a.txt\n//go:embed `x`y\n");
  ASSERT_EQ(ds.size(), 3u);
  EXPECT_EQ(ds[0].error, "usage: //go:embed pattern...");
  EXPECT_EQ(ds[1].error, "invalid quoted string in //go:embed: \"a.txt");
  EXPECT_EQ(ds[2].error, "invalid quoted string in //go:embed: y");
  for (const EmbedDirective& d : ds) EXPECT_TRUE(d.patterns.empty());
}

class EmbedResolveTest : public testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/gojit_embed_test.XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    for (const char* d : {"/static", "/static/css", "/static/.git", "/static/_drafts", "/other", "/other/mod", "/empty"})
      mkdir((dir_ + d).c_str(), 0755);
    for (const char* f : {"/a.txt", "/b.txt", "/static/index.html", "/static/.hidden", "/static/_note",
                          "/static/css/site.css", "/static/.git/HEAD", "/static/_drafts/x.html",
                          "/other/mod/go.mod", "/other/mod/m.txt", "/other/keep.txt"})
      std::ofstream(dir_ + f) << f;
  }
  void TearDown() override { (void)!system(("rm -rf " + dir_).c_str()); }
  std::vector<std::string> Files(const std::string& pattern) {
    absl::StatusOr<std::vector<std::string>> r = ResolveEmbedPattern(dir_, pattern);
    EXPECT_TRUE(r.ok()) << pattern << ": " << r.status();
    return r.ok() ? *r : std::vector<std::string>{};
  }
  std::string Error(const std::string& pattern) {
    absl::StatusOr<std::vector<std::string>> r = ResolveEmbedPattern(dir_, pattern);
    return r.ok() ? "ok" : std::string(r.status().message());
  }
  std::string dir_;
};

TEST_F(EmbedResolveTest, DirectoriesLeaveOutHiddenFilesUnlessAll) {
  EXPECT_THAT(Files("static"), ElementsAre("static/css/site.css", "static/index.html"));
  EXPECT_THAT(Files("all:static"), ElementsAre("static/.hidden", "static/_drafts/x.html", "static/_note",
                                               "static/css/site.css", "static/index.html"));
  // A hidden file named outright is embedded.
  EXPECT_THAT(Files("static/.hidden"), ElementsAre("static/.hidden"));
}

TEST_F(EmbedResolveTest, GlobsAndModules) {
  EXPECT_THAT(Files("*.txt"), ElementsAre("a.txt", "b.txt"));
  EXPECT_THAT(Files("[ab].txt"), ElementsAre("a.txt", "b.txt"));
  EXPECT_THAT(Files("static/*/*.css"), ElementsAre("static/css/site.css"));
  // A directory holding a go.mod is another module: skipped inside a directory,
  // an error when named.
  EXPECT_THAT(Files("other"), ElementsAre("other/keep.txt"));
  EXPECT_EQ(Error("other/mod/m.txt"), "cannot embed file other/mod/m.txt: in different module");
}

TEST_F(EmbedResolveTest, Errors) {
  for (const char* bad : {".", "../a.txt", "/a.txt", "static/", "a//b", "./a.txt", "[a", "a\\"})
    EXPECT_EQ(Error(bad), "invalid pattern syntax") << bad;
  EXPECT_EQ(Error("nothere"), "no matching files found");
  EXPECT_EQ(Error("*.go"), "no matching files found");
  EXPECT_EQ(Error("empty"), "cannot embed directory empty: contains no embeddable files");
  EXPECT_EQ(Error("static/.git"), "cannot embed directory static/.git: invalid name .git");
  EXPECT_EQ(Error("static/.git/HEAD"), "cannot embed file static/.git/HEAD: in invalid directory .git");
}

TEST(EmbedTest, FSEntriesInEmbedsOrder) {
  // Directories are entries too ("dir/"), and entries sort by directory, then by
  // name: "a/b.txt" (directory "a") comes after "ab.txt" (directory ".").
  EXPECT_THAT(EmbedFSEntries({"a/b.txt", "ab.txt", "a/c/d.txt", "z.txt", "a/c/a.txt"}),
              ElementsAre("a/", "ab.txt", "z.txt", "a/b.txt", "a/c/", "a/c/a.txt", "a/c/d.txt"));
}

}  // namespace
}  // namespace gojit::frontend
