// gojit: runs Go programs from source.
//
//   gojit run [flags] file.go... [-- args...]
//   gojit run [flags] package [args...]   (`.`, `./cmd/tool`, example.com/m/cmd/x)
//   gojit build [flags] file.go... | package
//   gojit version
//   gojit clean -cache
//   gojit help
//
// `run` loads and checks the files or the package (one package main), the
// packages of its module and dependencies (frontend/package_graph.h) and the
// standard-library packages they import, lowers everything to one LLVM module, JIT-compiles it and
// runs it on the runtime: main.main on goroutine 1. Exit codes follow `go run` as
// the project defines them: the program's own code; 2 for a panic or fatal error; 1
// for compile errors and bad input (printed as gc prints them).
//
// Flags (absl flags; `-O2` is accepted as gc/clang users write it and rewritten
// to --opt=2 before parsing):
//   --emit=tokens|ast|types|llvm|asm|safepoints   print that stage and stop
//   -O0 .. -O3                         optimisation level (default: kDefaultOpt)
//   --safepoints=prologue|loops|callfree|none   where compiled code polls for
//                                      preemption (--emit=safepoints lists the sites)
//   --preempt=async|cooperative|off    how the runtime preempts goroutines
//   --sched=seed:N|record:FILE|replay:FILE|explore:K
//                                      deterministic schedules (cmd/sched_flag.h)
//   --time                             at exit, print to stderr where the time went:
//                                      syntax trees cached and parsed, packages
//                                      compiled, load (parse, check), lower, optimise, codegen
//                                      (and link), run (the JIT'd program itself)
//   --perfmap                         write /tmp/perf-PID.map (jit/perf_map.h)
#include <algorithm>
#include <malloc.h>

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "frontend/ast_dump.h"
#include "frontend/ast_encoding.h"
#include "frontend/big_stack.h"
#include "frontend/build_context.h"
#include "frontend/parser.h"
#include "frontend/package_graph.h"
#include "frontend/testmain.h"
#include "cmd/sched_flag.h"
#include "cmd/test_command.h"
#include "frontend/program.h"
#include "ir/lower.h"
#include "jit/jit.h"
#include "jit/loop_safepoints.h"
#include "jit/package_objects.h"
#include "jit/perf_map.h"
#include "jit/program_cache.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Support/raw_ostream.h"
#include "runtime/runtime.h"
#include "stdlib/natives.h"

// -O2: LLVM's default pipeline; chosen as the default because the compile-time cost
// on the golden programs is small next to process start-up (see README).
constexpr int kDefaultOpt = 2;

ABSL_FLAG(std::string, emit, "",
          "print a stage and stop: tokens, ast, types, llvm, asm, safepoints (the "
          "program's safepoint sites after optimisation)");
ABSL_FLAG(bool, perfmap, false,
          "write /tmp/perf-PID.map, which names JIT'd functions in perf's reports");
ABSL_FLAG(int, opt, kDefaultOpt, "optimisation level 0..3 (also written -O0..-O3)");
ABSL_FLAG(bool, e, false, "report all errors, not just the first 10 (gc's -e)");
ABSL_FLAG(bool, complete, true,
          "a function without a body is an error, as under `go build` (gc's -complete); "
          "--complete=false checks as `go tool compile` does");
ABSL_FLAG(std::string, safepoints, "",
          "where compiled code polls for preemption: prologue (gc's model, the "
          "default), loops (also every loop back-edge; the default under --sched), "
          "callfree (back-edges of loops that call no Go code), none");
ABSL_FLAG(bool, write_barriers, true,
          "compile the collector's write barrier (the default); false compiles without "
          "it and collects stopping the world for each whole cycle, to measure what the "
          "barrier costs");
ABSL_FLAG(absl::Duration, timeslice, absl::Milliseconds(10),
          "how long a goroutine runs before the runtime asks it to yield (gc: 10ms)");
ABSL_FLAG(std::string, sched, "",
          "deterministic schedules: seed:N, record:FILE (seed:N,record:FILE), "
          "replay:FILE, explore:K");
ABSL_FLAG(bool, time, false,
          "at exit, print to stderr the library files parsed or whose syntax trees came "
          "from the cache, the packages compiled or taken from the cache, and the time "
          "spent loading, lowering, compiling, linking and running the program");
ABSL_FLAG(std::string, goroot, "",
          "the Go 1.26 tree whose standard library gojit compiles (default: $GOROOT, "
          "else the tree of the go command on PATH, else /usr/local/go)");
ABSL_FLAG(std::string, unit, "package",
          "the unit of compiling and caching: package (an edit recompiles what it "
          "changed) or program (one module: optimised across packages, recompiled whole)");
ABSL_FLAG(int, test_status_fd, -1,
          "gojit __test: the descriptor its progress goes to (cmd/test_command.h)");
