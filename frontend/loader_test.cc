// The loader's files loaded on use (loader.cc): fmt's scan.go joins a program only
// when the program uses one of its names, and its directive lists exactly the
// names it exports. Against the real standard library (GOJIT_STDLIB_DIR).
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "frontend/parser.h"
#include "frontend/build_context.h"
#include "frontend/program.h"
#include "gtest/gtest.h"

namespace gojit::frontend {
namespace {

// Loads one main file holding src; returns the import paths of the packages
// loaded and the rendered diagnostics.
struct Loaded {
  std::set<std::string> packages;
  std::set<std::string> fmt_files;  // base names
  std::string diags;
};

Loaded Load(const std::string& src) {
  char path[] = "/tmp/gojit_loader_testXXXXXX.go";
  int fd = mkstemps(path, 3);
  EXPECT_GE(fd, 0);
  std::ofstream(path) << src;
  close(fd);
  Program program;
  LoadOptions options;
  options.stdlib_dir = GOJIT_STDLIB_DIR;
  absl::StatusOr<Goroot> goroot = FindGoroot("");
  EXPECT_TRUE(goroot.ok()) << goroot.status();
  if (goroot.ok()) options.goroot = goroot->dir;
  EXPECT_TRUE(LoadProgram(program, {path}, options).ok());
  std::remove(path);
  Loaded out;
  for (const auto& pkg : program.packages) {
    out.packages.insert(pkg->path);
    if (pkg->path != "fmt") continue;
    for (File* f : pkg->files) {
      const std::string& p = program.sources.Get(f->file_id).path;
      out.fmt_files.insert(p.substr(p.rfind('/') + 1));
    }
  }
  out.diags = program.diags.Render();
  return out;
}

TEST(LoaderTest, ScanningNotLoadedUnlessUsed) {
  Loaded l = Load("package main\nimport \"fmt\"\nfunc main() { fmt.Println(1) }\n");
  EXPECT_EQ(l.diags, "");
  EXPECT_TRUE(l.packages.count("fmt"));
  EXPECT_FALSE(l.packages.count("reflect"));
  EXPECT_FALSE(l.fmt_files.count("scan.go"));
  EXPECT_FALSE(l.fmt_files.count("scan_operands.go"));
}

TEST(LoaderTest, ScanningLoadedWhenUsed) {
  Loaded l = Load(
      "package main\nimport \"fmt\"\nfunc main() { var i int; fmt.Sscan(\"1\", &i) }\n");
  EXPECT_EQ(l.diags, "");
  EXPECT_TRUE(l.packages.count("reflect"));
  EXPECT_TRUE(l.packages.count("strconv"));
  EXPECT_TRUE(l.fmt_files.count("scan.go"));
  EXPECT_TRUE(l.fmt_files.count("scan_operands.go"));
  EXPECT_TRUE(l.fmt_files.count("scan_format.go"));
}

TEST(LoaderTest, ScanningLoadedThroughRenamedImportAndTypeUse) {
  Loaded l = Load(
      "package main\nimport f \"fmt\"\ntype T struct{}\n"
      "func (*T) Scan(s f.ScanState, verb rune) error { return nil }\nfunc main() {}\n");
  EXPECT_EQ(l.diags, "");
  EXPECT_TRUE(l.fmt_files.count("scan.go"));
}

// A dot import may use any name unqualified, so it loads everything.
TEST(LoaderTest, ScanningLoadedForDotImport) {
  Loaded l = Load("package main\nimport . \"fmt\"\nfunc main() { var i int; Sscan(\"1\", &i) }\n");
  EXPECT_TRUE(l.fmt_files.count("scan.go"));
}

TEST(LoaderTest, SameNameOnAnotherValueDoesNotLoad) {
  // x.Scan is not fmt.Scan: only selections from the fmt import count.
  Loaded l = Load(
      "package main\nimport \"fmt\"\ntype S struct{}\nfunc (S) Scan() {}\n"
      "func main() { var x S; x.Scan(); fmt.Println() }\n");
  EXPECT_EQ(l.diags, "");
  EXPECT_FALSE(l.fmt_files.count("scan.go"));
}

TEST(LoaderTest, UnusedNameStillUndefined) {
  Loaded l = Load("package main\nimport \"fmt\"\nfunc main() { fmt.Sscanx() }\n");
  EXPECT_TRUE(absl::StrContains(l.diags, "undefined: fmt.Sscanx")) << l.diags;
}

// The directive must list exactly the file's exported top-level names: one missing
// would make a program using it fail with "undefined".
TEST(LoaderTest, ScanDirectiveListsEveryExportedName) {
  std::string path = std::string(GOJIT_STDLIB_DIR) + "/fmt/scan.go";
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  std::set<std::string> listed;
  for (absl::string_view line : absl::StrSplit(text.str(), '\n')) {
    if (absl::ConsumePrefix(&line, "//gojit:load-on-use ")) {
      for (absl::string_view n : absl::StrSplit(line, ' ', absl::SkipWhitespace()))
        listed.insert(std::string(n));
    }
  }
  Program program;
  FileId id = program.sources.Add(path, text.str(), /*is_stdlib=*/true);
  File* file = ParseFile(program.sources, id, program.arena, program.diags);
  ASSERT_NE(file, nullptr);
  std::set<std::string> exported;
  auto add = [&](const Ident* name) {
    if (name && !name->name.empty() && isupper(static_cast<unsigned char>(name->name[0])))
      exported.insert(name->name);
  };
  for (Decl* d : file->decls) {
    if (auto* fd = d->As<FuncDecl>()) {
      if (fd->recv == nullptr) add(fd->name);
      continue;
    }
    auto* gd = d->As<GenDecl>();
    ASSERT_NE(gd, nullptr);
    for (Spec* s : gd->specs) {
      if (s->kind == NodeKind::kTypeSpec) add(s->As<TypeSpec>()->name);
      if (s->kind == NodeKind::kValueSpec) {
        for (Ident* n : s->As<ValueSpec>()->names) add(n);
      }
    }
  }
  EXPECT_FALSE(exported.empty());
  EXPECT_EQ(listed, exported);
}

}  // namespace
}  // namespace gojit::frontend
