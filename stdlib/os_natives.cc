// Natives beneath Go's own package os (compiled from GOROOT) and the packages it
// stands on: os's runtime hooks, internal/poll's poller and semaphores, and what
// internal/syscall/unix links from the runtime.
//
// The poller: gc registers every descriptor it can with epoll and parks a
// goroutine whose read or write would block. gojit's runtime has no descriptor
// registrations yet (runtime/netpoll.cc only sleeps on timers), so
// runtime_pollOpen fails, and internal/poll then uses the descriptor in blocking
// mode (FD.Init's fallback): a read of a pipe or terminal blocks its thread, in a
// system call that releases the P (Syscall6), and deadlines on such files report
// ErrNoDeadline, as gc does for regular files. A descriptor that is already in
// non-blocking mode when os.NewFile sees it returns EAGAIN instead of waiting.
#include <fcntl.h>
#include <sys/random.h>
#include <csignal>

#include <cerrno>
#include <cstdint>
#include <span>

#include "runtime/proc.h"
#include "runtime/runtime.h"
#include "runtime/sema.h"
#include "stdlib/natives.h"

namespace gojit::stdlib {
namespace {

using rt::GoSlice;

// func runtime_args() []string
void RuntimeArgs(rt::G* g, void*, void* results) {
  *static_cast<GoSlice*>(results) = rt::NewStringSlice(g, rt::Args());
}

// func runtime_beforeExit(exitCode int): gc flushes coverage and race data there.
void NoOp(rt::G*, void*, void*) {}

// func sigpipe(): a write to a closed pipe on fd 1 or 2 kills the program with
// SIGPIPE, as gc's runtime does (os_sigpipe).
void Sigpipe(rt::G*, void*, void*) {
  signal(SIGPIPE, SIG_DFL);
  raise(SIGPIPE);
}

// func runtime_Semacquire(sema *uint32) and runtime_Semrelease(sema *uint32):
// internal/poll's fdMutex waits on these.
void Semacquire(rt::G* g, void* args, void*) {
  rt::Semacquire(g, *static_cast<uint32_t**>(args), false, rt::WaitReason::kSemacquire);
}
void Semrelease(rt::G* g, void* args, void*) {
  rt::Semrelease(g, *static_cast<uint32_t**>(args), false);
}

// func runtimeNano() int64 (runtime.nanotime)
void Nanotime(rt::G*, void*, void* results) { *static_cast<int64_t*>(results) = rt::Nanotime(); }

// func runtime_pollOpen(fd uintptr) (uintptr, int): no registration (see the top).
void PollOpen(rt::G*, void*, void* results) {
  auto* out = static_cast<int64_t*>(results);
  out[0] = 0;
  out[1] = ENOSYS;
}

// func runtime_pollReset(ctx uintptr, mode int) int and
// func runtime_pollWait(ctx uintptr, mode int) int: never reached with a null ctx
// (internal/poll checks), so "not pollable" (gc's pollNoError would be 0).
void PollResult(rt::G*, void*, void* results) { *static_cast<int64_t*>(results) = 0; }

// func runtime_isPollServerDescriptor(fd uintptr) bool
void IsPollServerDescriptor(rt::G*, void*, void* results) { *static_cast<bool*>(results) = false; }

// func fcntl(fd int32, cmd int32, arg int32) (int32, int32) (runtime.fcntl)
void Fcntl(rt::G*, void* args, void* results) {
  auto* in = static_cast<int32_t*>(args);
  auto* out = static_cast<int32_t*>(results);
  int r = fcntl(in[0], in[1], in[2]);
  out[0] = r;
  out[1] = r < 0 ? errno : 0;
}

// func vgetrandom(p []byte, flags uint32) (ret int, supported bool): gc's vDSO
// getrandom. Not offered: internal/syscall/unix then makes the system call.
void Vgetrandom(rt::G*, void*, void* results) {
  struct Results {
    int64_t ret;
    bool supported;
  };
  *static_cast<Results*>(results) = Results{-1, false};
}

const NativeSymbol kOsNatives[] = {
    {"os.runtime_args", &RuntimeArgs},
    {"os.runtime_beforeExit", &NoOp},
    {"os.sigpipe", &Sigpipe},
    {"os.ignoreSIGSYS", &NoOp},
    {"os.restoreSIGSYS", &NoOp},
    {"internal/poll.runtime_Semacquire", &Semacquire},
    {"internal/poll.runtime_Semrelease", &Semrelease},
    {"runtime.nanotime", &Nanotime},
    {"internal/poll.runtime_pollServerInit", &NoOp},
    {"internal/poll.runtime_pollOpen", &PollOpen},
    {"internal/poll.runtime_pollClose", &NoOp},
    {"internal/poll.runtime_pollWait", &PollResult},
    {"internal/poll.runtime_pollWaitCanceled", &NoOp},
    {"internal/poll.runtime_pollReset", &PollResult},
    {"internal/poll.runtime_pollSetDeadline", &NoOp},
    {"internal/poll.runtime_pollUnblock", &NoOp},
    {"internal/poll.runtime_isPollServerDescriptor", &IsPollServerDescriptor},
    {"runtime.fcntl", &Fcntl},
    {"runtime.vgetrandom", &Vgetrandom},
};

}  // namespace

std::span<const NativeSymbol> OsNatives() { return kOsNatives; }

}  // namespace gojit::stdlib
