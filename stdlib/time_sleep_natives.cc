// Natives of package time's sleep.go and tick.go: time.Sleep and the runtime
// timers behind Timer and Ticker (runtime/time.h; time.runtimeTimer is rt::Timer).
#include <cstdint>

#include "runtime/time.h"
#include "stdlib/natives.h"

namespace gojit::stdlib {
namespace {

rt::Timer* TimerArg(void* args) { return *static_cast<rt::Timer**>(args); }

// func Sleep(d Duration)
void Sleep(rt::G* g, void* args, void*) { rt::TimeSleep(g, *static_cast<int64_t*>(args)); }

// func startTimer(*runtimeTimer)
void StartTimer(rt::G* g, void* args, void*) { rt::AddTimer(g, TimerArg(args)); }

// func stopTimer(*runtimeTimer) bool
void StopTimer(rt::G*, void* args, void* results) {
  *static_cast<bool*>(results) = rt::DelTimer(TimerArg(args));
}

// func resetTimer(*runtimeTimer, int64) bool
void ResetTimer(rt::G* g, void* args, void* results) {
  struct Args {
    rt::Timer* t;
    int64_t when;
  };
  auto* in = static_cast<Args*>(args);
  *static_cast<bool*>(results) = rt::ResetTimer(g, in->t, in->when);
}

// func modTimer(t *runtimeTimer, when, period int64, f func(any, uintptr), arg any,
// seq uintptr)
void ModTimer(rt::G* g, void* args, void*) {
  struct Args {
    rt::Timer* t;
    int64_t when;
    int64_t period;
    void* f;
    rt::GoEface arg;
    uintptr_t seq;
  };
  auto* in = static_cast<Args*>(args);
  rt::ModTimer(g, in->t, in->when, in->period, in->f, in->arg, in->seq);
}

const NativeSymbol kTimeSleepNatives[] = {
    {"time.Sleep", &Sleep},           {"time.startTimer", &StartTimer},
    {"time.stopTimer", &StopTimer},   {"time.resetTimer", &ResetTimer},
    {"time.modTimer", &ModTimer},
};

}  // namespace

std::span<const NativeSymbol> TimeSleepNatives() { return kTimeSleepNatives; }

}  // namespace gojit::stdlib
