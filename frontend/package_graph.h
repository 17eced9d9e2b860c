// The program's packages before compiling: what `gojit run` and `gojit build` are
// given (.go files, a directory such as `.` or `./cmd/tool`, or an import path),
// and every non-standard package it imports, found as the go command finds them
// (module_resolver.h) and read from disk. Standard packages are left to the
// loader (loader.cc), which reads them from gojit's stdlib directory or Go's tree.
//
// Only the header of each file (import_scan.h) is read here, so that the
// program's errors of structure come first and in the go command's words, as `go
// run` reports them before compiling anything: a package no module provides, a
// missing go.sum entry, use of another module's internal package, an import
// cycle, files of different packages in one directory, an imported package main,
// a directory whose files build constraints all exclude.
//
// The files read are added to the SourceManager, so the loader parses them from
// there and the program cache (jit/program_cache.h) keys on exactly them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "frontend/source.h"

namespace gojit::frontend {

struct GraphPackage {
  std::string import_path;   // "example.com/m/greet"; main: its path or "command-line-arguments"
  std::string dir;           // absolute
  std::string name;          // the package clause's name
  std::vector<FileId> files; // in the SourceManager, sorted by name (main: as given)
  // A standard package under test (gojit test strings) and its external tests, or
  // built alone as main (gojit build strings): compiled as the standard library is
  // (natives, linknames, internal and vendored imports).
  bool standard = false;
  // //go:embed: each pattern of the package's directives and the files it names,
  // relative to dir (embed.h's ResolveEmbedPattern).
  std::map<std::string, std::vector<std::string>> embed_patterns;
};

// `gojit test`: the package under test and its test files.
struct TestPackages {
  std::string path, dir, name;      // the package under test
  bool has_tests = false;           // it has _test.go files
  std::vector<FileId> internal_files;  // its _test.go files of package name
  std::string external_path;        // path + "_test" when it has package name_test files
  std::vector<FileId> external_files;
};

struct PackageGraph {
  GraphPackage main;  // for `gojit test`, the caller's generated main (import path P.test)
  std::map<std::string, GraphPackage> packages;  // the non-standard imports, by path
  std::vector<std::string> files;                // every file above, main's first,
                                                 // then the files they embed
  TestPackages test;                             // gojit test only
};

struct GraphOptions {
  std::string goroot;      // Go's tree: standard packages, and the go command
  std::string stdlib_dir;  // gojit's replacement packages (standard too)
  bool require_main = true;  // a package argument must be package main (run)
  // `gojit test`: the one argument is a package, read with its _test.go files. The
  // package under test (its internal test files among its files) and its external
  // test package are in packages; main is left for the caller's generated test
  // main, whose file the caller adds to main.files and files.
  bool tests = false;
  // //go:embed patterns are resolved (the go command's part). Off for gc's
  // compiler-only mode (gojit build --complete=false, Go's errorcheck tests), where
  // no embed configuration exists, as under `go tool compile`.
  bool resolve_embeds = true;
};

// Resolves args: one or more .go files (the package command-line-arguments), or
// one package. An error's message is to be printed as it stands (exit status 1):
// positions are formatted, the go command's words used.
absl::StatusOr<PackageGraph> ResolvePackages(SourceManager& sources,
                                             const std::vector<std::string>& args,
                                             const GraphOptions& options);

// Whether args name .go files rather than a package.
bool ArgsAreFiles(const std::vector<std::string>& args);

}  // namespace gojit::frontend
