// Loading a program: parsing the program's own packages (read by package_graph.cc:
// the main package and the packages of its module and dependencies), finding the
// standard packages they import, parsing everything, and checking packages so that
// every package is checked after the packages it imports.
//
// A non-standard import is the package the graph resolved for its path. A standard
// one is found by import path: gojit's own replacement of a package,
// <stdlib_dir>/<path>, wins (every non-test .go file there); otherwise the package is
// Go's own, <goroot>/src/<path>, its files chosen by build constraints for gojit's
// target (build_context.h). A standard package importing golang.org/x/... gets the
// copy Go vendors under <goroot>/src/vendor. Package unsafe is the compiler's own
// (universe.cc).
//
// Files loaded on use. A stdlib file whose header (the lines before `package`)
// holds `//gojit:load-on-use Name...` is read but not parsed with its package: it
// joins the package only when some file of another package selects one of those
// names from it (`fmt.Sscan`, with the file's own name for the import), or
// dot-imports the package. A file with `//gojit:load-with F` goes with F's file.
// fmt's scanning is the case: scan.go imports reflect and strconv, which every
// program importing fmt would otherwise parse and compile (0.3 s of a cold run).
// A file with `//gojit:load-with-package P` joins its package when package P is
// part of the program: fmt's stdout_os.go, which routes Print to os.Stdout (and
// imports os) only in programs that have an os.Stdout to reassign.
// Loading is repeated until nothing more is used, since a file so loaded can import
// packages, which can use other such files. The invariant that makes it sound:
// such a file's names are used from outside its package only as `pkg.Name` (it
// declares no methods that other packages' types need and no init with effects
// outside it), and the rest of its own package does not use it at all;
// loader_test.cc checks that the names listed are exactly the file's exported
// top-level names.
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <deque>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/strings/ascii.h"
#include "frontend/build_context.h"
#include "frontend/checker.h"
#include "frontend/package_dir.h"
#include "frontend/package_graph.h"
#include "frontend/parser.h"

namespace gojit::frontend {
namespace {

class Loader {
 public:
  Loader(Program& program, const LoadOptions& options, const PackageGraph* graph)
      : p_(program), options_(options), graph_(graph) {}

  // Parses the main package's files (read by package_graph.cc) and loads what they
  // import.
  void LoadMain() {
    // A standard package built alone (gojit build strings) keeps its path.
    Package* pkg = graph_->main.standard ? NewPackage(graph_->main.import_path, true)
                                         : NewPackage("main", false);
    p_.main = pkg;
    p_.main_import_path = graph_->main.import_path;
    pkg->dir = graph_->main.dir;
    pkg->embed_patterns = graph_->main.embed_patterns;
    for (File* f : ParseAll(graph_->main.files, /*use_store=*/false)) {
      if (f != nullptr) pkg->files.push_back(f);
    }
    if (p_.diags.HasErrors()) return;
    for (File* f : pkg->files) {
      if (f->package_name && f->package_name->name != "main") {
        non_main_ = true;
        if (!options_.allow_non_main) return;
        pkg->name = f->package_name->name;  // main's rules (func main) do not apply
      }
    }
    ResolveImports(pkg);
    LoadUsedOnUseFiles();
  }

  // LoadParsedMain: main's files come parsed.
  void LoadParsed(const std::vector<File*>& files) {
    Package* pkg = NewPackage("main", false);
    p_.main = pkg;
    pkg->files = files;
    ResolveImports(pkg);
    LoadUsedOnUseFiles();
  }

  bool non_main() const { return non_main_; }

  // Checks every loaded package in dependency order.
  void CheckAll() {
    std::set<Package*> done, active;
    std::function<void(Package*)> visit = [&](Package* pkg) {
      if (done.count(pkg) || active.count(pkg)) return;
      active.insert(pkg);
      for (Package* dep : pkg->imports) visit(dep);
      active.erase(pkg);
      done.insert(pkg);
      // As the go command does not compile a package whose imports failed, the
      // first of the program's own packages with errors is the last one checked.
      // A standard package gojit cannot check yet does not stop the others: the
      // program's own errors are still worth reporting.
      if (stop_checking_) return;
      p_.init_order.push_back(pkg);
      size_t errors = p_.diags.ErrorCount();
      CheckPackage(p_, pkg);
      if (p_.diags.ErrorCount() > errors) {
        if (p_.failed_package.empty()) p_.failed_package = pkg == p_.main ? p_.main_import_path : pkg->path;
        if (!pkg->is_stdlib) stop_checking_ = true;
      }
    };
    visit(p_.main);
  }

