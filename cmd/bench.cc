// gojit-bench: runs the programs of testdata/bench/ under gojit, gc and gccgo, and
// reports median wall time, CPU time and peak RSS with the ratios gojit/gc and
// gojit/gccgo.
//
//   gojit-bench                                   everything, 5 repetitions
//   gojit-bench --reps=3 --markdown=bench/results.md --svg=bench/ratios.svg
//   gojit-bench --only=fib,nbody                  some benchmarks
//   gojit-bench --list                            the benchmarks, one a line
//   gojit-bench --quick --reps=1 --only=fib       tiny sizes: do the outputs agree?
//   gojit-bench --write_compile2k=testdata/bench/compile2k.go
//   gojit-bench --write_bigloop4k=testdata/bench/bigloop4k.go
//
// For each benchmark, gc's binary (`go build`) and gccgo's (`gccgo-12 -O2`) are built
// once, untimed; then the implementations run alternately (gojit, gc, gccgo, gojit,
// ...) --reps times. Benchmarks marked `// mode: e2e` time `gojit run` against
// `go run` (after one untimed warm-up, so the build cache is warm) and against
// gccgo's compile plus run. Every run's stdout is compared with NAME.out (written by
// the real `go run`): a wrong answer, a crash or a timeout is a FAILURE in the table,
// never a time, and that implementation is not run again on that benchmark.
//
// --quick passes each program its `// quick:` size and compares gojit's output with
// gc's binary's on the same size (no .out exists for it); gccgo is skipped. It is the
// correctness smoke test ctest runs.
//
// Exit codes: 0 every run agreed with the reference; 1 some run failed (the report is
// still written) or bad usage; 77 `go` is missing in --quick mode (ctest: skipped).

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
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
#include "cmd/bench.h"

ABSL_FLAG(int, reps, 5, "repetitions of each benchmark under each implementation");
ABSL_FLAG(int, timeout, 120, "seconds allowed to each run");
ABSL_FLAG(std::vector<std::string>, only, {}, "run only these benchmarks (comma-separated)");
ABSL_FLAG(bool, quick, false,
          "tiny sizes (each program's `// quick:` argument), gojit against gc only, "
          "outputs compared with gc's");
ABSL_FLAG(bool, list, false, "print the benchmarks' names and purposes, and exit");
ABSL_FLAG(std::string, markdown, "", "write the Markdown report here");
ABSL_FLAG(std::string, svg, "", "write the SVG chart of the ratios here");
ABSL_FLAG(std::string, gojit, GOJIT_BINARY, "the gojit binary to measure");
ABSL_FLAG(std::string, bench_dir, GOJIT_SOURCE_DIR "/testdata/bench",
          "directory of the benchmark programs");
ABSL_FLAG(std::string, go, "go", "the reference go command");
ABSL_FLAG(std::string, gccgo, "gccgo-12", "the gccgo compiler (n/a when not installed)");
ABSL_FLAG(std::string, workdir, "", "where binaries are built (default: a fresh /tmp dir)");
ABSL_FLAG(std::string, write_compile2k, "",
          "write the generated 2,000-line program to this path and exit");
ABSL_FLAG(std::string, write_bigloop4k, "",
          "write the generated program of one 4,000-statement loop to this path and exit");

namespace {

namespace gb = gojit::bench;
using gb::Benchmark;
using gb::Impl;
using gb::Result;
using gb::Sample;
using gb::Series;

constexpr int kExitNoGo = 77;
constexpr int kCompileLines = 2000;
constexpr int kBigLoopStatements = 4000;
const char* const kImplName[] = {"gojit", "gc", "gccgo"};

std::string FindOnPath(const std::string& name) {
  if (name.find('/') != std::string::npos) return access(name.c_str(), X_OK) == 0 ? name : "";
  const char* path = std::getenv("PATH");
  for (absl::string_view dir : absl::StrSplit(path ? path : "", ':')) {
    std::string full = absl::StrCat(dir.empty() ? "." : dir, "/", name);
    if (access(full.c_str(), X_OK) == 0) return full;
  }
  return "";
}

std::string FirstLine(const std::string& text) {
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    line = absl::StripAsciiWhitespace(line);
    if (!line.empty() && !absl::StartsWith(line, "#")) return std::string(line);
  }
  return "";
}

