// The main package `gojit test` compiles a package's tests with, as `go test`
// generates one: it lists the package's tests, benchmarks, fuzz targets and
// examples and hands them to testing.MainStart.
//
// What counts, by the go command's rules: a top-level function (no receiver, no
// type parameters) of a _test.go file named Test, Benchmark, Fuzz or Example, or
// one of these followed by a name that does not start with a lower-case letter.
// TestXxx must take one parameter of type *testing.T (written `*T` or `*x.T`:
// the import name is not resolved, as go's check does not resolve it), BenchmarkXxx
// *testing.B, FuzzXxx *testing.F, and return nothing; a mistake is go test's
// "wrong signature" error. TestMain(m *testing.M), in either test package, runs
// instead of the tests and decides the exit status. ExampleXxx takes nothing and
// runs only when the last comment of its body begins `Output:` or `Unordered
// output:`, the rest of that comment being its expected output.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "frontend/ast.h"
#include "frontend/source.h"

namespace gojit::frontend {

struct TestMainInput {
  std::string import_path;             // the package under test
  std::vector<File*> internal_files;   // its _test.go files (package p)
  std::string external_path;           // its external tests' path (package p_test), or ""
  std::vector<File*> external_files;
};

// The Go source of the test main, or an error in go test's words
// ("file:line:col: wrong signature for TestX, must be: func TestX(t *testing.T)").
absl::StatusOr<std::string> GenerateTestMain(const SourceManager& sources, const TestMainInput& input);

// An example's expected output: the text after `Output:` (or `Unordered
// output:`) in the last comment of [body_begin, body_end) of text, which holds a
// function body. Nullopt when there is none (the example is compiled, not run).
struct ExampleOutput {
  std::string text;
  bool unordered = false;
};
std::optional<ExampleOutput> FindExampleOutput(absl::string_view body);

}  // namespace gojit::frontend
