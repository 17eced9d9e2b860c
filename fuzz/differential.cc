// gojit-difffuzz: a differential accept/reject fuzzer of gojit's front end against the
// reference Go compiler. It mutates programs of Go's own test tree ($GOROOT/test) and
// asks both compilers whether each mutant is a valid Go package; any disagreement is a
// bug in one of them, almost always gojit's (gc is the reference): an invalid program
// gojit accepts, a valid one it rejects. A gojit crash or hang is a finding whatever gc
// says.
//
//   gojit-difffuzz --seed=1 --mutants=300             check 300 mutants
//   gojit-difffuzz --seed=7 --mutants=20000 --out=f/  long run, findings kept in f/
//   gojit-difffuzz --filter=typeparam/                mutate only these seeds
//
// The pipeline, per mutant i of a run:
//   1. seed choice: the eligible test files (below) sorted by a hash of (--seed, path);
//      mutants i*k .. i*k+k-1 share seed file i (k = --mutants_per_seed), so each seed
//      file's baseline is paid once for k mutants;
//   2. baseline: the unmutated seed through both compilers, once per seed file. A seed
//      on which they already disagree is itself a finding (key `seed PATH`) and is not
//      mutated: its mutants would all repeat the same disagreement. A seed gojit needs
//      more than --slow_seed seconds for is not mutated either (gojit checks the
//      standard packages a program imports from source on every build: `os` and
//      `strings` cost 1.5 s, net/http 10 s, fmt and runtime nothing, being gojit's
//      own); that choice depends on timing, so --slow_seed=0, which mutates every
//      seed, is the deterministic setting (the smoke test's);
//   3. mutation: go_mutator.h, seeded from (--seed, i), 1-3 edits; a mutant whose text
//      was already checked in this run is dropped;
//   4. the two verdicts, each under --timeout (gojit's, for a mutant, plus three times
//      what it took on the seed):
//        gojit: `gojit build --goroot=G prog.go` with GOJITCACHE=off. `build` checks and
//          compiles the package and runs nothing, so exit 0 = accepted, 1 = rejected
//          with diagnostics; anything else (a signal, exit 2, the timeout) is a crash
//          or a hang. It reports a main package without func main, as `go build` does.
//        gc: `$GOTOOLDIR/compile -p main|command-line-arguments -lang=goX.Y -complete
//          -nolocalimports -c=1 -importcfg CFG -pack prog.go`, the command `go build`
//          runs for the package, with an importcfg of all of std (made once, cached in
//          --workdir). compile does not link, so "function main is undeclared in the
//          main package", the linker's error, is added here: a main package that gc
//          accepts but that declares no top-level func main counts as rejected with
//          that message. That is `go build`'s and `go run`'s verdict, which is the one
//          gojit (`gojit run`, `gojit build`) implements.
//   5. compare; a finding is printed on one line and, with --out, kept as
//      OUT/HASH.go (the mutant, byte for byte) and OUT/HASH.txt (seed, edits, both
//      outputs).
//
// Seeds: the files of test/, fixedbugs/, typeparam/, ken/, chan/ and interface/ whose
// action line is run, compile, build, errorcheck or runoutput, whose build constraints
// hold on linux/amd64 (conformance_parse.h's rules), with no compiler flags that
// change the language (-lang, -goexperiment, -+, -std, -u), of at most --max_seed_bytes,
// and importing only packages of the importcfg (std, less internal/ and vendor/ ones,
// which a program outside std may not import).
//
// Known disagreements (--known, default fuzz/differential_known.txt): one per line,
// `KIND KEY REASON`, '#' starting a comment line. KIND and KEY:
//   hash HEX            this exact mutant text (TextHash)
//   seed PATH           the baseline of this seed file (PATH relative to test/)
//   gc "TEXT"           gojit accepts, gc rejects with a message containing TEXT
//   gojit "TEXT"        gc accepts, gojit rejects with a message containing TEXT
//   crash "TEXT"        gojit crashes or hangs and its output contains TEXT
// The message patterns let one line cover every mutant of one root cause. REASON is
// free text and required. A finding no line covers is new.
//
// Exit codes: 0 no new finding; 1 a new finding (or bad usage, or no seed); 77 no `go`
// on PATH or no $GOROOT/test (ctest reports the test as skipped).
//
// Not done: minimising a finding (done by hand: the edits are listed), programs of more
// than one file, and checking the messages themselves (only accept/reject is compared;
// gojit-conformance scores messages against the ERROR comments).

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/flags/usage_config.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/synchronization/mutex.h"
#include "cmd/conformance_parse.h"
#include "cmd/conformance_run.h"
#include "fuzz/differential_report.h"
#include "fuzz/go_mutator.h"
#include "testdata/harness.h"

