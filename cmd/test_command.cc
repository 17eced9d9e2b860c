// gojit test: the go command's side of testing (see test_command.h).
#include "cmd/test_command.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace gojit {
namespace {

struct TestOptions {
  std::vector<std::string> packages;
  std::vector<std::string> compile_flags;  // for the child's compile
  std::vector<std::string> binary_args;    // -test.* and what follows -args
  bool verbose = false, json = false, local = false;
  bool bench = false, list = false;  // -bench or -list given
};

// go test's flags that take a value, and those that are booleans, by name; each
// becomes -test.NAME for the binary.
const std::set<std::string, std::less<>> kValueFlags = {
    "run", "skip", "count", "timeout", "bench", "benchtime", "cpu", "parallel", "shuffle", "list"};
const std::set<std::string, std::less<>> kBoolFlags = {"v", "short", "failfast", "benchmem", "json"};
// gojit's own flags a test compile honours.
const std::set<std::string, std::less<>> kCompileFlags = {"goroot", "opt", "safepoints", "preempt", "unit"};

// Parses go test's command line; nullopt after printing go test's complaint.
std::optional<TestOptions> ParseTestArgs(const std::vector<std::string>& args) {
  TestOptions o;
  std::string timeout = "10m0s";
  std::vector<std::string> flags;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-args" || a == "--args") {
      o.binary_args.insert(o.binary_args.end(), args.begin() + i + 1, args.end());
      break;
    }
    if (a.size() < 2 || a[0] != '-') {
      o.packages.push_back(a);
      continue;
    }
    if (a.size() == 3 && a[1] == 'O' && a[2] >= '0' && a[2] <= '3') {
      o.compile_flags.push_back(absl::StrCat("--opt=", a.substr(2)));
      continue;
    }
    absl::string_view body = a;
    absl::ConsumePrefix(&body, "-");
    absl::ConsumePrefix(&body, "-");
    size_t eq = body.find('=');
    std::string name(body.substr(0, eq));
    std::optional<std::string> value;
    if (eq != absl::string_view::npos) value = std::string(body.substr(eq + 1));
    if (kCompileFlags.count(name)) {
      if (!value) {
        if (i + 1 >= args.size()) break;
        value = args[++i];
      }
      o.compile_flags.push_back(absl::StrCat("--", name, "=", *value));
    } else if (kBoolFlags.count(name)) {
      bool on = !value || *value == "true" || *value == "1";
      if (name == "v") {
        o.verbose = on;
      } else if (name == "json") {
        o.json = on;
      } else {
        flags.push_back(absl::StrCat("-test.", name, "=", on ? "true" : "false"));
      }
    } else if (kValueFlags.count(name)) {
      if (!value) {
        if (i + 1 >= args.size()) {
          std::fprintf(stderr, "flag needs an argument: -%s\n", name.c_str());
          return std::nullopt;
        }
        value = args[++i];
      }
      if (name == "bench") o.bench = true;
      if (name == "list") o.list = true;
      if (name == "timeout") {
        timeout = *value;
      } else {
        flags.push_back(absl::StrCat("-test.", name, "=", *value));
      }
    } else {
      std::fprintf(stderr, "flag provided but not defined: -%s\nRun 'gojit help' for usage.\n", name.c_str());
      return std::nullopt;
    }
  }
  // The flags go test gives every test binary, then the user's.
  std::vector<std::string> binary = {"-test.paniconexit0", absl::StrCat("-test.timeout=", timeout)};
  if (o.json) {
    binary.push_back("-test.v=test2json");
  } else if (o.verbose) {
    binary.push_back("-test.v=true");
  }
  binary.insert(binary.end(), flags.begin(), flags.end());
  binary.insert(binary.end(), o.binary_args.begin(), o.binary_args.end());
  o.binary_args = std::move(binary);
  o.local = o.packages.empty();
  if (o.local) o.packages.push_back(".");
  return o;
}

