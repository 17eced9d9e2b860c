// A whole program being compiled: its sources, packages, objects and types.
//
// LoadProgram is the frontend's one entry point: it takes the program's packages
// as package_graph.h resolves them (the main package, given as files or as a
// package, and the packages of its module and of its dependencies), finds every
// imported standard package, parses and type-checks them all in dependency order,
// and leaves the annotated ASTs for ir/. User mistakes go to `diags`; a Status error means the
// run could not proceed at all (an unreadable file is reported as a diagnostic too,
// in gc's words, so the Status is reserved for internal failures).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "frontend/ast.h"
#include "frontend/scope.h"
#include "frontend/source.h"
#include "frontend/types.h"

namespace gojit::frontend {

struct Program {
  Program() : diags(sources) {}
  SourceManager sources;
  Diagnostics diags;
  AstArena arena;
  TypeTable types;
  std::vector<std::unique_ptr<Object>> objects;
  std::vector<std::unique_ptr<Scope>> scopes;
  std::vector<std::unique_ptr<Package>> packages;
  Scope* universe = nullptr;
  Package* main = nullptr;
  // The main package's import path as the go command names it: its module path
  // for `gojit run .`, "command-line-arguments" for files.
  std::string main_import_path = "command-line-arguments";
  // The import path of the first package (in dependency order) with errors: the
  // package gc's error listing is headed by ("# path"). Packages depending on it
  // are not checked. Empty while there are none.
  std::string failed_package;
  // Every package, dependencies before the packages that import them; main last.
  std::vector<Package*> init_order;
  // The instances of each generic function or type (by its object), with their
  // type arguments: the instance's function object, or its type's TypeName.
  struct Instance {
    std::vector<Type*> args;
    Object* obj;
  };
  std::map<const Object*, std::vector<Instance>> instances;
  // gc's -complete, which `go build` passes for packages without assembly: a
  // function declared without a body is an error ("missing function body").
  // `gojit build --complete=false` checks as `go tool compile` does, which Go's
  // errorcheck tests expect (gojit-conformance passes it).
  bool complete = true;
  // Package variables initialised by //go:embed (checker_embed.cc), with what
  // ir/ lays out as their contents.
  struct EmbeddedVar {
    enum class Kind : uint8_t { kString, kBytes, kFS } kind;
    // kString, kBytes: the one file. kFS: every file and directory (a name ending
    // in "/", no data), in embed.FS's order (embed.h's EmbedFSEntries).
    std::vector<std::pair<std::string, std::string>> entries;  // name, contents
  };
  std::map<const Object*, EmbeddedVar> embeds;
  // Universe types the checker and ir/ refer to by name.
  Named* error_type = nullptr;
  Type* any_type = nullptr;

  Object* NewObject(ObjectKind kind, std::string name, Pos pos, Package* pkg) {
    objects.push_back(std::make_unique<Object>(kind, std::move(name), pos, pkg));
    return objects.back().get();
  }
  Scope* NewScope(Scope* parent) {
    scopes.push_back(std::make_unique<Scope>(parent));
    return scopes.back().get();
  }
};

// A standard library held in memory: import path -> its files as (path, text),
// sorted by path, paths named as the loader names them (<stdlib_dir>/<path>/<name>).
using StdlibFiles = std::map<std::string, std::vector<std::pair<std::string, std::string>>>;

struct PackageGraph;  // package_graph.h
class ParsedFileStore;  // ast_encoding.h

struct LoadOptions {
  // gojit's replacement packages: `import "fmt"` finds stdlib/fmt/*.go here first.
  std::string stdlib_dir;
  // The Go tree (build_context.h's FindGoroot): every other standard package is
  // read from goroot/src/<path>, its files chosen by build constraints. Empty: none.
  std::string goroot;
  // The program's packages other than the standard ones, resolved and read
  // (package_graph.h). Null: LoadProgram resolves its paths itself.
  const PackageGraph* graph = nullptr;
  // Files of the graph the caller has already parsed into the program's arena.
  const std::map<FileId, File*>* parsed = nullptr;
  // Where the syntax trees of files parsed before are kept (ast_encoding.h); used
  // for every package but main, whose files are the ones being edited. Null: parse.
  ParsedFileStore* parsed_store = nullptr;
  // When set, packages come from here and stdlib_dir is not read (the fuzzer).
  const StdlibFiles* stdlib_files = nullptr;
  // `gojit build`: the files may be of any package, not only main (gc's `go build`
  // checks a library package; `go run` refuses it).
  bool allow_non_main = false;
};

// Loads, parses and checks. On return, check program.diags.HasErrors().
absl::Status LoadProgram(Program& program, const std::vector<std::string>& paths,
                         const LoadOptions& options);

// LoadProgram's work after reading and parsing: files are the parsed files of
// package main (in program.sources), whose imports are loaded and everything
// checked. For a caller that parses the main files itself (frontend_fuzz.cc). Call
// InitUniverse first.
void LoadParsedMain(Program& program, const std::vector<File*>& files,
                    const LoadOptions& options);

// Checks one package whose files are parsed and whose imports are checked.
void CheckPackage(Program& program, Package* pkg);

// Creates the universe scope (predeclared types, constants, nil, builtins).
void InitUniverse(Program& program);
// Fills the scope of package unsafe (Pointer and the unsafe builtins); the package
// has no files and no init function.
void InitUnsafe(Program& program, Package* unsafe);

// For --emit=types: every package-level object with its type, one per line.
std::string DumpTypes(Program& program);

}  // namespace gojit::frontend
