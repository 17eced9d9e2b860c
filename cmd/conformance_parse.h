// cmd/conformance_parse.h: the text-only half of gojit-conformance. It reads a test
// file of Go's test/ directory the way Go's own test/run.go does: the build
// constraints of its header, its action line ("// run", "// errorcheck", ...), the
// packages it imports, and its `// ERROR "regexp"` comments; and it scores compiler
// output against those comments. Nothing here runs a process or touches the disk, so
// every rule is unit-tested on inline sources (conformance_test.cc).
//
// Where this deliberately differs from run.go:
//   - The action is the first line that is neither blank nor a build constraint, and
//     only that line (run.go takes the whole block up to the first blank line, which
//     turns a "// +build" line after "// run" into program arguments).
//   - Build tags are matched for linux/amd64, gc, cgo off, no GOEXPERIMENT, and
//     go1.N is true for N <= 22 (gojit speaks go1.22; run.go matches no go1.N at all).
#ifndef GOJIT_CMD_CONFORMANCE_PARSE_H_
#define GOJIT_CMD_CONFORMANCE_PARSE_H_

#include <optional>
#include <string>
#include "absl/strings/string_view.h"
#include <vector>

namespace gojit::conformance {

// --- build constraints ------------------------------------------------------------

// Whether a single build tag holds on the target: linux, amd64, unix, gc, test_run and
// go1.0 .. go1.22 are true; everything else (cgo, gccgo, goexperiment.*, other OSes
// and architectures, unknown tags) is false. Mirrors run.go's context.match.
bool MatchTag(absl::string_view tag);

// Evaluates one header line. Returns nullopt when the line is not a build constraint
// (or is one with a syntax error, which go/build/constraint also ignores); otherwise
// whether it holds. Accepts "//go:build EXPR" (&&, ||, !, parentheses) and
// "// +build A,B C" (space = or, comma = and, leading ! = not).
std::optional<bool> EvalConstraintLine(absl::string_view line);

// --- the action line --------------------------------------------------------------

struct Header {
  // False when some build constraint of the header (the lines before "package")
  // excludes linux/amd64; `constraint` is then the first line that failed.
  bool build_ok = true;
  std::string constraint;
  // "run", "errorcheck", "compile", ...; empty when the file has no action comment.
  std::string action;
  // The leading "-..." words after the action ("-gcflags=-l", "-race", "-t 10" as two
  // words is folded into "-t" with its value in timeout_s).
  std::vector<std::string> flags;
  // The remaining words: program arguments for "run".
  std::vector<std::string> args;
  int timeout_s = 0;  // from "-t N"; 0 when absent
};

// Reads the header of a test file.
Header ParseHeader(absl::string_view src);

// Splits an action line into words as run.go's splitQuoted does: on spaces, with
// "..." and '...' grouping (the quotes themselves removed).
std::vector<std::string> SplitQuoted(absl::string_view s);

// --- imports ----------------------------------------------------------------------

// The import paths of a Go source, in order, found textually: after the package
// clause, every `import "p"`, `import name "p"` and `import ( ... )` block, skipping
// comments. Stops at the first declaration that is not an import.
std::vector<std::string> ScanImports(absl::string_view src);

// Whether a Go source has a go statement: the keyword `go` as a token, outside
// comments, strings and runes. The issues score run tests by it: the language's
// counts tests that start no goroutines, the scheduler's those that start some.
bool StartsGoroutines(absl::string_view src);

// --- errorcheck -------------------------------------------------------------------

// The `// ERROR "re1" "re2"` comment of one source line. As in run.go: a regexp is the
// raw text between double quotes, LINE, LINE+n and LINE-n become "file.go:N", a line
// containing "////" is ignored, and ERRORAUTO comments are ignored here.
struct WantedLine {
  int line = 0;
  std::vector<std::string> regexes;
};
std::vector<WantedLine> ParseErrorComments(absl::string_view src, absl::string_view short_name);

// One diagnostic of compiler output, as "file:line[:col]: text".
struct Diag {
  std::string file;  // as printed (may carry a directory)
  int line = 0;      // 0 when the line carried no position
  std::string text;  // the message after "file:line:col: "
};
// gc's output split into diagnostics: blank lines and "#" lines dropped, lines
// starting with a tab appended to the previous message.
std::vector<Diag> SplitDiagnostics(absl::string_view output);

// How compiler output measures up against the ERROR comments of one file.
struct ErrorcheckScore {
  int wanted_lines = 0;   // lines with an ERROR comment
  int located_lines = 0;  // ... on which some error was reported
  int exact_lines = 0;    // ... on which every regexp matched a message
  int spurious = 0;       // messages on lines with no ERROR comment (or no line)
  int bad_regexes = 0;    // regexps std::regex could not compile (never exact)
  // run.go's own verdict: every regexp matched, and no message is left unmatched
  // (including extra messages on ERROR lines).
  bool go_exact = false;
  std::string first_problem;  // for the results file; empty when go_exact

  bool Located() const { return located_lines == wanted_lines && spurious == 0; }
  bool Exact() const { return Located() && exact_lines == wanted_lines && go_exact; }
};
ErrorcheckScore ScoreErrorcheck(absl::string_view short_name,
                                const std::vector<WantedLine>& wanted,
                                const std::vector<Diag>& diags);

// --- run output -------------------------------------------------------------------

// The first line (1-based) where `want` and `got` differ, with both versions; a
// missing line reads "<EOF>". nullopt when they are equal.
struct LineDiff {
  int line = 0;
  std::string want;
  std::string got;
};
std::optional<LineDiff> FirstDifference(absl::string_view want, absl::string_view got);

}  // namespace gojit::conformance

#endif  // GOJIT_CMD_CONFORMANCE_PARSE_H_