 private:
  Package* NewPackage(std::string path, bool is_stdlib) {
    p_.packages.push_back(std::make_unique<Package>());
    Package* pkg = p_.packages.back().get();
    pkg->path = path;
    pkg->name = path.substr(path.rfind('/') + 1);
    pkg->is_stdlib = is_stdlib;
    pkg->scope = p_.NewScope(p_.universe);
    by_path_[path] = pkg;
    return pkg;
  }

  void ResolveImports(Package* pkg) {
    auto add = [&](Package* dep) {
      // unsafe has nothing to check or initialise: it is not a dependency.
      if (dep && dep->path != "unsafe" && std::find(pkg->imports.begin(), pkg->imports.end(), dep) == pkg->imports.end())
        pkg->imports.push_back(dep);
    };
    for (File* f : pkg->files) {
      for (ImportSpec* spec : f->imports) add(Import(pkg, spec));
    }
    // A standard package reaching into the runtime by //go:linkname depends on it
    // without importing it (gc always links the runtime): math/bits panics with
    // runtime.divideError, a variable runtime's initialiser sets.
    if (pkg->is_stdlib && pkg->path != "runtime" && !pkg->files.empty()) {
      for (File* f : pkg->files) {
        const std::string& text = p_.sources.Get(f->file_id).text;
        if (!LinksIntoRuntime(text)) continue;
        auto* spec = p_.arena.New<ImportSpec>(f->package_name ? f->package_name->pos : Pos{});
        spec->path = "runtime";
        add(Import(pkg, spec));
        break;
      }
    }
  }

  // Whether text has a `//go:linkname local runtime.name` line.
  static bool LinksIntoRuntime(absl::string_view text) {
    for (size_t at = text.find("//go:linkname "); at != absl::string_view::npos;
         at = text.find("//go:linkname ", at + 1)) {
      absl::string_view line = text.substr(at, text.find('\n', at) - at);
      std::vector<absl::string_view> words = absl::StrSplit(line, ' ', absl::SkipEmpty());
      if (words.size() == 3 && absl::StartsWith(words[2], "runtime.")) return true;
    }
    return false;
  }

  // Internal packages of the standard library (internal/..., .../internal/...)
  // may be imported only from the standard library.
  static bool IsInternalPath(absl::string_view path) {
    return absl::StartsWith(path, "internal/") || path == "internal" ||
           absl::StrContains(path, "/internal/") || absl::EndsWith(path, "/internal");
  }

  // A path whose first element has a dot names a module (golang.org/x/net/...).
  static bool IsDomainPath(absl::string_view path) {
    return absl::StrContains(path.substr(0, path.find('/')), ".");
  }

  // The .go files of dir, sorted. With texts == nullptr (gojit's replacements):
  // every non-test .go file. Otherwise (Go's tree) the files build constraints
  // choose, whose contents go to *texts in the same order; a malformed constraint
  // leaves build_error_ set.
  std::vector<std::string> GoFiles(const std::string& dir, std::vector<std::string>* texts) {
    if (texts != nullptr) {
      PackageDirFiles pd = ReadPackageDir(dir, build_context_);
      build_error_ = pd.error;
      *texts = std::move(pd.texts);
      return std::move(pd.paths);
    }
    std::vector<std::string> files;
    if (DIR* d = opendir(dir.c_str())) {
      while (dirent* e = readdir(d)) {
        std::string name = e->d_name;
        if (absl::EndsWith(name, ".go") && !absl::EndsWith(name, "_test.go"))
          files.push_back(absl::StrCat(dir, "/", name));
      }
      closedir(d);
    }
    std::sort(files.begin(), files.end());
    return files;
  }

