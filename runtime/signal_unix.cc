// Synchronous signals: SIGSEGV, SIGBUS and SIGFPE in JIT'd code become Go panics;
// anywhere else they are fatal. Mirrors runtime/signal_unix.go (initsig,
// sighandler, sigpanic, minitSignalStack) and signal_amd64.go (preparePanic).
//
// As in gc, the handler runs on a per-M alternate signal stack (so a goroutine
// that ran off its stack can still be reported) and does not panic itself: for a
// fault at a pc inside a registered JIT'd function it records the signal in g
// (sig, sigcode0/1, sigpc) and rewrites the context so that, on return from the
// handler, the thread "calls" gojit_sigpanic_tramp from the faulting pc. sigpanic
// then runs on the goroutine stack like any runtime call and turns the fault into
// the nil-dereference / divide-by-zero panic (or "unexpected fault address" +
// throw("fault")), with the faulting frame in the traceback. Once recover lands,
// this is already the shape it needs.
//
// Goroutine stacks grow (stack.cc), so running off one is not a fault here: the
// prologue check catches it first. A fault in C++ (runtime or natives) on a Go thread is gc's "unexpected
// signal during runtime execution". A fault on a thread that never ran Go code is
// not ours: the default action is restored and the fault repeats (core dump).
//
// SIGQUIT (and SIGTRAP, which runtime.Breakpoint raises) dumps every goroutine and
// exits 2, as gc does without os/signal.
//
// SIGURG is async preemption (preempt.cc).
//
// The signals gc's sigtable marks notify-only (_SigNotify without _SigKill or
// _SigThrow: SIGUSR1, SIGUSR2, SIGIO, SIGPWR, SIGVTALRM, SIGXCPU, SIGXFSZ) are
// caught and dropped, so a program that does not ask for them (os/signal) lives on,
// as a gc program does. A handler, not SIG_IGN: an ignored disposition would pass to
// the processes the program starts.
//
// os/signal delivery is sigqueue.cc's: a signal os/signal asks for gets its
// handler, and SigNotifyDefault puts back this file's choice when it is released.
//
// Not yet: SIGPROF, SIGPIPE rules.
#include <signal.h>
#include <sys/mman.h>
#include <ucontext.h>

#include "runtime/entrypoints.h"
#include "runtime/preempt.h"
#include "runtime/proc.h"

