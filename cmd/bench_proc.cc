// cmd/bench_proc.cc: one measured child process for gojit-bench (see bench.h).
//
// fork/exec + wait4, not testdata/harness's RunProcess, because the measurement is
// the point: wait4's rusage gives the CPU time and peak RSS of the child *and of the
// descendants it reaped* (so `go run`'s compile, link and program are all counted),
// and the wall clock stops when the child is reaped, not at some poll tick. The
// parent waits on the stdout/stderr pipes and on a pidfd of the child with one poll(),
// so no sleep loop adds jitter; without pidfd_open (Linux < 5.3) it falls back to
// polling waitpid every millisecond after the pipes close.
//
// Timeouts kill the child's whole process group (it leads one), so a `go run` cannot
// leave its program running.

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string_view>

#include "cmd/bench.h"

extern char** environ;

namespace gojit::bench {
namespace {

constexpr size_t kMaxStderr = 64 << 10;

double Now() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int PidfdOpen(pid_t pid) {
#ifdef SYS_pidfd_open
  return static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
#else
  (void)pid;
  errno = ENOSYS;
  return -1;
#endif
}

// Reads what is available on fd into *into (up to `cap` bytes kept); false at EOF.
bool Drain(int fd, std::string* into, size_t cap) {
  char buf[65536];
  ssize_t n = read(fd, buf, sizeof buf);
  if (n < 0) return errno == EINTR || errno == EAGAIN;
  if (n == 0) return false;
  if (into->size() < cap) into->append(buf, std::min<size_t>(n, cap - into->size()));
  return true;
}

}  // namespace

std::optional<double> ProgramSeconds(const std::string& err) {
  size_t at = err.rfind("gojit: time: ");
  if (at == std::string::npos) return std::nullopt;
  size_t end = err.find('\n', at);
  std::string line = err.substr(at, end == std::string::npos ? std::string::npos : end - at);
  size_t run = line.find(" run ");
  if (run == std::string::npos) return std::nullopt;
  char* stop = nullptr;
  double v = std::strtod(line.c_str() + run + 5, &stop);
  if (stop == line.c_str() + run + 5 || *stop != 's') return std::nullopt;
  return v;
}

std::optional<double> LongestPauseMs(const std::string& err) {
  constexpr std::string_view kTag = "bench: longest-gc-pause-ns ";
  size_t at = err.rfind(kTag);
  if (at == std::string::npos) return std::nullopt;
  const char* digits = err.c_str() + at + kTag.size();
  char* stop = nullptr;
  unsigned long long ns = std::strtoull(digits, &stop, 10);
  if (stop == digits) return std::nullopt;
  return static_cast<double>(ns) / 1e6;
}

Sample RunMeasured(const std::vector<std::string>& argv, const std::string& cwd,
                   std::chrono::milliseconds timeout, const std::vector<std::string>& env) {
  Sample s;
  int out_pipe[2], err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0) {
    s.spawn_failed = true;
    return s;
  }
  if (pipe2(err_pipe, O_CLOEXEC) != 0) {
    close(out_pipe[0]);
    close(out_pipe[1]);
    s.spawn_failed = true;
    return s;
  }
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  // The child's environment: ours with `env` applied (built before fork).
  std::vector<std::string> env_strings;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    std::string kv = *e;
    std::string key = kv.substr(0, kv.find('=') + 1);
    bool overridden = false;
    for (const std::string& o : env) overridden |= o.compare(0, key.size(), key) == 0;
    if (!overridden) env_strings.push_back(kv);
  }
  env_strings.insert(env_strings.end(), env.begin(), env.end());
  std::vector<char*> envp;
  for (std::string& kv : env_strings) envp.push_back(kv.data());
  envp.push_back(nullptr);

  double start = Now();
  pid_t pid = fork();
  if (pid == 0) {
    // Child: only async-signal-safe calls until exec.
    setpgid(0, 0);
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0) dup2(devnull, 0);
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(127);
    execvpe(args[0], args.data(), envp.data());
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (pid < 0) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    s.spawn_failed = true;
    return s;
  }
  setpgid(pid, pid);  // also in the parent: no race with the kill below
  int pidfd = PidfdOpen(pid);
  double deadline = start + timeout.count() / 1000.0;
  bool out_open = true, err_open = true, exited = false;
  int status = 0;
  rusage ru{};
  while (!exited) {
    pollfd fds[3];
    int nfds = 0;
    int out_i = -1, err_i = -1, pid_i = -1;
    if (out_open) fds[out_i = nfds++] = {out_pipe[0], POLLIN, 0};
    if (err_open) fds[err_i = nfds++] = {err_pipe[0], POLLIN, 0};
    if (pidfd >= 0) fds[pid_i = nfds++] = {pidfd, POLLIN, 0};
    double left = deadline - Now();
    if (left <= 0 && !s.timed_out) {
      kill(-pid, SIGKILL);
      s.timed_out = true;
    }
    // Without a pidfd, once the pipes are closed, poll the child every millisecond.
    int wait_ms = s.timed_out ? 10 : static_cast<int>(left * 1000) + 1;
    if (pidfd < 0 && !out_open && !err_open) wait_ms = std::min(wait_ms, 1);
    int r = poll(fds, nfds, wait_ms);
    if (r < 0 && errno != EINTR) break;
    if (out_i >= 0 && fds[out_i].revents) out_open = Drain(out_pipe[0], &s.out, SIZE_MAX);
    if (err_i >= 0 && fds[err_i].revents) err_open = Drain(err_pipe[0], &s.err, kMaxStderr);
    if (pid_i >= 0 && !fds[pid_i].revents) continue;
    // The child may have exited: reap it without blocking.
    pid_t w = wait4(pid, &status, WNOHANG, &ru);
    if (w == pid) exited = true;
  }
  double end = Now();
  // A descendant that outlived the child (it should not) goes with the group, so the
  // pipes reach EOF; what is still buffered in them is kept.
  kill(-pid, SIGKILL);
  while (out_open && Drain(out_pipe[0], &s.out, SIZE_MAX)) {
  }
  while (err_open && Drain(err_pipe[0], &s.err, kMaxStderr)) {
  }
  close(out_pipe[0]);
  close(err_pipe[0]);
  if (pidfd >= 0) close(pidfd);

  s.wall_s = end - start;
  s.cpu_s = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec * 1e-6 + ru.ru_stime.tv_sec +
            ru.ru_stime.tv_usec * 1e-6;
  s.max_rss_kib = ru.ru_maxrss;
  if (WIFEXITED(status)) {
    s.exit_code = WEXITSTATUS(status);
    if (s.exit_code == 127 && s.out.empty() && s.err.empty()) s.spawn_failed = true;
  } else if (WIFSIGNALED(status)) {
    s.exit_code = 128 + WTERMSIG(status);
  }
  return s;
}

