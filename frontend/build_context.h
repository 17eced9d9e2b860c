// The build context: which files of a package directory make up the package for
// gojit's target, as the go command's go/build chooses them, and where the Go tree
// whose standard library gojit compiles (the GOROOT) lies.
//
// gojit compiles for linux/amd64 with cgo off. A file belongs to its package when
//   1. its name ends in .go, does not end in _test.go, and starts with neither '_'
//      nor '.';
//   2. the suffixes of its name (`_GOOS`, `_GOARCH`, `_GOOS_GOARCH`, after the first
//      '_') name no other system or architecture;
//   3. its `//go:build` line, if any, is satisfied by the context's tags: the system
//      and architecture, `unix`, the release tags go1.1 .. go1.26, the experiments
//      Go 1.26 turns on by default, and gojit's own tags: `gojit`, and `purego` and
//      `math_big_pure_go`, which make Go's packages take their pure-Go paths where
//      they have one instead of assembly that gojit cannot compile;
//   4. it does not import "C" (cgo is off, as under CGO_ENABLED=0).
// gojit is not gc, so the `gc` tag is not set: files written for gc's assembler
// interface (`//go:build gc && !purego`) are left out as they are for gccgo.
//
// A file without a //go:build line may be constrained by the `// +build` lines Go
// 1.17 replaced (old modules still have them), with go/build's rules for them.
// What this does not do: tags given on a command line.
#pragma once

#include <set>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace gojit::frontend {

class BuildContext {
 public:
  // linux/amd64, cgo off, gojit's tags (above).
  static BuildContext Gojit();

  // Whether `tag` holds in this context (go/build's matchTag).
  bool Satisfied(absl::string_view tag) const;

  // Whether the file `name` (a base name) with contents `text` is part of its
  // package. A malformed //go:build line is an error naming the file. With
  // tests, a _test.go file may be (rule 1 refuses it otherwise): `go test`.
  absl::StatusOr<bool> MatchFile(absl::string_view name, absl::string_view text,
                                 bool tests = false) const;

  // Whether the file name's _GOOS/_GOARCH suffixes allow this context (rule 2).
  bool MatchFileName(absl::string_view name) const;

  // Evaluates one //go:build expression (the text after `//go:build `).
  absl::StatusOr<bool> Eval(absl::string_view expr) const;

 private:
  std::string goos_, goarch_;
  std::set<std::string, std::less<>> tags_;
};

// The Go tree gojit compiles the standard library from.
struct Goroot {
  std::string dir;      // absolute; the packages are under dir/src
  std::string version;  // the tree's VERSION, e.g. "go1.26.8"
};

// The release gojit is written against: a tree of another release is refused.
inline constexpr absl::string_view kGorootRelease = "go1.26";

// Finds the GOROOT as the go command finds its own: `override` (gojit's --goroot)
// when not empty, else $GOROOT, else the tree holding the `go` found on PATH (its
// bin/go, symbolic links resolved), else /usr/local/go. Checks that the tree has
// src/ and a VERSION of release kGorootRelease; the error says what to install or
// name otherwise.
absl::StatusOr<Goroot> FindGoroot(absl::string_view override);

}  // namespace gojit::frontend
