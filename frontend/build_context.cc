// Build constraints and the GOROOT (build_context.h says which rules hold).
#include "frontend/build_context.h"
#include "frontend/package_dir.h"

#include "common/build_expr.h"

#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace gojit::frontend {
namespace {

// The systems and architectures that file-name suffixes can name (go/build's
// lists, Go 1.26): a suffix that is not one of these constrains nothing.
constexpr absl::string_view kKnownOS[] = {
    "aix",   "android", "darwin",  "dragonfly", "freebsd", "hurd",    "illumos", "ios",   "js",
    "linux", "nacl",    "netbsd",  "openbsd",   "plan9",   "solaris", "wasip1",  "windows", "zos"};
constexpr absl::string_view kKnownArch[] = {
    "386",      "amd64",     "amd64p32",   "arm",      "armbe",   "arm64",       "arm64be",
    "loong64",  "mips",      "mipsle",     "mips64",   "mips64le", "mips64p32",  "mips64p32le",
    "ppc",      "ppc64",     "ppc64le",    "riscv",    "riscv64", "s390",        "s390x",
    "sparc",    "sparc64",   "wasm"};

// The experiments Go 1.26 enables by default (`go list -f {{context.ToolTags}}`).
constexpr absl::string_view kDefaultExperiments[] = {
    "regabiwrappers", "regabiargs", "dwarf5", "greenteagc", "randomizedheapbase64"};

constexpr int kReleaseMinor = 26;  // release tags go1.1 .. go1.26

template <size_t N>
bool In(const absl::string_view (&list)[N], absl::string_view s) {
  for (absl::string_view e : list) {
    if (e == s) return true;
  }
  return false;
}

// Reads the first line of path; empty when unreadable.
std::string FirstLine(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return std::string(absl::StripAsciiWhitespace(line));
}

// The tree a `go` executable on PATH belongs to: <tree>/bin/go.
std::string GorootOfGoOnPath() {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return "";
  for (absl::string_view dir : absl::StrSplit(path, ':', absl::SkipEmpty())) {
    std::string go = absl::StrCat(dir, "/go");
    if (access(go.c_str(), X_OK) != 0) continue;
    char real[PATH_MAX];
    if (realpath(go.c_str(), real) == nullptr) continue;
    std::string r = real;
    if (!absl::EndsWith(r, "/bin/go")) continue;
    return r.substr(0, r.size() - 7);
  }
  return "";
}

}  // namespace

BuildContext BuildContext::Gojit() {
  BuildContext ctx;
  ctx.goos_ = "linux";
  ctx.goarch_ = "amd64";
  for (absl::string_view t : {"unix", "gojit", "purego", "math_big_pure_go", "amd64.v1"})
    ctx.tags_.emplace(t);
  for (int minor = 1; minor <= kReleaseMinor; ++minor) ctx.tags_.insert(absl::StrCat("go1.", minor));
  for (absl::string_view e : kDefaultExperiments) ctx.tags_.insert(absl::StrCat("goexperiment.", e));
  return ctx;
}

bool BuildContext::Satisfied(absl::string_view tag) const {
  return tag == goos_ || tag == goarch_ || tags_.count(tag) != 0;
}

bool BuildContext::MatchFileName(absl::string_view name) const {
  name = name.substr(0, name.find('.'));
  size_t underscore = name.find('_');
  if (underscore == absl::string_view::npos) return true;  // "linux.go" constrains nothing
  std::vector<absl::string_view> parts = absl::StrSplit(name.substr(underscore), '_');
  if (parts.size() >= 2 && parts.back() == "test") parts.pop_back();
  size_t n = parts.size();
  if (n >= 2 && In(kKnownOS, parts[n - 2]) && In(kKnownArch, parts[n - 1]))
    return parts[n - 2] == goos_ && parts[n - 1] == goarch_;
  if (n >= 1 && In(kKnownOS, parts[n - 1])) return parts[n - 1] == goos_;
  if (n >= 1 && In(kKnownArch, parts[n - 1])) return parts[n - 1] == goarch_;
  return true;
}

absl::StatusOr<bool> BuildContext::Eval(absl::string_view expr) const {
  std::string error;
  std::optional<bool> v = EvalBuildExpr(expr, [this](absl::string_view tag) { return Satisfied(tag); }, &error);
  if (!v) return absl::InvalidArgumentError(absl::StrCat("parsing //go:build line: ", error));
  return *v;
}

