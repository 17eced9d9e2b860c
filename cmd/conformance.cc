// gojit-conformance: runs gojit over Go's own test suite ($GOROOT/test of the
// reference Go, 1.26) the way Go's test runner treats it, and says where
// gojit stands.
//
//   gojit-conformance                          run everything, print the summary
//   gojit-conformance --results=r.tsv          ... and write one line per test
//   gojit-conformance --check                  run only the tests of passing.txt;
//                                              exit 1 if one no longer passes (ctest)
//   gojit-conformance --update-expectations    run everything, rewrite passing.txt
//                                              and results.tsv beside it
//
// Scored: the `// run` tests of test/, ken, chan, interface, typeparam and fixedbugs
// whose imports gojit ships (pass = exit 0 and output equal to the .out file); and,
// as a separate score, their `// errorcheck` tests (an error on every ERROR line:
// "located"; every regexp matched, as run.go demands: "exact"). Everything else is
// classified skipped (action, build constraint, gc-only flags) or ineligible
// (imports a package gojit does not ship). It does not build or run gc itself.
//
// Exit codes: 0 done (and, with --check, no regressions); 1 regressions or bad
// usage; 77 Go's test directory is missing (ctest reports the test as skipped).

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "cmd/conformance_run.h"
#include "testdata/harness.h"

ABSL_FLAG(std::string, goroot, "", "Go installation whose test/ is run (default: `go env GOROOT`)");
ABSL_FLAG(std::string, gojit, GOJIT_BINARY, "the gojit binary to test");
ABSL_FLAG(std::string, stdlib, "",
          "gojit's stdlib/ directory, which decides eligibility (default: $GOJITROOT/stdlib, "
          "else the source tree's)");
ABSL_FLAG(int, jobs, 2, "tests run in parallel");
ABSL_FLAG(int, timeout, 10, "seconds allowed to each test (a test's own -t may raise it)");
ABSL_FLAG(std::string, results, "", "write one TSV line per test here: path, class, detail");
ABSL_FLAG(std::string, expectations, GOJIT_SOURCE_DIR "/testdata/conformance/passing.txt",
          "the list of run tests that pass (read by --check, written by --update-expectations)");
ABSL_FLAG(bool, check, false, "run only the expected-passing tests; exit 1 if any fails");
ABSL_FLAG(bool, update_expectations, false,
          "run everything and rewrite --expectations and results.tsv beside it");
ABSL_FLAG(std::string, filter, "", "run only tests whose path contains this text");
ABSL_FLAG(bool, markdown, false, "print the summary tables as Markdown (for the README)");
ABSL_FLAG(std::vector<std::string>, errorcheck_flags, std::vector<std::string>({"-e", "--complete=false"}),
          "extra gojit flags for errorcheck runs, comma-separated (gc's runner compiles with -e "
          "and without -complete)");
ABSL_FLAG(bool, verbose, false, "print every test that is not a pass, with its detail");