ABSL_FLAG(uint64_t, seed, 1, "the run's random seed: same seed, same mutants");
ABSL_FLAG(int, mutants, 300, "how many mutants to generate");
ABSL_FLAG(int, mutants_per_seed, 4, "consecutive mutants drawn from one seed file");
ABSL_FLAG(int, jobs, 2, "mutants checked in parallel");
ABSL_FLAG(int, timeout, 10, "seconds allowed to each compiler on each program");
ABSL_FLAG(double, slow_seed, 2.5,
          "skip seed files whose unmutated check takes gojit longer than this (seconds; "
          "0: skip none, which makes the set of mutants checked independent of timing)");
ABSL_FLAG(int, max_seed_bytes, 20000, "skip seed files larger than this");
ABSL_FLAG(std::string, filter, "", "use only seed files whose path contains this text");
ABSL_FLAG(std::string, goroot, "", "the Go tree whose test/ is mutated (default: `go env GOROOT`)");
ABSL_FLAG(std::string, go, "go", "the go command (the reference compiler's toolchain)");
ABSL_FLAG(std::string, gojit, GOJIT_BINARY, "the gojit binary under test");
ABSL_FLAG(std::string, out, "", "write each finding here as HASH.go and HASH.txt");
ABSL_FLAG(std::string, known, GOJIT_SOURCE_DIR "/fuzz/differential_known.txt",
          "the known disagreements (empty: none)");
ABSL_FLAG(std::string, workdir, GOJIT_DIFFFUZZ_WORKDIR,
          "where the std importcfg is cached between runs");
ABSL_FLAG(std::string, tmpdir, "", "where the scratch directory goes (default $TMPDIR or /tmp)");
ABSL_FLAG(bool, seeds_only, false,
          "check every seed file unmutated (their baselines) and nothing else");
ABSL_FLAG(int, progress, 0, "print the tally every N mutants (0: only at the end)");
ABSL_FLAG(bool, verbose, false, "print every mutant's verdicts, not only findings");

