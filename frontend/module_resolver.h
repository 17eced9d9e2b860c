// Module mode: where a package of the main module or of a dependency lies, read
// from go.mod, go.sum and the module cache as the go command lays them out.
//
// The main module is the one whose go.mod is found in the current directory or
// one above it (the go command's rule). An import path is provided by
//   - the main module, when the path is its module path or below it;
//   - with vendor/modules.txt present (and go 1.14 or later): vendor/<path>;
//   - otherwise the required module (go.mod's require lines) whose path is the
//     longest prefix of the import path, at the version go.mod names, read from
//     $GOMODCACHE/<module>@<version>/ (paths escaped: gomod.h), after a `replace`
//     directive has had its say (a directory, or another module version).
// Since Go 1.17, go.mod lists every module that provides a package the main module
// builds (the pruned module graph), so its require lines are the selected
// versions: no minimal version selection over the dependencies' go.mod files is
// needed. A module whose go.mod says go 1.16 or older may leave some out; their
// packages are then reported as provided by no module, as they would be after
// `go mod tidy -go=1.17` made the listing complete.
//
// A required module missing from the cache is downloaded by the installed go
// command (`go mod download`), as `go run` downloads it. Before a module's package
// is used, go.sum must hold the module's hash (the go command's "missing go.sum
// entry" error otherwise), and the hash the cache recorded when the module was
// downloaded (cache/download/.../@v/<version>.ziphash) must equal it.
#pragma once

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "frontend/gomod.h"

namespace gojit::frontend {

class ModuleResolver {
 public:
  // cwd: where the search for go.mod starts. go_command: the installed go, used
  // only to download a missing module.
  ModuleResolver(std::string cwd, std::string go_command)
      : cwd_(std::move(cwd)), go_command_(std::move(go_command)) {}

  // Finds and reads the main module's go.mod (once; later calls return the first
  // result). NotFound when there is none; another error for a malformed go.mod,
  // in the go command's words.
  absl::Status Load();
  bool loaded() const { return found_; }
  const std::string& root() const { return root_; }
  const ModFile& mod() const { return mod_; }

  // Whether path is the main module's path or below it (after a successful Load).
  bool InMainModule(const std::string& path) const;

  // The import path of an absolute directory inside the main module.
  std::optional<std::string> ImportPathOfDir(const std::string& dir) const;

  struct Location {
    std::string dir;             // the package's directory (it may not exist)
    std::string module_path;     // the providing module ("" for the main module)
    std::string module_version;  // "" for the main module, vendor and directories
  };
  // Where import path's package lies. An error (without position) in the go
  // command's words: no module provides it, go.sum lacks the module, a download or
  // a checksum failed. importer is the importing package's path, for go.sum's hint.
  absl::StatusOr<Location> Locate(const std::string& path, const std::string& importer);

 private:
  absl::Status EnsureDownloaded(const std::string& module, const std::string& version);

  std::string cwd_, go_command_;
  bool tried_ = false, found_ = false;
  absl::Status load_status_;
  std::string root_;
  ModFile mod_;
  GoSum sum_;
  bool vendor_ = false;
};

}  // namespace gojit::frontend