  Package* Import(Package* importer, ImportSpec* spec) {
    const std::string& path = spec->path;
    if (auto it = by_path_.find(path); it != by_path_.end()) {
      if (loading_.count(path)) {
        p_.diags.Error(spec->path_pos, absl::StrCat("import cycle not allowed: ", path));
        return nullptr;
      }
      return it->second;
    }
    if (path.empty() || path == "main" || absl::StrContains(path, "..") || path[0] == '/') {
      p_.diags.Error(spec->path_pos, absl::StrCat("invalid import path: \"", path, "\""));
      return nullptr;
    }
    if (path == "unsafe") {
      Package* pkg = NewPackage(path, true);
      InitUnsafe(p_, pkg);
      return pkg;
    }
    if (graph_ != nullptr) {
      if (auto it = graph_->packages.find(path); it != graph_->packages.end()) return ImportFromGraph(it->second);
    }
    // gojit test's generated main imports testing/internal/testdeps, as go
    // test's does.
    bool test_main = importer == p_.main && graph_ != nullptr && !graph_->test.path.empty();
    if (!importer->is_stdlib && !test_main && IsInternalPath(path)) {
      p_.diags.Error(spec->path_pos, absl::StrCat("use of internal package ", path, " not allowed"));
      by_path_[path] = nullptr;
      return nullptr;
    }
    // The package's files: from memory (the fuzzer's copy), or from gojit's
    // replacement <stdlib_dir>/<path>, or from Go's tree, sorted by name.
    const std::vector<std::pair<std::string, std::string>>* memory = nullptr;
    std::vector<std::string> files;
    if (options_.stdlib_files != nullptr) {
      if (auto it = options_.stdlib_files->find(path); it != options_.stdlib_files->end())
        memory = &it->second;
    } else {
      files = GoFiles(absl::StrCat(options_.stdlib_dir, "/", path), nullptr);
    }
    std::vector<std::string> texts;  // Go's files were read to check their constraints
    if (files.empty() && (memory == nullptr || memory->empty()) && !options_.goroot.empty()) {
      std::string dir = absl::StrCat(options_.goroot, "/src/", path);
      if (importer->is_stdlib && IsDomainPath(path)) dir = absl::StrCat(options_.goroot, "/src/vendor/", path);
      files = GoFiles(dir, &texts);
      if (files.empty() && !build_error_.empty()) {
        p_.diags.Error(spec->path_pos, build_error_);
        build_error_.clear();
        by_path_[path] = nullptr;
        return nullptr;
      }
    }
    if (files.empty() && (memory == nullptr || memory->empty())) {
      std::string where = options_.goroot.empty() ? "" : absl::StrCat(" (", options_.goroot, "/src/", path, ")");
      p_.diags.Error(spec->path_pos, absl::StrCat("package ", path, " is not in std", where));
      by_path_[path] = nullptr;
      return nullptr;
    }
    Package* pkg = NewPackage(path, true);
    loading_.insert(path);
    std::vector<FileId> ids;
    auto add = [&](const std::string& file, std::string text) {
      if (DeferIfOnUse(pkg, file, text)) return;
      ids.push_back(p_.sources.Add(file, std::move(text), /*is_stdlib=*/true));
    };
    if (memory != nullptr) {
      for (const auto& [file, text] : *memory) add(file, text);
    }
    for (size_t i = 0; i < files.size(); ++i) {
      std::string text, error;
      if (i < texts.size()) {
        text = std::move(texts[i]);
      } else if (!ReadGoFile(files[i], &text, &error)) {
        p_.diags.Error(spec->path_pos, error);
        continue;
      }
      add(files[i], std::move(text));
    }
    for (File* f : ParseFiles(p_.sources, ids, p_.arena, p_.diags, options_.parsed_store)) {
      if (f != nullptr) pkg->files.push_back(f);
    }
    // The package clause names the package, not the path: math/rand/v2 is rand.
    if (!pkg->files.empty() && pkg->files[0]->package_name != nullptr)
      pkg->name = pkg->files[0]->package_name->name;
    ResolveImports(pkg);
    loading_.erase(path);
    return pkg;
  }

