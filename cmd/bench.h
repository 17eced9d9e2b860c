// cmd/bench.h: the pieces of gojit-bench, the benchmark driver that runs the programs
// of testdata/bench/ under gojit, gc (`go build`, or `go run` end to end) and
// `gccgo-12 -O2`, and reports medians and ratios.
//
// Split by concept: bench_proc.cc runs one process and measures it (fork/exec/wait4,
// wall clock, rusage, timeout); bench_suite.cc finds and describes the programs and
// generates the 2,000-line compile-time program; bench_report.cc summarises the
// samples and writes the Markdown table and the SVG chart. bench.cc is the command.
//
// It links no gojit library: gojit is measured through its command line, as a user
// runs it. Nothing here asserts a speed; the only verdicts are about correctness (a
// run whose stdout differs from the reference is a failure, never a time).

#ifndef GOJIT_CMD_BENCH_H_
#define GOJIT_CMD_BENCH_H_

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace gojit::bench {

// --- bench_proc.cc: one measured process --------------------------------------------

// What one child process did and cost.
struct Sample {
  double wall_s = 0;       // fork to reaping, CLOCK_MONOTONIC
  double cpu_s = 0;        // ru_utime + ru_stime of wait4 (includes reaped descendants)
  long max_rss_kib = 0;    // ru_maxrss of wait4 (the largest of the child and its reaped
                           // descendants, as the kernel keeps it)
  int exit_code = -1;      // exit status, or 128+signal when killed
  bool timed_out = false;  // killed (whole process group) at the deadline
  bool spawn_failed = false;
  std::string out;  // stdout
  std::string err;  // stderr, kept to explain failures (truncated to 64 KiB)
  // gojit only: the run phase of `gojit run --time` (the JIT'd program itself, from
  // its entry to exit, without loading, compiling or linking it).
  std::optional<double> program_s;
  // The longest garbage-collection pause the program reported itself, in
  // milliseconds: a "bench: longest-gc-pause-ns N" line on stderr, N the largest
  // runtime.MemStats.PauseNs entry (one cycle's stop-the-world time in all), the
  // same measure under every implementation.
  std::optional<double> longest_pause_ms;
};

// Runs argv (argv[0] searched on PATH when it has no '/') in directory `cwd`, stdin
// from /dev/null, stdout and stderr captured, in its own process group; kills the
// group with SIGKILL after `timeout`. Measures with fork/exec + wait4 directly.
// `env` entries ("KEY=VALUE") are added to, or override, the inherited environment.
Sample RunMeasured(const std::vector<std::string>& argv, const std::string& cwd,
                   std::chrono::milliseconds timeout, const std::vector<std::string>& env = {});

// The run phase from the "gojit: time: ..." line `gojit run --time` writes to
// stderr, or nullopt when there is none.
std::optional<double> ProgramSeconds(const std::string& err);

// The "bench: longest-gc-pause-ns N" line of a program's stderr (Sample::
// longest_pause_ms), in milliseconds, or nullopt when there is none.
std::optional<double> LongestPauseMs(const std::string& err);

// Adds b's cost to a (a compile followed by a run, counted as one end-to-end sample):
// wall and CPU add, peak RSS is the larger; b's status and output win if a succeeded.
void Accumulate(Sample& a, const Sample& b);

// --- bench_suite.cc: the programs -----------------------------------------------------

// How the reference side of a benchmark is run.
enum class Mode {
  kBinary,  // gc: `go build` once, then time the binary; gccgo: compile once, time it
  kEndToEnd,  // gc: time `go run file.go`; gccgo: time compile + run; gojit: as always
  // Edit-run: before every timed run the program's `var editStamp = N` line gets a
  // number never used before (a one-line change to main), and the edited copy is
  // run: gc: `go run` with a warm build cache; gojit: `gojit run` with a warm
  // cache; gccgo: not measured.
  kEdit,
};

// The line a `mode: edit` program must have, whose number the driver changes.
inline constexpr char kEditStampPrefix[] = "var editStamp = ";

// The program text with its editStamp line given `stamp`; "" if it has no such line.
std::string WithEditStamp(const std::string& program, long stamp);

// One program of testdata/bench/, described by its header comment:
//   // bench: PURPOSE (may continue on further `//` lines)
//   // quick: ARG          the size argument used by --quick
//   // mode: e2e           (optional) measured end to end
//   // mode: edit          (optional) measured as edit-run (Mode::kEdit)
//   // variant: SUFFIX FLAGS...        (optional) see gojit_flags
//   // size-variant: SUFFIX ARG [REPS] (optional) see size_variants
//   // gojit-env: KEY=VALUE...      (optional) environment of the gojit runs
struct Benchmark {
  std::string name;     // file stem: "fib"
  std::string path;     // absolute path of the .go file
  std::string purpose;  // the `bench:` text, joined into one line
  std::string quick_arg;
  Mode mode = Mode::kBinary;
  std::string expected;  // contents of NAME.out (the real go's stdout); "" if missing
  bool has_expected = false;
  // Extra `gojit run` flags: a `// variant: SUFFIX FLAGS...` header line makes a
  // second benchmark NAME_SUFFIX of the same program run with FLAGS (gc and gccgo
  // run it unchanged), e.g. the cost of --safepoints=loops.
  std::vector<std::string> gojit_flags;
  // Environment for gojit's runs (`// gojit-env:`), e.g. GOJITCACHE=off for the
  // compile-time benchmark, which would otherwise time a program cache hit.
  std::vector<std::string> gojit_env;
  std::vector<std::pair<std::string, std::vector<std::string>>> variants;
  // A size variant: a `// size-variant: SUFFIX ARG [REPS]` header line makes a
  // benchmark NAME_SUFFIX that runs the program with the size argument ARG under
  // every implementation (expected output: NAME_SUFFIX.out), at most REPS times when
  // given (a size that would make the whole run too long); --quick skips it.
  struct SizeVariant {
    std::string suffix, arg;
    int max_reps = 0;
  };
  std::vector<SizeVariant> size_variants;
  std::string arg;   // a size variant's ARG
  int max_reps = 0;  // a size variant's REPS; 0: --reps
};

// The benchmarks of `dir`, in the report's order (kOrder in bench_suite.cc, then any
// others by name). Sets *error when the directory cannot be read or a header is bad.
std::vector<Benchmark> LoadSuite(const std::string& dir, std::string* error);

// The deterministic 2,000-line program of compile2k.go: many small functions of a
// dozen shapes (arithmetic, loops, switches, structs and methods, closures, strings,
// slices, maps), each called once from main, which prints a checksum. `lines` is
// the target size; the result is within a few lines above it.
std::string GenerateCompileProgram(int lines);

// The deterministic program of bigloop4k.go: main is one loop whose body has
// `statements` statements (slice loads and stores, branches, shifts, parallel
// assignments over two variables), which prints the two. It measures what is
// superlinear in a function's size in the compile pipeline.
std::string GenerateBigLoopProgram(int statements);

// --- bench_report.cc: summaries and output -------------------------------------------

// The samples of one benchmark under one implementation.
struct Series {
  bool available = false;   // false: not run (n/a), see `why`
  std::string why;          // n/a reason, e.g. "gccgo cannot compile it"
  std::string failure;      // non-empty: some run failed; the first failure's text
  std::vector<Sample> samples;  // successful runs only

  std::optional<double> MedianWall() const;
  std::optional<double> MedianCpu() const;
  std::optional<double> MedianRssMiB() const;
  std::optional<double> MedianProgram() const;  // gojit: median of program_s
  std::optional<double> MedianPauseMs() const;  // median of longest_pause_ms
  // A short cell: "1.23 s", "FAILURE (wrong output)", "n/a".
  std::string WallCell() const;
};

enum Impl { kGojit = 0, kGc = 1, kGccgo = 2, kNumImpls = 3 };

struct Result {
  const Benchmark* bench = nullptr;
  Series series[kNumImpls];
  // gojit median / other median, when both exist and neither failed.
  std::optional<double> Ratio(Impl other) const;
  // gojit's JIT'd code alone (median run phase) / gc's binary (median wall), for
  // benchmarks that time gc's binary; nullopt otherwise.
  std::optional<double> CodeRatio() const;
};

// The environment a report states.
struct Environment {
  std::string machine;  // "Intel(R) Xeon(R) Processor, 2 cores (nproc)"
  std::string date;     // UTC, ISO 8601
  std::string gojit_version, go_version, gccgo_version;
  int reps = 0;
  bool quick = false;
  double total_wall_s = 0;
};

std::string MarkdownReport(const Environment& env, const std::vector<Result>& results);
std::string SvgChart(const Environment& env, const std::vector<Result>& results);
// The plain-text table printed to stdout.
std::string TextTable(const std::vector<Result>& results);

// --- helpers shared by the files -----------------------------------------------------

std::optional<std::string> ReadFile(const std::string& path);
bool WriteFile(const std::string& path, const std::string& content);
double Median(std::vector<double> v);  // REQUIRES: !v.empty()
// The first line where `got` and `want` differ, for a failure message.
std::string FirstDifference(const std::string& got, const std::string& want);

}  // namespace gojit::bench

#endif  // GOJIT_CMD_BENCH_H_
