// Seeing preemption: GODEBUG=preempttrace=1's accounting and the watchdog.
//
// Every preemption request (RequestPreempt: sysmon's time slice, a
// stop-the-world) is counted once, when gp->preempt_since goes from 0 to its
// time, and ends exactly once, when it is reset (NotePreempted): at a prologue
// check, a loop poll or an async signal (the request made the G yield), or
// because the G blocked, yielded by itself or exited first. So at exit
// requested = the sum of the endings + the requests still pending.
// Latencies (request to ending) are kept per ending, a bounded sample each, and
// printed with a decade histogram; a p99 is printed only from 100 samples up.
// Signals that found the G at a PC that is not an async safe point are counted
// per function: the JIT'd function itself, or for a PC in the runtime or a
// native, the innermost JIT'd caller on the frame-pointer chain.
//
// The watchdog (sysmon, stop-the-world) samples a stuck G's PC with a probe
// signal and says where it runs and why it cannot stop.
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "runtime/debug.h"
#include "runtime/preempt.h"
#include "runtime/proc.h"
#include "runtime/proc_internal.h"

namespace gojit::rt {
namespace {

constexpr int kNumEnds = static_cast<int>(PreemptEnd::kExited) + 1;
constexpr std::string_view kEndNames[kNumEnds] = {"prologue", "looppoll", "async",  "malloc",
                                                  "blocked",  "yielded",  "exited"};

std::atomic<uint64_t> requests{0};
std::atomic<uint64_t> ends[kNumEnds] = {};
std::atomic<uint64_t> unsafe_signals{0};
constexpr size_t kMaxSamples = 1 << 16;
Mutex latency_lock;
std::vector<int64_t>* latencies[kNumEnds] ABSL_GUARDED_BY(latency_lock) = {};

// Unsafe-PC signals by code address (a JIT'd PC, or the JIT'd caller of runtime
// code, marked by kViaRuntime): a fixed table filled from the signal handler by
// CAS, so no allocation or lock there; what does not fit is counted apart.
constexpr uintptr_t kViaRuntime = uintptr_t{1} << 63;
constexpr int kUnsafeSlots = 64;
std::atomic<uintptr_t> unsafe_pcs[kUnsafeSlots] = {};
std::atomic<uint64_t> unsafe_counts[kUnsafeSlots] = {};
std::atomic<uint64_t> unsafe_unattributed{0};

int TraceLevel() {
  static const int level = static_cast<int>(GodebugInt("preempttrace", 0));
  return level;
}

// The innermost JIT'd code address of gp's stack as the signal found it: pc if
// it is JIT'd, else the first return address into JIT'd code up the frame chain
// (marked kViaRuntime); 0 if none. Reads only inside gp's stack.
uintptr_t AttributedPC(G* gp, uintptr_t pc, uintptr_t fp) {
  if (InJitCode(pc)) return pc;
  if (gp == nullptr) return 0;
  for (int i = 0; i < 64; i++) {
    if (fp < gp->stack.lo || fp + 16 > gp->stack.hi || fp % 8 != 0) return 0;
    auto* frame = reinterpret_cast<const uintptr_t*>(fp);
    uintptr_t ret = frame[1];
    if (InJitCode(ret)) return (ret - 1) | kViaRuntime;
    fp = frame[0];
  }
  return 0;
}

void PrintLatencies(std::string_view end, std::vector<int64_t>& sample) {
  if (sample.empty()) return;
  std::sort(sample.begin(), sample.end());
  auto us = [](int64_t ns) { return ns / 1000; };
  PrintString("preempttrace: ");
  PrintString(end);
  PrintString(": ");
  PrintUint(sample.size());
  PrintString(" samples, median=");
  PrintInt(us(sample[sample.size() / 2]));
  if (sample.size() >= 100) {
    PrintString("us p99=");
    PrintInt(us(sample[sample.size() * 99 / 100]));
  }
  PrintString("us max=");
  PrintInt(us(sample.back()));
  PrintString("us; <=10us:");
  int64_t bound = 10000;
  size_t i = 0;
  for (std::string_view label : {" <=100us:", " <=1ms:", " <=10ms:", " >10ms:"}) {
    size_t n = 0;
    while (i < sample.size() && sample[i] <= bound) i++, n++;
    PrintUint(n);
    PrintString(label);
    bound *= 10;
  }
  PrintUint(sample.size() - i);
  PrintString("\n");
}

void PrintUnsafeAttribution() {
  // Group the slots by function (and by whether runtime code was running).
  std::vector<std::pair<std::string, uint64_t>> rows;
  for (int i = 0; i < kUnsafeSlots; i++) {
    uintptr_t key = unsafe_pcs[i].load();
    if (key == 0) continue;
    LogicalFrame frame;
    // A JIT'd address outside every function: code the JIT linker made (stubs).
    std::string name = InnermostFrameAt(key & ~kViaRuntime, &frame) ? std::string(frame.name)
                                                                     : "JIT stubs";
    if (key & kViaRuntime) name = "runtime code called from " + name;
    auto it = std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r.first == name; });
    if (it == rows.end()) {
      rows.emplace_back(name, unsafe_counts[i].load());
    } else {
      it->second += unsafe_counts[i].load();
    }
  }
  if (uint64_t n = unsafe_unattributed.load(); n != 0) rows.emplace_back("elsewhere", n);
  if (rows.empty()) return;
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  PrintString("preempttrace: unsafe-pc retries by where the signal landed:");
  for (const auto& [name, n] : rows) {
    PrintString(" ");
    PrintString(name);
    PrintString("=");
    PrintUint(n);
  }
  PrintString("\n");
}

}  // namespace

