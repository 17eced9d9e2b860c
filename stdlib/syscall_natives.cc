// Natives beneath Go's own package syscall (compiled from GOROOT) on linux/amd64.
//
// gc reaches the kernel through one assembly routine, internal/runtime/syscall/
// linux.Syscall6, and a few runtime hooks that package syscall declares without a
// body: the environment (runtime_envs, runtimeSetenv, ...), the page size, Exit,
// and the entersyscall/exitsyscall pair that RawSyscall leaves out. Here the
// system call itself is libc's syscall(2), and every call through Syscall6 is
// bracketed by rt::EnterSyscall/ExitSyscall, whether Go's code asked for a "raw"
// call or not: Go code between runtime_entersyscall and runtime_exitsyscall would
// run with stack checks and preemption requests that gc's nosplit functions never
// see, so those two hooks are empty and the bracket moves into the native, where
// no Go code runs. Raw calls are the short ones (getpid, fcntl), for which the
// bracket costs a few atomic operations.
//
// fork/exec: rawVforkSyscall makes an ordinary fork where gc makes a vfork
// (runtime/fork.cc says why and what the child may do), and the runtime_BeforeFork
// family are the runtime's. A system call made in the child (m.in_fork) skips the
// EnterSyscall bracket: the child has one thread and no scheduler to hand a P to.
// An execve holds the runtime's exec lock while the kernel replaces the image.
//
// Not provided, so a program that reaches it stops with "missing native":
// runtime_doAllThreadsSyscall (syscall.AllThreadsSyscall, setuid and friends).
#include <sched.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <span>
#include <string>
#include <vector>

#include "runtime/deterministic_sched.h"
#include "runtime/proc.h"
#include "runtime/runtime.h"
#include "stdlib/natives.h"

extern char** environ;

