// Resolving the program's packages (see package_graph.h). A depth-first walk over
// imports in file and source order, as the go command loads packages, so that the
// first error reported is the one it reports.
#include "frontend/package_graph.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "frontend/build_context.h"
#include "frontend/embed.h"
#include "frontend/import_scan.h"
#include "frontend/module_resolver.h"
#include "frontend/package_dir.h"

namespace gojit::frontend {
namespace {

std::string CurrentDir() {
  char buf[4096];
  return getcwd(buf, sizeof buf) ? std::string(buf) : std::string(".");
}

// path made absolute against cwd, with "." and ".." elements resolved.
std::string CleanAbs(const std::string& cwd, const std::string& path) {
  std::string abs = !path.empty() && path[0] == '/' ? path : absl::StrCat(cwd, "/", path);
  std::vector<std::string> parts;
  for (absl::string_view p : absl::StrSplit(abs, '/', absl::SkipEmpty())) {
    if (p == ".") continue;
    if (p == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.emplace_back(p);
  }
  return absl::StrCat("/", absl::StrJoin(parts, "/"));
}

// Whether path may name a package: not empty, not relative or rooted, and free of
// the characters the spec lets implementations refuse (and of spaces).
bool IsPlainImportPath(absl::string_view path) {
  if (path.empty() || path[0] == '/' || path == "." || absl::StartsWith(path, "./") ||
      absl::StrContains(path, ".."))
    return false;
  for (char c : path) {
    if (static_cast<unsigned char>(c) <= ' ' || strchr("!\"#$%&'()*,:;<=>?[\\]^`{|}", c) != nullptr)
      return false;
  }
  return true;
}

std::string Base(const std::string& path) { return path.substr(path.rfind('/') + 1); }

bool IsLocalPattern(absl::string_view arg) {
  return arg == "." || arg == ".." || absl::StartsWith(arg, "./") || absl::StartsWith(arg, "../") ||
         absl::StartsWith(arg, "/");
}

// The part of path that may import it when it has an internal element
// ("a/b/internal/c" -> "a/b"); nullopt when it has none.
std::optional<std::string> InternalParent(const std::string& path) {
  if (absl::StartsWith(path, "internal/") || path == "internal") return std::string();
  size_t i = path.find("/internal/");
  if (i == std::string::npos && absl::EndsWith(path, "/internal")) i = path.size() - 9;
  if (i == std::string::npos) return std::nullopt;
  return path.substr(0, i);
}

class GraphBuilder {
 public:
  GraphBuilder(SourceManager& sources, const GraphOptions& options)
      : sources_(sources), options_(options), cwd_(CurrentDir()),
        modules_(cwd_, absl::StrCat(options.goroot, "/bin/go")) {}

  absl::StatusOr<PackageGraph> Resolve(const std::vector<std::string>& args) {
    if (options_.tests) {
      if (ArgsAreFiles(args)) return absl::UnimplementedError("gojit test: give a package, not files");
      if (absl::Status s = ReadTestPackages(args[0]); !s.ok()) return s;
      // The roots are the package under test and its external tests; the caller
      // adds the generated main, which imports only these and standard packages.
      graph_.main.import_path = graph_.test.path + ".test";
      for (const std::string& root : {graph_.test.path, graph_.test.external_path}) {
        if (root.empty()) continue;
        std::vector<StackEntry> stack;
        if (absl::Status s = Visit(graph_.packages[root], stack); !s.ok()) return s;
      }
    } else {
      if (ArgsAreFiles(args)) {
        if (absl::Status s = ReadFiles(args); !s.ok()) return s;
      } else if (absl::Status s = ReadMainPackage(args[0]); !s.ok()) {
        return s;
      }
      std::vector<StackEntry> stack;
      if (absl::Status s = Visit(graph_.main, stack); !s.ok()) return s;
    }
    for (FileId id : graph_.main.files) graph_.files.push_back(sources_.Get(id).path);
    for (const auto& [path, pkg] : graph_.packages) {
      for (FileId id : pkg.files) graph_.files.push_back(sources_.Get(id).path);
    }
    if (absl::Status s = ResolveEmbeds(graph_.main); !s.ok()) return s;
    for (auto& [path, pkg] : graph_.packages) {
      if (absl::Status s = ResolveEmbeds(pkg); !s.ok()) return s;
    }
    return std::move(graph_);
  }

 private:
  struct StackEntry {
    std::string path;
    std::string from;  // base name of the file importing it ("" for main)
  };

  // The //go:embed patterns of pkg's files, resolved as the go command resolves
  // them before compiling (its words for a bad pattern, at the pattern); the files
  // they name join the program's files, so the program cache keys on them.
  absl::Status ResolveEmbeds(GraphPackage& pkg) {
    if (!options_.resolve_embeds) return absl::OkStatus();
    std::set<std::string> embedded;
    for (FileId id : pkg.files) {
      const SourceFile& file = sources_.Get(id);
      if (file.text.find("//go:embed") == std::string::npos) continue;
      // As the go command: only the directives of files importing embed.
      std::vector<ScannedImport> imports = ScanFileHeader(file.text).imports;
      if (std::none_of(imports.begin(), imports.end(), [](const ScannedImport& i) { return i.path == "embed"; })) continue;
      for (const EmbedDirective& d : ScanEmbedDirectives(file.text)) {
        for (size_t i = 0; i < d.patterns.size(); ++i) {
          const std::string& pattern = d.patterns[i];
          if (pkg.embed_patterns.count(pattern)) continue;
          absl::StatusOr<std::vector<std::string>> files = ResolveEmbedPattern(pkg.dir, pattern);
          if (!files.ok()) {
            std::string path = file.path;
            if (absl::StartsWith(path, cwd_ + "/")) path.erase(0, cwd_.size() + 1);
            return absl::InvalidArgumentError(absl::StrCat(path, ":", d.line, ":", d.pattern_cols[i], ": pattern ",
                                                           pattern, ": ", files.status().message()));
          }
          for (const std::string& f : *files) embedded.insert(absl::StrCat(pkg.dir, "/", f));
          pkg.embed_patterns[pattern] = std::move(*files);
        }
      }
    }
    graph_.files.insert(graph_.files.end(), embedded.begin(), embedded.end());
    return absl::OkStatus();
  }

  // The main package given as files: read as they are, without constraints.
  absl::Status ReadFiles(const std::vector<std::string>& files) {
    GraphPackage& main = graph_.main;
    main.import_path = "command-line-arguments";
    main.dir = CleanAbs(cwd_, files[0].substr(0, files[0].rfind('/') + 1));
    for (const std::string& file : files) {
      std::string text, error;
      if (!ReadGoFile(file, &text, &error)) return absl::NotFoundError(error);
      FileId id = sources_.Add(file, std::move(text));
      main.files.push_back(id);
    }
    main.name = ScanFileHeader(sources_.Get(main.files[0]).text).package_name;
    return absl::OkStatus();
  }

  // The directory and import path of a package argument: a directory (., ./x)
  // in the main module, or an import path.
  absl::Status LocateArg(const std::string& arg, std::string* dir, std::string* import_path) {
    if (IsLocalPattern(arg)) {
      if (absl::Status s = modules_.Load(); !s.ok()) {
        if (!absl::IsNotFound(s)) return s;
        if (std::optional<std::string> hint = ModuleInitHint()) return absl::NotFoundError(*hint);
        return absl::NotFoundError(absl::StrCat("go: ", s.message()));
      }
      *dir = CleanAbs(cwd_, arg);
      if (!IsDir(*dir)) return absl::NotFoundError(absl::StrCat("stat ", *dir, ": directory not found"));
      std::optional<std::string> path = modules_.ImportPathOfDir(*dir);
      if (!path) return absl::NotFoundError(absl::StrCat("directory ", arg, " outside main module or its selected dependencies"));
      *import_path = *path;
      return absl::OkStatus();
    }
    if (IsStandard(arg)) {
      if (options_.require_main && !options_.tests)
        return absl::NotFoundError(absl::StrCat("package ", arg, " is not a main package"));
      // gojit build of a standard package: gojit's replacement where it has one.
      // A replacement is a directory of gojit's stdlib/ with Go files (stdlib/testing
      // only holds testing/internal/testdeps).
      bool replaced = !ReadPackageDir(absl::StrCat(options_.stdlib_dir, "/", arg), build_context_, false).paths.empty();
      if (!options_.tests && replaced) {
        *dir = absl::StrCat(options_.stdlib_dir, "/", arg);
        *import_path = arg;
        return absl::OkStatus();
      }
      // gojit test of a standard package: Go's package with Go's tests. A package
      // gojit replaces (stdlib/) is not the one Go's tests were written for.
      if (replaced) {
        return absl::UnimplementedError(absl::StrCat(
            "gojit test: ", arg, " is gojit's own package (stdlib/", arg, "), not Go's: Go's tests do not apply"));
      }
      *dir = absl::StrCat(options_.goroot, "/src/", arg);
      if (!IsDir(*dir)) {
        return absl::NotFoundError(absl::StrCat("package ", arg, " is not in std (", *dir, ")"));
      }
      *import_path = arg;
      return absl::OkStatus();
    }
    absl::StatusOr<ModuleResolver::Location> loc = modules_.Locate(arg, arg);
    if (!loc.ok()) return loc.status();
    *dir = loc->dir;
    *import_path = arg;
    return absl::OkStatus();
  }

  // The files of a package argument's directory, with its tests for `gojit test`.
  absl::StatusOr<PackageDirFiles> ReadArgDir(const std::string& dir, const std::string& import_path) {
    PackageDirFiles pd = ReadPackageDir(dir, build_context_, options_.tests);
    if (!pd.error.empty()) return absl::InvalidArgumentError(pd.error);
    if (pd.paths.empty()) {
      if (pd.go_files > 0)
        return absl::NotFoundError(absl::StrCat("package ", import_path,
                                                ": build constraints exclude all Go files in ", dir));
      return absl::NotFoundError(absl::StrCat("no Go files in ", dir));
    }
    return pd;
  }

  // The main package named by a directory or an import path.
  absl::Status ReadMainPackage(const std::string& arg) {
    GraphPackage& main = graph_.main;
    if (absl::Status s = LocateArg(arg, &main.dir, &main.import_path); !s.ok()) return s;
    // gojit build of a standard package: compiled as the standard library is.
    main.standard = !IsLocalPattern(arg) && IsStandard(main.import_path);
    absl::StatusOr<PackageDirFiles> pd = ReadArgDir(main.dir, main.import_path);
    if (!pd.ok()) return pd.status();
    if (absl::Status s = AddFiles(main, *pd); !s.ok()) return s;
    if (options_.require_main && main.name != "main")
      return absl::FailedPreconditionError(absl::StrCat("package ", main.import_path, " is not a main package"));
    return absl::OkStatus();
  }

  // `gojit test`: the package under test with its internal test files (package
  // p), and its external test package (package p_test, path P_test) if any.
  absl::Status ReadTestPackages(const std::string& arg) {
    TestPackages& test = graph_.test;
    GraphPackage pkg;
    if (absl::Status s = LocateArg(arg, &pkg.dir, &pkg.import_path); !s.ok()) return s;
    pkg.standard = IsStandard(pkg.import_path);
    absl::StatusOr<PackageDirFiles> pd = ReadArgDir(pkg.dir, pkg.import_path);
    if (!pd.ok()) return pd.status();
    // The package's name is its non-test files' (or, with none, its test files').
    PackageDirFiles own, external;
    std::string name, first_file;
    for (int pass = 0; pass < 2 && name.empty(); ++pass) {
      for (size_t i = 0; i < pd->paths.size() && name.empty(); ++i) {
        bool is_test = absl::EndsWith(pd->paths[i], "_test.go");
        if (pass == 0 && is_test) continue;
        name = ScanFileHeader(pd->texts[i]).package_name;
        if (pass == 1) name = std::string(absl::StripSuffix(name, "_test"));
        first_file = Base(pd->paths[i]);
      }
    }
    for (size_t i = 0; i < pd->paths.size(); ++i) {
      std::string file_name = ScanFileHeader(pd->texts[i]).package_name;
      bool is_test = absl::EndsWith(pd->paths[i], "_test.go");
      PackageDirFiles* to = &own;
      if (is_test && file_name == name + "_test") {
        to = &external;
      } else if (file_name != name) {
        return absl::InvalidArgumentError(absl::StrCat("found packages ", name, " (", first_file, ") and ",
                                                       file_name, " (", Base(pd->paths[i]), ") in ", pkg.dir));
      }
      if (is_test) test.has_tests = true;
      to->paths.push_back(std::move(pd->paths[i]));
      to->texts.push_back(std::move(pd->texts[i]));
    }
    if (own.paths.empty()) {
      return absl::NotFoundError(absl::StrCat("no non-test Go files in ", pkg.dir));
    }
    test.path = pkg.import_path;
    test.dir = pkg.dir;
    test.name = name;
    std::vector<std::string> own_paths = own.paths;
    if (absl::Status s = AddFiles(pkg, own); !s.ok()) return s;
    for (size_t i = 0; i < own_paths.size(); ++i) {
      if (absl::EndsWith(own_paths[i], "_test.go")) test.internal_files.push_back(pkg.files[i]);
    }
    graph_.packages[test.path] = std::move(pkg);
    if (!external.paths.empty()) {
      GraphPackage x;
      x.import_path = test.path + "_test";
      x.dir = test.dir;
      x.standard = pkg.standard;
      if (absl::Status s = AddFiles(x, external); !s.ok()) return s;
      test.external_path = x.import_path;
      test.external_files = x.files;
      graph_.packages[x.import_path] = std::move(x);
    }
    return absl::OkStatus();
  }

  // Outside any module but inside a git checkout, the go command suggests making
  // a module at its root.
  std::optional<std::string> ModuleInitHint() {
    std::string up;
    for (std::string dir = cwd_; !dir.empty(); up += up.empty() ? ".." : "/..") {
      if (IsDir(dir + "/.git") && access((dir + "/.git/config").c_str(), F_OK) == 0) {
        return absl::StrCat("go: cannot find main module, but found .git/config in ", dir,
                            "\n\tto create a module there, run:\n\t",
                            up.empty() ? "" : absl::StrCat("cd ", up, " && "), "go mod init");
      }
      if (dir == "/") break;
      size_t slash = dir.rfind('/');
      dir = slash == 0 ? "/" : dir.substr(0, slash);
    }
    return std::nullopt;
  }

  // Adds a package directory's files to the sources; the files must agree on the
  // package name.
  absl::Status AddFiles(GraphPackage& pkg, PackageDirFiles& pd) {
    std::string first_file;
    for (size_t i = 0; i < pd.paths.size(); ++i) {
      std::string name = ScanFileHeader(pd.texts[i]).package_name;
      if (pkg.name.empty()) {
        pkg.name = name;
        first_file = Base(pd.paths[i]);
      } else if (name != pkg.name) {
        return absl::InvalidArgumentError(absl::StrCat("found packages ", pkg.name, " (", first_file,
                                                       ") and ", name, " (", Base(pd.paths[i]),
                                                       ") in ", pkg.dir));
      }
      pkg.files.push_back(sources_.Add(pd.paths[i], std::move(pd.texts[i]), pkg.standard));
    }
    return absl::OkStatus();
  }

  // A standard package: the first element has no dot and the path names a
  // standard directory, or is not the main module's.
  bool IsStandard(const std::string& path) {
    if (absl::StrContains(path.substr(0, path.find('/')), ".")) return false;
    if (path == "unsafe" || path == "C" || IsDir(absl::StrCat(options_.stdlib_dir, "/", path)) ||
        IsDir(absl::StrCat(options_.goroot, "/src/", path)))
      return true;
    return !(modules_.Load().ok() && modules_.InMainModule(path));
  }

  // "package M\n\timports A\n\t..." : the go command's import stack.
  std::string StackText(const std::vector<StackEntry>& stack, bool with_files) {
    std::string s = absl::StrCat("package ", graph_.main.import_path);
    for (size_t i = 1; i < stack.size(); ++i) {
      absl::StrAppend(&s, "\n\timports ", stack[i].path);
      if (with_files) absl::StrAppend(&s, " from ", stack[i].from);
    }
    return s;
  }

  absl::Status Visit(GraphPackage& pkg, std::vector<StackEntry>& stack) {
    stack.push_back({pkg.import_path, stack.empty() ? "" : stack.back().from});
    visiting_.insert(pkg.import_path);
    // The main package given as files is inside the module at its directory's path.
    std::string importer = pkg.import_path;
    if (&pkg == &graph_.main && importer == "command-line-arguments") {
      if (modules_.Load().ok()) importer = modules_.ImportPathOfDir(pkg.dir).value_or(importer);
    }
    // An external test package lives in its package's directory, with its rights.
    if (!graph_.test.external_path.empty() && importer == graph_.test.external_path)
      importer = graph_.test.path;
    for (FileId id : std::vector<FileId>(pkg.files)) {
      // Copies: the loop adds files to sources_, which may move its contents.
      const std::string file_base = Base(sources_.Get(id).path);
      const FileHeader header = ScanFileHeader(sources_.Get(id).text);
      for (const ScannedImport& imp : header.imports) {
        if (!IsPlainImportPath(imp.path)) continue;  // the checker reports it
        // The go command names files here without gc's "./".
        std::string pos = sources_.Format(Pos{id, imp.line, imp.col});
        if (absl::StartsWith(pos, "./")) pos = pos.substr(2);
        // A standard package's imports are all the loader's (golang.org/x/... from
        // GOROOT/src/vendor).
        if (pkg.standard) continue;
        if (IsStandard(imp.path)) {
          if (imp.path != "unsafe" && imp.path != "C" && !IsDir(absl::StrCat(options_.stdlib_dir, "/", imp.path)) &&
              !IsDir(absl::StrCat(options_.goroot, "/src/", imp.path)) && !imp.path.empty())
            return absl::NotFoundError(absl::StrCat(pos, ": package ", imp.path, " is not in std (",
                                                    options_.goroot, "/src/", imp.path, ")"));
          continue;
        }
        stack.back().from = file_base;
        if (visiting_.count(imp.path)) {
          return absl::InvalidArgumentError(absl::StrCat(StackText(FromFiles(stack, imp.path), true),
                                                         ": import cycle not allowed"));
        }
        if (std::optional<std::string> parent = InternalParent(imp.path);
            parent && !HasPathPrefix(importer, *parent)) {
          return absl::PermissionDeniedError(absl::StrCat(StackText(stack, false), "\n\t", pos,
                                                          ": use of internal package ", imp.path,
                                                          " not allowed"));
        }
        if (graph_.packages.count(imp.path)) continue;
        absl::StatusOr<ModuleResolver::Location> loc = modules_.Locate(imp.path, pkg.import_path);
        if (!loc.ok()) return absl::Status(loc.status().code(), absl::StrCat(pos, ": ", loc.status().message()));
        PackageDirFiles pd = ReadPackageDir(loc->dir, build_context_);
        if (!pd.error.empty()) return absl::InvalidArgumentError(absl::StrCat(pos, ": ", pd.error));
        if (pd.paths.empty() && pd.go_files > 0) {
          return absl::NotFoundError(absl::StrCat(StackText(stack, false), "\n\timports ", imp.path,
                                                  ": build constraints exclude all Go files in ", loc->dir));
        }
        if (pd.paths.empty()) {
          return absl::NotFoundError(absl::StrCat(pos, ": no required module provides package ", imp.path,
                                                  "; to add it:\n\tgo get ", imp.path));
        }
        GraphPackage dep;
        dep.import_path = imp.path;
        dep.dir = loc->dir;
        if (absl::Status s = AddFiles(dep, pd); !s.ok())
          return absl::Status(s.code(), absl::StrCat(pos, ": ", s.message()));
        if (dep.name == "main")
          return absl::InvalidArgumentError(absl::StrCat(pos, ": import \"", imp.path,
                                                         "\" is a program, not an importable package"));
        GraphPackage& added = graph_.packages[imp.path] = std::move(dep);
        if (absl::Status s = Visit(added, stack); !s.ok()) return s;
      }
    }
    visiting_.erase(pkg.import_path);
    stack.pop_back();
    return absl::OkStatus();
  }

  // The stack of a cycle closing at path: each entry names the file of the package
  // before it that imports it.
  static std::vector<StackEntry> FromFiles(const std::vector<StackEntry>& stack, const std::string& path) {
    std::vector<StackEntry> out;
    for (size_t i = 0; i < stack.size(); ++i) {
      out.push_back({stack[i].path, i == 0 ? "" : stack[i - 1].from});
    }
    out.push_back({path, stack.back().from});
    return out;
  }

  SourceManager& sources_;
  const GraphOptions& options_;
  std::string cwd_;
  ModuleResolver modules_;
  const BuildContext build_context_ = BuildContext::Gojit();
  PackageGraph graph_;
  std::set<std::string> visiting_;
};

}  // namespace

bool ArgsAreFiles(const std::vector<std::string>& args) {
  return !args.empty() && absl::EndsWith(args[0], ".go");
}

absl::StatusOr<PackageGraph> ResolvePackages(SourceManager& sources, const std::vector<std::string>& args,
                                             const GraphOptions& options) {
  if (args.empty()) return absl::InvalidArgumentError("go: no go files listed");
  GraphBuilder builder(sources, options);
  return builder.Resolve(args);
}

}  // namespace gojit::frontend
