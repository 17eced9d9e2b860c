// The test main generator: which functions are tests, examples' expected output,
// and go test's wrong-signature error.
#include "frontend/testmain.h"

#include "absl/strings/match.h"
#include "frontend/parser.h"
#include "frontend/program.h"
#include "gtest/gtest.h"

namespace gojit::frontend {
namespace {

TEST(TestMainTest, ExampleOutput) {
  auto out = FindExampleOutput("{\n\tfmt.Println(1)\n\t// Output: 1\n}");
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->text, "1\n");
  EXPECT_FALSE(out->unordered);
  out = FindExampleOutput("{\n\tf()\n\t// Unordered output:\n\t// b\n\t//   a\n}");
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->text, "b\n  a\n");
  EXPECT_TRUE(out->unordered);
  // Only the last comment group counts, and a string holding "// Output:" is no comment.
  EXPECT_FALSE(FindExampleOutput("{\n\t// Output: 1\n\n\t// just a note\n}").has_value());
  EXPECT_FALSE(FindExampleOutput("{\n\ts := \"// Output: x\"\n}").has_value());
  out = FindExampleOutput("{\n\t// output:\n}");  // empty expected output, case-insensitive
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->text, "");
}

absl::StatusOr<std::string> Generate(const std::string& internal_src, const std::string& external_src) {
  static Program* program = new Program;  // nodes must outlive the parse
  TestMainInput input;
  input.import_path = "example.com/p";
  auto parse = [&](const std::string& src, const std::string& name) {
    FileId id = program->sources.Add(name, src);
    return ParseFile(program->sources, id, program->arena, program->diags);
  };
  if (!internal_src.empty()) input.internal_files.push_back(parse(internal_src, "/p/p_test.go"));
  if (!external_src.empty()) {
    input.external_path = "example.com/p_test";
    input.external_files.push_back(parse(external_src, "/p/x_test.go"));
  }
  return GenerateTestMain(program->sources, input);
}

TEST(TestMainTest, ListsTestsByName) {
  absl::StatusOr<std::string> src = Generate(
      "package p\nimport \"testing\"\n"
      "func TestA(t *testing.T) {}\nfunc Test_b(t *testing.T) {}\nfunc Testc(t *testing.T) {}\n"
      "func BenchmarkD(b *testing.B) {}\nfunc FuzzE(f *testing.F) {}\n"
      "func (x) TestMethod(t *testing.T) {}\nfunc helper() {}\n",
      "package p_test\nfunc ExampleF() {\n\t// Output: f\n}\nfunc ExampleG() {}\n");
  ASSERT_TRUE(src.ok()) << src.status();
  EXPECT_TRUE(absl::StrContains(*src, "{\"TestA\", _test.TestA}")) << *src;
  EXPECT_TRUE(absl::StrContains(*src, "{\"Test_b\", _test.Test_b}"));
  EXPECT_FALSE(absl::StrContains(*src, "Testc"));  // lower case after Test: not a test
  EXPECT_FALSE(absl::StrContains(*src, "TestMethod"));
  EXPECT_TRUE(absl::StrContains(*src, "{\"BenchmarkD\", _test.BenchmarkD}"));
  EXPECT_TRUE(absl::StrContains(*src, "{\"FuzzE\", _test.FuzzE}"));
  EXPECT_TRUE(absl::StrContains(*src, "{\"ExampleF\", _xtest.ExampleF, \"f\\n\", false}"));
  EXPECT_FALSE(absl::StrContains(*src, "ExampleG"));  // no output comment: not run
  EXPECT_TRUE(absl::StrContains(*src, "os.Exit(m.Run())"));
}

TEST(TestMainTest, TestMainAndWrongSignatures) {
  absl::StatusOr<std::string> src =
      Generate("package p\nimport \"testing\"\nfunc TestMain(m *testing.M) {}\n", "");
  ASSERT_TRUE(src.ok()) << src.status();
  EXPECT_TRUE(absl::StrContains(*src, "_test.TestMain(m)"));
  absl::StatusOr<std::string> bad =
      Generate("package p\nimport \"testing\"\n\nfunc TestTwo(t *testing.T, n int) {}\n", "");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(),
            "/p/p_test.go:4:1: wrong signature for TestTwo, must be: func TestTwo(t *testing.T)");
  EXPECT_FALSE(Generate("package p\nimport \"testing\"\nfunc BenchmarkX(t *testing.T) {}\n", "").ok());
}

}  // namespace
}  // namespace gojit::frontend