// What one child reported and printed.
struct PackageRun {
  std::string status;   // "setup", "notests", "build", "built", or "" (it said nothing)
  std::string path;     // the import path it named, if any
  std::string output;   // combined stdout and stderr, when not streamed
  int exit_code = 0;
  double seconds = 0;   // from "built" to exit
};

void WriteAll(int fd, absl::string_view s) {
  while (!s.empty()) {
    ssize_t n = write(fd, s.data(), s.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return;
    }
    s.remove_prefix(static_cast<size_t>(n));
  }
}

// Runs `gojit __test PKG` and gathers its output. Once the tests run, with stream
// set, output goes straight to stdout.
PackageRun RunChild(const TestOptions& o, const std::string& pkg, bool stream) {
  PackageRun run;
  int out[2], status[2];
  if (pipe2(out, O_CLOEXEC) != 0 || pipe2(status, O_CLOEXEC) != 0) {
    run.output = absl::StrCat("gojit test: pipe: ", std::strerror(errno), "\n");
    run.exit_code = 1;
    return run;
  }
  std::vector<std::string> argv = {"gojit", "__test"};
  argv.insert(argv.end(), o.compile_flags.begin(), o.compile_flags.end());
  argv.push_back("--test_status_fd=3");
  argv.push_back(pkg);
  argv.insert(argv.end(), o.binary_args.begin(), o.binary_args.end());
  std::vector<char*> cargv;
  for (std::string& s : argv) cargv.push_back(s.data());
  cargv.push_back(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(out[1], 1);
    dup2(out[1], 2);
    dup2(status[1], 3);  // dup2 clears close-on-exec on the copies
    execv("/proc/self/exe", cargv.data());
    _exit(127);
  }
  close(out[1]);
  close(status[1]);
  absl::Time built_at;
  std::string status_text;
  bool out_open = true, status_open = true;
  char buf[65536];
  while (out_open || status_open) {
    pollfd fds[2] = {{out[0], POLLIN, 0}, {status[0], POLLIN, 0}};
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (status_open && (fds[1].revents & (POLLIN | POLLHUP))) {
      ssize_t n = read(status[0], buf, sizeof buf);
      if (n <= 0) {
        status_open = false;
      } else {
        status_text.append(buf, static_cast<size_t>(n));
        if (absl::StartsWith(status_text, "built")) {
          built_at = absl::Now();
          // What the compile printed (nothing, normally) goes first.
          if (stream) {
            WriteAll(1, run.output);
            run.output.clear();
          }
        }
      }
    }
    if (out_open && (fds[0].revents & (POLLIN | POLLHUP))) {
      ssize_t n = read(out[0], buf, sizeof buf);
      if (n <= 0) {
        out_open = false;
      } else if (stream && built_at != absl::Time()) {
        WriteAll(1, absl::string_view(buf, static_cast<size_t>(n)));
      } else {
        run.output.append(buf, static_cast<size_t>(n));
      }
    }
  }
  close(out[0]);
  close(status[0]);
  int wstatus = 0;
  while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  run.exit_code = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
  if (built_at != absl::Time()) run.seconds = absl::ToDoubleSeconds(absl::Now() - built_at);
  std::vector<std::string> words = absl::StrSplit(absl::StripAsciiWhitespace(status_text), ' ');
  run.status = words[0];
  if (words.size() > 1) run.path = words[1];
  return run;
}

// Feeds text to `go tool test2json -t -p path` and prints its events (the
// package's start event, each test's, and the package's result with its elapsed
// time), as go test -json prints them.
void PrintJson(const std::string& goroot, const std::string& path, const std::string& text) {
  std::string in_file = absl::StrCat("/tmp/gojit-test2json-", getpid());
  if (FILE* f = std::fopen(in_file.c_str(), "w")) {
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
  }
  std::fflush(stdout);
  std::string command = absl::StrCat("'", goroot, "/bin/go' tool test2json -t -p '", path, "' < '", in_file, "'");
  if (std::system(command.c_str()) != 0) std::fprintf(stderr, "gojit test: go tool test2json failed\n");
  unlink(in_file.c_str());
}

