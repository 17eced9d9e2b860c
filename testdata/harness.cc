// testdata/harness.cc: process running, sidecar parsing and errorcheck matching for
// the golden tests (see harness.h). POSIX only; no gojit code is linked in.

#include "testdata/harness.h"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

extern char** environ;

namespace gojit::testdata {
namespace {

// Builds "KEY=VALUE" strings: the inherited environment with `extra` applied.
std::vector<std::string> MergedEnv(const std::vector<std::string>& extra) {
  std::map<std::string, std::string> env;
  std::vector<std::string> order;
  auto put = [&](const std::string& kv) {
    std::string key = kv.substr(0, kv.find('='));
    if (!env.count(key)) order.push_back(key);
    env[key] = kv;
  };
  for (char** e = environ; e && *e; ++e) put(*e);
  // The tests leave the user's cache alone and share one of their own, as a
  // user's runs share theirs: the library packages' objects, keyed by their code
  // and by the gojit executable (jit/package_objects.h), are compiled once per
  // build of gojit rather than once per test, and a rebuilt gojit compiles
  // everything afresh. tools/cache_test.sh tests the cache itself.
  put("GOJITCACHE=" GOJIT_TEST_CACHE_DIR);
  // Library partitions named by their inputs (jit/package_objects.h) are still
  // extracted, and a run fails if one's code is not what its inputs named: every
  // test program then checks what the programs before it stored.
  put("GOJIT_VERIFY_PARTITION_REUSE=1");
  for (const std::string& kv : extra) put(kv);
  std::vector<std::string> out;
  for (const std::string& key : order) out.push_back(env[key]);
  return out;
}

void SetNonBlocking(int fd) { fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }

}  // namespace

std::regex GoRegex(const std::string& re) {
  // RE2 (Go's regexp) reads a '{' or '}' that does not form a repetition {n}, {n,},
  // {n,m} as a literal; ECMAScript rejects it. Escape those so Go's patterns, e.g.
  // "expecting { after for clause", mean the same here.
  static const std::regex repetition(R"(^\{\d+(,\d*)?\})");
  std::string out;
  for (size_t i = 0; i < re.size(); ++i) {
    char c = re[i];
    if (c == '\\' && i + 1 < re.size()) {
      out += re.substr(i, 2);
      ++i;
      continue;
    }
    if (c == '{') {
      std::smatch m;
      std::string rest = re.substr(i);
      if (std::regex_search(rest, m, repetition)) {
        out += m.str();
        i += m.length() - 1;
        continue;
      }
    }
    if (c == '{' || c == '}') out += '\\';
    out += c;
  }
  return std::regex(out);
}

ProcessResult RunProcess(const std::vector<std::string>& argv, const std::string& cwd,
                         std::chrono::milliseconds timeout,
                         const std::vector<std::string>& extra_env) {
  ProcessResult r;
  int out_pipe[2], err_pipe[2];
  if (argv.empty() || pipe2(out_pipe, O_CLOEXEC) != 0) {
    r.spawn_failed = true;
    return r;
  }
  if (pipe2(err_pipe, O_CLOEXEC) != 0) {
    close(out_pipe[0]);
    close(out_pipe[1]);
    r.spawn_failed = true;
    return r;
  }
  // Everything the child needs is prepared before fork: no allocation after it.
  std::vector<std::string> env_strings = MergedEnv(extra_env);
  std::vector<char*> envp, args;
  for (std::string& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::vector<std::string> argv_copy = argv;
  for (std::string& s : argv_copy) args.push_back(s.data());
  args.push_back(nullptr);

  pid_t pid = fork();
  if (pid == 0) {
    setpgid(0, 0);
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0) dup2(devnull, 0);
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(126);
    execvpe(args[0], args.data(), envp.data());
    const char msg[] = "harness: exec failed\n";
    (void)!write(2, msg, sizeof msg - 1);
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (pid < 0) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    r.spawn_failed = true;
    return r;
  }
  setpgid(pid, pid);  // also from the parent, so the kill below cannot miss the group
  SetNonBlocking(out_pipe[0]);
  SetNonBlocking(err_pipe[0]);

  auto deadline = std::chrono::steady_clock::now() + timeout;
  struct pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&r.out, &r.err};
  int open_fds = 2;
  char buf[65536];
  while (open_fds > 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      r.timed_out = true;
      kill(-pid, SIGKILL);
      break;
    }
    int n = poll(fds, 2, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (n < 0 && errno != EINTR) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t got;
      while ((got = read(fds[i].fd, buf, sizeof buf)) > 0) sinks[i]->append(buf, got);
      if (got == 0 || (got < 0 && errno != EAGAIN && errno != EINTR)) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  for (auto& fd : fds) {
    if (fd.fd >= 0) close(fd.fd);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  // The child is gone; grandchildren that kept our pipes open are not waited for, but
  // a timed-out group was killed as a whole above.
  if (WIFEXITED(status)) {
    r.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    r.exit_code = 128 + WTERMSIG(status);
  }
  return r;
}

std::string Describe(const ProcessResult& r) {
  std::ostringstream s;
  if (r.spawn_failed) return "could not start the process";
  s << "exit code " << r.exit_code << (r.timed_out ? " (killed after the timeout)" : "");
  auto head = [](const std::string& text) {
    std::vector<std::string> lines = SplitLines(text);
    std::string out;
    for (size_t i = 0; i < lines.size() && i < 20; ++i) out += "\n    | " + lines[i];
    if (lines.size() > 20) out += "\n    | ...";
    return out;
  };
  s << "\n  stdout:" << head(r.out) << "\n  stderr:" << head(r.err);
  return s.str();
}

std::optional<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool FileExists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

std::vector<std::string> ListDir(const std::string& dir, const std::string& suffix) {
  std::vector<std::string> names;
  DIR* d = opendir(dir.c_str());
  if (!d) return names;
  while (struct dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name.size() > suffix.size() && name[0] != '.' &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      names.push_back(name);
    }
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  return names;
}

std::string FindOnPath(const std::string& name) {
  const char* path = getenv("PATH");
  if (!path) return "";
  std::stringstream dirs(path);
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

std::string TestName(const std::string& file) {
  std::string name = file;
  for (char& c : name) {
    if (!isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

std::string FirstDiagnosticLine(const std::string& text) {
  for (const std::string& line : SplitLines(text)) {
    if (line.empty() || line[0] == '#') continue;
    return line;
  }
  return "";
}

namespace {
// The N of a `// NAME: N` line.
std::optional<int> NumberHeader(const std::string& source, const std::string& name) {
  const std::regex re("^// " + name + R"(: (\d+)$)");
  for (const std::string& line : SplitLines(source)) {
    std::smatch m;
    if (std::regex_match(line, m, re)) return std::stoi(m[1]);
  }
  return std::nullopt;
}
}  // namespace

std::optional<int> ExitCodeHeader(const std::string& source) { return NumberHeader(source, "exitcode"); }

std::optional<int> GojitTimeoutHeader(const std::string& source) {
  return NumberHeader(source, "gojit-timeout");
}

bool LineExpectation::Matches(const std::string& line) const {
  if (!is_regex) return line == text;
  return std::regex_search(line, GoRegex(text));
}

std::string LineExpectation::ToString() const {
  return is_regex ? "a line matching /" + text + "/" : "\"" + text + "\"";
}

std::optional<LineExpectation> ParseErrSidecar(const std::string& content) {
  std::vector<std::string> lines = SplitLines(content);
  if (lines.empty() || lines[0].empty()) return std::nullopt;
  LineExpectation e;
  if (lines[0].rfind("re: ", 0) == 0) {
    e.is_regex = true;
    e.text = lines[0].substr(4);
  } else {
    e.text = lines[0];
  }
  return e;
}

std::vector<WantedError> ParseErrorComments(const std::string& source, std::string* bad) {
  static const std::regex error_re(R"(// (?:GC_)?ERROR (.*))");
  static const std::regex quoted_re(R"re("([^"]*)")re");
  std::vector<WantedError> wanted;
  std::vector<std::string> lines = SplitLines(source);
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.find("////") != std::string::npos) continue;
    std::smatch m;
    if (!std::regex_search(line, m, error_re)) continue;
    std::string all = m[1];
    bool any = false;
    for (std::sregex_iterator it(all.begin(), all.end(), quoted_re), end; it != end;
         ++it) {
      wanted.push_back({static_cast<int>(i + 1), (*it)[1]});
      any = true;
    }
    if (!any && bad)
      *bad = "line " + std::to_string(i + 1) + ": ERROR without a quoted regexp";
  }
  return wanted;
}

std::vector<Diagnostic> ParseDiagnostics(const std::string& output) {
  static const std::regex pos_re(R"(^(.+?):(\d+)(?::\d+)?: (.*)$)");
  std::vector<Diagnostic> diags;
  for (const std::string& line : SplitLines(output)) {
    if (!line.empty() && line[0] == '\t') {
      if (!diags.empty()) {
        diags.back().text += "\n" + line;
        diags.back().raw += "\n" + line;
      }
      continue;
    }
    if (line.find_first_not_of(" \r") == std::string::npos || line[0] == '#') continue;
    Diagnostic d;
    d.raw = line;
    std::smatch m;
    if (std::regex_match(line, m, pos_re)) {
      d.file = m[1];
      d.line = std::stoi(m[2]);
      d.text = m[3];
    } else {
      d.text = line;
    }
    diags.push_back(d);
  }
  return diags;
}

std::vector<std::string> CheckErrors(const std::string& file,
                                     const std::vector<WantedError>& wanted,
                                     const std::vector<Diagnostic>& diags) {
  auto same_file = [&](const std::string& f) {
    std::string a = f.rfind("./", 0) == 0 ? f.substr(2) : f;
    return a == file ||
           (a.size() > file.size() &&
            a.compare(a.size() - file.size() - 1, std::string::npos, "/" + file) == 0);
  };
  std::vector<std::string> problems;
  std::vector<bool> consumed(diags.size(), false);
  for (const WantedError& w : wanted) {
    std::regex re;
    try {
      re = GoRegex(w.regex);
    } catch (const std::regex_error& e) {
      problems.push_back(file + ":" + std::to_string(w.line) + ": bad regexp \"" +
                         w.regex + "\": " + e.what());
      continue;
    }
    bool any_on_line = false, matched = false;
    std::string seen;
    for (size_t i = 0; i < diags.size(); ++i) {
      if (consumed[i] || diags[i].line != w.line || !same_file(diags[i].file)) continue;
      any_on_line = true;
      if (std::regex_search(diags[i].text, re)) {
        consumed[i] = true;
        matched = true;
      } else {
        seen += "\n\t" + diags[i].raw;
      }
    }
    if (!any_on_line) {
      problems.push_back(file + ":" + std::to_string(w.line) + ": missing error \"" +
                         w.regex + "\"");
    } else if (!matched) {
      problems.push_back(file + ":" + std::to_string(w.line) + ": no match for \"" +
                         w.regex + "\" in:" + seen);
    }
  }
  for (size_t i = 0; i < diags.size(); ++i) {
    if (!consumed[i]) problems.push_back("unexpected error: " + diags[i].raw);
  }
  return problems;
}

}  // namespace gojit::testdata