namespace gojit::rt {
namespace {

constexpr uintptr_t kMinLegalPointer = 4096;  // minLegalPointer

void PrintSigLine(int sig, uintptr_t code, uintptr_t addr, uintptr_t pc) {
  PrintString("[signal ");
  PrintString(sig == SIGSEGV  ? "SIGSEGV: segmentation violation"
              : sig == SIGBUS ? "SIGBUS: bus error"
                              : "SIGFPE: floating-point exception");
  PrintString(" code=");
  PrintHex(code);
  PrintString(" addr=");
  PrintHex(addr);
  PrintString(" pc=");
  PrintHex(pc);
  PrintString("]\n");
}

// Mirrors dumpregs (signal_amd64.go).
void DumpRegs(const greg_t* regs) {
  static constexpr struct {
    const char* name;
    int reg;
  } kRegs[] = {{"rax    ", REG_RAX}, {"rbx    ", REG_RBX}, {"rcx    ", REG_RCX},
               {"rdx    ", REG_RDX}, {"rdi    ", REG_RDI}, {"rsi    ", REG_RSI},
               {"rbp    ", REG_RBP}, {"rsp    ", REG_RSP}, {"r8     ", REG_R8},
               {"r9     ", REG_R9},  {"r10    ", REG_R10}, {"r11    ", REG_R11},
               {"r12    ", REG_R12}, {"r13    ", REG_R13}, {"r14    ", REG_R14},
               {"r15    ", REG_R15}, {"rip    ", REG_RIP}, {"rflags ", REG_EFL}};
  for (const auto& r : kRegs) {
    PrintString(r.name);
    PrintHex(static_cast<uint64_t>(regs[r.reg]));
    PrintString("\n");
  }
  uint64_t csgsfs = static_cast<uint64_t>(regs[REG_CSGSFS]);
  PrintString("cs     ");
  PrintHex(csgsfs & 0xffff);
  PrintString("\nfs     ");
  PrintHex((csgsfs >> 32) & 0xffff);
  PrintString("\ngs     ");
  PrintHex((csgsfs >> 16) & 0xffff);
  PrintString("\n");
}

// Mirrors sighandler for the _SigThrow signals that are not faults (SIGQUIT from
// outside, SIGTRAP from runtime.Breakpoint): "SIGQUIT: quit", the interrupted
// goroutine, every other goroutine, the registers, and exit 2.
void SigThrowHandler(int sig, siginfo_t* info, void* ctx) {
  auto* uc = static_cast<ucontext_t*>(ctx);
  greg_t* regs = uc->uc_mcontext.gregs;
  auto pc = static_cast<uintptr_t>(regs[REG_RIP]);
  auto bp = static_cast<uintptr_t>(regs[REG_RBP]);
  M* mp = tls_m;
  PrintLock();
  PrintString(sig == SIGTRAP ? "SIGTRAP: trace trap\nPC=" : "SIGQUIT: quit\nPC=");
  PrintHex(pc);
  PrintString(" m=");
  PrintInt(mp != nullptr ? mp->id : -1);
  PrintString(" sigcode=");
  PrintInt(info->si_code);
  PrintString("\n\n");
  G* gp = mp != nullptr ? mp->curg : nullptr;
  if (GotracebackSetting().level > 0) {
    if (gp != nullptr) {
      GoroutineHeader(gp);
      TracebackFrames(gp, FindFunc(pc) != nullptr ? pc : 0, bp);
    } else {
      PrintString("goroutine 0 [idle]:\n");
    }
    TracebackOthers(gp);
    PrintString("\n");
    DumpRegs(regs);
  }
  PrintUnlock();
  if (GotracebackSetting().crash) CrashAbort();
  Exit(2);
}

// Mirrors sighandler for the synchronous signals.
void SigHandler(int sig, siginfo_t* info, void* ctx) {
  auto* uc = static_cast<ucontext_t*>(ctx);
  greg_t* regs = uc->uc_mcontext.gregs;
  auto pc = static_cast<uintptr_t>(regs[REG_RIP]);
  auto sp = static_cast<uintptr_t>(regs[REG_RSP]);
  auto bp = static_cast<uintptr_t>(regs[REG_RBP]);
  auto addr = reinterpret_cast<uintptr_t>(info->si_addr);
  auto code = static_cast<uintptr_t>(static_cast<uint32_t>(info->si_code));
  M* mp = tls_m;
  if (mp == nullptr) {
    // Not a Go thread (badsignal): let the default action happen.
    signal(sig, SIG_DFL);
    return;
  }
  G* gp = mp->curg;

  // In Go code: make the faulting frame call sigpanic (preparePanic).
  if (gp != nullptr && FindFunc(pc) != nullptr && sp > gp->stack.lo + 64 &&
      sp <= gp->stack.hi) {
    gp->sig = static_cast<uint32_t>(sig);
    gp->sigcode0 = code;
    gp->sigcode1 = addr;
    gp->sigpc = pc;
    sp -= 8;
    *reinterpret_cast<uintptr_t*>(sp) = pc;  // as if the faulting pc called sigpanic
    regs[REG_RSP] = static_cast<greg_t>(sp);
    regs[REG_RIP] = reinterpret_cast<greg_t>(&gojit_sigpanic_tramp);
    regs[REG_RDI] = reinterpret_cast<greg_t>(gp);
    return;
  }

  // Anywhere else on a Go thread: the runtime or a native crashed.
  PrintLock();
  PrintString("fatal error: unexpected signal during runtime execution\n");
  PrintSigLine(sig, code, addr, pc);
  if (gp != nullptr) {
    PrintString("\n");
    GoroutineHeader(gp);
    TracebackFrames(gp, 0, bp);
  }
  PrintUnlock();
  Exit(2);
}

// The notify-only signals: nothing asked for them, so nothing to do (gc's
// sighandler returns for a _SigNotify signal that no os/signal channel wants).
void SigNotifyHandler(int, siginfo_t*, void*) {}

}  // namespace

void InitSig() {
  struct sigaction sa = {};
  sa.sa_sigaction = &SigHandler;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESTART;
  sigfillset(&sa.sa_mask);
  for (int sig : {SIGSEGV, SIGBUS, SIGFPE}) sigaction(sig, &sa, nullptr);
  sa.sa_sigaction = &SigThrowHandler;
  for (int sig : {SIGQUIT, SIGTRAP}) sigaction(sig, &sa, nullptr);
  sa.sa_sigaction = &SigNotifyHandler;
  for (int sig : {SIGUSR1, SIGUSR2, SIGIO, SIGPWR, SIGVTALRM, SIGXCPU, SIGXFSZ}) sigaction(sig, &sa, nullptr);
  InitPreempt();
}

void SigNotifyDefault(int sig) {
  struct sigaction sa = {};
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESTART;
  sigfillset(&sa.sa_mask);
  switch (sig) {
    case SIGQUIT:
    case SIGTRAP:
      sa.sa_sigaction = &SigThrowHandler;
      break;
    case SIGUSR1:
    case SIGUSR2:
    case SIGIO:
    case SIGPWR:
    case SIGVTALRM:
    case SIGXCPU:
    case SIGXFSZ:
      sa.sa_sigaction = &SigNotifyHandler;
      break;
    default:
      sa.sa_flags = 0;
      sa.sa_handler = SIG_DFL;
      break;
  }
  sigaction(sig, &sa, nullptr);
}

void MinitSignalStack(M* mp) {
  void* p = mmap(nullptr, kSignalStackSize, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) Throw("out of memory allocating signal stack");
  stack_t st = {};
  st.ss_sp = p;
  st.ss_size = kSignalStackSize;
  st.ss_flags = 0;
  sigaltstack(&st, nullptr);
  mp->gsignal_stack.lo = reinterpret_cast<uintptr_t>(p);
  mp->gsignal_stack.hi = mp->gsignal_stack.lo + kSignalStackSize;
}

void UnminitSignalStack(M* mp) {
  stack_t st = {};
  st.ss_flags = SS_DISABLE;
  sigaltstack(&st, nullptr);
  if (mp->gsignal_stack.lo != 0) {
    munmap(reinterpret_cast<void*>(mp->gsignal_stack.lo), kSignalStackSize);
    mp->gsignal_stack = Stack{};
  }
}

}  // namespace gojit::rt