namespace gojit::stdlib {
namespace {

using rt::GoSlice;
using rt::GoString;

std::string Str(const GoString& s) {
  return std::string(reinterpret_cast<const char*>(s.ptr), static_cast<size_t>(s.len));
}

// A raw system call: the kernel's result r1, and errno (0 on success) as Go's
// Syscall6 returns them (r2 is rdx, which no linux/amd64 call Go makes reads).
struct RawResult {
  uintptr_t r1;
  uintptr_t r2;
  uintptr_t err;
};

RawResult RawSyscall(uintptr_t num, uintptr_t a1, uintptr_t a2, uintptr_t a3, uintptr_t a4,
                     uintptr_t a5, uintptr_t a6) {
  errno = 0;
  long r = syscall(static_cast<long>(num), a1, a2, a3, a4, a5, a6);
  if (r == -1 && errno != 0)
    return {static_cast<uintptr_t>(-1), 0, static_cast<uintptr_t>(errno)};
  return {static_cast<uintptr_t>(r), 0, 0};
}

// A read-like call whose result is an input of the program under
// --sched=record/replay (runtime/deterministic_sched.h): read and pread64 of a
// blocking descriptor, getrandom (descriptor -1). Sets *fd, *buf and *n.
bool InputCall(const uintptr_t* in, int* fd, void** buf, size_t* n) {
  switch (in[0]) {
    case SYS_read:
    case SYS_pread64:
      *fd = static_cast<int>(in[1]);
      *buf = reinterpret_cast<void*>(in[2]);
      *n = in[3];
      break;
    case SYS_getrandom:
      *fd = -1;
      *buf = reinterpret_cast<void*>(in[1]);
      *n = in[2];
      break;
    default:
      return false;
  }
  return rt::DetIsInput(*fd);
}

// func Syscall6(num, a1, a2, a3, a4, a5, a6 uintptr) (r1, r2, errno uintptr)
// (internal/runtime/syscall/linux)
void Syscall6(rt::G* g, void* args, void* results) {
  auto* in = static_cast<uintptr_t*>(args);
  if (g->m->in_fork) {
    *static_cast<RawResult*>(results) = RawSyscall(in[0], in[1], in[2], in[3], in[4], in[5], in[6]);
    return;
  }
  int input_fd = 0;
  void* input_buf = nullptr;
  size_t input_n = 0;
  bool input = rt::det::inputs && InputCall(in, &input_fd, &input_buf, &input_n);
  if (long replayed = 0; input && rt::DetReplayInput(input_fd, input_buf, input_n, &replayed)) {
    *static_cast<RawResult*>(results) =
        replayed < 0 ? RawResult{static_cast<uintptr_t>(-1), 0, static_cast<uintptr_t>(-replayed)}
                     : RawResult{static_cast<uintptr_t>(replayed), 0, 0};
    return;
  }
  bool exec = in[0] == SYS_execve || in[0] == SYS_execveat;
  rt::EnterSyscall(g);
  if (exec) rt::LockExec();
  RawResult r = RawSyscall(in[0], in[1], in[2], in[3], in[4], in[5], in[6]);
  if (exec) rt::UnlockExec();
  rt::ExitSyscall(g);
  if (input && r.err != EAGAIN && r.err != EINTR)
    rt::DetRecordInput(input_fd, input_buf, r.err != 0 ? -static_cast<long>(r.err) : static_cast<long>(r.r1));
  *static_cast<RawResult*>(results) = r;
}

// clone3's argument block (linux/sched.h, struct clone_args), as far as fork
// needs it: the flags, and the stack that must stay 0 (the child runs on a copy
// of the caller's).
struct CloneArgs {
  uint64_t flags;
  uint64_t pidfd;
  uint64_t child_tid;
  uint64_t parent_tid;
  uint64_t exit_signal;
  uint64_t stack;
  uint64_t stack_size;
  uint64_t tls;
};

// func rawVforkSyscall(trap, a1, a2, a3 uintptr) (r1 uintptr, err Errno): clone
// or clone3 as syscall's forkAndExecInChild1 and doCheckClonePidfd make them,
// less CLONE_VM and CLONE_VFORK: a fork, whose child returns 0 into Go code on
// its own copy of the goroutine stack (runtime/fork.cc).
void RawVforkSyscall(rt::G* g, void* args, void* results) {
  auto* in = static_cast<uintptr_t*>(args);
  constexpr uint64_t kShared = CLONE_VM | CLONE_VFORK;
  RawResult r;
  if (in[0] == SYS_clone) {
    r = RawSyscall(SYS_clone, in[1] & ~kShared, 0, in[3], 0, 0, 0);
  } else if (in[0] == SYS_clone3) {
    CloneArgs ca = {};
    std::memcpy(&ca, reinterpret_cast<void*>(in[1]), std::min<size_t>(in[2], sizeof ca));
    ca.flags &= ~kShared;
    ca.stack = 0;
    ca.stack_size = 0;
    r = RawSyscall(SYS_clone3, reinterpret_cast<uintptr_t>(&ca), sizeof ca, 0, 0, 0, 0);
  } else {
    r = RawSyscall(in[0], in[1], in[2], in[3], 0, 0, 0);
  }
  if (r.err == 0 && r.r1 == 0 && (in[0] == SYS_clone || in[0] == SYS_clone3)) {
    // The child: hold the M as BeforeFork does, also for doCheckClonePidfd's
    // child, which exits at once without BeforeFork.
    g->m->locks++;
    g->m->in_fork = true;
  }
  auto* out = static_cast<uintptr_t*>(results);
  out[0] = r.r1;
  out[1] = r.err;
}

// runtime_BeforeFork, runtime_AfterFork, runtime_AfterForkInChild.
void BeforeFork(rt::G* g, void*, void*) { rt::BeforeFork(g); }
void AfterFork(rt::G* g, void*, void*) { rt::AfterFork(g); }
void AfterForkInChild(rt::G* g, void*, void*) { rt::AfterForkInChild(g); }

// func rawSyscallNoError(trap, a1, a2, a3 uintptr) (r1, r2 uintptr): calls that
// cannot fail (getpid, getuid, ...).
void RawSyscallNoError(rt::G*, void* args, void* results) {
  auto* in = static_cast<uintptr_t*>(args);
  RawResult r = RawSyscall(in[0], in[1], in[2], in[3], 0, 0, 0);
  auto* out = static_cast<uintptr_t*>(results);
  out[0] = r.r1;
  out[1] = r.r2;
}

// runtime_entersyscall / runtime_exitsyscall: empty (see the top of this file).
// runtime_BeforeExec / runtime_AfterExec, around syscall.Exec: empty, since
// Syscall6 takes the exec lock around execve itself.
void NoOp(rt::G*, void*, void*) {}

// func gettimeofday(tv *Timeval) (err Errno): gc reads the vDSO.
void Gettimeofday(rt::G*, void* args, void* results) {
  auto* tv = *static_cast<timeval**>(args);
  *static_cast<uintptr_t*>(results) = gettimeofday(tv, nullptr) == 0 ? 0 : errno;
}

// func runtime_envs() []string: the environment as the process holds it now
// (gc copies it once at start-up; setenv through syscall changes both).
void RuntimeEnvs(rt::G* g, void*, void* results) {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) env.emplace_back(*e);
  *static_cast<GoSlice*>(results) = rt::NewStringSlice(g, env);
}

// func runtimeSetenv(k, v string)
void RuntimeSetenv(rt::G*, void* args, void*) {
  auto* in = static_cast<GoString*>(args);
  setenv(Str(in[0]).c_str(), Str(in[1]).c_str(), 1);
}

// func runtimeUnsetenv(k string)
void RuntimeUnsetenv(rt::G*, void* args, void*) {
  unsetenv(Str(*static_cast<GoString*>(args)).c_str());
}

// func runtimeClearenv(env map[string]int): Go passes the keys it knows of; the
// process environment is emptied whole.
void RuntimeClearenv(rt::G*, void*, void*) { clearenv(); }

// func Getpagesize() int
void Getpagesize(rt::G*, void*, void* results) {
  *static_cast<int64_t*>(results) = sysconf(_SC_PAGESIZE);
}

// func Exit(code int): os.Exit's path in gc (runtime.exit).
void Exit(rt::G*, void* args, void*) {
  rt::Exit(static_cast<int>(*static_cast<int64_t*>(args)));
}

const NativeSymbol kSyscallNatives[] = {
    {"internal/runtime/syscall/linux.Syscall6", &Syscall6},
    {"syscall.rawSyscallNoError", &RawSyscallNoError},
    {"runtime.entersyscall", &NoOp},
    {"runtime.exitsyscall", &NoOp},
    {"syscall.gettimeofday", &Gettimeofday},
    {"syscall.runtime_envs", &RuntimeEnvs},
    {"syscall.runtimeSetenv", &RuntimeSetenv},
    {"syscall.runtimeUnsetenv", &RuntimeUnsetenv},
    {"syscall.runtimeClearenv", &RuntimeClearenv},
    {"syscall.Getpagesize", &Getpagesize},
    {"syscall.Exit", &Exit},
    {"syscall.rawVforkSyscall", &RawVforkSyscall},
    {"syscall.runtime_BeforeFork", &BeforeFork},
    {"syscall.runtime_AfterFork", &AfterFork},
    {"syscall.runtime_AfterForkInChild", &AfterForkInChild},
    {"syscall.runtime_BeforeExec", &NoOp},
    {"syscall.runtime_AfterExec", &NoOp},
};

}  // namespace

std::span<const NativeSymbol> SyscallNatives() { return kSyscallNatives; }

}  // namespace gojit::stdlib