// The first line a command prints (a version string); "" if it cannot run.
std::string VersionOf(const std::vector<std::string>& argv) {
  Sample s = gb::RunMeasured(argv, "", std::chrono::seconds(30));
  if (s.spawn_failed || s.exit_code != 0) return "";
  return FirstLine(s.out);
}

std::string Machine() {
  std::string model = "unknown CPU";
  if (std::optional<std::string> info = gb::ReadFile("/proc/cpuinfo")) {
    for (absl::string_view line : absl::StrSplit(*info, '\n')) {
      if (absl::ConsumePrefix(&line, "model name")) {
        line = absl::StripLeadingAsciiWhitespace(line);
        absl::ConsumePrefix(&line, ":");
        model = std::string(absl::StripAsciiWhitespace(line));
        break;
      }
    }
  }
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return absl::StrFormat("%s, %d CPU%s (nproc)", model, n, n == 1 ? "" : "s");
}

std::string UtcNow() {
  std::time_t t = std::time(nullptr);
  char buf[64];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", std::gmtime(&t));
  return buf;
}

// Why a run is not a success, or "" if it is: exit 0, no timeout, stdout == want.
std::string Verdict(const Sample& s, const std::string& want, int timeout_s) {
  std::string err = FirstLine(s.err);
  if (s.spawn_failed) return "could not start";
  if (s.timed_out)
    return absl::StrCat("timed out after ", timeout_s, " s",
                        err.empty() ? "" : absl::StrCat(" (stderr: ", err, ")"));
  if (s.exit_code != 0)
    return absl::StrCat("exit status ", s.exit_code, err.empty() ? "" : ": ", err);
  if (s.out != want) return absl::StrCat("wrong output: ", gb::FirstDifference(s.out, want));
  return "";
}

// Everything one benchmark needs to run under one implementation.
struct Plan {
  bool available = false;
  std::string why;  // when !available
  std::vector<std::string> argv;
  // gccgo end to end: compiled first, each repetition (timed together with argv).
  std::vector<std::string> compile_argv;
  std::vector<std::string> env;  // added to the environment (gojit: `// gojit-env:`)
  // Mode::kEdit: argv runs edit_path, rewritten from edit_program with a new
  // editStamp before each timed run.
  std::string edit_path, edit_program;
};

struct Driver {
  std::string gojit, go, gccgo, workdir, bench_dir;
  int timeout_s = 120;
  bool quick = false;
  // The last editStamp written (Mode::kEdit); starts from the clock so that no
  // earlier run of the driver has compiled the same edit.
  long edit_stamp = static_cast<long>(std::time(nullptr)) * 1000;
  std::chrono::seconds Timeout() const { return std::chrono::seconds(timeout_s); }