namespace gojit::difffuzz {
namespace {

namespace fs = std::filesystem;
using testdata::ProcessResult;
using testdata::RunProcess;

// Runs a command to completion and returns its stdout with the trailing newline
// removed; empty on failure.
std::string CommandOutput(const std::vector<std::string>& argv, int timeout_s = 60) {
  ProcessResult r = RunProcess(argv, "", std::chrono::seconds(timeout_s));
  if (r.spawn_failed || r.timed_out || r.exit_code != 0) return "";
  return std::string(absl::StripTrailingAsciiWhitespace(r.out));
}

// --- the reference toolchain -------------------------------------------------------

struct Toolchain {
  std::string go;         // the go command, resolved
  std::string goroot;     // $GOROOT
  std::string compile;    // $GOTOOLDIR/compile
  std::string version;    // "go1.26.8"
  std::string lang;       // "go1.26"
  std::string importcfg;  // path of the std importcfg
  std::set<std::string> packages;  // import paths the importcfg lists, and "unsafe"
};

// Reads an importcfg, checking that every export file it names still exists (Go's
// build cache trims files unused for days). Returns the import paths; empty if stale.
std::set<std::string> ReadImportcfg(const std::string& path) {
  std::set<std::string> packages;
  std::optional<std::string> text = testdata::ReadFile(path);
  if (!text) return {};
  for (absl::string_view line : absl::StrSplit(*text, '\n', absl::SkipEmpty())) {
    if (!absl::ConsumePrefix(&line, "packagefile ")) continue;
    std::pair<std::string, std::string> kv = absl::StrSplit(line, absl::MaxSplits('=', 1));
    if (!fs::exists(kv.second)) return {};
    packages.insert(kv.first);
  }
  return packages;
}

// Finds go, GOROOT, GOTOOLDIR and the version, and makes (or reuses) the importcfg.
// Returns false with a message when the toolchain is unusable.
bool SetUpToolchain(Toolchain& tc, std::string& why) {
  tc.go = absl::GetFlag(FLAGS_go);
  if (tc.go.find('/') == std::string::npos) tc.go = testdata::FindOnPath(tc.go);
  if (tc.go.empty() || access(tc.go.c_str(), X_OK) != 0) {
    why = "no go command (--go) on PATH";
    return false;
  }
  tc.goroot = absl::GetFlag(FLAGS_goroot);
  if (tc.goroot.empty()) tc.goroot = CommandOutput({tc.go, "env", "GOROOT"});
  std::string tooldir = CommandOutput({tc.go, "env", "GOTOOLDIR"});
  tc.version = CommandOutput({tc.go, "env", "GOVERSION"});
  tc.compile = tooldir + "/compile";
  std::vector<std::string> parts = absl::StrSplit(tc.version, '.');
  if (tc.goroot.empty() || tooldir.empty() || parts.size() < 2) {
    why = "`go env` failed";
    return false;
  }
  tc.lang = parts[0] + "." + parts[1];
  // Cached per Go version; `go list -export` builds all of std the first time
  // (minutes on two cores), then answers from Go's build cache in about a second.
  std::string dir = absl::GetFlag(FLAGS_workdir);
  fs::create_directories(dir);
  tc.importcfg = dir + "/importcfg-" + tc.version;
  tc.packages = ReadImportcfg(tc.importcfg);
  if (tc.packages.empty()) {
    std::fprintf(stderr, "difffuzz: building std's export data for %s (once)...\n",
                 tc.version.c_str());
    std::string cfg = CommandOutput(
        {tc.go, "list", "-export", "-f",
         "{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}", "-deps", "std"},
        1800);
    std::ofstream(tc.importcfg) << cfg << "\n";
    tc.packages = ReadImportcfg(tc.importcfg);
    if (tc.packages.empty()) {
      why = "`go list -export std` failed";
      return false;
    }
  }
  tc.packages.insert("unsafe");
  return true;
}

// --- seeds -------------------------------------------------------------------------

struct Seed {
  std::string rel;      // relative to $GOROOT/test: "fixedbugs/issue1234.go"
  std::string text;
  std::string package;  // the package clause's name
};

// Why a test file is not a seed; empty when it is one.
std::string SeedRejection(const std::string& text, const Toolchain& tc) {
  if (static_cast<int>(text.size()) > absl::GetFlag(FLAGS_max_seed_bytes)) return "size";
  conformance::Header h = conformance::ParseHeader(text);
  if (!h.build_ok) return "constraint";
  static const std::set<std::string> kActions = {"run", "compile", "build", "errorcheck",
                                                 "runoutput"};
  if (!kActions.count(h.action)) return "action";
  for (const std::string& f : h.flags) {
    for (const char* bad : {"-lang", "-goexperiment", "-+", "-std", "-u", "-compiling"}) {
      if (absl::StartsWith(f, bad)) return "flags";
    }
  }
  for (const std::string& imp : conformance::ScanImports(text)) {
    if (!tc.packages.count(imp) || absl::StrContains(imp, "internal") ||
        absl::StartsWith(imp, "vendor/")) {
      return "import";
    }
  }
  return "";
}

std::vector<Seed> FindSeeds(const Toolchain& tc, uint64_t run_seed) {
  std::vector<Seed> seeds;
  std::string filter = absl::GetFlag(FLAGS_filter);
  for (const std::string& dir : conformance::kTestDirs) {
    std::string abs_dir = tc.goroot + "/test/" + dir;
    for (const std::string& name : testdata::ListDir(abs_dir, ".go")) {
      std::string rel = dir == "." ? name : dir + "/" + name;
      if (!filter.empty() && !absl::StrContains(rel, filter)) continue;
      std::optional<std::string> text = testdata::ReadFile(abs_dir + "/" + name);
      if (!text || !SeedRejection(*text, tc).empty()) continue;
      std::string package = PackageName(*text, Tokenize(*text));
      if (package.empty()) continue;
      seeds.push_back(Seed{rel, std::move(*text), package});
    }
  }
  // A shuffle that depends on the run seed and on each path only, so that adding a
  // file to Go's tree moves no other seed file.
  std::string salt = std::to_string(run_seed) + ":";
  std::sort(seeds.begin(), seeds.end(), [&](const Seed& a, const Seed& b) {
    return TextHash(salt + a.rel) < TextHash(salt + b.rel);
  });
  return seeds;
}

// --- the two checkers --------------------------------------------------------------

// Both verdicts on one source, written to DIR/prog.go. `seed_seconds`: what gojit
// took on the unmutated seed; a mutant gets --timeout plus three times that, so that
// a seed importing large packages does not make every mutant a "hang".
Verdicts CheckBoth(const Toolchain& tc, const std::string& gojit, const std::string& dir,
                   const std::string& source, const std::string& package,
                   double seed_seconds = 0) {
  std::ofstream(dir + "/prog.go") << source;
  auto timeout = std::chrono::milliseconds(
      static_cast<long>(1000 * (absl::GetFlag(FLAGS_timeout) + 3 * seed_seconds)));
  Verdicts v;

  auto t0 = std::chrono::steady_clock::now();
  ProcessResult j = RunProcess({gojit, "build", "--goroot=" + tc.goroot, "prog.go"}, dir,
                               timeout, {"GOJITCACHE=off"});
  v.gojit_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  v.gojit.output = j.out + j.err;
  v.gojit.exit_code = j.exit_code;
  v.gojit.verdict = j.timed_out            ? Verdict::kTimeout
                    : j.exit_code == 0     ? Verdict::kAccept
                    : j.exit_code == 1     ? Verdict::kReject
                                           : Verdict::kCrash;

  ProcessResult g = RunProcess(
      {tc.compile, "-o", "prog.a", "-p", package == "main" ? "main" : "command-line-arguments",
       "-lang=" + tc.lang, "-complete", "-nolocalimports", "-c=1", "-importcfg", tc.importcfg,
       "-pack", "./prog.go"},
      dir, timeout);
  v.gc.output = g.out + g.err;
  v.gc.exit_code = g.exit_code;
  if (g.timed_out) {
    v.gc.verdict = Verdict::kTimeout;
  } else if (g.exit_code > 128 || absl::StrContains(v.gc.output, "internal compiler error")) {
    v.gc.verdict = Verdict::kCrash;
  } else if (g.exit_code != 0) {
    v.gc.verdict = Verdict::kReject;
  } else if (package == "main" && !DeclaresFuncMain(source, Tokenize(source))) {
    // The linker's error (header, step 4): what `go build` would print.
    v.gc.verdict = Verdict::kReject;
    v.gc.output = "runtime.main_main·f: function main is undeclared in the main package\n";
  } else {
    v.gc.verdict = Verdict::kAccept;
  }
  fs::remove(dir + "/prog.a");
  return v;
}

// --- the run -----------------------------------------------------------------------

uint64_t MutantSeed(uint64_t run_seed, uint64_t index) {
  uint64_t z = run_seed * 0x9e3779b97f4a7c15ull + index + 1;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

// The unmutated seed's verdicts, and whether its mutants are checked.
struct Baseline {
  Verdicts verdicts;
  bool usable = false;
};

class Run {
 public:
  Run(const Toolchain& tc, std::vector<Seed> seeds, uint64_t run_seed, std::string gojit,
      std::string scratch, Report& report)
      : tc_(tc),
        run_seed_(run_seed),
        seeds_(std::move(seeds)),
        gojit_(std::move(gojit)),
        scratch_(std::move(scratch)),
        report_(report) {}

  void Go(int mutants, int jobs) {
    std::vector<std::thread> workers;
    for (int w = 0; w < jobs; ++w) {
      std::string dir = scratch_ + "/w" + std::to_string(w);
      fs::create_directories(dir);
      workers.emplace_back([this, dir, mutants] {
        for (int i; (i = next_.fetch_add(1)) < mutants;) CheckMutant(i, dir);
      });
    }
    for (std::thread& t : workers) t.join();
  }

  // --seeds_only: every seed's baseline, in order.
  void GoSeeds(int jobs) {
    std::vector<std::thread> workers;
    for (int w = 0; w < jobs; ++w) {
      std::string dir = scratch_ + "/w" + std::to_string(w);
      fs::create_directories(dir);
      workers.emplace_back([this, dir] {
        for (size_t s; (s = static_cast<size_t>(next_.fetch_add(1))) < seeds_.size();) {
          BaselineOf(s, dir);
        }
      });
    }
    for (std::thread& t : workers) t.join();
  }

 private:
  // The baseline of seed `s`, computed by the first worker that needs it; the others
  // wait for that one's answer.
  const Baseline& BaselineOf(size_t s, const std::string& dir) {
    std::optional<std::promise<Baseline>> mine;
    std::shared_future<Baseline> answer;
    {
      absl::MutexLock lock(&mu_);
      auto [it, inserted] = baselines_.try_emplace(s);
      if (inserted) {
        mine.emplace();
        it->second = mine->get_future().share();
      }
      answer = it->second;
    }
    if (mine) mine->set_value(CheckBaseline(seeds_[s], dir));
    // The map keeps the shared state alive: the reference outlives this call.
    return answer.get();
  }

  Baseline CheckBaseline(const Seed& seed, const std::string& dir) {
    Baseline b;
    // A baseline gets six timeouts: a seed importing net/http takes gojit 10-20 s.
    b.verdicts = CheckBoth(tc_, gojit_, dir, seed.text, seed.package,
                           5.0 * absl::GetFlag(FLAGS_timeout) / 3);
    // Reported whatever its speed: the findings of a run do not depend on timing.
    std::optional<FindingKind> finding = report_.Add(seed.rel, true, {}, seed.text, b.verdicts);
    b.usable = !finding && (b.verdicts.gc.verdict == Verdict::kAccept ||
                            b.verdicts.gc.verdict == Verdict::kReject);
    double slow = absl::GetFlag(FLAGS_slow_seed);
    if (b.usable && slow > 0 && b.verdicts.gojit_seconds > slow) {
      report_.AddSlowSeed(seed.rel, b.verdicts.gojit_seconds);
      b.usable = false;
    }
    return b;
  }

  void CheckMutant(int i, const std::string& dir) {
    size_t s = (static_cast<size_t>(i) / std::max(1, absl::GetFlag(FLAGS_mutants_per_seed))) %
               seeds_.size();
    const Seed& seed = seeds_[s];
    const Baseline& baseline = BaselineOf(s, dir);
    if (!baseline.usable) {
      report_.AddSeedSkipped();
      return;
    }
    std::optional<Mutant> m = Mutate(seed.text, MutantSeed(run_seed_, i));
    if (!m) {
      report_.AddUnmutatable();
      return;
    }
    {
      absl::MutexLock lock(&mu_);
      if (!seen_.insert(TextHash(m->text)).second) {
        report_.AddDuplicate();
        return;
      }
    }
    report_.Add(seed.rel, false, m->edits, m->text,
                CheckBoth(tc_, gojit_, dir, m->text, seed.package,
                          baseline.verdicts.gojit_seconds));
    int done = done_.fetch_add(1) + 1;
    int every = absl::GetFlag(FLAGS_progress);
    if (every > 0 && done % every == 0) {
      double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
      std::fprintf(stderr, "--- after %d mutants\n%s", done, report_.TallyText(seconds).c_str());
    }
  }

  const Toolchain& tc_;
  const uint64_t run_seed_;
  const std::vector<Seed> seeds_;
  const std::string gojit_;
  const std::string scratch_;
  Report& report_;
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::atomic<int> next_{0};  // the next mutant index to check
  std::atomic<int> done_{0};  // mutants checked (for --progress)
  absl::Mutex mu_;
  // Invariant: a seed index is in baselines_ from the moment one worker starts its
  // baseline; the future is satisfied once that worker is done.
  std::map<size_t, std::shared_future<Baseline>> baselines_ ABSL_GUARDED_BY(mu_);
  std::set<std::string> seen_ ABSL_GUARDED_BY(mu_);  // hashes of checked mutant texts
};

// Makes a private scratch directory and copies the gojit binary into it: the build
// directory's binary may be relinked while a long run goes on, and a half-written
// binary would show up as crashes.
std::string MakeScratch(const std::string& gojit, std::string& copy) {
  std::string base = absl::GetFlag(FLAGS_tmpdir);
  if (base.empty()) base = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
  std::string pattern = base + "/gojit-difffuzz.XXXXXX";
  if (!mkdtemp(pattern.data())) return "";
  copy = pattern + "/gojit";
  std::error_code ec;
  fs::copy_file(gojit, copy, ec);
  if (ec) {
    fs::remove_all(pattern, ec);
    return "";
  }
  return pattern;
}

int Main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "differential accept/reject fuzzing of gojit's checker against gc over mutated "
      "programs of $GOROOT/test; see the top of fuzz/differential.cc");
  // --help lists the flags of this file (abseil's default wants a file named after
  // the binary).
  absl::FlagsUsageConfig usage;
  usage.contains_help_flags = [](absl::string_view file) {
    return absl::StrContains(file, "fuzz/differential");
  };
  absl::SetFlagsUsageConfig(usage);
  std::vector<char*> rest = absl::ParseCommandLine(argc, argv);
  if (rest.size() > 1) {
    std::fprintf(stderr, "difffuzz: unexpected argument %s\n", rest[1]);
    return 1;
  }
  Toolchain tc;
  std::string why;
  if (!SetUpToolchain(tc, why)) {
    std::fprintf(stderr, "difffuzz: SKIP: %s\n", why.c_str());
    return 77;
  }
  if (!fs::is_directory(tc.goroot + "/test")) {
    std::fprintf(stderr, "difffuzz: SKIP: no %s/test\n", tc.goroot.c_str());
    return 77;
  }
  std::optional<KnownList> known = KnownList::Load(absl::GetFlag(FLAGS_known), why);
  if (!known) {
    std::fprintf(stderr, "difffuzz: %s\n", why.c_str());
    return 1;
  }
  std::string out = absl::GetFlag(FLAGS_out);
  if (!out.empty()) fs::create_directories(out);
  uint64_t run_seed = absl::GetFlag(FLAGS_seed);
  std::vector<Seed> seeds = FindSeeds(tc, run_seed);
  if (seeds.empty()) {
    std::fprintf(stderr, "difffuzz: no seed file in %s/test\n", tc.goroot.c_str());
    return 1;
  }
  std::string gojit;  // the private copy
  std::string scratch = MakeScratch(absl::GetFlag(FLAGS_gojit), gojit);
  if (scratch.empty()) {
    std::fprintf(stderr, "difffuzz: cannot copy %s into a scratch directory\n",
                 absl::GetFlag(FLAGS_gojit).c_str());
    return 1;
  }
  int mutants = absl::GetFlag(FLAGS_mutants);
  std::printf("difffuzz: %zu seed files, %d mutants, seed %llu, %s, jobs %d\n", seeds.size(),
              mutants, static_cast<unsigned long long>(run_seed), tc.version.c_str(),
              absl::GetFlag(FLAGS_jobs));
  std::fflush(stdout);

  Report report(std::move(*known), out, absl::GetFlag(FLAGS_verbose));
  auto start = std::chrono::steady_clock::now();
  Run run(tc, std::move(seeds), run_seed, gojit, scratch, report);
  if (absl::GetFlag(FLAGS_seeds_only)) {
    run.GoSeeds(std::max(1, absl::GetFlag(FLAGS_jobs)));
  } else {
    run.Go(mutants, std::max(1, absl::GetFlag(FLAGS_jobs)));
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%s", report.TallyText(seconds).c_str());
  std::error_code ec;
  fs::remove_all(scratch, ec);
  if (report.HasNewFindings()) {
    std::printf("difffuzz: FAIL: new findings (once understood, list them in --known=%s)\n",
                absl::GetFlag(FLAGS_known).c_str());
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace gojit::difffuzz

int main(int argc, char** argv) { return gojit::difffuzz::Main(argc, argv); }