ABSL_FLAG(std::string, preempt, "",
          "how goroutines are preempted: async (prologue checks and signals, gc's "
          "default), cooperative (prologue checks only, as Go 1.13), off; given, it "
          "wins over GODEBUG=asyncpreemptoff");

namespace {

// --safepoints, resolved: loops under --sched (a loop without calls must reach a
// safepoint to be preempted there), else prologue, unless given.
std::string Safepoints() {
  std::string given = absl::GetFlag(FLAGS_safepoints);
  if (!given.empty()) return given;
  return absl::GetFlag(FLAGS_sched).empty() ? "prologue" : "loops";
}

constexpr const char* kVersion = "gojit 0.2 (go1.26 language, LLVM 19)";

constexpr const char* kUsage =
    "gojit runs Go programs from source on an LLVM JIT and a GMP runtime.\n"
    "\n"
    "Usage:\n"
    "  gojit run [flags] file.go... [args...]  (args, flags included, are the program's)\n"
    "  gojit run [flags] package [args...]     a main package: ., ./cmd/tool, example.com/m/x\n"
    "  gojit build [flags] file.go... | package   check and compile a package, run nothing\n"
    "  gojit test [packages] [go test flags] [-args ...]   test packages, as go test\n"
    "  gojit version\n"
    "  gojit clean -cache\n"
    "  gojit help\n"
    "\n"
    "Flags for run:\n"
    "  --emit=tokens|ast|types|llvm|asm|safepoints  print that stage and stop\n"
    "  -O0 .. -O3                        optimisation level (default -O2)\n"
    "  -e                                report all errors, not just the first 10\n"
    "  --complete=false                  allow functions without bodies (go tool compile)\n"
    "  --safepoints=prologue|loops|callfree|none  where code polls for preemption\n"
    "                                    (default prologue;\n"
    "                                    loops under --sched)\n"
    "  --preempt=async|cooperative|off   how goroutines are preempted (default async)\n"
    "  --timeslice=10ms                  how long a goroutine runs before it is asked to yield\n"
    "  --write_barriers=false            no write barrier; each collection stops the world\n"
    "                                    for its whole cycle (to measure the barrier's cost)\n"
    "  --sched=seed:N                    deterministic: one goroutine at a time, every\n"
    "                                    scheduling choice from seed N, virtual time\n"
    "  --sched=record:FILE|replay:FILE   write a run's choices to FILE, or take them from it\n"
    "  --sched=explore:K                 run seeds 1..K; stop at the first failing or\n"
    "                                    differing run and print its seed\n"
    "  --time                            print where the time went (compile phases, run)\n"
    "  --unit=package|program            the unit of compiling and caching (default package)\n"
    "  --perfmap                         write /tmp/perf-PID.map for perf to name JIT'd code\n"
    "  --goroot=DIR                      the Go 1.26 tree whose standard library is compiled\n"
    "\n"
    "Compiled packages and programs are cached in $GOJITCACHE (default:\n"
    "$XDG_CACHE_HOME/gojit or ~/.cache/gojit; GOJITCACHE=off disables it);\n"
    "`gojit clean -cache` empties it.\n";

// --time: when each phase ended. The run phase ends in the runtime's Exit, on
// whichever thread exits, so this is a plain global written before the program
// starts and only read after.
struct PhaseTimes {
  absl::Time start, loaded, lowered, compiled, linked;
  bool cached = false;  // the objects came from the program cache: no compile phases
  // Library files whose syntax tree came from the cache, and those parsed.
  size_t trees_cached = 0, trees_parsed = 0;
  std::vector<gojit::jit::PackageObject> packages;  // objects dropped, names and times kept
};
PhaseTimes phase_times;

// The Go tree Compile found, for runtime.GOROOT.
std::string run_goroot;

// os.Args[0]: go run passes the temporary binary's path, named after the first
// file without .go, or the package path's last element; that name is the closest
// stable equivalent.
std::string run_program_name;

void PrintPhaseTimes() {
  const PhaseTimes& t = phase_times;
  absl::Time end = absl::Now();
  auto secs = [](absl::Time from, absl::Time to) { return absl::ToDoubleSeconds(to - from); };
  // Per package first: the last line is the one tools read (cmd/bench_proc.cc).
  std::string line;
  if (t.trees_cached + t.trees_parsed > 0) {
    absl::StrAppend(&line, "gojit: syntax trees: ", t.trees_cached, " cached, ", t.trees_parsed,
                    " parsed\n");
  }
  if (!t.packages.empty()) {
    size_t cached = 0, reused = 0;
    std::string compiled;
    for (const gojit::jit::PackageObject& p : t.packages) {
      if (p.reused) ++reused;
      if (p.cached) {
        ++cached;
      } else {
        absl::StrAppend(&compiled, compiled.empty() ? "; compiled " : ", ",
                        absl::StrFormat("%s %.3fs", p.package, p.seconds));
      }
    }
    absl::StrAppend(&line, "gojit: packages: ", t.packages.size(), " (", cached, " cached",
                    reused != 0 ? absl::StrCat(", ", reused, " by inputs") : "", ")", compiled, "\n");
  }
  absl::StrAppend(
      &line,
      t.cached ? absl::StrFormat("gojit: time: cache %.3fs link %.3fs run %.3fs total %.3fs\n",
                                 secs(t.start, t.compiled), secs(t.compiled, t.linked),
                                 secs(t.linked, end), secs(t.start, end))
               : absl::StrFormat(
                     "gojit: time: load %.3fs lower %.3fs compile %.3fs link %.3fs run "
                     "%.3fs total %.3fs\n",
                     secs(t.start, t.loaded), secs(t.loaded, t.lowered),
                     secs(t.lowered, t.compiled), secs(t.compiled, t.linked),
                     secs(t.linked, end), secs(t.start, end)));
  gojit::rt::WriteFd(2, line.data(), line.size());
}

int Fail(const std::string& message) {
  std::fprintf(stderr, "%s\n", message.c_str());
  return 1;
}

// `gojit __test PKG`, the child `gojit test` runs for each package
// (test_command.h): the package's tests are compiled with a generated main and
// run in the package's directory. test_status_fd, when set, gets one line saying
// how far it came: "setup" (the package or its tests could not be listed),
// "notests", "build" (compile errors), or "built" just before the tests run,
// followed by the package's import path once it is known.
bool test_mode = false;
int test_status_fd = -1;
std::string test_dir, test_package;

void WriteTestStatus(const char* status) {
  if (test_status_fd < 0) return;
  std::string line = absl::StrCat(status, test_package.empty() ? "" : " ", test_package, "\n");
  (void)!write(test_status_fd, line.data(), line.size());
}

void PrintDiagnostics(const gojit::frontend::Program& program) {
  std::string package =
      program.failed_package.empty() ? program.main_import_path : program.failed_package;
  // gojit test: the package under test and its external tests are compiled
  // for the test binary P.test, and go says so.
  if (test_mode && (package == test_package || package == test_package + "_test"))
    absl::StrAppend(&package, " [", test_package, ".test]");
  std::fprintf(stderr, "# %s\n", package.c_str());
  program.diags.Print(stderr);
}

// Links the program's package objects (fresh, or from the cache) into `jit` and
// finds the program's entry point. Returns an exit code to stop with, or -1 with
// *entry_out and *jit_out set.
int LinkAndFindEntry(std::vector<gojit::jit::PackageObject> objects,
                     std::unique_ptr<gojit::jit::Jit> jit,
                     std::unique_ptr<gojit::jit::Jit>* jit_out, uintptr_t* entry_out) {
  for (gojit::jit::PackageObject& o : objects) {
    if (absl::Status s = jit->AddObject(std::move(o.object)); !s.ok())
      return Fail(absl::StrCat("gojit: ", s.message()));
    o.object.clear();
  }
  phase_times.packages = std::move(objects);
  auto entry = jit->Lookup(gojit::ir::kEntryName);
  phase_times.linked = absl::Now();
  if (!entry.ok()) return Fail(absl::StrCat("gojit: ", entry.status().message()));
  if (absl::GetFlag(FLAGS_perfmap)) {
    std::string path = gojit::jit::PerfMapPath();
    if (absl::Status s = gojit::jit::WritePerfMap(jit->functions(), path); !s.ok())
      return Fail(absl::StrCat("gojit: --perfmap: ", s.message()));
  }
  gojit::stdlib::SetProgramSymbolLookup(
      [](void* ctx, std::string_view name) -> uintptr_t {
        auto addr = static_cast<gojit::jit::Jit*>(ctx)->Lookup(name);
        return addr.ok() ? *addr : 0;
      },
      jit.get());
  *entry_out = *entry;
  *jit_out = std::move(jit);
  return -1;
}

// The package objects of the program whose manifest the program cache holds under
// key; nullopt when there is none, or when one of its objects is gone or damaged.
std::optional<std::vector<gojit::jit::PackageObject>> CachedPackageObjects(
    gojit::jit::ProgramCache& cache, const std::string& key) {
  std::optional<std::string> manifest = cache.Get(key);
  if (!manifest) return std::nullopt;
  auto entries = gojit::jit::DecodeManifest(*manifest);
  if (!entries) return std::nullopt;
  std::vector<gojit::jit::PackageObject> objects;
  for (auto& [package, package_key] : *entries) {
    std::optional<std::string> object = cache.Get(package_key);
    if (!object) return std::nullopt;
    objects.push_back({.package = package, .key = package_key, .object = std::move(*object),
                       .cached = true});
  }
  return objects;
}

// The key naming everything a program's packages other than main are built from
// (jit/package_objects.h, library partitions named by their inputs): the program
// key's inputs without main's files. "" (no reuse) when main pulls or pushes a
// symbol by //go:linkname: a body of main's could then stand under a library
// package's name.
std::string LibraryKey(const gojit::jit::CacheKeyInputs& program_inputs,
                       const gojit::frontend::PackageGraph& graph, const gojit::frontend::Program& program) {
  for (const gojit::frontend::Object* obj : program.main->scope->ordered) {
    if (!obj->linkname.empty()) return "";
  }
  gojit::jit::CacheKeyInputs inputs = program_inputs;
  inputs.generated.clear();  // gojit test's generated main
  std::set<std::string> main_files;
  for (gojit::frontend::FileId id : graph.main.files) main_files.insert(program.sources.Get(id).path);
  std::erase_if(inputs.files, [&](const std::string& f) { return main_files.count(f) != 0; });
  inputs.options.push_back("library");
  absl::StatusOr<std::string> key = gojit::jit::ProgramCache::Key(inputs);
  return key.ok() ? *key : "";
}

// The syntax trees of library files parsed by earlier runs (frontend/ast_encoding.h),
// kept in the program cache under a content key of the file's text: a run that
// compiles (a miss, an edited main) reads the standard library's trees instead of
// parsing them again.
class CachedParsedFiles : public gojit::frontend::ParsedFileStore {
 public:
  explicit CachedParsedFiles(gojit::jit::ProgramCache& cache) : cache_(cache) {}
  // Counts into phase_times for --time: a miss is a file about to be parsed.
  std::optional<std::string> Load(std::string_view text) override {
    std::optional<std::string> encoding = cache_.Get(Key(text));
    ++(encoding ? phase_times.trees_cached : phase_times.trees_parsed);
    return encoding;
  }
  void Store(std::string_view text, std::string_view encoding) override {
    (void)cache_.Put(Key(text), encoding);  // a failure only means parsing next time
  }