void NotePreemptRequest(G* gp) {
  if (gp->preempt_since != 0) return;  // the same request, asked again
  gp->preempt_since = Nanotime();
  requests.fetch_add(1, std::memory_order_relaxed);
}

void NotePreempted(G* gp, PreemptEnd how) {
  if (gp->preempt_since == 0) return;  // no request pending: nothing ends
  ends[static_cast<int>(how)].fetch_add(1, std::memory_order_relaxed);
  if (TraceLevel() > 0) {
    int64_t d = Nanotime() - gp->preempt_since;
    MutexLock l(&latency_lock);
    std::vector<int64_t>*& sample = latencies[static_cast<int>(how)];
    if (sample == nullptr) sample = new std::vector<int64_t>();
    if (sample->size() < kMaxSamples) sample->push_back(d);
  }
  gp->preempt_since = 0;
  gp->stuck_reported = false;
}

void NoteUnsafeSignal(G* gp, uintptr_t pc, uintptr_t fp) {
  unsafe_signals.fetch_add(1, std::memory_order_relaxed);
  uintptr_t key = AttributedPC(gp, pc, fp);
  if (key == 0) {
    unsafe_unattributed.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  for (int i = 0; i < kUnsafeSlots; i++) {
    uintptr_t seen = unsafe_pcs[i].load(std::memory_order_relaxed);
    if (seen == 0 && unsafe_pcs[i].compare_exchange_strong(seen, key)) seen = key;
    if (seen == key) {
      unsafe_counts[i].fetch_add(1, std::memory_order_relaxed);
      return;
    }
  }
  unsafe_unattributed.fetch_add(1, std::memory_order_relaxed);
}

void PrintPreemptTrace() ABSL_NO_THREAD_SAFETY_ANALYSIS {
  if (TraceLevel() == 0) return;
  std::vector<int64_t> samples[kNumEnds];
  if (latency_lock.TryLock()) {
    for (int i = 0; i < kNumEnds; i++)
      if (latencies[i] != nullptr) samples[i] = *latencies[i];
    latency_lock.Unlock();
  }
  uint64_t requested = requests.load(), ended = 0;
  PrintLock();
  PrintString("preempttrace: requested=");
  PrintUint(requested);
  for (int i = 0; i < kNumEnds; i++) {
    uint64_t n = ends[i].load();
    ended += n;
    PrintString(" ");
    PrintString(kEndNames[i]);
    PrintString("=");
    PrintUint(n);
  }
  PrintString(" pending=");
  PrintUint(requested >= ended ? requested - ended : 0);
  PrintString(" unsafe-pc-retried=");
  PrintUint(unsafe_signals.load());
  PrintString(" mode=");
  PrintString(CurrentPreemptMode() == PreemptMode::kAsync         ? "async"
              : CurrentPreemptMode() == PreemptMode::kCooperative ? "cooperative"
                                                                  : "off");
  PrintString("\n");
  for (int i = 0; i < kNumEnds; i++) PrintLatencies(kEndNames[i], samples[i]);
  PrintUnsafeAttribution();
  PrintUnlock();
}

namespace {

// Why a G running JIT'd code at a loop does not stop, in the mode in force.
std::string_view WhyNoStop() {
  if (CurrentPreemptMode() == PreemptMode::kAsync) return "async preemption is pending (signals sent)";
  if (CurrentPreemptMode() == PreemptMode::kOff) return "preemption is off (--preempt=off)";
  if (!PrologueSafepointsOn())
    return "prologue checks do not preempt (--safepoints=none) and async preemption is off "
           "(cooperative only)";
  return "no safepoint in this loop (no call, no loop poll) and async preemption is off "
         "(cooperative only)";
}

// The watchdog's report: where gp (running on mp) runs and why it does not stop.
void ReportStuck(M* mp, G* gp, int64_t waited_ns, bool for_stop) {
  // Sample where it runs: a signal even when async preemption is off (the handler
  // only records the pc then).
  mp->probed_pc.store(0);
  mp->probe.store(1);
  syscall(SYS_tgkill, getpid(), static_cast<pid_t>(mp->procid), SIGURG);
  uintptr_t pc = 0;
  for (int i = 0; i < 200 && (pc = mp->probed_pc.load()) == 0; i++) Usleep(50);
  PrintLock();
  if (for_stop) {
    PrintString("runtime: stop-the-world has waited ");
    PrintInt(waited_ns / 1000000);
    PrintString("ms for goroutine ");
    PrintInt(gp->goid);
  } else {
    PrintString("runtime: goroutine ");
    PrintInt(gp->goid);
    PrintString(" has not yielded for ");
    PrintInt(waited_ns / 1000000);
    PrintString("ms after a preemption request (other goroutines and timers wait)");
  }
  // The source function, not a go statement's wrapper LLVM inlined it into.
  LogicalFrame frame;
  if (pc != 0 && InJitCode(pc) && InnermostFrameAt(pc, &frame)) {
    PrintString(", running ");
    PrintString(frame.name);
    PrintString(" at ");
    PrintString(frame.file);
    PrintString(":");
    PrintInt(frame.line);
    PrintString(": ");
    PrintString(WhyNoStop());
  } else {
    PrintString(pc != 0 ? ", running outside compiled Go code (the runtime or a native), "
                          "not a safe point: the request is retried"
                        : ", whose thread did not answer the probe signal");
  }
  if (const char* reason = stw_reason.load(); for_stop && reason != nullptr) {
    PrintString(" (the stop is for ");
    PrintString(reason);
    PrintString(", requested by goroutine ");
    PrintInt(stw_requester.load());
    PrintString(")");
  }
  PrintString("\n");
  PrintUnlock();
}

}  // namespace

void ReportStopHolder(M* mp, int64_t waited_ns) {
  G* gp = mp->curg;
  if (gp != nullptr) ReportStuck(mp, gp, waited_ns, true);
}

void WatchPreemptRequest(M* mp, G* gp, int64_t now) {
  // With async preemption a request that keeps hitting unsafe PCs is retried and
  // lands eventually; the watchdog speaks for the modes that cannot stop a loop.
  if (CurrentPreemptMode() == PreemptMode::kAsync) return;
  if (gp->preempt_since == 0 || gp->stuck_reported) return;
  if (now - gp->preempt_since < 1000000000) return;
  gp->stuck_reported = true;
  ReportStuck(mp, gp, now - gp->preempt_since, false);
}

}  // namespace gojit::rt
