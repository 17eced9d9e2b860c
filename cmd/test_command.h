// `gojit test [packages] [flags] [-args ...]`: `go test` for gojit.
//
// Each package is tested by a child process, `gojit __test PKG [test binary
// flags]` (cmd/gojit.cc): it reads the package with its _test.go files
// (frontend/package_graph.h), generates the test main (frontend/testmain.h),
// compiles, changes to the package's directory and runs the tests, telling the
// parent on a status pipe how far it came ("setup", "notests", "build", "built").
// A child per package because a run ends the process (rt::Exit), and so that one
// package's crash or deadlock is its own.
//
// The parent does what the go command does around a test binary:
//   - packages: directories (`.`, `./calc`), import paths, and `./...` patterns,
//     which name every package directory below (not testdata, vendor, names
//     starting with '.' or '_', nor nested modules), in sorted order;
//   - flags: go test's -run, -skip, -v, -count, -short, -timeout (default 10m),
//     -failfast, -bench, -benchtime, -benchmem, -cpu, -parallel, -shuffle, -list
//     and -json become the binary's -test.* flags; what follows -args goes to the
//     binary as it stands; gojit's own --goroot=, -O1.. and friends go to the
//     child's compile;
//   - output: with no package arguments (local directory mode) the binary's
//     output is shown as it comes, with "exit status N" on failure; with package
//     arguments it is shown for a failing package, or with -v, and otherwise only
//     the summary line: "ok  \tPATH\t0.012s", "FAIL\tPATH\t0.012s",
//     "?   \tPATH\t[no test files]", "FAIL\tPATH [build failed]" or
//     "FAIL\tPATH [setup failed]"; after several packages one of which failed, a
//     last "FAIL";
//   - -json: each package's output, summary included, is converted by the
//     installed `go tool test2json`, as go test converts it;
//   - exit status: 0 when every package passed (or had no tests), else 1; 2 for a
//     flag go test does not know.
// Unlike go test, results are not cached, packages are tested one at a time, and
// a package's setup failure is reported in its turn rather than before every
// other package's results; `...` in an import path pattern is not expanded.
#pragma once

#include <string>
#include <vector>

namespace gojit {

// args: what follows `test` on the command line. goroot: the Go tree (for `go
// tool test2json`).
int RunTestCommand(const std::vector<std::string>& args, const std::string& goroot);

}  // namespace gojit
