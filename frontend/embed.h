// //go:embed: the directive, the files its patterns name, and the entries of an
// embed.FS. The work is split as gc splits it between the go command and the
// compiler:
//   - package_graph.cc, before compiling (the go command's part): every directive
//     of every file of the program's own packages is scanned (ScanEmbedDirectives)
//     and each pattern resolved against the package directory
//     (ResolveEmbedPattern), with the go command's errors ("pattern P: no matching
//     files found"). The files found join the program cache's key.
//   - checker_embed.cc (the compiler's part): each directive is attached to the
//     package-level variable declared after it, checked (the embed import, one
//     variable, no initialiser, a type of string, []byte or embed.FS) and the
//     files read; ir/ lays out the variable's contents as static data.
//
// Pattern rules (the go command's): a pattern is a slash-separated path relative
// to the package directory, with path.Match's wildcards in any element, never "."
// nor with "." or ".." elements, nor rooted, nor ending in "/"; an "all:" prefix
// keeps the files a directory match would leave out. A match that is a directory
// stands for every regular file below it, except files and directories whose
// names begin with "." or "_" (unless "all:"), and except directories that hold a
// go.mod (another module). Nothing may be embedded from another module, from a
// version-control directory (.git, .hg, .svn, .bzr), or that is not a regular file.
#pragma once

#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include "absl/status/statusor.h"

namespace gojit::frontend {

struct EmbedDirective {
  int line = 0;  // 1-based
  int col = 0;   // of the "//", 1-based; gc reports directive errors at col + 2
  std::vector<std::string> patterns;
  std::vector<int> pattern_cols;  // each pattern's column, 1-based
  // A directive gc refuses before looking at its patterns: "usage: //go:embed
  // pattern..." or "invalid quoted string in //go:embed: ..." (which gc follows
  // with the usage line). Patterns empty then.
  std::string error;
};

// Every line of text that is a //go:embed directive (after optional indentation),
// in order.
std::vector<EmbedDirective> ScanEmbedDirectives(absl::string_view text);

// The files pattern names, relative to pkg_dir and sorted; or the go command's
// message (without its "pattern P: " prefix) when the pattern is malformed or
// matches nothing embeddable.
absl::StatusOr<std::vector<std::string>> ResolveEmbedPattern(const std::string& pkg_dir,
                                                             const std::string& pattern);

// The entries of an embed.FS holding files: the files and every directory above
// them (named with a trailing "/"), each once, in the order package embed searches
// them (by directory, then by name within it).
std::vector<std::string> EmbedFSEntries(const std::vector<std::string>& files);

}  // namespace gojit::frontend
