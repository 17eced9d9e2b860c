// Natives of Go's package time (sleep.go): time.Sleep and the runtime timers
// behind Timer, Ticker, After and AfterFunc, which time declares without bodies and
// gc's runtime provides by linkname (runtime/time.h: Timer, TimeTimer).
#include <cstdint>

#include "runtime/chan.h"
#include "runtime/time.h"
#include "stdlib/natives.h"

namespace gojit::stdlib {
namespace {

rt::TimeTimer* TimerArg(void* args) { return *static_cast<rt::TimeTimer**>(args); }

// func Sleep(d Duration)
void Sleep(rt::G* g, void* args, void*) { rt::TimeSleep(g, *static_cast<int64_t*>(args)); }

// func newTimer(when, period int64, f func(any, uintptr, int64), arg any,
// cp unsafe.Pointer) *Timer
void NewTimer(rt::G* g, void* args, void* results) {
  struct Args {
    int64_t when;
    int64_t period;
    void* f;
    rt::GoEface arg;
    rt::HChan* c;
  };
  auto* in = static_cast<Args*>(args);
  *static_cast<rt::TimeTimer**>(results) =
      rt::NewTimeTimer(g, in->when, in->period, in->f, in->arg, in->c);
}

// func stopTimer(*Timer) bool
void StopTimer(rt::G*, void* args, void* results) {
  *static_cast<bool*>(results) = rt::StopTimeTimer(TimerArg(args));
}

// func resetTimer(t *Timer, when, period int64) bool
void ResetTimer(rt::G* g, void* args, void* results) {
  struct Args {
    rt::TimeTimer* t;
    int64_t when;
    int64_t period;
  };
  auto* in = static_cast<Args*>(args);
  *static_cast<bool*>(results) = rt::ResetTimeTimer(g, in->t, in->when, in->period);
}

const NativeSymbol kTimeSleepNatives[] = {
    {"time.Sleep", &Sleep},
    {"time.newTimer", &NewTimer},
    {"time.stopTimer", &StopTimer},
    {"time.resetTimer", &ResetTimer},
};

}  // namespace

std::span<const NativeSymbol> TimeSleepNatives() { return kTimeSleepNatives; }

}  // namespace gojit::stdlib
