// frontend_fuzz: a libFuzzer target over the whole frontend, one Go file per input.
//
// Each input is the text of one file, "fuzz.go", run through what `gojit run` does
// before lowering, in frontend/loader.cc's order:
//  1. DumpTokens (the --emit=tokens path) and ParseFile;
//  2. if the file parsed without errors: DumpAst (--emit=ast), and if it is
//     `package main`, LoadParsedMain: its imports are resolved against the
//     standard library and every package parsed and checked, dependencies first;
//  3. DumpTypes (--emit=types) when checking found no errors;
//  4. Diagnostics::Render() of whatever was reported, always.
// Every input gets a fresh Program, so a crash reproduces from its input alone.
//
// The standard library's files are read once, at start-up, from GOJIT_STDLIB_DIR
// (set by fuzz/CMakeLists.txt; GOJITROOT overrides it as it does for gojit), so no
// input touches the disk: loader.cc's own Loader takes them from memory
// (LoadOptions::stdlib_files, LoadParsedMain), files loaded on use included.
//
// What this does not do: lower to IR or run anything; apply the go command's
// "unexpected NUL in input" refusal (loader.cc's ReadFile), since ParseFile reports
// NULs itself and fuzzing it with them costs nothing. Built only by
// fuzz/CMakeLists.txt with clang -fsanitize=fuzzer,address; the normal build skips
// *_fuzz.cc (cmake/GojitTargets.cmake).
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "frontend/big_stack.h"
#include "frontend/ast_dump.h"
#include "frontend/parser.h"
#include "frontend/program.h"

namespace gojit::frontend {
namespace {

// Import path -> files, for every directory under the stdlib dir holding .go files.
// Filled once by LLVMFuzzerInitialize; read-only afterwards.
StdlibFiles* stdlib_packages = nullptr;

std::string StdlibDir() {
  if (const char* root = std::getenv("GOJITROOT"); root != nullptr && *root != '\0')
    return std::string(root) + "/stdlib";
  return GOJIT_STDLIB_DIR;
}

// Reads every non-test .go file under `dir`, keyed by import path ("fmt").
StdlibFiles ReadStdlib(const std::string& dir) {
  namespace fs = std::filesystem;
  StdlibFiles packages;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& file = it->path();
    std::string name = file.filename().string();
    if (!it->is_regular_file() || !absl::EndsWith(name, ".go") || absl::EndsWith(name, "_test.go"))
      continue;
    std::string import_path = file.parent_path().lexically_relative(dir).generic_string();
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    // loader.cc names a stdlib file "<stdlib_dir>/<path>/<name>".
    packages[import_path].emplace_back(absl::StrCat(dir, "/", import_path, "/", name),
                                       text.str());
  }
  for (auto& [path, files] : packages) std::sort(files.begin(), files.end());
  return packages;
}

// LoadProgram's steps for one in-memory file, plus the --emit dumps.
void RunFrontend(std::string text) {
  Program program;
  InitUniverse(program);
  FileId id = program.sources.Add("fuzz.go", std::move(text));
  std::string dump = DumpTokens(program.sources, id);
  File* file = ParseFile(program.sources, id, program.arena, program.diags);
  if (file != nullptr && !program.diags.HasErrors()) {
    dump = DumpAst(*file, program.sources);
    if (file->package_name != nullptr && file->package_name->name == "main") {
      LoadOptions options;
      options.stdlib_files = stdlib_packages;
      LoadParsedMain(program, {file}, options);
      if (!program.diags.HasErrors()) dump = DumpTypes(program);
    }
  }
  dump = program.diags.Render();
}

}  // namespace
}  // namespace gojit::frontend

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  namespace fe = gojit::frontend;
  std::string dir = fe::StdlibDir();
  fe::stdlib_packages = new fe::StdlibFiles(fe::ReadStdlib(dir));
  if (fe::stdlib_packages->count("fmt") == 0) {
    // Without the stdlib most seeds stop at "package fmt is not in std".
    std::fprintf(stderr, "frontend_fuzz: no standard library under %s\n", dir.c_str());
    std::exit(1);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  // As gojit itself does: deep nesting recurses deeply (frontend/big_stack.h).
  gojit::frontend::RunWithBigStack([&] { gojit::frontend::RunFrontend(text); });
  return 0;
}
