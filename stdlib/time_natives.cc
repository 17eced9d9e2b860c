// Natives of package time (stdlib/time/*.go): the two clocks beneath Now and the
// monotonic readings (gc's runtime.time_now and runtime.nanotime), and the file and
// environment reads beneath Local and LoadLocation (gc's syscall calls in
// zoneinfo_unix.go and sys_unix.go). The calendar, formatting and TZif parsing are
// Go code; sleeping and timers are the runtime's, not these.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <span>
#include <string>

#include "runtime/runtime.h"
#include "stdlib/natives.h"

namespace gojit::stdlib {
namespace {

using rt::GoSlice;
using rt::GoString;

std::string Str(const GoString& s) {
  return std::string(reinterpret_cast<const char*>(s.ptr), static_cast<size_t>(s.len));
}

int64_t Nanos(clockid_t clock) {
  timespec ts;
  clock_gettime(clock, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// func now() (sec int64, nsec int32, mono int64); runtime.time_now in gc.
void Now(rt::G*, void*, void* results) {
  struct Results {
    int64_t sec;
    int32_t nsec;
    int64_t mono;
  };
  auto* out = static_cast<Results*>(results);
  timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  out->sec = ts.tv_sec;
  out->nsec = static_cast<int32_t>(ts.tv_nsec);
  out->mono = Nanos(CLOCK_MONOTONIC);
}

// func runtimeNano() int64; runtime.nanotime in gc.
void RuntimeNano(rt::G*, void*, void* results) {
  *static_cast<int64_t*>(results) = Nanos(CLOCK_MONOTONIC);
}

// func getenv(key string) (value string, found bool); syscall.Getenv in gc.
void Getenv(rt::G* g, void* args, void* results) {
  struct Results {
    GoString value;
    bool found;
  };
  auto* out = static_cast<Results*>(results);
  const char* v = std::getenv(Str(*static_cast<GoString*>(args)).c_str());
  if (v != nullptr) {
    out->value = rt::NewString(g, v);
    out->found = true;
  }
}

// func sysReadFile(name string, max int) (data []byte, errno int, msg string)
//
// Reads the whole file as gc's readFile does with open/read: a directory opens and
// then fails to read (EISDIR). errno -1 means more than max bytes. msg is strerror
// in Go's spelling (lower-case first letter), as syscall.Errno.Error gives it.
void SysReadFile(rt::G* g, void* args, void* results) {
  struct Args {
    GoString name;
    int64_t max;
  };
  struct Results {
    GoSlice data;
    int64_t errno_;
    GoString msg;
  };
  auto* in = static_cast<Args*>(args);
  auto* out = static_cast<Results*>(results);
  auto fail = [&](int e) {
    std::string s = std::strerror(e);
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z')
      s[0] = static_cast<char>(s[0] - 'A' + 'a');
    out->errno_ = e;
    out->msg = rt::NewString(g, s);
  };
  int fd = open(Str(in->name).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    fail(errno);
    return;
  }
  std::string data;
  char buf[4096];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int e = errno;
      close(fd);
      fail(e);
      return;
    }
    if (n == 0) break;
    data.append(buf, static_cast<size_t>(n));
    if (static_cast<int64_t>(data.size()) > in->max) {
      close(fd);
      out->errno_ = -1;
      return;
    }
  }
  close(fd);
  int64_t len = static_cast<int64_t>(data.size());
  void* p = rt::Malloc(g, len, nullptr);
  std::memcpy(p, data.data(), data.size());
  out->data = GoSlice{p, len, len};
}

constexpr NativeSymbol kTimeNatives[] = {
    {"time.now", Now},
    {"time.runtimeNano", RuntimeNano},
    {"time.getenv", Getenv},
    {"time.sysReadFile", SysReadFile},
};

}  // namespace

std::span<const NativeSymbol> TimeNatives() { return kTimeNatives; }

}  // namespace gojit::stdlib
