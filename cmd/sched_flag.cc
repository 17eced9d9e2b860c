// --sched: see sched_flag.h.
#include "cmd/sched_flag.h"

#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace gojit {
namespace {

// A run that has not finished after this long (real time) counts as a hang.
constexpr int kRunTimeoutSeconds = 60;

absl::Status Want(std::string_view value) {
  return absl::InvalidArgumentError(
      absl::StrCat("gojit: --sched=", std::string(value),
                   ": want seed:N, record:FILE, replay:FILE or explore:K (pct:D and steps:K "
                   "with seed, record or explore)"));
}

// An anonymous in-memory file, for a child's output or the runs' shared stdin.
int MemoryFile(const char* name) { return memfd_create(name, MFD_CLOEXEC); }

std::string ReadAll(int fd) {
  std::string out;
  lseek(fd, 0, SEEK_SET);
  char buf[65536];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  return out;
}

void WriteAll(int fd, const std::string& s) {
  size_t done = 0;
  while (done < s.size()) {
    ssize_t n = write(fd, s.data() + done, s.size() - done);
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
}

struct RunResult {
  std::string out, err;
  int status = 0;  // waitpid's
  bool timed_out = false;
};

// Forks one run of seed with fresh output files; waits for it (killing it after
// kRunTimeoutSeconds).
RunResult RunOne(const gojit::rt::SchedOptions& options, int stdin_fd,
                 const std::function<void(const gojit::rt::SchedOptions&)>& run_child) {
  RunResult r;
  int out = MemoryFile("gojit-explore-stdout");
  int err = MemoryFile("gojit-explore-stderr");
  if (stdin_fd >= 0) lseek(stdin_fd, 0, SEEK_SET);
  std::fflush(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    if (stdin_fd >= 0) dup2(stdin_fd, 0);
    dup2(out, 1);
    dup2(err, 2);
    run_child(options);
    _exit(127);  // not reached
  }
  if (pid < 0) {
    r.status = -1;
    r.err = "gojit: fork failed\n";
    return r;
  }
  // Wait through a pidfd, so the timeout needs no signal handler.
  int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
  if (pidfd >= 0) {
    pollfd p{pidfd, POLLIN, 0};
    if (poll(&p, 1, kRunTimeoutSeconds * 1000) == 0) {
      kill(pid, SIGKILL);
      r.timed_out = true;
    }
    close(pidfd);
  }
  waitpid(pid, &r.status, 0);
  r.out = ReadAll(out);
  r.err = ReadAll(err);
  close(out);
  close(err);
  return r;
}

int ExitCode(const RunResult& r) {
  if (WIFEXITED(r.status)) return WEXITSTATUS(r.status);
  return 128 + (WIFSIGNALED(r.status) ? WTERMSIG(r.status) : 0);
}

// Why a run fails, or "" if it does not (against seed 1's run, when given).
std::string Failure(const RunResult& r, const RunResult* first) {
  if (r.timed_out) return absl::StrCat("did not finish in ", kRunTimeoutSeconds, " s (killed)");
  if (WIFSIGNALED(r.status)) return absl::StrCat("was killed by signal ", WTERMSIG(r.status));
  if (int code = ExitCode(r); code != 0) return absl::StrCat("exited with status ", code);
  if (first != nullptr && (r.out != first->out || r.err != first->err))
    return "printed other output than seed 1";
  return "";
}

}  // namespace

absl::StatusOr<SchedFlag> ParseSchedFlag(std::string_view value) {
  SchedFlag flag;
  flag.text = std::string(value);
  std::string_view rest = value;
  bool seeded = false;
  while (!rest.empty()) {
    size_t colon = rest.find(':');
    if (colon == std::string_view::npos) return Want(value);
    std::string_view kind = rest.substr(0, colon);
    std::string_view arg = rest.substr(colon + 1);
    if (kind == "record" || kind == "replay") {
      if (arg.empty()) return Want(value);
      (kind == "record" ? flag.options.record_file : flag.options.replay_file) = std::string(arg);
      flag.options.deterministic = true;
      break;  // FILE is the rest
    }
    size_t comma = arg.find(',');
    std::string_view number = arg.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : arg.substr(comma + 1);
    uint64_t n = 0;
    if (!absl::SimpleAtoi(std::string(number), &n)) return Want(value);
    if (kind == "seed") {
      flag.options.seed = n;
      flag.options.deterministic = true;
      seeded = true;
    } else if (kind == "pct") {
      if (n < 1 || n > 100) return Want(value);
      flag.options.pct_depth = static_cast<int>(n);
    } else if (kind == "steps") {
      if (n < 1) return Want(value);
      flag.options.pct_steps = static_cast<int64_t>(n);
    } else if (kind == "explore") {
      if (n < 1 || n > 1000000) return Want(value);
      flag.explore_runs = static_cast<int>(n);
    } else {
      return Want(value);
    }
  }
  if ((flag.options.pct_depth > 0 || flag.options.pct_steps > 0) && !flag.options.deterministic &&
      flag.explore_runs == 0)
    return absl::InvalidArgumentError(absl::StrCat(
        "gojit: --sched=", std::string(value), ": pct and steps go with seed, record or explore"));
  if (flag.explore_runs > 0 && flag.options.deterministic)
    return absl::InvalidArgumentError(
        absl::StrCat("gojit: --sched=", std::string(value), ": explore chooses its own seeds"));
  if (!flag.options.replay_file.empty() && !flag.options.record_file.empty())
    return Want(value);
  if (const std::string& path = flag.options.replay_file; !path.empty()) {
    std::FILE* f = std::fopen(path.c_str(), "r");
    if (f == nullptr) {
      std::string why = std::strerror(errno);  // as Go prints it: lower case
      if (!why.empty()) why[0] = static_cast<char>(std::tolower(why[0]));
      return absl::InvalidArgumentError(absl::StrCat("gojit: open ", path, ": ", why));
    }
    char buf[65536];
    size_t got;
    while ((got = std::fread(buf, 1, sizeof buf, f)) > 0) flag.options.replay_text.append(buf, got);
    std::fclose(f);
    if (std::string error = gojit::rt::CheckSchedRecording(flag.options.replay_text); !error.empty())
      return absl::InvalidArgumentError(absl::StrCat("gojit: --sched=replay:", path, ":", error));
  }
  if (!flag.options.record_file.empty() && !seeded) {
    // A recording without a seed: a random one, written in the file's header.
    if (getrandom(&flag.options.seed, sizeof flag.options.seed, 0) != sizeof flag.options.seed)
      flag.options.seed = static_cast<uint64_t>(getpid()) * 0x9e3779b97f4a7c15u;
  }
  return flag;
}

int ExploreSchedules(const SchedFlag& flag,
                     const std::function<void(const gojit::rt::SchedOptions&)>& run_child,
                     const std::function<std::string(const std::string&)>& reproduce) {
  int runs = flag.explore_runs;
  // PCT's horizon: as given, else the most steps a run has taken so far (each run
  // reports its count through stats_fd), starting from the runtime's default.
  int64_t horizon = flag.options.pct_steps;
  int stats = MemoryFile("gojit-explore-stats");
  // Input that is not a terminal is read once and given whole to every run.
  int stdin_fd = -1;
  if (!isatty(0)) {
    stdin_fd = MemoryFile("gojit-explore-stdin");
    char buf[65536];
    ssize_t n;
    while ((n = read(0, buf, sizeof buf)) > 0) {
      if (write(stdin_fd, buf, static_cast<size_t>(n)) != n) break;
    }
  }
  RunResult first;
  for (int i = 1; i <= runs; i++) {
    gojit::rt::SchedOptions options = flag.options;
    options.deterministic = true;
    options.seed = static_cast<uint64_t>(i);
    std::string value = absl::StrCat("seed:", i);
    if (options.pct_depth > 0) {
      options.pct_steps = horizon;
      options.stats_fd = stats;
      ftruncate(stats, 0);
      lseek(stats, 0, SEEK_SET);
      absl::StrAppend(&value, ",pct:", options.pct_depth);
      if (horizon > 0) absl::StrAppend(&value, ",steps:", horizon);
    }
    RunResult r = RunOne(options, stdin_fd, run_child);
    if (options.pct_depth > 0 && flag.options.pct_steps == 0) {
      int64_t steps = 0;
      if (std::sscanf(ReadAll(stats).c_str(), "steps %ld", &steps) == 1 && steps > horizon)
        horizon = steps;
    }
    std::string why = Failure(r, i == 1 ? nullptr : &first);
    if (!why.empty()) {
      WriteAll(1, r.out);
      WriteAll(2, r.err);
      std::fprintf(stderr, "gojit: --sched=%s: seed %d %s (run %d of %d); reproduce it with:\n  %s\n",
                   flag.text.c_str(), i, why.c_str(), i, runs, reproduce(value).c_str());
      int code = ExitCode(r);
      return code != 0 ? code : 1;
    }
    if (i == 1) first = std::move(r);
  }
  WriteAll(1, first.out);
  WriteAll(2, first.err);
  std::fprintf(stderr, "gojit: --sched=%s: every run (seeds 1 to %d) exited 0 with the same output\n",
               flag.text.c_str(), runs);
  return 0;
}

}  // namespace gojit
