// Natives beneath Go's own package os (compiled from GOROOT) and the packages it
// stands on: os's runtime hooks, internal/poll's poller and semaphores, and what
// internal/syscall/unix links from the runtime.
//
// The poller: internal/poll registers every descriptor it can (sockets, pipes,
// anything epoll accepts) with the runtime's poller (runtime/netpoll.h), and a
// goroutine whose read or write would block parks until epoll says the
// descriptor is ready, or its deadline passes, as gc's do. A descriptor epoll
// refuses (a regular file) is used in blocking mode (FD.Init's fallback): its
// system calls release the P (Syscall6), and deadlines on it report
// ErrNoDeadline, as gc does for regular files.
#include <fcntl.h>
#include <sys/random.h>
#include <csignal>

#include <cerrno>
#include <cstdint>
#include <span>

#include "runtime/netpoll.h"
#include "runtime/deterministic_sched.h"
#include "runtime/proc.h"
#include "runtime/runtime.h"
#include "runtime/sema.h"
#include "runtime/time.h"
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
void Nanotime(rt::G*, void*, void* results) { *static_cast<int64_t*>(results) = rt::ProgramNanotime(); }

rt::PollDesc* Ctx(void* args) { return *static_cast<rt::PollDesc**>(args); }

// func runtime_pollServerInit()
void PollServerInit(rt::G*, void*, void*) { rt::NetpollGenericInit(); }

// func runtime_pollOpen(fd uintptr) (uintptr, int): the descriptor's PollDesc, or
// 0 and the errno with which epoll refused it.
void PollOpen(rt::G*, void* args, void* results) {
  struct Results {
    rt::PollDesc* ctx;
    int64_t errno_value;
  };
  int err = 0;
  rt::PollDesc* pd = rt::PollOpen(static_cast<int>(*static_cast<uintptr_t*>(args)), &err);
  *static_cast<Results*>(results) = Results{pd, err};
}

// func runtime_pollClose(ctx uintptr)
void PollClose(rt::G*, void* args, void*) { rt::PollClose(Ctx(args)); }

struct CtxMode {
  rt::PollDesc* ctx;
  int64_t mode;
};

// func runtime_pollWait(ctx uintptr, mode int) int
void PollWait(rt::G* g, void* args, void* results) {
  auto* in = static_cast<CtxMode*>(args);
  *static_cast<int64_t*>(results) = rt::PollWait(g, in->ctx, static_cast<int>(in->mode));
}

// func runtime_pollReset(ctx uintptr, mode int) int
void PollReset(rt::G*, void* args, void* results) {
  auto* in = static_cast<CtxMode*>(args);
  *static_cast<int64_t*>(results) = rt::PollReset(in->ctx, static_cast<int>(in->mode));
}

// func runtime_pollSetDeadline(ctx uintptr, d int64, mode int)
void PollSetDeadline(rt::G* g, void* args, void*) {
  struct Args {
    rt::PollDesc* ctx;
    int64_t d;
    int64_t mode;
  };
  auto* in = static_cast<Args*>(args);
  rt::PollSetDeadline(g, in->ctx, in->d, static_cast<int>(in->mode));
}

// func runtime_pollUnblock(ctx uintptr)
void PollUnblock(rt::G* g, void* args, void*) { rt::PollUnblock(g, Ctx(args)); }

// func runtime_isPollServerDescriptor(fd uintptr) bool
void IsPollServerDescriptor(rt::G*, void* args, void* results) {
  *static_cast<bool*>(results) = rt::IsPollServerDescriptor(static_cast<int>(*static_cast<uintptr_t*>(args)));
}

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
    {"internal/poll.runtime_pollServerInit", &PollServerInit},
    {"internal/poll.runtime_pollOpen", &PollOpen},
    {"internal/poll.runtime_pollClose", &PollClose},
    {"internal/poll.runtime_pollWait", &PollWait},
    {"internal/poll.runtime_pollWaitCanceled", &NoOp},  // Windows only
    {"internal/poll.runtime_pollReset", &PollReset},
    {"internal/poll.runtime_pollSetDeadline", &PollSetDeadline},
    {"internal/poll.runtime_pollUnblock", &PollUnblock},
    {"internal/poll.runtime_isPollServerDescriptor", &IsPollServerDescriptor},
    {"runtime.fcntl", &Fcntl},
    {"runtime.vgetrandom", &Vgetrandom},
};

}  // namespace

std::span<const NativeSymbol> OsNatives() { return kOsNatives; }

}  // namespace gojit::stdlib