void Accumulate(Sample& a, const Sample& b) {
  a.wall_s += b.wall_s;
  a.cpu_s += b.cpu_s;
  a.max_rss_kib = std::max(a.max_rss_kib, b.max_rss_kib);
  bool a_ok = a.exit_code == 0 && !a.timed_out && !a.spawn_failed;
  if (a_ok) {
    a.exit_code = b.exit_code;
    a.timed_out = b.timed_out;
    a.spawn_failed = b.spawn_failed;
    a.out = b.out;
    a.err = b.err;
  }
}

std::optional<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return false;
  out << content;
  return static_cast<bool>(out);
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::string FirstDifference(const std::string& got, const std::string& want) {
  std::istringstream g(got), w(want);
  std::string gl, wl;
  for (int line = 1;; ++line) {
    bool gm = static_cast<bool>(std::getline(g, gl));
    bool wm = static_cast<bool>(std::getline(w, wl));
    if (!gm && !wm) return "outputs differ only in the final newline";
    if (!gm) gl = "<EOF>";
    if (!wm) wl = "<EOF>";
    if (gl != wl || !gm || !wm) {
      auto cut = [](std::string s) { return s.size() > 60 ? s.substr(0, 57) + "..." : s; };
      return "line " + std::to_string(line) + ": got \"" + cut(gl) + "\", want \"" +
             cut(wl) + "\"";
    }
  }
}

}  // namespace gojit::bench