absl::StatusOr<bool> BuildContext::MatchFile(absl::string_view name, absl::string_view text,
                                             bool tests) const {
  if (!absl::EndsWith(name, ".go") || (!tests && absl::EndsWith(name, "_test.go"))) return false;
  if (absl::StartsWith(name, "_") || absl::StartsWith(name, ".")) return false;
  if (!MatchFileName(name)) return false;
  // The header: the lines before the package clause. A //go:build line there
  // (outside a /* */ comment) constrains the file.
  bool in_block = false, seen_build = false, ok = true;
  // `// +build` lines (before Go 1.17; third-party modules still carry them): they
  // count when a blank line follows them in the header, and only in a file without
  // a //go:build line. Each line is an OR of space-separated options, each option an
  // AND of comma-separated tags (`!` negating one); the lines are ANDed.
  std::vector<absl::string_view> plus_pending, plus_lines;
  absl::string_view rest = text;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    absl::string_view line = rest.substr(0, nl);
    rest = nl == absl::string_view::npos ? absl::string_view() : rest.substr(nl + 1);
    absl::string_view t = absl::StripAsciiWhitespace(line);
    if (in_block) {
      if (size_t end = t.find("*/"); end != absl::string_view::npos) {
        in_block = false;
        t = absl::StripAsciiWhitespace(t.substr(end + 2));
        if (t.empty()) continue;
      } else {
        continue;
      }
    }
    if (t.empty()) {
      plus_lines.insert(plus_lines.end(), plus_pending.begin(), plus_pending.end());
      plus_pending.clear();
      continue;
    }
    if (absl::StartsWith(t, "/*")) {
      if (t.find("*/", 2) == absl::string_view::npos) in_block = true;
      continue;
    }
    if (!absl::StartsWith(t, "//")) break;  // the package clause (or code): header ends
    absl::string_view expr = t;
    if (absl::string_view plus = absl::StripLeadingAsciiWhitespace(t.substr(2));
        absl::ConsumePrefix(&plus, "+build") && (plus.empty() || plus[0] == ' ' || plus[0] == '\t')) {
      plus_pending.push_back(plus);
      continue;
    }
    if (absl::ConsumePrefix(&expr, "//go:build") && (expr.empty() || expr[0] == ' ' || expr[0] == '\t')) {
      if (seen_build) return absl::InvalidArgumentError(absl::StrCat(name, ": multiple //go:build comments"));
      seen_build = true;
      absl::StatusOr<bool> v = Eval(expr);
      if (!v.ok()) return absl::InvalidArgumentError(absl::StrCat(name, ": ", v.status().message()));
      ok = *v;
    }
  }
  if (!seen_build) {
    for (absl::string_view line : plus_lines) {
      bool any = false;
      for (absl::string_view option : absl::StrSplit(line, absl::ByAnyChar(" \t"), absl::SkipEmpty())) {
        bool all = true;
        for (absl::string_view term : absl::StrSplit(option, ',')) {
          bool negate = absl::ConsumePrefix(&term, "!");
          if (term.empty() || Satisfied(term) == negate) all = false;
        }
        any = any || all;
      }
      ok = ok && any;
    }
  }
  if (!ok) return false;
  // cgo is off: a file importing "C" is left out, as go/build leaves it out.
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    absl::string_view t = absl::StripAsciiWhitespace(line);
    if (t == "import \"C\"") return false;
  }
  return true;
}

absl::StatusOr<Goroot> FindGoroot(absl::string_view override) {
  std::string dir(override);
  absl::string_view how = "--goroot";
  if (dir.empty()) {
    if (const char* env = std::getenv("GOROOT"); env != nullptr && *env != '\0') {
      dir = env;
      how = "$GOROOT";
    }
  }
  if (dir.empty()) {
    dir = GorootOfGoOnPath();
    how = "the go command on PATH";
  }
  if (dir.empty() && IsDir("/usr/local/go/src")) {
    dir = "/usr/local/go";
    how = "/usr/local/go";
  }
  if (dir.empty()) {
    return absl::NotFoundError(absl::StrCat(
        "gojit: cannot find a Go tree: no go command on PATH and no /usr/local/go; install Go ",
        kGorootRelease.substr(2), " or name one with --goroot or $GOROOT"));
  }
  if (char real[PATH_MAX]; realpath(dir.c_str(), real) != nullptr) dir = real;
  if (!IsDir(absl::StrCat(dir, "/src"))) {
    return absl::NotFoundError(absl::StrCat("gojit: GOROOT ", dir, " (from ", how,
                                            ") has no src directory: not a Go tree"));
  }
  std::string version = FirstLine(absl::StrCat(dir, "/VERSION"));
  absl::string_view v = version;
  if (!absl::ConsumePrefix(&v, kGorootRelease) || (!v.empty() && v[0] != '.' && !absl::StartsWith(v, "rc"))) {
    return absl::FailedPreconditionError(absl::StrCat(
        "gojit: GOROOT ", dir, " (from ", how, ") is ", version.empty() ? "of unknown version" : version,
        "; gojit compiles the standard library of Go ", kGorootRelease.substr(2),
        ": install it, or name a Go ", kGorootRelease.substr(2), " tree with --goroot"));
  }
  return Goroot{dir, version};
}

}  // namespace gojit::frontend
