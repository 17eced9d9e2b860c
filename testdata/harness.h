// testdata/harness.h: the pieces of the golden-test driver that are not tests:
// running a program with a timeout and captured output, reading the sidecar files of
// testdata/ (format in testdata/README.md), and matching compile errors against
// `// ERROR "regexp"` comments the way Go's own test/run.go does.
//
// It does not link to any gojit library: gojit is tested as a black box, through its
// command line, exactly as a user (or `go run`) would run it.

#ifndef GOJIT_TESTDATA_HARNESS_H_
#define GOJIT_TESTDATA_HARNESS_H_

#include <chrono>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace gojit::testdata {

// Compiles a regexp written for Go's regexp package (RE2) into a std::regex
// (ECMAScript). The common subset is the same; a '{' or '}' that is not part of a
// repetition is taken literally, as RE2 does. Throws std::regex_error when invalid.
std::regex GoRegex(const std::string& re);

// The outcome of one child process.
struct ProcessResult {
  int exit_code = -1;      // the child's exit status, or 128+signal if killed
  bool timed_out = false;  // killed by us after the deadline
  bool spawn_failed = false;
  std::string out;  // everything written to stdout
  std::string err;  // everything written to stderr
};

// Runs argv[0] (searched on PATH when it has no '/') with arguments argv[1..] in
// directory `cwd`, stdin from /dev/null, stdout and stderr captured through pipes.
// The child leads its own process group; after `timeout` the whole group is killed
// with SIGKILL (so `go run`'s grandchildren die too). `extra_env` entries
// ("KEY=VALUE") are added to, or override, the inherited environment.
ProcessResult RunProcess(const std::vector<std::string>& argv, const std::string& cwd,
                         std::chrono::milliseconds timeout,
                         const std::vector<std::string>& extra_env = {});

// Renders a result for a failure message: exit code and the first lines of output.
std::string Describe(const ProcessResult& r);

// Whole-file read; nullopt if the file cannot be read.
std::optional<std::string> ReadFile(const std::string& path);
bool FileExists(const std::string& path);

// The file names (not paths) in `dir` whose name ends in `suffix`, sorted.
std::vector<std::string> ListDir(const std::string& dir, const std::string& suffix);

// Finds `name` on PATH; empty if absent.
std::string FindOnPath(const std::string& name);

// A file name turned into a valid GoogleTest name: [A-Za-z0-9_] only.
std::string TestName(const std::string& file);

// Splits into lines, without the trailing '\n' (a final unterminated line counts).
std::vector<std::string> SplitLines(const std::string& text);

// The first line of `text`, "" if none.
std::string FirstLine(const std::string& text);

// The first line that is a diagnostic rather than a header: skips empty lines and
// lines starting with '#' (`go build` prints "# command-line-arguments" first).
std::string FirstDiagnosticLine(const std::string& text);

// The value N of a "// exitcode: N" line in a Go source, if present.
std::optional<int> ExitCodeHeader(const std::string& source);
// `// gojit-timeout: S`: the seconds a golden program's gojit run may take, compile
// included, where the default is too little for a cold compile of the large
// standard packages it imports (regexp, math/big: issue 20's compile cost).
std::optional<int> GojitTimeoutHeader(const std::string& source);

// An expectation for one line of output, as written on line 1 of a `.err` sidecar:
// literal text that must equal the line, or `re: REGEX` (ECMAScript syntax, searched,
// anchor it with ^ and $ yourself).
struct LineExpectation {
  std::string text;
  bool is_regex = false;
  bool Matches(const std::string& line) const;
  std::string ToString() const;
};
// Parses line 1 of a `.err` file; later lines are notes and are ignored.
std::optional<LineExpectation> ParseErrSidecar(const std::string& content);

// --- errorcheck -------------------------------------------------------------------

// One `// ERROR "re"` regexp of a source file.
struct WantedError {
  int line = 0;
  std::string regex;
};

// Every `// ERROR "re1" "re2"...` comment in `source`, one entry per quoted regexp.
// As in Go's test/run.go, a regexp is the raw text between double quotes (no escape
// sequences: write '.' for a '"'), and a line containing "////" is skipped.
// Sets *bad to a message on a malformed comment.
std::vector<WantedError> ParseErrorComments(const std::string& source, std::string* bad);

// A compiler diagnostic: "file:line:col: message" (":col" optional), with any
// following tab-indented continuation lines appended after '\n'.
struct Diagnostic {
  std::string file;
  int line = 0;
  std::string text;  // the message, without "file:line:col: "
  std::string raw;   // the whole line(s) as printed
};

// Splits compiler output into diagnostics. Lines starting with '#' and blank lines are
// dropped; a line that is not "file:line[:col]: msg" is kept with line == 0 (it can
// never match an ERROR comment, so it is reported as unexpected).
std::vector<Diagnostic> ParseDiagnostics(const std::string& output);

// Go's errorcheck: for every wanted error, the diagnostics of `file` on its line are
// taken; those whose text matches the regexp are consumed, and at least one must.
// Every diagnostic left over at the end is an unexpected error. Returns the list of
// problems, empty when the output agrees with the comments.
std::vector<std::string> CheckErrors(const std::string& file,
                                     const std::vector<WantedError>& wanted,
                                     const std::vector<Diagnostic>& diags);

}  // namespace gojit::testdata

#endif  // GOJIT_TESTDATA_HARNESS_H_