  // Builds gc's and gccgo's binaries (untimed) and says how each implementation runs
  // `b`. In quick mode *want becomes gc's output on the quick size.
  void Prepare(const Benchmark& b, Plan plans[gb::kNumImpls], Result* r,
               std::string* want) {
    std::vector<std::string> args;
    if (quick) args.push_back(b.quick_arg);
    else if (!b.arg.empty()) args.push_back(b.arg);
    // A variant (NAME_SUFFIX) runs the program of its base name.
    std::string file = b.path.substr(b.path.rfind('/') + 1);
    const bool e2e = b.mode == gb::Mode::kEndToEnd;
    const bool edit = b.mode == gb::Mode::kEdit;
    std::string edit_program;
    if (edit) {
      // Both run an edited copy in the work directory, first as it is (untimed,
      // warming gojit's cache and gc's build cache), then edited before each run.
      std::optional<std::string> text = gb::ReadFile(b.path);
      std::string first = text ? gb::WithEditStamp(*text, edit_stamp) : "";
      file = absl::StrCat(workdir, "/", b.name, "_edit.go");
      if (first.empty() || !gb::WriteFile(file, first)) {
        for (int i : {gb::kGojit, gb::kGc}) {
          r->series[i].available = true;
          r->series[i].failure = first.empty() ? "no `var editStamp = N` line to edit"
                                               : "cannot write the edited copy";
        }
        return;
      }
      edit_program = *text;
    }

    // gojit: `--time` reports the JIT'd program's own time (Sample::program_s). The
    // program cache is warmed by one untimed run at the quick size (the cache key
    // does not depend on arguments), as gc's binary is built before it is timed.
    Plan& jit = plans[gb::kGojit];
    jit.available = true;
    jit.env = b.gojit_env;
    jit.argv = {gojit, "run", "--time"};
    jit.argv.insert(jit.argv.end(), b.gojit_flags.begin(), b.gojit_flags.end());
    jit.argv.push_back(file);
    std::vector<std::string> warm = jit.argv;
    // What follows the .go file is the program's, as with go run.
    jit.argv.insert(jit.argv.end(), args.begin(), args.end());
    warm.push_back(b.quick_arg);
    gb::RunMeasured(warm, bench_dir, Timeout(), jit.env);
    if (edit) {
      jit.edit_path = file;
      jit.edit_program = edit_program;
    }

    if (go.empty()) {
      plans[gb::kGc].why = "go is not installed";
    } else {
      std::string bin = absl::StrCat(workdir, "/", b.name, ".gc");
      Sample build =
          gb::RunMeasured({go, "build", "-o", bin, file}, bench_dir, Timeout());
      if (build.exit_code != 0 || build.timed_out) {
        plans[gb::kGc].why = absl::StrCat("go build failed: ", FirstLine(build.err));
      } else {
        plans[gb::kGc].available = true;
        plans[gb::kGc].argv = {bin};
        if ((e2e || edit) && !quick) {
          plans[gb::kGc].argv = {go, "run", file};
          gb::RunMeasured(plans[gb::kGc].argv, bench_dir, Timeout());  // warm the cache
        }
        if (edit && !quick) {
          plans[gb::kGc].edit_path = file;
          plans[gb::kGc].edit_program = edit_program;
        }
        plans[gb::kGc].argv.insert(plans[gb::kGc].argv.end(), args.begin(), args.end());
      }
    }
    if (quick) {
      plans[gb::kGccgo].why = "skipped by --quick";
      *want = "";
      if (plans[gb::kGc].available) {
        Sample ref = gb::RunMeasured(plans[gb::kGc].argv, bench_dir, Timeout());
        std::string v = Verdict(ref, ref.out, timeout_s);
        if (v.empty()) {
          *want = ref.out;
        } else {
          r->series[gb::kGc].available = true;
          r->series[gb::kGc].failure = v;
        }
      }
    } else if (edit) {
      plans[gb::kGccgo].why = "edit-run is measured beside gc's go run only";
    } else if (gccgo.empty()) {
      plans[gb::kGccgo].why = "gccgo is not installed";
    } else {
      std::string bin = absl::StrCat(workdir, "/", b.name, ".gccgo");
      std::vector<std::string> compile = {gccgo, "-O2", "-o", bin, file};
      Sample build = gb::RunMeasured(compile, bench_dir, Timeout());
      if (build.exit_code != 0 || build.timed_out) {
        plans[gb::kGccgo].why = absl::StrCat("gccgo cannot compile it: ", FirstLine(build.err));
      } else {
        plans[gb::kGccgo].available = true;
        plans[gb::kGccgo].argv = {bin};
        plans[gb::kGccgo].argv.insert(plans[gb::kGccgo].argv.end(), args.begin(), args.end());
        if (e2e) plans[gb::kGccgo].compile_argv = compile;
      }
    }
    for (int i = 0; i < gb::kNumImpls; ++i) {
      if (!r->series[i].failure.empty()) continue;
      r->series[i].available = plans[i].available;
      r->series[i].why = plans[i].why;
    }
  }

  // One timed run of `plan`.
  Sample Measure(const Plan& plan) {
    if (!plan.edit_path.empty()) {
      Sample failed;
      failed.spawn_failed = !gb::WriteFile(plan.edit_path, gb::WithEditStamp(plan.edit_program, ++edit_stamp));
      if (failed.spawn_failed) return failed;
    }
    if (plan.compile_argv.empty()) return gb::RunMeasured(plan.argv, bench_dir, Timeout(), plan.env);
    Sample s = gb::RunMeasured(plan.compile_argv, bench_dir, Timeout());
    if (s.exit_code != 0 || s.timed_out || s.spawn_failed) return s;
    gb::Accumulate(s, gb::RunMeasured(plan.argv, bench_dir, Timeout()));
    return s;
  }