// Whether dir holds a .go file.
bool HasGoFiles(const std::string& dir) {
  bool found = false;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      if (absl::EndsWith(e->d_name, ".go")) found = true;
    }
    closedir(d);
  }
  return found;
}

// The package directories below dir (itself included), sorted, as "./..." finds
// them: directories holding .go files, leaving out testdata, vendor, names
// starting with '.' or '_', and nested modules (a go.mod of their own).
void WalkPackages(const std::string& dir, const std::string& shown, std::vector<std::string>* out) {
  if (HasGoFiles(dir)) out->push_back(shown);
  std::vector<std::string> subdirs;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name.empty() || name[0] == '.' || name[0] == '_' || name == "testdata" || name == "vendor") continue;
      std::string path = absl::StrCat(dir, "/", name);
      struct stat st;
      if (stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) continue;
      if (access(absl::StrCat(path, "/go.mod").c_str(), F_OK) == 0) continue;
      subdirs.push_back(name);
    }
    closedir(d);
  }
  std::sort(subdirs.begin(), subdirs.end());
  for (const std::string& name : subdirs)
    WalkPackages(absl::StrCat(dir, "/", name), absl::StrCat(shown, "/", name), out);
}

// Expands "./..." and "dir/..." patterns into package directories.
std::vector<std::string> ExpandPatterns(const std::vector<std::string>& patterns) {
  std::vector<std::string> out;
  for (const std::string& p : patterns) {
    if (p != "..." && !absl::EndsWith(p, "/...")) {
      out.push_back(p);
      continue;
    }
    std::string base = p == "..." ? "." : p.substr(0, p.size() - 4);
    if (base.empty()) base = "/";
    std::string shown = base == "." || absl::StartsWith(base, "./") || absl::StartsWith(base, "../") ||
                                absl::StartsWith(base, "/")
                            ? base
                            : absl::StrCat("./", base);
    WalkPackages(base, shown, &out);
  }
  return out;
}

}  // namespace

int RunTestCommand(const std::vector<std::string>& args, const std::string& goroot) {
  std::optional<TestOptions> options = ParseTestArgs(args);
  if (!options) return 2;
  const TestOptions& o = *options;
  bool any_failed = false;
  // As go test: a passing package's output is shown with -v or -list; output is
  // shown as it comes in local directory mode, when benchmarking, and when it
  // would be shown anyway; -json converts it all afterwards.
  bool show_pass = o.verbose || o.list;
  bool stream = (o.local || o.bench || show_pass) && !o.json;
  for (const std::string& pkg : ExpandPatterns(o.packages)) {
    std::fflush(stdout);
    PackageRun run = RunChild(o, pkg, stream);
    std::string path = run.path.empty() ? pkg : run.path;
    std::string text;  // what go test prints for the package, besides what was streamed
    if (run.status == "notests") {
      text = absl::StrCat("?   \t", path, "\t[no test files]\n");
    } else if (run.status == "built") {
      bool ok = run.exit_code == 0;
      any_failed |= !ok;
      // Not streamed: a failing package's whole output is shown (and every
      // package's with -json); a passing package says only "ok".
      if (ok && !show_pass && !o.json) text.clear();
      else text = run.output;
      if (!ok && o.local) absl::StrAppend(&text, "exit status ", run.exit_code, "\n");
      absl::StrAppend(&text, ok ? "ok  \t" : "FAIL\t", path, absl::StrFormat("\t%.3fs\n", run.seconds));
    } else {
      any_failed = true;
      text = run.output;
      // A package the child could not even list: go names it as given.
      if (run.status == "setup" && run.path.empty()) text = absl::StrCat("# ", pkg, "\n", text);
      bool setup = run.status == "setup";
      absl::StrAppend(&text, "FAIL\t", path, setup ? " [setup failed]\n" : " [build failed]\n");
    }
    if (o.json) {
      PrintJson(goroot, path, text);
    } else {
      WriteAll(1, text);
    }
  }
  if (any_failed && !o.local && !o.json) WriteAll(1, "FAIL\n");
  return any_failed ? 1 : 0;
}

}  // namespace gojit