  // Files of one package, parsed here (ParseFiles, with the store of parsed files
  // when use_store) unless the caller has parsed them (gojit test parses test
  // files to find the tests); null for a file with nothing usable.
  std::vector<File*> ParseAll(const std::vector<FileId>& ids, bool use_store) {
    std::vector<File*> files(ids.size(), nullptr);
    std::vector<FileId> unparsed;
    std::vector<size_t> where;
    for (size_t i = 0; i < ids.size(); ++i) {
      if (options_.parsed != nullptr) {
        if (auto it = options_.parsed->find(ids[i]); it != options_.parsed->end()) {
          files[i] = it->second;
          continue;
        }
      }
      unparsed.push_back(ids[i]);
      where.push_back(i);
    }
    std::vector<File*> parsed = ParseFiles(p_.sources, unparsed, p_.arena, p_.diags,
                                           use_store ? options_.parsed_store : nullptr);
    for (size_t k = 0; k < parsed.size(); ++k) files[where[k]] = parsed[k];
    return files;
  }

  // A package of the main module or a dependency, read by package_graph.cc.
  Package* ImportFromGraph(const GraphPackage& from) {
    Package* pkg = NewPackage(from.import_path, from.standard);
    pkg->name = from.name;
    pkg->dir = from.dir;
    pkg->embed_patterns = from.embed_patterns;
    loading_.insert(from.import_path);
    size_t errors = p_.diags.ErrorCount();
    for (File* f : ParseAll(from.files, /*use_store=*/true)) {
      if (f != nullptr) pkg->files.push_back(f);
    }
    if (p_.diags.ErrorCount() > errors && p_.failed_package.empty()) p_.failed_package = from.import_path;
    ResolveImports(pkg);
    loading_.erase(from.import_path);
    return pkg;
  }

  // The files of one package loaded together on use (see the top of this file).
  struct OnUseGroup {
    Package* pkg;
    std::string leader;                // base name of the file with load-on-use
    std::vector<std::string> names;    // the names whose use loads the group
    std::string with_package;          // or: the package whose presence loads it
    std::vector<std::pair<std::string, std::string>> files;  // path, text
    bool loaded = false;
  };

  // If text's header carries a load-on-use or load-with directive, keeps the file
  // in its group for later and returns true.
  bool DeferIfOnUse(Package* pkg, const std::string& path, std::string& text) {
    absl::string_view rest = text;
    std::string leader, with_package;
    std::vector<std::string> names;
    while (!rest.empty()) {
      size_t nl = rest.find('\n');
      absl::string_view line = rest.substr(0, nl);
      rest = nl == absl::string_view::npos ? absl::string_view() : rest.substr(nl + 1);
      if (absl::StartsWith(line, "package ")) break;
      if (absl::ConsumePrefix(&line, "//gojit:load-on-use ")) {
        leader = path.substr(path.rfind('/') + 1);
        for (absl::string_view n : absl::StrSplit(line, ' ', absl::SkipWhitespace()))
          names.emplace_back(n);
      } else if (absl::ConsumePrefix(&line, "//gojit:load-with ")) {
        leader = std::string(absl::StripAsciiWhitespace(line));
      } else if (absl::ConsumePrefix(&line, "//gojit:load-with-package ")) {
        leader = path.substr(path.rfind('/') + 1);
        with_package = std::string(absl::StripAsciiWhitespace(line));
      }
    }
    if (leader.empty()) return false;
    OnUseGroup* group = nullptr;
    for (OnUseGroup& g : on_use_) {
      if (g.pkg == pkg && g.leader == leader) group = &g;
    }
    if (group == nullptr) group = &on_use_.emplace_back(OnUseGroup{pkg, leader, {}, with_package, {}});
    if (!with_package.empty()) group->with_package = with_package;
    for (std::string& n : names) group->names.push_back(std::move(n));
    group->files.emplace_back(path, std::move(text));
    return true;
  }

