// Natives of package os (stdlib/os/os.go): Exit, the source of os.Args, and the
// system calls beneath *os.File and the environment. Each sys* native returns an
// errno (0 for success) that os.go wraps as os.Errno; errstr spells it as Go does.
// Not yet: directories, stat.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <span>
#include <string>

#include "runtime/proc.h"
#include "runtime/runtime.h"
#include "stdlib/natives.h"

namespace gojit::stdlib {
namespace {

using rt::GoSlice;
using rt::GoString;

// func Exit(code int)
void Exit(rt::G*, void* args, void*) {
  rt::Exit(static_cast<int>(*static_cast<int64_t*>(args)));
}

// func runtime_args() []string
void RuntimeArgs(rt::G* g, void*, void* results) {
  *static_cast<GoSlice*>(results) = rt::NewStringSlice(g, rt::Args());
}

std::string Str(const GoString& s) {
  return std::string(reinterpret_cast<const char*>(s.ptr), static_cast<size_t>(s.len));
}

struct FdBytesArgs {
  int64_t fd;
  GoSlice b;
};
struct CountErrno {
  int64_t n;
  int64_t errno_;
};

// func sysWrite(fd int, b []byte) (n int, errno int)
void SysWrite(rt::G*, void* args, void* results) {
  auto* in = static_cast<FdBytesArgs*>(args);
  auto* out = static_cast<CountErrno*>(results);
  const char* p = static_cast<const char*>(in->b.ptr);
  int64_t done = 0;
  while (done < in->b.len) {
    ssize_t w = write(static_cast<int>(in->fd), p + done, static_cast<size_t>(in->b.len - done));
    if (w < 0) {
      if (errno == EINTR) continue;
      out->errno_ = errno;
      break;
    }
    done += w;
  }
  out->n = done;
}

// func sysRead(fd int, b []byte) (n int, errno int)
// A read may block (stdin, a pipe): it runs as a system call, so the P goes on
// running other goroutines meanwhile (rt::EnterSyscall). errno is read before
// ExitSyscall, which may resume the goroutine on another thread.
void SysRead(rt::G* g, void* args, void* results) {
  auto* in = static_cast<FdBytesArgs*>(args);
  auto* out = static_cast<CountErrno*>(results);
  ssize_t r;
  int err = 0;
  rt::EnterSyscall(g);
  do {
    r = read(static_cast<int>(in->fd), in->b.ptr, static_cast<size_t>(in->b.len));
  } while (r < 0 && errno == EINTR);
  if (r < 0) err = errno;
  rt::ExitSyscall(g);
  if (r < 0) {
    out->errno_ = err;
  } else {
    out->n = r;
  }
}

// func sysOpen(name string, flag int, perm int) (fd int, errno int)
void SysOpen(rt::G*, void* args, void* results) {
  struct Args {
    GoString name;
    int64_t flag, perm;
  };
  auto* in = static_cast<Args*>(args);
  auto* out = static_cast<CountErrno*>(results);
  int fd = open(Str(in->name).c_str(), static_cast<int>(in->flag) | O_CLOEXEC,
                static_cast<mode_t>(in->perm));
  if (fd < 0) {
    out->errno_ = errno;
  } else {
    out->n = fd;
  }
}

// func sysClose(fd int) (errno int)
void SysClose(rt::G*, void* args, void* results) {
  int rc = close(static_cast<int>(*static_cast<int64_t*>(args)));
  *static_cast<int64_t*>(results) = rc < 0 ? errno : 0;
}

// func sysUnlink(name string) (errno int)
void SysUnlink(rt::G*, void* args, void* results) {
  std::string name = Str(*static_cast<GoString*>(args));
  int rc = unlink(name.c_str());
  if (rc < 0 && errno == EISDIR) rc = rmdir(name.c_str());
  *static_cast<int64_t*>(results) = rc < 0 ? errno : 0;
}

// func sysGetenv(key string) (value string, found int)
void SysGetenv(rt::G* g, void* args, void* results) {
  struct Results {
    GoString value;
    int64_t found;
  };
  auto* out = static_cast<Results*>(results);
  const char* v = std::getenv(Str(*static_cast<GoString*>(args)).c_str());
  if (v != nullptr) {
    out->value = rt::NewString(g, v);
    out->found = 1;
  }
}

// func errstr(errno int) string: strerror in Go's spelling (lower-case first letter).
void Errstr(rt::G* g, void* args, void* results) {
  std::string s = std::strerror(static_cast<int>(*static_cast<int64_t*>(args)));
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  *static_cast<GoString*>(results) = rt::NewString(g, s);
}

// func Getpid() int
void Getpid(rt::G*, void*, void* results) { *static_cast<int64_t*>(results) = getpid(); }

constexpr NativeSymbol kOsNatives[] = {
    {"os.Exit", Exit},
    {"os.runtime_args", RuntimeArgs},
    {"os.sysWrite", SysWrite},
    {"os.sysRead", SysRead},
    {"os.sysOpen", SysOpen},
    {"os.sysClose", SysClose},
    {"os.sysUnlink", SysUnlink},
    {"os.sysGetenv", SysGetenv},
    {"os.errstr", Errstr},
    {"os.Getpid", Getpid},
};

}  // namespace

std::span<const NativeSymbol> OsNatives() { return kOsNatives; }

}  // namespace gojit::stdlib