namespace {

namespace cf = gojit::conformance;
namespace th = gojit::testdata;

constexpr int kExitNoSuite = 77;

constexpr const char* kUsage =
    "gojit-conformance runs gojit over Go's test suite ($GOROOT/test).\n"
    "\n"
    "  gojit-conformance [--results=FILE] [--filter=TEXT] [--jobs=N] [--timeout=S]\n"
    "  gojit-conformance --check                 no-regression mode (ctest)\n"
    "  gojit-conformance --update-expectations   rewrite testdata/conformance/\n";

// A file removed when main returns.
struct RemovedAtExit {
  std::string path;
  ~RemovedAtExit() {
    if (!path.empty()) unlink(path.c_str());
  }
};

// Go's test runner hands every test $STDLIB_IMPORTCFG: an importcfg file naming
// the export data of each standard package, for tests that run `go tool compile`
// or `go tool link` themselves. It is made here as there, by `go list -export`,
// and only when a test to run names the variable, since a cold Go build cache
// makes it cost a minute. Sets the variable and *path (the caller removes it);
// false, with a message, when `go list` fails.
bool SetStdlibImportcfg(const std::string& test_root, const std::vector<std::string>& paths,
                        std::string* path) {
  bool wanted = std::any_of(paths.begin(), paths.end(), [&](const std::string& p) {
    std::optional<std::string> src = th::ReadFile(test_root + "/" + p);
    return src && absl::StrContains(*src, "STDLIB_IMPORTCFG");
  });
  if (!wanted) return true;
  th::ProcessResult r = th::RunProcess(
      {"go", "list", "-export", "-f", "{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}",
       "std"},
      "", std::chrono::minutes(10));
  if (r.exit_code != 0) {
    std::fprintf(stderr, "gojit-conformance: go list -export std: %s\n", th::Describe(r).c_str());
    return false;
  }
  char name[] = "/tmp/gojit-conformance-importcfg-XXXXXX";
  int fd = mkstemp(name);
  if (fd < 0 || write(fd, r.out.data(), r.out.size()) != static_cast<ssize_t>(r.out.size())) {
    std::fprintf(stderr, "gojit-conformance: cannot write %s\n", name);
    if (fd >= 0) close(fd);
    return false;
  }
  close(fd);
  *path = name;
  setenv("STDLIB_IMPORTCFG", name, 1);
  return true;
}

std::string GoRoot() {
  std::string flag = absl::GetFlag(FLAGS_goroot);
  if (!flag.empty()) return flag;
  th::ProcessResult r = th::RunProcess({"go", "env", "GOROOT"}, "", std::chrono::seconds(30));
  if (r.exit_code != 0) return "";
  return std::string(absl::StripAsciiWhitespace(r.out));
}

std::string StdlibDir() {
  std::string flag = absl::GetFlag(FLAGS_stdlib);
  if (!flag.empty()) return flag;
  if (const char* root = std::getenv("GOJITROOT"); root != nullptr && *root != '\0')
    return std::string(root) + "/stdlib";
  return GOJIT_STDLIB_DIR;
}

// The test paths of an expectations file: one per line, '#' comments and blanks skipped.
std::vector<std::string> ReadExpectations(const std::string& file, bool* ok) {
  std::optional<std::string> text = th::ReadFile(file);
  *ok = text.has_value();
  std::vector<std::string> paths;
  if (!text) return paths;
  for (absl::string_view line : absl::StrSplit(*text, '\n')) {
    line = absl::StripAsciiWhitespace(line);
    if (!line.empty() && line[0] != '#') paths.emplace_back(line);
  }
  return paths;
}

bool WriteFile(const std::string& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  return static_cast<bool>(out);
}

std::string ResultsTsv(const std::vector<cf::Result>& results) {
  std::string out = "# path\tclass\tdetail\n";
  for (const cf::Result& r : results)
    absl::StrAppend(&out, r.path, "\t", cf::ClassName(r.cls), "\t", r.detail, "\n");
  return out;
}

std::string PassingList(const std::vector<cf::Result>& results) {
  std::vector<std::string> paths;
  for (const cf::Result& r : results) {
    if (r.cls == cf::Class::kPass) paths.push_back(r.path);
  }
  std::sort(paths.begin(), paths.end());
  std::string out =
      "# The `// run` tests of Go's test/ directory that gojit passes, checked by ctest\n"
      "# (conformance_no_regressions: gojit-conformance --check). Regenerate with\n"
      "#   build/cmd/gojit-conformance --update-expectations\n"
      "# and review the diff: a line that disappears is a regression.\n";
  for (const std::string& p : paths) absl::StrAppend(&out, p, "\n");
  return out;
}

// --- the summary ------------------------------------------------------------------

// A table printed either aligned for a terminal or as Markdown.
class Table {
 public:
  explicit Table(std::vector<std::string> header) { rows_.push_back(std::move(header)); }
  void Add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  std::string Render(bool markdown) const {
    std::vector<size_t> width(rows_[0].size(), 0);
    for (const auto& row : rows_)
      for (size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
    std::string out;
    for (size_t r = 0; r < rows_.size(); ++r) {
      for (size_t i = 0; i < rows_[r].size(); ++i) {
        std::string cell = rows_[r][i];
        std::string pad(width[i] - cell.size(), ' ');
        cell = i == 0 ? cell + pad : pad + cell;  // names left, numbers right
        absl::StrAppend(&out, markdown ? "| " : (i ? "  " : ""), cell, markdown ? " " : "");
      }
      absl::StrAppend(&out, markdown ? "|\n" : "\n");
      if (markdown && r == 0) {
        for (size_t i = 0; i < width.size(); ++i)
          absl::StrAppend(&out, "|", i ? std::string(width[i] + 1, '-') + ":"
                                       : ":" + std::string(width[i] + 1, '-'));
        absl::StrAppend(&out, "|\n");
      }
    }
    return out;
  }

 private:
  std::vector<std::vector<std::string>> rows_;
};

std::string Percent(int n, int d) {
  return d == 0 ? "-" : absl::StrFormat("%.1f%%", 100.0 * n / d);
}

// The entries of a histogram, most frequent first (ties by name), at most `limit`.
std::vector<std::pair<std::string, int>> Top(const std::map<std::string, int>& h, size_t limit) {
  std::vector<std::pair<std::string, int>> v(h.begin(), h.end());
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (v.size() > limit) v.resize(limit);
  return v;
}

void PrintSummary(const std::vector<cf::Result>& results, bool markdown, double wall_s) {
  struct Row {
    int tests = 0, eligible = 0, errchk = 0, skipped = 0, ineligible = 0;
    std::map<cf::Class, int> n;
  };
  std::map<std::string, Row> rows;
  Row total;
  std::map<std::string, int> unsupported, first_errors, crashes;
  int ec_lines = 0, ec_located_lines = 0, ec_exact_lines = 0, ec_spurious = 0;
  // Eligible run tests and passes, by whether the test starts goroutines.
  int eligible_by_go[2] = {0, 0}, pass_by_go[2] = {0, 0};
  for (const cf::Result& r : results) {
    if (cf::IsRunClass(r.cls)) {
      ++eligible_by_go[r.goroutines];
      if (r.cls == cf::Class::kPass) ++pass_by_go[r.goroutines];
    }
    for (Row* row : {&rows[r.dir], &total}) {
      ++row->tests;
      ++row->n[r.cls];
      if (cf::IsRunClass(r.cls)) ++row->eligible;
      if (cf::IsErrorcheckClass(r.cls)) ++row->errchk;
    }
    for (const std::string& u : r.unsupported) ++unsupported[u];
    if (r.cls == cf::Class::kCompileError && r.unsupported.empty()) ++first_errors[r.detail];
    if (r.cls == cf::Class::kCrash) ++crashes[r.detail.substr(0, 80)];
    if (cf::IsErrorcheckClass(r.cls)) {
      ec_lines += r.score.wanted_lines;
      ec_located_lines += r.score.located_lines;
      ec_exact_lines += r.score.exact_lines;
      ec_spurious += r.score.spurious;
    }
  }
  using C = cf::Class;
  Table table({"dir", "tests", "eligible", "pass", "wrong output", "compile error", "crash",
               "timeout", "skipped", "ineligible", "errorcheck"});
  auto add = [&](const std::string& name, Row& row) {
    table.Add({name, absl::StrCat(row.tests), absl::StrCat(row.eligible),
               absl::StrCat(row.n[C::kPass]), absl::StrCat(row.n[C::kWrongOutput]),
               absl::StrCat(row.n[C::kCompileError]), absl::StrCat(row.n[C::kCrash]),
               absl::StrCat(row.n[C::kTimeout]), absl::StrCat(row.n[C::kSkipped]),
               absl::StrCat(row.n[C::kIneligible]), absl::StrCat(row.errchk)});
  };
  for (const std::string& dir : cf::kTestDirs) {
    if (rows.count(dir)) add(dir, rows[dir]);
  }
  add("total", total);
  std::printf("%s\n", table.Render(markdown).c_str());
  std::printf("run tests: %d of %d eligible pass (%s)\n", total.n[C::kPass], total.eligible,
              Percent(total.n[C::kPass], total.eligible).c_str());
  std::printf("  starting no goroutines: %d of %d pass (%s); starting goroutines: %d of %d (%s)\n",
              pass_by_go[0], eligible_by_go[0], Percent(pass_by_go[0], eligible_by_go[0]).c_str(),
              pass_by_go[1], eligible_by_go[1], Percent(pass_by_go[1], eligible_by_go[1]).c_str());
  int exact = total.n[C::kErrorcheckExact];
  int located = exact + total.n[C::kErrorcheckLocated];
  std::printf(
      "errorcheck tests: %d eligible; located %d (%s), exact %d (%s)\n"
      "errorcheck lines: %d ERROR lines; located %d (%s), exact %d (%s); %d spurious errors\n",
      total.errchk, located, Percent(located, total.errchk).c_str(), exact,
      Percent(exact, total.errchk).c_str(), ec_lines, ec_located_lines,
      Percent(ec_located_lines, ec_lines).c_str(), ec_exact_lines,
      Percent(ec_exact_lines, ec_lines).c_str(), ec_spurious);
  auto histogram = [&](const char* title, const std::map<std::string, int>& h, size_t limit) {
    if (h.empty()) return;
    Table t({title, "tests"});
    for (const auto& [what, n] : Top(h, limit)) t.Add({what, absl::StrCat(n)});
    std::printf("\n%s", t.Render(markdown).c_str());
  };
  histogram("gojit: unsupported: (run tests)", unsupported, 20);
  histogram("other first compile errors", first_errors, 10);
  histogram("crashes", crashes, 10);
  std::printf("\n%zu tests in %.1f s\n", results.size(), wall_s);
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(kUsage);
  // Flag names may be written with dashes (--update-expectations), as the README does;
  // absl wants underscores.
  std::vector<std::string> args(argv, argv + argc);
  std::vector<char*> cargv;
  for (std::string& a : args) {
    if (absl::StartsWith(a, "--")) {
      size_t end = std::min(a.find('='), a.size());
      std::replace(a.begin() + 2, a.begin() + end, '-', '_');
    }
    cargv.push_back(a.data());
  }
  std::vector<char*> rest = absl::ParseCommandLine(argc, cargv.data());
  if (rest.size() > 1) {
    std::fprintf(stderr, "gojit-conformance: unexpected argument %s\n%s", rest[1], kUsage);
    return 1;
  }
  bool check = absl::GetFlag(FLAGS_check), update = absl::GetFlag(FLAGS_update_expectations);
  std::string filter = absl::GetFlag(FLAGS_filter);
  if (check && update) {
    std::fprintf(stderr, "gojit-conformance: --check and --update-expectations exclude each other\n");
    return 1;
  }
  if (update && !filter.empty()) {
    std::fprintf(stderr, "gojit-conformance: --update-expectations needs the whole suite\n");
    return 1;
  }

  // As test/run.go: the tests run with $GOARCH set (env.go checks it) and GOOS too.
  if (getenv("GOARCH") == nullptr || *getenv("GOARCH") == '\0') setenv("GOARCH", "amd64", 1);
  if (getenv("GOOS") == nullptr || *getenv("GOOS") == '\0') setenv("GOOS", "linux", 1);

  cf::RunConfig config;
  std::string goroot = GoRoot();
  config.test_root = goroot + "/test";
  // Go 1.26's test/ has no run.go (its runner moved to cmd/internal/testdir): the
  // suite is there when its ken/ directory is.
  if (goroot.empty() || !th::FileExists(config.test_root + "/ken/chan.go")) {
    std::fprintf(stderr, "gojit-conformance: no Go test suite at %s (install Go 1.26, or --goroot)\n",
                 goroot.empty() ? "$(go env GOROOT)/test" : config.test_root.c_str());
    return kExitNoSuite;
  }
  config.gojit = absl::GetFlag(FLAGS_gojit);
  config.stdlib = StdlibDir();
  config.timeout_s = absl::GetFlag(FLAGS_timeout);
  config.errorcheck_flags = absl::GetFlag(FLAGS_errorcheck_flags);
  if (!th::FileExists(config.gojit)) {
    std::fprintf(stderr, "gojit-conformance: no gojit binary at %s\n", config.gojit.c_str());
    return 1;
  }

  std::string expectations = absl::GetFlag(FLAGS_expectations);
  std::vector<std::string> paths;
  if (check) {
    bool ok = false;
    paths = ReadExpectations(expectations, &ok);
    if (!ok) {
      std::fprintf(stderr, "gojit-conformance: cannot read %s\n", expectations.c_str());
      return 1;
    }
  } else {
    paths = cf::Discover(config.test_root);
  }
  if (!filter.empty()) {
    std::erase_if(paths, [&](const std::string& p) { return !absl::StrContains(p, filter); });
  }

  RemovedAtExit importcfg;
  if (!SetStdlibImportcfg(config.test_root, paths, &importcfg.path)) return 1;

  auto start = std::chrono::steady_clock::now();
  bool tty = isatty(2);
  std::vector<cf::Result> results =
      cf::RunAll(config, paths, absl::GetFlag(FLAGS_jobs), [&](size_t done, size_t total) {
        if (tty || done % 100 == 0 || done == total)
          std::fprintf(stderr, "%s[%zu/%zu]%s", tty ? "\r" : "", done, total,
                       tty && done < total ? "" : "\n");
      });

  // A test that passes only some of the time must neither enter passing.txt nor fail
  // ctest at random: --update-expectations runs each pass a second time and lists
  // only those that pass twice; --check gives a failure one more try and calls a
  // pass on the retry FLAKY (printed, not fatal).
  std::vector<std::string> again, flaky;
  for (const cf::Result& r : results) {
    if ((update && r.cls == cf::Class::kPass) || (check && r.cls != cf::Class::kPass))
      again.push_back(r.path);
  }
  if (update || check) {
    std::map<std::string, cf::Result> rerun;
    for (cf::Result& r : cf::RunAll(config, again, absl::GetFlag(FLAGS_jobs), nullptr))
      rerun[r.path] = std::move(r);
    for (cf::Result& r : results) {
      auto it = rerun.find(r.path);
      if (it == rerun.end() || (it->second.cls == cf::Class::kPass) == (r.cls == cf::Class::kPass))
        continue;
      flaky.push_back(r.path);
      if (check) {
        r = it->second;  // the retry passed
      } else {
        r.cls = it->second.cls;  // passed once only: not listed
        r.detail = "flaky: " + it->second.detail;
      }
    }
  }
  double wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (const std::string& p : flaky) std::printf("FLAKY %s\n", p.c_str());

  if (absl::GetFlag(FLAGS_verbose)) {
    for (const cf::Result& r : results) {
      if (r.cls != cf::Class::kPass && r.cls != cf::Class::kSkipped && r.cls != cf::Class::kIneligible)
        std::printf("%-40s %-18s %s\n", r.path.c_str(), cf::ClassName(r.cls), r.detail.c_str());
    }
  }

  std::string results_file = absl::GetFlag(FLAGS_results);
  if (update && results_file.empty())
    results_file = expectations.substr(0, expectations.rfind('/') + 1) + "results.tsv";
  if (!results_file.empty() && !WriteFile(results_file, ResultsTsv(results))) {
    std::fprintf(stderr, "gojit-conformance: cannot write %s\n", results_file.c_str());
    return 1;
  }

  if (check) {
    int regressions = 0;
    for (const cf::Result& r : results) {
      if (r.cls == cf::Class::kPass) continue;
      std::printf("REGRESSION %s: %s: %s\n", r.path.c_str(), cf::ClassName(r.cls), r.detail.c_str());
      ++regressions;
    }
    std::printf("%zu expected-passing tests, %d regressions, %.1f s\n", results.size(), regressions,
                wall_s);
    return regressions == 0 ? 0 : 1;
  }

  std::string version = th::ReadFile(goroot + "/VERSION").value_or("unknown version");
  std::printf("gojit-conformance: %s over %s/test (%s)\n\n", config.gojit.c_str(), goroot.c_str(),
              th::FirstLine(version).c_str());
  PrintSummary(results, absl::GetFlag(FLAGS_markdown), wall_s);
  if (update) {
    if (!WriteFile(expectations, PassingList(results))) {
      std::fprintf(stderr, "gojit-conformance: cannot write %s\n", expectations.c_str());
      return 1;
    }
    std::printf("wrote %s and %s\n", expectations.c_str(), results_file.c_str());
  }
  return 0;
}