  // Whether group.with_package is in the program; else whether a file outside
  // group.pkg selects one of the group's names from it, or dot-imports it.
  bool Used(const OnUseGroup& group) {
    if (!group.with_package.empty()) {
      auto it = by_path_.find(group.with_package);
      return it != by_path_.end() && it->second != nullptr;
    }
    // For each file importing the package: the names it is imported as.
    absl::flat_hash_map<FileId, std::vector<std::string>> import_names;
    for (const auto& pkg : p_.packages) {
      if (pkg.get() == group.pkg) continue;
      for (File* f : pkg->files) {
        for (ImportSpec* spec : f->imports) {
          if (spec->path != group.pkg->path) continue;
          std::string name = spec->name ? spec->name->name : group.pkg->name;
          if (name == ".") return true;
          if (name != "_") import_names[f->file_id].push_back(name);
        }
      }
    }
    if (import_names.empty()) return false;
    bool used = false;
    p_.arena.ForEachNode([&](const Node* n) {
      if (used || n->kind != NodeKind::kSelectorExpr) return;
      const auto* sel = n->As<SelectorExpr>();
      if (sel->x->kind != NodeKind::kIdent) return;
      auto it = import_names.find(sel->pos.file);
      if (it == import_names.end()) return;
      const std::string& x = sel->x->As<Ident>()->name;
      if (std::find(it->second.begin(), it->second.end(), x) == it->second.end()) return;
      used = std::find(group.names.begin(), group.names.end(), sel->sel->name) != group.names.end();
    });
    return used;
  }

  // Parses the groups in use into their packages, until no more are used.
  void LoadUsedOnUseFiles() {
    for (bool more = true; more;) {
      more = false;
      for (size_t i = 0; i < on_use_.size(); ++i) {  // on_use_ may grow meanwhile
        if (on_use_[i].loaded || !Used(on_use_[i])) continue;
        on_use_[i].loaded = true;
        more = true;
        Package* pkg = on_use_[i].pkg;
        std::vector<FileId> ids;
        for (auto& [path, text] : std::move(on_use_[i].files)) {
          ids.push_back(p_.sources.Add(path, std::move(text), /*is_stdlib=*/true));
        }
        for (File* f : ParseFiles(p_.sources, ids, p_.arena, p_.diags, options_.parsed_store)) {
          if (f != nullptr) pkg->files.push_back(f);
        }
        std::sort(pkg->files.begin(), pkg->files.end(), [&](File* a, File* b) {
          return p_.sources.Get(a->file_id).path < p_.sources.Get(b->file_id).path;
        });
        ResolveImports(pkg);
      }
    }
  }

  Program& p_;
  const LoadOptions& options_;
  const PackageGraph* graph_;  // the program's non-standard packages; null for the fuzzer
  const BuildContext build_context_ = BuildContext::Gojit();
  std::string build_error_;  // GoFiles' last constraint error
  std::deque<OnUseGroup> on_use_;
  std::map<std::string, Package*> by_path_;
  std::set<std::string> loading_;
  bool non_main_ = false;
  bool stop_checking_ = false;  // CheckAll: a package of the program's own failed
};

}  // namespace

absl::Status LoadProgram(Program& program, const std::vector<std::string>& paths,
                         const LoadOptions& options) {
  InitUniverse(program);
  PackageGraph own;
  const PackageGraph* graph = options.graph;
  if (graph == nullptr) {
    GraphOptions graph_options{.goroot = options.goroot, .stdlib_dir = options.stdlib_dir,
                               .require_main = !options.allow_non_main};
    absl::StatusOr<PackageGraph> resolved = ResolvePackages(program.sources, paths, graph_options);
    if (!resolved.ok()) return resolved.status();
    own = std::move(*resolved);
    graph = &own;
  }
  Loader loader(program, options, graph);
  loader.LoadMain();
  if (loader.non_main() && !options.allow_non_main) {
    return absl::FailedPreconditionError(
        absl::StrCat("package ", graph->main.import_path, " is not a main package"));
  }
  if (program.diags.HasErrors()) return absl::OkStatus();
  loader.CheckAll();
  if (!program.diags.HasErrors() && !loader.non_main()) {
    Object* main_fn = program.main->scope->LookupLocal("main");
    if (!main_fn || main_fn->kind != ObjectKind::kFunc) {
      return absl::FailedPreconditionError(
          "runtime.main_main·f: function main is undeclared in the main package");
    }
  }
  return absl::OkStatus();
}

void LoadParsedMain(Program& program, const std::vector<File*>& files,
                    const LoadOptions& options) {
  Loader loader(program, options, nullptr);
  loader.LoadParsed(files);
  if (!program.diags.HasErrors()) loader.CheckAll();
}

}  // namespace gojit::frontend