 private:
  static std::string Key(std::string_view text) {
    return gojit::jit::ProgramCache::ContentKey(gojit::frontend::kAstEncodingVersion, {}, text);
  }
  gojit::jit::ProgramCache& cache_;
};

// `gojit build`: as `go build` of the files' package, which need not be main: its
// errors, or nothing and exit 0. A main package is also lowered to LLVM IR (the
// errors found there); nothing is run, cached or written.
bool build_only = false;

// gojit test: parses the package's test files, generates the test main that runs
// their tests (frontend/testmain.h) and makes it the graph's main package. Returns
// an exit code to stop with, or -1 to go on compiling.
int AddTestMain(gojit::frontend::Program& program, gojit::frontend::PackageGraph& graph,
                std::map<gojit::frontend::FileId, gojit::frontend::File*>* parsed,
                std::vector<std::pair<std::string, std::string>>* generated) {
  namespace fe = gojit::frontend;
  const fe::TestPackages& test = graph.test;
  test_package = test.path;
  if (!test.has_tests) {
    WriteTestStatus("notests");
    return 0;
  }
  fe::TestMainInput input;
  input.import_path = test.path;
  input.external_path = test.external_path;
  for (auto [ids, files] : {std::pair{&test.internal_files, &input.internal_files},
                            std::pair{&test.external_files, &input.external_files}}) {
    for (fe::FileId id : *ids) {
      fe::File* f = fe::ParseFile(program.sources, id, program.arena, program.diags);
      (*parsed)[id] = f;
      if (f != nullptr) files->push_back(f);
    }
  }
  if (program.diags.HasErrors()) {
    WriteTestStatus("build");
    program.failed_package = test.path;
    PrintDiagnostics(program);
    return 1;
  }
  absl::StatusOr<std::string> source = fe::GenerateTestMain(program.sources, input);
  if (!source.ok()) {
    WriteTestStatus("setup");
    std::fprintf(stderr, "# %s\n%s\n", test.path.c_str(), std::string(source.status().message()).c_str());
    return 1;
  }
  std::string path = absl::StrCat(test.dir, "/_testmain.go");
  graph.main.dir = test.dir;
  graph.main.name = "main";
  graph.main.files = {program.sources.Add(path, *source)};
  generated->emplace_back(path, std::move(*source));
  test_dir = test.dir;
  return -1;
}

// Compiles the program (or prints the stage --emit asks for). Returns an exit code
// to stop with, or -1 with *entry set to the JIT'd entry point to run.
int Compile(const std::vector<std::string>& files, std::unique_ptr<gojit::jit::Jit>* jit_out,
            uintptr_t* entry_out) {
  namespace fe = gojit::frontend;
  std::string emit = absl::GetFlag(FLAGS_emit);
  int opt = absl::GetFlag(FLAGS_opt);
  if (opt < 0 || opt > 3) return Fail("gojit: -O must be 0..3");
  if (absl::GetFlag(FLAGS_unit) != "package" && absl::GetFlag(FLAGS_unit) != "program")
    return Fail(absl::StrCat("gojit: --unit=", absl::GetFlag(FLAGS_unit), ": want package or program"));
  if (!emit.empty() && emit != "tokens" && emit != "ast" && emit != "types" && emit != "llvm" &&
      emit != "asm" && emit != "safepoints")
    return Fail(absl::StrCat("gojit: unknown --emit stage \"", emit, "\" (tokens, ast, types, llvm, asm, safepoints)"));
  if (files.empty()) return Fail("go: no go files listed");
  if (!fe::ArgsAreFiles(files) && files.size() > 1)
    return Fail(absl::StrCat("gojit: one package at a time (", files.size(), " given)"));
  for (const std::string& f : files) {
    if (fe::ArgsAreFiles(files) && (f.size() < 3 || f.substr(f.size() - 3) != ".go"))
      return Fail(absl::StrCat("named files must be .go files: ", f));
  }

  // The Go tree: every standard package gojit does not replace is compiled from it.
  absl::StatusOr<fe::Goroot> goroot = fe::FindGoroot(absl::GetFlag(FLAGS_goroot));
  if (!goroot.ok()) return Fail(std::string(goroot.status().message()));
  run_goroot = goroot->dir;

  fe::Program program;
  program.diags.set_all_errors(absl::GetFlag(FLAGS_e));
  program.complete = absl::GetFlag(FLAGS_complete);
  // The program's own packages, read (the standard ones are the loader's).
  fe::GraphOptions graph_options{.goroot = goroot->dir,
                                 .stdlib_dir = gojit::stdlib::StdlibDir(),
                                 .require_main = !build_only,
                                 .tests = test_mode,
                                 .resolve_embeds = program.complete};
  absl::StatusOr<fe::PackageGraph> graph = fe::ResolvePackages(program.sources, files, graph_options);
  if (!graph.ok()) {
    WriteTestStatus("setup");
    return Fail(std::string(graph.status().message()));
  }
  std::map<fe::FileId, fe::File*> parsed;  // gojit test: the test files, parsed to list the tests
  std::vector<std::pair<std::string, std::string>> generated;
  if (test_mode) {
    if (int code = AddTestMain(program, *graph, &parsed, &generated); code >= 0) return code;
  }
  if (test_mode) {
    run_program_name = graph->main.import_path.substr(graph->main.import_path.rfind('/') + 1);
  } else if (fe::ArgsAreFiles(files)) {
    std::string base = files[0].substr(files[0].rfind('/') + 1);
    run_program_name = base.substr(0, base.size() - 3);
  } else {
    run_program_name = graph->main.import_path.substr(graph->main.import_path.rfind('/') + 1);
  }
  if (emit == "tokens" || emit == "ast") {
    if (emit == "tokens") {
      for (fe::FileId id : graph->main.files) std::fputs(fe::DumpTokens(program.sources, id).c_str(), stdout);
      return 0;
    }
    std::vector<fe::File*> parsed;
    for (fe::FileId id : graph->main.files)
      parsed.push_back(fe::ParseFile(program.sources, id, program.arena, program.diags));
    if (program.diags.HasErrors()) {
      PrintDiagnostics(program);
      return 1;
    }
    for (fe::File* f : parsed)
      if (f) std::fputs(fe::DumpAst(*f, program.sources).c_str(), stdout);
    return 0;
  }

  // The program cache (jit/program_cache.h): a hit links the stored object and
  // skips every compile phase. Any failure of the cache itself means compiling.
  std::optional<gojit::jit::ProgramCache> cache;
  std::string cache_key;
  gojit::jit::CacheKeyInputs key_inputs;
  if (emit.empty() && !build_only) {
    auto dir = gojit::jit::CacheDir();
    if (!dir.ok() && dir.status().code() == absl::StatusCode::kInvalidArgument)
      return Fail(absl::StrCat("gojit: ", dir.status().message()));
    if (dir.ok() && !dir->empty()) {
      gojit::jit::CacheKeyInputs& inputs = key_inputs;
      inputs.version = kVersion;
      inputs.files = graph->files;
      inputs.generated = generated;
      inputs.stdlib_dir = gojit::stdlib::StdlibDir();
      // Go's tree is an installed release: its path and version stand for its files,
      // as the go command's build cache keys by the toolchain's identity.
      inputs.options = {absl::StrCat("goroot=", goroot->dir, "@", goroot->version),
                        absl::StrCat("opt=", opt),
                        absl::StrCat("safepoints=", Safepoints()),
                        absl::StrCat("write-barriers=", absl::GetFlag(FLAGS_write_barriers) ? "on" : "off"),
                        absl::StrCat("unit=", absl::GetFlag(FLAGS_unit))};
      if (auto key = gojit::jit::ProgramCache::Key(inputs); key.ok()) {
        cache.emplace(*dir);
        cache_key = *key;
        if (std::optional<std::vector<gojit::jit::PackageObject>> objects =
                CachedPackageObjects(*cache, cache_key)) {
          auto jit = gojit::jit::Jit::Create({.opt_level = opt});
          if (!jit.ok()) return Fail(absl::StrCat("gojit: ", jit.status().message()));
          phase_times.cached = true;
          phase_times.compiled = absl::Now();
          return LinkAndFindEntry(std::move(*objects), std::move(*jit), jit_out, entry_out);
        }
      }
    }
  }

  fe::LoadOptions load;
  load.stdlib_dir = gojit::stdlib::StdlibDir();
  load.goroot = goroot->dir;
  load.allow_non_main = build_only;
  load.graph = &*graph;
  load.parsed = &parsed;
  // Syntax trees come from the cache for `gojit build` too, which stores no program.
  std::optional<gojit::jit::ProgramCache> tree_cache;
  if (!cache && emit.empty()) {
    if (auto dir = gojit::jit::CacheDir(); dir.ok() && !dir->empty()) tree_cache.emplace(*dir);
  }
  std::optional<CachedParsedFiles> parsed_store;
  if (cache || tree_cache) load.parsed_store = &parsed_store.emplace(cache ? *cache : *tree_cache);
  absl::Status st = fe::LoadProgram(program, files, load);
  phase_times.loaded = absl::Now();
  if (program.diags.HasErrors()) {
    WriteTestStatus("build");
    PrintDiagnostics(program);
    return 1;
  }
  if (!st.ok()) {
    WriteTestStatus("build");
    // gc's own words, without a position (unreadable file, missing main, ...).
    if (st.code() == absl::StatusCode::kFailedPrecondition &&
        st.message().find("main_main") != std::string::npos)
      std::fprintf(stderr, "# command-line-arguments\n");
    return Fail(std::string(st.message()));
  }
  if (emit == "types") {
    std::fputs(fe::DumpTypes(program).c_str(), stdout);
    return 0;
  }

  auto context = std::make_unique<llvm::LLVMContext>();
  // Names of instructions and arguments are for reading --emit=llvm; a run has
  // no use for them, and each costs a symbol-table entry in lowering, in the
  // split into packages and in bitcode.
  context->setDiscardValueNames(emit.empty());
  gojit::ir::LowerOptions lower;
  std::string safepoints = Safepoints();
  if (safepoints == "prologue") {
    lower.safepoints = gojit::ir::Safepoints::kPrologue;
  } else if (safepoints == "loops") {
    lower.safepoints = gojit::ir::Safepoints::kLoops;
  } else if (safepoints == "callfree") {
    lower.safepoints = gojit::ir::Safepoints::kCallFreeLoops;
  } else if (safepoints == "none") {
    lower.safepoints = gojit::ir::Safepoints::kNone;
  } else {
    return Fail(absl::StrCat("gojit: --safepoints=", safepoints,
                             ": want prologue, loops, callfree or none"));
  }
  lower.write_barriers = absl::GetFlag(FLAGS_write_barriers);
  lower.has_native = gojit::stdlib::IsNative;
  lower.go_fallback = gojit::stdlib::GoFallback;
  // A library package is built whole: every function lowered, none left unchecked.
  lower.lower_whole_main_package = build_only && program.main->name != "main";
  std::unique_ptr<llvm::Module> module = gojit::ir::LowerProgram(program, *context, lower);
  if (program.diags.HasErrors()) {
    WriteTestStatus("build");
    PrintDiagnostics(program);
    return 1;
  }
  std::string verify_errors;
  llvm::raw_string_ostream verify_out(verify_errors);
  if (llvm::verifyModule(*module, &verify_out)) {
    return Fail(absl::StrCat("gojit: internal error: invalid LLVM IR:\n", verify_errors));
  }
  phase_times.lowered = absl::Now();
  if (build_only && emit.empty()) return 0;
  if (emit == "llvm") {
    if (absl::Status st = gojit::jit::Jit::OptimizeForHost(*module, opt); !st.ok())
      return Fail(absl::StrCat("gojit: ", st.message()));
    llvm::outs() << *module;
    llvm::outs().flush();
    return 0;
  }
  if (emit == "safepoints") {
    // The program's own sites (not Go's library or gojit's), after optimisation.
    if (absl::Status st = gojit::jit::Jit::OptimizeForHost(*module, opt); !st.ok())
      return Fail(absl::StrCat("gojit: ", st.message()));
    std::string stdlib_dir = gojit::stdlib::StdlibDir();
    for (const gojit::jit::SafepointSite& site : gojit::jit::ListSafepoints(*module)) {
      if (site.file.empty() || site.file.rfind(goroot->dir + "/", 0) == 0 ||
          site.file.rfind(stdlib_dir + "/", 0) == 0)
        continue;
      std::string what = site.kind == gojit::jit::SafepointSite::kPrologue ? "prologue check"
                         : site.polled                                    ? "loop poll"
                                                                          : "loop without a poll";
      if (site.kind == gojit::jit::SafepointSite::kLoop)
        what += site.loop_calls ? " (the loop calls Go code)" : " (no call in the loop)";
      std::printf("%s:%d: %s: %s\n", site.file.c_str(), site.line, site.function.c_str(), what.c_str());
    }
    return 0;
  }
  if (emit == "asm") {
    auto text = gojit::jit::Jit::EmitAssembly(*module, opt);
    if (!text.ok()) return Fail(absl::StrCat("gojit: ", text.status().message()));
    std::fputs(text->c_str(), stdout);
    return 0;
  }

  auto jit = gojit::jit::Jit::Create({.opt_level = opt});
  if (!jit.ok()) return Fail(absl::StrCat("gojit: ", jit.status().message()));
  gojit::jit::PackageCompileOptions compile;
  compile.opt_level = opt;
  compile.key_options = {kVersion, absl::StrCat("opt=", opt)};
  compile.cache = cache ? &*cache : nullptr;
  compile.whole_program = absl::GetFlag(FLAGS_unit) == "program";
  if (cache) compile.library_key = LibraryKey(key_inputs, *graph, program);
  const char* verify = std::getenv("GOJIT_VERIFY_PARTITION_REUSE");
  compile.verify_reuse = verify != nullptr && std::string_view(verify) == "1";
  auto objects = gojit::jit::CompileByPackage(*module, compile);
  if (!objects.ok()) return Fail(absl::StrCat("gojit: ", objects.status().message()));
  phase_times.compiled = absl::Now();
  module.reset();
  context.reset();
  // A failed store only costs next time.
  if (cache) (void)cache->Put(cache_key, gojit::jit::EncodeManifest(*objects));
  return LinkAndFindEntry(std::move(*objects), std::move(*jit), jit_out, entry_out);
}

int Run(const std::vector<std::string>& files, const std::vector<std::string>& program_args,
        const std::vector<std::string>& command_line) {
  absl::StatusOr<gojit::SchedFlag> sched = gojit::ParseSchedFlag(absl::GetFlag(FLAGS_sched));
  if (!sched.ok()) return Fail(std::string(sched.status().message()));
  // Compilation recurses over the program's syntax: give it gc's stack depth.
  std::unique_ptr<gojit::jit::Jit> jit;
  uintptr_t entry = 0;
  int code = 0;
  phase_times.start = absl::Now();
  gojit::frontend::RunWithBigStack([&] { code = Compile(files, &jit, &entry); });
  if (code >= 0) return code;
  if (test_mode) {
    // go test runs a package's tests in the package's directory.
    if (chdir(test_dir.c_str()) != 0) return Fail(absl::StrCat("chdir ", test_dir, ": ", std::strerror(errno)));
    WriteTestStatus("built");
  }
  // Compiling left tens of megabytes of freed LLVM data in malloc's arenas; give
  // them back to the OS before the program runs, so its RSS is the program's.
  malloc_trim(0);

  std::vector<std::string> args;
  args.push_back(run_program_name);
  args.insert(args.end(), program_args.begin(), program_args.end());
  gojit::rt::RunOptions run_options;
  run_options.goroot = run_goroot;
  // gojit test: the parent reports how the tests ended.
  run_options.print_exit_status = !test_mode;
  if (absl::GetFlag(FLAGS_time)) run_options.at_exit = PrintPhaseTimes;
  gojit::rt::SetPrologueSafepoints(Safepoints() != "none");
  // An explicit --preempt wins over GODEBUG=asyncpreemptoff (README).
  std::string preempt = absl::GetFlag(FLAGS_preempt);
  if (preempt.empty()) {
    // gc's default: async, unless GODEBUG says asyncpreemptoff=1.
  } else if (preempt == "async") {
    gojit::rt::SetPreemptMode(gojit::rt::PreemptMode::kAsync);
  } else if (preempt == "cooperative") {
    gojit::rt::SetPreemptMode(gojit::rt::PreemptMode::kCooperative);
  } else if (preempt == "off") {
    gojit::rt::SetPreemptMode(gojit::rt::PreemptMode::kOff);
  } else {
    return Fail(absl::StrCat("gojit: --preempt=", preempt, ": want async, cooperative or off"));
  }
  run_options.sched = sched->options;
  absl::Duration slice = absl::GetFlag(FLAGS_timeslice);
  if (slice < absl::Microseconds(20) || slice > absl::Hours(1))
    return Fail("gojit: --timeslice: want a duration from 20us to 1h");
  run_options.time_slice_ns = absl::ToInt64Nanoseconds(slice);
  // Code without the barrier is only safe under a collector that stops the world.
  run_options.concurrent_gc = absl::GetFlag(FLAGS_write_barriers);
  auto run_main = [&](gojit::rt::RunOptions options) {
    return gojit::rt::RunMain(reinterpret_cast<gojit::rt::GoEntry>(entry), args, options);
  };
  if (sched->explore_runs > 0) {
    auto run_seed = [&](const gojit::rt::SchedOptions& sched_options) {
      gojit::rt::RunOptions options = run_options;
      options.sched = sched_options;
      run_main(options);
    };
    auto reproduce = [&](const std::string& value) {
      std::string line = "gojit";
      for (size_t i = 1; i < command_line.size(); i++) {
        const std::string& a = command_line[i];
        line += ' ';
        line += a.rfind("--sched=", 0) == 0 ? absl::StrCat("--sched=", value) : a;
      }
      return line;
    };
    return gojit::ExploreSchedules(*sched, run_seed, reproduce);
  }
  return run_main(run_options);
}

}  // namespace

