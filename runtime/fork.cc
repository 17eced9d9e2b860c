// fork(2) and execve(2) from Go code: the runtime's side of package syscall's
// forkExec. Mirrors syscall_runtime_BeforeFork/AfterFork/AfterForkInChild and
// execLock (proc.go).
//
// gc forks with clone(CLONE_VFORK|CLONE_VM): the child borrows the parent's memory
// and stack until it execs, and an assembly routine keeps the return address out
// of the shared stack. gojit's rawVforkSyscall (stdlib/syscall_natives.cc) drops
// those two flags and makes an ordinary fork instead: the child's writes land in
// its own copy-on-write pages, so the JIT'd code of forkAndExecInChild1 and the
// C++ frames of the native under it may run in the child without any care for the
// parent's frames. The parent does not wait for the exec; syscall's close-on-exec
// pipe still tells it whether the exec succeeded.
//
// What the child must not do is what needs another thread: it has only the one
// that forked, so a runtime lock another thread held at the fork stays held. Hence,
// between BeforeFork and the exec:
//  1. m.locks > 0: no preemption at prologues, loop polls or signals.
//  2. Every signal is blocked until AfterForkInChild has put the caught signals
//     back to SIG_DFL, so no runtime handler runs in the child.
//  3. m.in_fork is set (the child keeps it): system calls do not hand the P off
//     (EnterSyscall would wake sysmon's world, which the child does not have).
// Stack growth is not forbidden as gc's stackFork guard forbids it; Go's child code
// (nosplit in gc) needs little stack, and a goroutine's guard leaves kStackGuard.
#include <signal.h>

#include "runtime/proc.h"
#include "runtime/runtime.h"

namespace gojit::rt {
namespace {

// execLock: held around execve and around pthread_create in NewM.
Mutex exec_lock;

// Whether sig's current action is a handler of ours (not SIG_DFL or SIG_IGN).
bool IsCaught(int sig) {
  struct sigaction sa = {};
  if (sigaction(sig, nullptr, &sa) != 0) return false;
  if (sa.sa_flags & SA_SIGINFO) return sa.sa_sigaction != nullptr;
  return sa.sa_handler != SIG_DFL && sa.sa_handler != SIG_IGN;
}

}  // namespace

void BeforeFork(G* gp) {
  M* mp = gp->m;
  mp->locks++;
  sigset_t all;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &mp->fork_sigmask);
  mp->in_fork = true;
}

void AfterFork(G* gp) {
  M* mp = gp->m;
  mp->in_fork = false;
  pthread_sigmask(SIG_SETMASK, &mp->fork_sigmask, nullptr);
  mp->locks--;
}

void AfterForkInChild(G* gp) {
  for (int sig = 1; sig < NSIG; sig++) {
    if (sig == SIGKILL || sig == SIGSTOP || !IsCaught(sig)) continue;
    struct sigaction dfl = {};
    dfl.sa_handler = SIG_DFL;
    sigaction(sig, &dfl, nullptr);
  }
  pthread_sigmask(SIG_SETMASK, &gp->m->fork_sigmask, nullptr);
}

void LockExec() { exec_lock.Lock(); }
void UnlockExec() { exec_lock.Unlock(); }

}  // namespace gojit::rt
