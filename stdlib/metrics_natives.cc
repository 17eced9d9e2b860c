// The native beneath runtime/metrics (stdlib/runtime/metrics.go): the runtime's
// figures that runtime.MemStats does not carry, gathered in one call.
#include <ctime>
#include <span>

#include "runtime/mgc.h"
#include "runtime/mheap.h"
#include "runtime/proc.h"
#include "runtime/proc_internal.h"
#include "runtime/runtime2.h"
#include "stdlib/natives.h"

namespace gojit::stdlib {
namespace {

// stdlib/runtime/metrics.go's runtimeFigures, field for field.
struct RuntimeFigures {
  int64_t gc_percent;
  int64_t memory_limit;
  uint64_t heap_marked;
  int64_t uptime_ns;
  int64_t process_cpu_ns;
  uint64_t finalizers_queued, finalizers_executed, cleanups_queued, cleanups_executed;
  uint64_t goroutines_created;
  uint64_t goroutines_runnable, goroutines_running, goroutines_waiting, goroutines_syscall;
  uint64_t threads;
  uint64_t stack_start_bytes;
  uint64_t gc_pauses[rt::kTimeHistogramCounts];
  uint64_t gc_stopping[rt::kTimeHistogramCounts];
  double time_bounds[rt::kTimeHistogramCounts + 1];
  double size_bounds[rt::kNumSizeClasses + 1];
};

int64_t ClockNanos(clockid_t clock) {
  timespec ts;
  clock_gettime(clock, &ts);
  return int64_t{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec;
}

// func readRuntimeFigures(f *runtimeFigures)
void ReadRuntimeFigures(rt::G*, void* args, void*) ABSL_NO_THREAD_SAFETY_ANALYSIS {
  auto* f = *static_cast<RuntimeFigures**>(args);
  rt::GcMetrics gc;
  rt::ReadGcMetrics(&gc);
  f->gc_percent = gc.gc_percent;
  f->memory_limit = gc.memory_limit;
  f->heap_marked = gc.heap_marked;
  f->uptime_ns = gc.uptime_ns;
  f->process_cpu_ns = ClockNanos(CLOCK_PROCESS_CPUTIME_ID);
  rt::FinalizerCounts fc = rt::ReadFinalizerCounts();
  f->finalizers_queued = fc.finalizers_queued;
  f->finalizers_executed = fc.finalizers_executed;
  f->cleanups_queued = fc.cleanups_queued;
  f->cleanups_executed = fc.cleanups_executed;
  std::copy(std::begin(gc.pauses), std::end(gc.pauses), f->gc_pauses);
  std::copy(std::begin(gc.stopping), std::end(gc.stopping), f->gc_stopping);
  for (int i = 0; i <= rt::kTimeHistogramCounts; ++i) {
    uint64_t ns = rt::TimeHistogramLowerBound(i);
    f->time_bounds[i] = ns == UINT64_MAX ? __builtin_inf() : static_cast<double>(ns) / 1e9;
  }
  // Size class i holds (kClassToSize[i-1], kClassToSize[i]] bytes.
  f->size_bounds[0] = 0;
  for (int i = 1; i < rt::kNumSizeClasses; ++i) f->size_bounds[i] = rt::kClassToSize[i - 1] + 1;
  f->size_bounds[rt::kNumSizeClasses] = __builtin_inf();
  f->stack_start_bytes = rt::kFixedStack;
  {
    rt::MutexLock l(&rt::sched.lock);
    f->threads = static_cast<uint64_t>(rt::sched.mnext - rt::nmfreed);
    // goids are handed to Ps in batches; the unused rest of each batch is not a
    // goroutine.
    uint64_t created = rt::sched.goidgen.load();
    for (rt::P* pp : rt::allp) {
      if (pp != nullptr) created -= pp->goidcacheend - pp->goidcache;
    }
    f->goroutines_created = created;
  }
  f->goroutines_runnable = f->goroutines_running = f->goroutines_waiting = f->goroutines_syscall = 0;
  rt::MutexLock l(&rt::allglock);
  // Every live goroutine, the runtime's own included, as gc counts them.
  for (rt::G* gp : rt::allgs) {
    switch (static_cast<rt::Gstatus>(rt::ReadGStatus(gp) & ~static_cast<uint32_t>(rt::Gstatus::kScan))) {
      case rt::Gstatus::kRunnable:
        f->goroutines_runnable++;
        break;
      case rt::Gstatus::kRunning:
        f->goroutines_running++;
        break;
      case rt::Gstatus::kWaiting:
        f->goroutines_waiting++;
        break;
      case rt::Gstatus::kSyscall:
        f->goroutines_syscall++;
        break;
      default:
        break;
    }
  }
}

const NativeSymbol kMetricsNatives[] = {
    {"runtime.readRuntimeFigures", &ReadRuntimeFigures},
};

}  // namespace

std::span<const NativeSymbol> MetricsNatives() { return kMetricsNatives; }

}  // namespace gojit::stdlib