using namespace gojit::rt;

// Mirrors sigpanic: on the goroutine stack, called "from" the faulting pc.
extern "C" void gojit_sigpanic(G* gp) {
  switch (gp->sig) {
    case SIGBUS:
      if (gp->sigcode0 == BUS_ADRERR && gp->sigcode1 < kMinLegalPointer) {
        PanicRuntimeError(gp, "invalid memory address or nil pointer dereference");
      }
      break;
    case SIGSEGV:
      if ((gp->sigcode0 == 0 || gp->sigcode0 == SEGV_MAPERR ||
           gp->sigcode0 == SEGV_ACCERR) &&
          gp->sigcode1 < kMinLegalPointer) {
        PanicRuntimeError(gp, "invalid memory address or nil pointer dereference");
      }
      break;
    case SIGFPE:
      // gc checks divisors in code and never shows a signal line for these.
      gp->sig = 0;
      if (gp->sigcode0 == FPE_INTDIV) PanicRuntimeError(gp, "integer divide by zero");
      if (gp->sigcode0 == FPE_INTOVF) PanicRuntimeError(gp, "integer overflow");
      PanicRuntimeError(gp, "floating point error");
    default:
      break;
  }
  // support runtime/debug.SetPanicOnFault later
  PrintLock();
  PrintString("unexpected fault address ");
  PrintHex(gp->sigcode1);
  PrintString("\n");
  PrintUnlock();
  Throw("fault");
}