  Result Run(const Benchmark& b, int reps) {
    Result r;
    r.bench = &b;
    Plan plans[gb::kNumImpls];
    std::string want = b.expected;
    Prepare(b, plans, &r, &want);
    if (!quick && !b.has_expected) {
      for (Series& s : r.series)
        if (s.available) s.failure = "no " + b.name + ".out (generate it with go run)";
      return r;
    }
    for (int rep = 0; rep < reps; ++rep) {
      for (int i = 0; i < gb::kNumImpls; ++i) {
        Series& s = r.series[i];
        if (!s.available || !s.failure.empty()) continue;
        Sample sample = Measure(plans[i]);
        if (i == gb::kGojit) sample.program_s = gb::ProgramSeconds(sample.err);
        sample.longest_pause_ms = gb::LongestPauseMs(sample.err);
        std::string v = Verdict(sample, want, timeout_s);
        std::fprintf(stderr, "  %-12s rep %d/%d  %-5s  %7.3f s  %6.0f MiB  %s\n",
                     b.name.c_str(), rep + 1, reps, kImplName[i], sample.wall_s,
                     sample.max_rss_kib / 1024.0, v.empty() ? "ok" : v.c_str());
        if (!v.empty()) {
          s.failure = v;
          s.samples.clear();
        } else {
          s.samples.push_back(std::move(sample));
        }
      }
    }
    return r;
  }
};

std::string MakeWorkdir() {
  std::string flag = absl::GetFlag(FLAGS_workdir);
  if (!flag.empty()) {
    mkdir(flag.c_str(), 0755);
    return flag;
  }
  const char* tmp = std::getenv("TMPDIR");
  std::string tmpl = absl::StrCat(tmp && *tmp ? tmp : "/tmp", "/gojit-bench-XXXXXX");
  if (mkdtemp(tmpl.data()) == nullptr) return "";
  return tmpl;
}

