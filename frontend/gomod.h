// A module's go.mod and go.sum, read as the go command reads them, and the module
// cache's layout: what package_graph.h needs to find a module's packages.
//
// go.mod is a sequence of lines, each a directive (`module`, `go`, `require`, ...)
// and its arguments, or a block: a directive followed by `(`, one argument list per
// line, and `)`. Arguments are bare words or quoted strings ("..." with Go escapes,
// or `...`); `//` starts a comment. Only what decides where packages come from is
// kept: the module path, the go version, the requirements and the replacements.
// The other directives Go knows (toolchain, godebug, exclude, retract, tool,
// ignore) are accepted and skipped; any other word is the go command's "unknown
// directive" error.
//
// Invariant: a ModFile's requirements hold each module path once (go.mod may not
// list a module twice with different versions; a repeat keeps the last).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace gojit::frontend {

struct ModReplace {
  std::string old_path, old_version;  // old_version empty: every version
  std::string new_path, new_version;  // new_version empty: new_path is a directory
};

struct ModFile {
  std::string module_path;
  std::string go_version;                           // "1.26"; empty if absent
  std::map<std::string, std::string> require;     // module path -> version
  std::vector<ModReplace> replaces;
};

// Parses go.mod's text. display_name is how errors name the file ("go.mod:4:
// unknown directive: foo", as the go command words them).
absl::StatusOr<ModFile> ParseModFile(absl::string_view display_name, absl::string_view text);

// go.sum: for each "path version" (version may end in /go.mod), its hash.
using GoSum = std::map<std::string, std::string>;
GoSum ParseGoSum(absl::string_view text);

// The module cache's spelling of a module path or version: each upper-case letter
// becomes '!' and its lower case (so that case-insensitive file systems keep
// distinct modules apart).
std::string EscapeModulePath(absl::string_view path);

// The module cache directory: $GOMODCACHE, else the first entry of $GOPATH plus
// /pkg/mod, else $HOME/go/pkg/mod (the go command's defaults).
std::string ModuleCacheDir();

}  // namespace gojit::frontend
