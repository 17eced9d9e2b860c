// go.mod and go.sum reading, the module cache's path escaping, and the header
// scanner package_graph.cc finds imports with.
#include "frontend/gomod.h"

#include "frontend/import_scan.h"
#include "gtest/gtest.h"

namespace gojit::frontend {
namespace {

TEST(GoModTest, Directives) {
  absl::StatusOr<ModFile> mod = ParseModFile("go.mod", R"(// A module.
module example.com/m // trailing comment

go 1.22.1
toolchain go1.26.8

require golang.org/x/text v0.14.0
require (
	rsc.io/quote v1.5.2
	"rsc.io/sampler" v1.3.0 // indirect
)

replace rsc.io/sampler => ../sampler
replace (
	golang.org/x/text v0.14.0 => golang.org/x/text v0.15.0
)
exclude rsc.io/quote v1.5.1
retract v0.1.0
)");
  ASSERT_TRUE(mod.ok()) << mod.status();
  EXPECT_EQ(mod->module_path, "example.com/m");
  EXPECT_EQ(mod->go_version, "1.22.1");
  ASSERT_EQ(mod->require.size(), 3u);
  EXPECT_EQ(mod->require.at("rsc.io/sampler"), "v1.3.0");
  EXPECT_EQ(mod->require.at("golang.org/x/text"), "v0.14.0");
  ASSERT_EQ(mod->replaces.size(), 2u);
  EXPECT_EQ(mod->replaces[0].new_path, "../sampler");
  EXPECT_EQ(mod->replaces[0].new_version, "");
  EXPECT_EQ(mod->replaces[1].old_version, "v0.14.0");
  EXPECT_EQ(mod->replaces[1].new_version, "v0.15.0");
}

TEST(GoModTest, Errors) {
  absl::StatusOr<ModFile> bad = ParseModFile("go.mod", "module m\n\ngo 1.26\nfoo bar\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "go.mod:4: unknown directive: foo");
  EXPECT_FALSE(ParseModFile("go.mod", "module m\nrequire (\n\ta v1\n").ok());
  EXPECT_FALSE(ParseModFile("go.mod", "module m\nreplace a => b\n").ok());  // b is no directory
  EXPECT_FALSE(ParseModFile("go.mod", "module \"m\n").ok());
}

TEST(GoModTest, SumAndEscaping) {
  GoSum sum = ParseGoSum("a v1.0.0 h1:abc=\na v1.0.0/go.mod h1:def=\n\n");
  EXPECT_EQ(sum.at("a v1.0.0"), "h1:abc=");
  EXPECT_EQ(sum.at("a v1.0.0/go.mod"), "h1:def=");
  EXPECT_EQ(EscapeModulePath("github.com/BurntSushi/toml"), "github.com/!burnt!sushi/toml");
}

TEST(ImportScanTest, Header) {
  FileHeader h = ScanFileHeader(R"(// Copyright.

/* a block
   comment */
package main // trailing

import "fmt"
import (
	str "strings"
	. "math"; _ "embed"
	`example.com/m/raw`
)
import "after/group"

func main() { import_not_here() }
)");
  EXPECT_EQ(h.package_name, "main");
  ASSERT_EQ(h.imports.size(), 6u);
  EXPECT_EQ(h.imports[0].path, "fmt");
  EXPECT_EQ(h.imports[0].line, 7);
  EXPECT_EQ(h.imports[0].col, 8);
  EXPECT_EQ(h.imports[1].path, "strings");
  EXPECT_EQ(h.imports[1].col, 2);  // the spec's name, as the go command reports it
  EXPECT_EQ(h.imports[2].path, "math");
  EXPECT_EQ(h.imports[3].path, "embed");
  EXPECT_EQ(h.imports[3].col, 12);
  EXPECT_EQ(h.imports[4].path, "example.com/m/raw");
  EXPECT_EQ(h.imports[5].path, "after/group");
  // A malformed header yields what came before the fault.
  FileHeader cut = ScanFileHeader("package p\nimport \"a\"\nimport (\n\t\"b\"\n\t3\n)\n");
  ASSERT_EQ(cut.imports.size(), 2u);
  EXPECT_EQ(cut.imports[1].path, "b");
  EXPECT_EQ(ScanFileHeader("func main() {}").package_name, "");
}

}  // namespace
}  // namespace gojit::frontend
