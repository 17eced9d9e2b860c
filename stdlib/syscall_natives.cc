// Natives of package syscall (stdlib/syscall/syscall.go).
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

#include "runtime/runtime.h"
#include "stdlib/natives.h"

namespace gojit::stdlib {
namespace {

void Getpid(rt::G*, void*, void* results) { *static_cast<int64_t*>(results) = getpid(); }
void Getppid(rt::G*, void*, void* results) { *static_cast<int64_t*>(results) = getppid(); }
void Gettid(rt::G*, void*, void* results) {
  *static_cast<int64_t*>(results) = syscall(SYS_gettid);
}

// func kill(pid int, sig int) (errno int)
void Kill(rt::G*, void* args, void* results) {
  auto* in = static_cast<int64_t*>(args);
  int r = kill(static_cast<pid_t>(in[0]), static_cast<int>(in[1]));
  *static_cast<int64_t*>(results) = r < 0 ? errno : 0;
}

// func errstr(errno int) string: the text Go's syscall.Errno.Error gives (strerror
// with a lower-case first letter, as Go's errors table spells them).
void Errstr(rt::G* g, void* args, void* results) {
  std::string s = strerror(static_cast<int>(*static_cast<int64_t*>(args)));
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  *static_cast<rt::GoString*>(results) = rt::NewString(g, s);
}

const NativeSymbol kSyscallNatives[] = {
    {"syscall.Getpid", &Getpid}, {"syscall.Getppid", &Getppid}, {"syscall.Gettid", &Gettid},
    {"syscall.kill", &Kill},     {"syscall.errstr", &Errstr},
};

}  // namespace

std::span<const NativeSymbol> SyscallNatives() { return kSyscallNatives; }

}  // namespace gojit::stdlib