int main(int argc, char** argv) {
  // Split off the program's own arguments, and rewrite -ON to --opt=N. As with go
  // run, what follows `run`'s .go files, or its package (the first argument that
  // is not a flag), is the program's, flags and "--" included; before them, "--"
  // ends gojit's arguments. gojit's flags are written --flag=value.
  std::vector<std::string> ours, program_args;
  auto is_go_file = [](const std::string& a) {
    return a.size() > 3 && a[0] != '-' && a.compare(a.size() - 3, 3, ".go") == 0;
  };
  bool after = false, run_seen = false, in_files = false;
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    if (!after && in_files && !is_go_file(a)) after = true;
    if (after) {
      program_args.push_back(a);
      continue;
    }
    if (a == "--" && i > 0) {
      after = true;
      continue;
    }
    if (run_seen && is_go_file(a)) in_files = true;
    // `run PACKAGE args...`: what follows the package is the program's.
    if (run_seen && !in_files && !a.empty() && a[0] != '-') {
      ours.push_back(a);
      after = true;
      continue;
    }
    if (a == "run" || a == "__test") run_seen = true;
    if (a.size() == 3 && a[0] == '-' && a[1] == 'O' && a[2] >= '0' && a[2] <= '9')
      a = absl::StrCat("--opt=", a.substr(2));
    ours.push_back(a);
  }
  if (argc >= 2 && std::string(argv[1]) == "test") {
    // go test's flags are not gojit's (before absl sees "-v", "-run").
    absl::StatusOr<gojit::frontend::Goroot> goroot = gojit::frontend::FindGoroot("");
    if (!goroot.ok()) return Fail(std::string(goroot.status().message()));
    return gojit::RunTestCommand(std::vector<std::string>(argv + 2, argv + argc), goroot->dir);
  }
  if (ours.size() >= 2 && ours[1] == "clean") {
    // `gojit clean -cache`, as `go clean -cache` (before absl sees "-cache").
    if (ours.size() != 3 || (ours[2] != "-cache" && ours[2] != "--cache"))
      return Fail("usage: gojit clean -cache");
    auto dir = gojit::jit::CacheDir();
    if (!dir.ok()) return Fail(absl::StrCat("gojit: ", dir.status().message()));
    if (dir->empty()) return 0;  // GOJITCACHE=off: nothing to clean
    if (absl::Status st = gojit::jit::ProgramCache::Clean(*dir); !st.ok())
      return Fail(absl::StrCat("gojit: ", st.message()));
    return 0;
  }
  std::vector<char*> cargv;
  for (std::string& s : ours) cargv.push_back(s.data());
  absl::SetProgramUsageMessage(kUsage);
  std::vector<char*> rest = absl::ParseCommandLine(static_cast<int>(cargv.size()), cargv.data());
  std::vector<std::string> positional(rest.begin() + 1, rest.end());
  if (positional.empty() || positional[0] == "help") {
    std::fputs(kUsage, positional.empty() ? stderr : stdout);
    return positional.empty() ? 2 : 0;
  }
  if (positional[0] == "version") {
    std::printf("%s\n", kVersion);
    return 0;
  }
  if (positional[0] == "build") {
    std::vector<std::string> files(positional.begin() + 1, positional.end());
    build_only = true;
    int code = 0;
    gojit::frontend::RunWithBigStack([&] { code = Compile(files, nullptr, nullptr); });
    return code;
  }
  if (positional[0] == "__test") {
    // One package's tests, for `gojit test` (test_command.h): __test PKG [args].
    if (positional.size() < 2) return Fail("usage: gojit __test package [test binary flags]");
    test_mode = true;
    test_status_fd = absl::GetFlag(FLAGS_test_status_fd);
    program_args.insert(program_args.begin(), positional.begin() + 2, positional.end());
    return Run({positional[1]}, program_args, {});
  }
  if (positional[0] == "run") {
    // Like `go run`: the leading .go arguments are the program, the rest its args.
    std::vector<std::string> files;
    size_t i = 1;
    for (; i < positional.size() && positional[i].size() > 3 &&
           positional[i].compare(positional[i].size() - 3, 3, ".go") == 0;
         ++i)
      files.push_back(positional[i]);
    if (files.empty() && i < positional.size()) files.push_back(positional[i++]);
    program_args.insert(program_args.begin(), positional.begin() + i, positional.end());
    return Run(files, program_args, std::vector<std::string>(argv, argv + argc));
  }
  std::fprintf(stderr, "gojit %s: unknown command\nRun 'gojit help' for usage.\n",
               positional[0].c_str());
  return 2;
}