void RemoveWorkdir(const std::string& dir) {
  if (!absl::GetFlag(FLAGS_workdir).empty() || dir.empty()) return;
  gb::RunMeasured({"rm", "-rf", dir}, "", std::chrono::seconds(30));
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "gojit-bench measures gojit against gc and gccgo on testdata/bench/.\n"
      "  gojit-bench [--reps=N] [--only=a,b] [--markdown=FILE] [--svg=FILE]\n"
      "  gojit-bench --list | --quick | --write_compile2k=FILE | --write_bigloop4k=FILE");
  std::vector<char*> rest = absl::ParseCommandLine(argc, argv);
  if (rest.size() > 1) {
    std::fprintf(stderr, "gojit-bench: unexpected argument %s\n", rest[1]);
    return 1;
  }
  auto start = std::chrono::steady_clock::now();

  if (std::string path = absl::GetFlag(FLAGS_write_compile2k); !path.empty()) {
    if (!gb::WriteFile(path, gb::GenerateCompileProgram(kCompileLines))) {
      std::fprintf(stderr, "gojit-bench: cannot write %s\n", path.c_str());
      return 1;
    }
    return 0;
  }
  if (std::string path = absl::GetFlag(FLAGS_write_bigloop4k); !path.empty()) {
    if (!gb::WriteFile(path, gb::GenerateBigLoopProgram(kBigLoopStatements))) {
      std::fprintf(stderr, "gojit-bench: cannot write %s\n", path.c_str());
      return 1;
    }
    return 0;
  }

  Driver d;
  d.bench_dir = absl::GetFlag(FLAGS_bench_dir);
  std::string error;
  std::vector<Benchmark> suite = gb::LoadSuite(d.bench_dir, &error);
  if (!error.empty()) {
    std::fprintf(stderr, "gojit-bench: %s\n", error.c_str());
    return 1;
  }
  if (absl::GetFlag(FLAGS_list)) {
    for (const Benchmark& b : suite)
      std::printf("%-14s %s%s\n", b.name.c_str(),
                  b.mode == gb::Mode::kEndToEnd ? "(e2e) "
                  : b.mode == gb::Mode::kEdit   ? "(edit) "
                                                : "",
                  b.purpose.c_str());
    return 0;
  }
  std::vector<std::string> only = absl::GetFlag(FLAGS_only);
  if (!only.empty()) {
    std::vector<Benchmark> chosen;
    for (const std::string& name : only) {
      auto it = std::find_if(suite.begin(), suite.end(),
                             [&](const Benchmark& b) { return b.name == name; });
      if (it == suite.end()) {
        std::fprintf(stderr, "gojit-bench: no benchmark %s (see --list)\n", name.c_str());
        return 1;
      }
      chosen.push_back(*it);
    }
    suite = std::move(chosen);
  }

  d.quick = absl::GetFlag(FLAGS_quick);
  d.timeout_s = absl::GetFlag(FLAGS_timeout);
  d.gojit = absl::GetFlag(FLAGS_gojit);
  d.go = FindOnPath(absl::GetFlag(FLAGS_go));
  d.gccgo = FindOnPath(absl::GetFlag(FLAGS_gccgo));
  if (access(d.gojit.c_str(), X_OK) != 0) {
    std::fprintf(stderr, "gojit-bench: no gojit binary at %s\n", d.gojit.c_str());
    return 1;
  }
  if (d.go.empty() && d.quick) {
    std::fprintf(stderr, "gojit-bench: %s not found; nothing to compare with\n",
                 absl::GetFlag(FLAGS_go).c_str());
    return kExitNoGo;
  }
  d.workdir = MakeWorkdir();
  if (d.workdir.empty()) {
    std::fprintf(stderr, "gojit-bench: cannot create a work directory\n");
    return 1;
  }
  // gojit's program cache lives in the work directory: each bench run starts cold
  // and leaves the user's cache alone.
  setenv("GOJITCACHE", absl::StrCat(d.workdir, "/gojit-cache").c_str(), 1);

  gb::Environment env;
  env.machine = Machine();
  env.date = UtcNow();
  env.gojit_version = VersionOf({d.gojit, "version"});
  env.go_version = d.go.empty() ? "go: not installed" : VersionOf({d.go, "version"});
  env.gccgo_version =
      d.gccgo.empty() ? "gccgo: not installed" : VersionOf({d.gccgo, "--version"});
  env.reps = std::max(1, absl::GetFlag(FLAGS_reps));
  env.quick = d.quick;
  std::fprintf(stderr, "%s\n%s · %s · %s\n", env.machine.c_str(), env.gojit_version.c_str(),
               env.go_version.c_str(), env.gccgo_version.c_str());

  std::vector<Result> results;
  for (const Benchmark& b : suite) {
    if (d.quick && !b.arg.empty()) continue;  // a size variant: the quick size is its base's
    std::fprintf(stderr, "%s\n", b.name.c_str());
    results.push_back(d.Run(b, b.max_reps > 0 ? std::min(env.reps, b.max_reps) : env.reps));
  }
  RemoveWorkdir(d.workdir);
  // Results point into `suite`, which no longer changes.
  env.total_wall_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::printf("%s", gb::TextTable(results).c_str());
  int failures = 0;
  for (const Result& r : results) {
    for (int i = 0; i < gb::kNumImpls; ++i) {
      const Series& s = r.series[i];
      if (s.failure.empty()) continue;
      ++failures;
      std::printf("FAILURE %s under %s: %s\n", r.bench->name.c_str(), kImplName[i],
                  s.failure.c_str());
    }
  }
  std::printf("total wall time: %.1f s\n", env.total_wall_s);
  if (std::string md = absl::GetFlag(FLAGS_markdown); !md.empty()) {
    if (!gb::WriteFile(md, gb::MarkdownReport(env, results)))
      std::fprintf(stderr, "gojit-bench: cannot write %s\n", md.c_str());
  }
  if (std::string svg = absl::GetFlag(FLAGS_svg); !svg.empty()) {
    if (!gb::WriteFile(svg, gb::SvgChart(env, results)))
      std::fprintf(stderr, "gojit-bench: cannot write %s\n", svg.c_str());
  }
  return failures == 0 ? 0 : 1;
}
