// cmd/conformance_run.cc: discovery, eligibility, process running and outcome
// classification for gojit-conformance (see conformance_run.h).
//
// A `// run` test runs as `gojit run file.go [-- args]` with stdout and stderr on one
// pipe, because run.go compares the *combined* output with the .out file (println
// writes to stderr and the .out files include it). An errorcheck test runs as
// `gojit build file.go`, as gc's runner compiles one: the package need not be main
// (most errorcheck tests are not), every compile phase up to LLVM IR reports its
// errors, and nothing is executed. Processes come from testdata/harness (RunProcess), which kills
// the whole process group at the deadline.

#include "cmd/conformance_run.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "testdata/harness.h"

namespace gojit::conformance {
namespace {

namespace th = gojit::testdata;

constexpr size_t kMaxDetail = 160;

// Errorcheck flags that change nothing gojit could be judged on: -e lifts gc's limit
// of ten errors (gojit has none), -d=panic makes gc crash on its first error.
bool HarmlessErrorcheckFlag(const std::string& f) {
  return f == "-e" || f == "-d=panic";
}

// One line for the results file: no tabs or newlines, at most kMaxDetail bytes.
std::string OneLine(absl::string_view s) {
  std::string out = absl::StrReplaceAll(s, {{"\t", " "}, {"\n", " | "}, {"\r", ""}});
  if (out.size() > kMaxDetail) out = out.substr(0, kMaxDetail - 3) + "...";
  return out;
}

// A line quoted for a wrong-output detail.
std::string Quote(absl::string_view s) {
  if (s == "<EOF>") return std::string(s);
  return absl::StrCat("\"", s.substr(0, 60), s.size() > 60 ? "..." : "", "\"");
}

// Why a run (or errorcheck) process failed at run time, from its output and status.
std::string CrashDetail(const th::ProcessResult& r, const std::string& output) {
  for (const std::string& line : th::SplitLines(output)) {
    if (absl::StartsWith(line, "panic: ") || absl::StartsWith(line, "fatal error: ") ||
        absl::StrContains(line, "gojit: internal error"))
      return line;
  }
  if (r.exit_code > 128) return absl::StrCat("signal ", r.exit_code - 128);
  return absl::StrCat("exit status ", r.exit_code, ": ", th::FirstDiagnosticLine(output));
}

bool LooksInternal(const std::string& output) {
  return absl::StrContains(output, "gojit: internal error");
}

// The "X" of every "gojit: unsupported: X" diagnostic, each once.
std::vector<std::string> UnsupportedOf(const std::vector<Diag>& diags) {
  static const std::string kTag = "gojit: unsupported: ";
  std::set<std::string> seen;
  for (const Diag& d : diags) {
    size_t at = d.text.find(kTag);
    if (at == std::string::npos) continue;
    std::string what = d.text.substr(at + kTag.size());
    seen.insert(what.substr(0, what.find('\n')));
  }
  return {seen.begin(), seen.end()};
}

void RunRunTest(const RunConfig& config, const Header& h, Result& res) {
  std::vector<std::string> argv = {"/bin/sh", "-c", "exec \"$0\" run \"$@\" 2>&1",
                                   config.gojit, res.path};
  // As `go run x.go y.go args`: leading .go arguments join the program (they sit
  // beside the test), the rest are the program's arguments.
  size_t i = 0;
  for (; i < h.args.size() && absl::EndsWith(h.args[i], ".go"); ++i)
    argv.push_back(res.dir == "." ? h.args[i] : absl::StrCat(res.dir, "/", h.args[i]));
  argv.insert(argv.end(), h.args.begin() + i, h.args.end());
  int timeout_s = std::max(config.timeout_s, h.timeout_s);
  auto start = std::chrono::steady_clock::now();
  th::ProcessResult r = th::RunProcess(argv, config.test_root, std::chrono::seconds(timeout_s));
  res.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::string out = absl::StrReplaceAll(r.out, {{"\r\n", "\n"}});
  std::string note = h.flags.empty() ? "" : absl::StrCat("[", absl::StrJoin(h.flags, " "), "] ");

  if (r.spawn_failed) {
    res.cls = Class::kCrash;
    res.detail = "could not start gojit";
  } else if (r.timed_out) {
    res.cls = Class::kTimeout;
    res.detail = absl::StrCat("killed after ", timeout_s, " s");
  } else if (r.exit_code == 0) {
    std::string path = absl::StrCat(config.test_root, "/", res.path);
    std::string want =
        th::ReadFile(path.substr(0, path.size() - 3) + ".out").value_or(std::string());
    if (std::optional<LineDiff> d = FirstDifference(want, out); d.has_value()) {
      res.cls = Class::kWrongOutput;
      res.detail = absl::StrCat("line ", d->line, ": want ", Quote(d->want), ", got ",
                                Quote(d->got));
    } else {
      res.cls = Class::kPass;
    }
  } else if (LooksInternal(out) || r.exit_code != 1) {
    res.cls = Class::kCrash;
    res.detail = CrashDetail(r, out);
  } else {
    // Exit 1: gojit's compile errors (a "# command-line-arguments" header and gc-style
    // diagnostics), a loader failure without a position, or the program's os.Exit(1).
    std::vector<Diag> diags = SplitDiagnostics(out);
    bool compiled = !absl::StartsWith(out, "# ") &&
                    std::none_of(diags.begin(), diags.end(),
                                 [](const Diag& d) { return d.line > 0; }) &&
                    !absl::StartsWith(out, "gojit: ") && !absl::StartsWith(out, "go: ");
    if (compiled) {
      res.cls = Class::kCrash;
      res.detail = CrashDetail(r, out);
    } else {
      res.cls = Class::kCompileError;
      res.unsupported = UnsupportedOf(diags);
      for (const Diag& d : diags) {
        if (d.line > 0 || res.detail.empty()) res.detail = d.text;
        if (d.line > 0) break;
      }
    }
  }
  res.detail = OneLine(note + res.detail);
}

void RunErrorcheckTest(const RunConfig& config, const std::string& src, Result& res) {
  std::string short_name = res.path.substr(res.path.rfind('/') + 1);
  std::vector<WantedLine> wanted = ParseErrorComments(src, short_name);
  // `gojit build`, as gc's errorcheck compiles: the package need not be main, and a
  // main package is lowered (its IR-level errors count) but not run.
  std::vector<std::string> argv = {config.gojit, "build"};
  argv.insert(argv.end(), config.errorcheck_flags.begin(), config.errorcheck_flags.end());
  argv.push_back(res.path);
  auto start = std::chrono::steady_clock::now();
  th::ProcessResult r =
      th::RunProcess(argv, config.test_root, std::chrono::seconds(config.timeout_s));
  res.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  res.score.wanted_lines = static_cast<int>(wanted.size());
  res.cls = Class::kErrorcheckFail;
  if (r.spawn_failed || r.timed_out) {
    res.detail = r.timed_out ? absl::StrCat("timeout after ", config.timeout_s, " s")
                             : "could not start gojit";
    return;
  }
  if (LooksInternal(r.err) || (r.exit_code != 0 && r.exit_code != 1)) {
    res.detail = OneLine("crash: " + CrashDetail(r, r.err));
    return;
  }
  // gc's "too many errors" notice is no error of the program: drop it, and say so.
  std::vector<Diag> diags = SplitDiagnostics(r.err);
  size_t before = diags.size();
  std::erase_if(diags, [](const Diag& d) { return d.text == "too many errors"; });
  bool truncated = diags.size() != before;
  res.score = ScoreErrorcheck(short_name, wanted, diags);
  if (res.score.Exact()) {
    res.cls = Class::kErrorcheckExact;
  } else if (res.score.Located()) {
    res.cls = Class::kErrorcheckLocated;
  }
  res.detail = OneLine(absl::StrFormat("lines %d, located %d, exact %d, spurious %d%s%s%s",
                                       res.score.wanted_lines, res.score.located_lines,
                                       res.score.exact_lines, res.score.spurious,
                                       truncated ? " (truncated at 10 errors)" : "",
                                       res.score.first_problem.empty() ? "" : "; ",
                                       res.score.first_problem));
}

}  // namespace

const char* ClassName(Class c) {
  switch (c) {
#define GOJIT_X(name, word) \
  case Class::name:         \
    return word;
    GOJIT_CONFORMANCE_CLASSES(GOJIT_X)
#undef GOJIT_X
  }
  return "?";
}

std::vector<std::string> Discover(const std::string& test_root) {
  std::vector<std::string> paths;
  for (const std::string& dir : kTestDirs) {
    for (const std::string& name : th::ListDir(test_root + "/" + dir, ".go"))
      paths.push_back(dir == "." ? name : dir + "/" + name);
  }
  return paths;
}

bool Ships(const std::string& stdlib, const std::string& test_root, const std::string& path) {
  return path == "unsafe" /* built into the checker */ || !th::ListDir(stdlib + "/" + path, ".go").empty() ||
         !th::ListDir(test_root + "/../src/" + path, ".go").empty();
}

Result RunTest(const RunConfig& config, const std::string& path) {
  Result res;
  res.path = path;
  size_t slash = path.rfind('/');
  res.dir = slash == std::string::npos ? "." : path.substr(0, slash);
  std::optional<std::string> src = th::ReadFile(config.test_root + "/" + path);
  if (!src.has_value()) {
    res.detail = "cannot read the file";
    return res;
  }
  res.goroutines = StartsGoroutines(*src);
  Header h = ParseHeader(*src);
  if (!h.build_ok) {
    res.detail = OneLine("build constraint: " + h.constraint);
    return res;
  }
  bool errorcheck = h.action == "errorcheck";
  if (h.action != "run" && !errorcheck) {
    res.detail = OneLine(absl::StrCat("action ", h.action.empty() ? "(none)" : h.action));
    return res;
  }
  // A test that needs a GOEXPERIMENT (fieldtrack, ...) judges a gc variant.
  for (const std::string& f : h.flags) {
    if (absl::StartsWith(f, "-goexperiment")) {
      res.detail = OneLine("needs gc's " + f);
      return res;
    }
  }
  if (errorcheck) {
    for (const std::string& f : h.flags) {
      if (absl::StartsWith(f, "-lang=")) {
        res.detail = OneLine("errorcheck for language version " + f.substr(6));
        return res;
      }
      if (!HarmlessErrorcheckFlag(f)) {
        res.detail = OneLine("errorcheck of gc diagnostics: " + absl::StrJoin(h.flags, " "));
        return res;
      }
    }
  }
  std::vector<std::string> missing;
  for (const std::string& imp : ScanImports(*src)) {
    if (!Ships(config.stdlib, config.test_root, imp) &&
        std::find(missing.begin(), missing.end(), imp) == missing.end())
      missing.push_back(imp);
  }
  if (!missing.empty()) {
    res.cls = Class::kIneligible;
    res.detail = OneLine("imports " + absl::StrJoin(missing, " "));
    return res;
  }
  if (errorcheck) {
    RunErrorcheckTest(config, *src, res);
  } else {
    RunRunTest(config, h, res);
  }
  return res;
}

std::vector<Result> RunAll(const RunConfig& config, const std::vector<std::string>& paths,
                           int jobs, const std::function<void(size_t, size_t)>& progress) {
  std::vector<Result> results(paths.size());
  std::atomic<size_t> next{0};
  std::mutex mu;
  size_t done = 0;  // guarded by mu
  auto worker = [&] {
    for (size_t i; (i = next.fetch_add(1)) < paths.size();) {
      results[i] = RunTest(config, paths[i]);
      std::lock_guard<std::mutex> lock(mu);
      ++done;
      if (progress) progress(done, paths.size());
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < std::max(1, jobs); ++t) threads.emplace_back(worker);
  for (std::thread& t : threads) t.join();
  return results;
}

}  // namespace gojit::conformance
