// Natives of Go's package time (time.go): the clocks beneath Now and the monotonic
// readings, which gc's runtime provides (time_now, nanotime). gojit has no
// testing/synctest bubbles, so runtimeNow and runtimeNano are the real clocks and
// runtimeIsBubbled is always false.
#include <ctime>
#include <span>

#include "runtime/runtime.h"
#include "stdlib/natives.h"

namespace gojit::stdlib {
namespace {

int64_t Nanos(clockid_t clock) {
  timespec ts;
  clock_gettime(clock, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// func now() (sec int64, nsec int32, mono int64), and runtimeNow likewise.
void Now(rt::G*, void*, void* results) {
  struct Results {
    int64_t sec;
    int32_t nsec;
    int64_t mono;
  };
  auto* out = static_cast<Results*>(results);
  timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  out->sec = ts.tv_sec;
  out->nsec = static_cast<int32_t>(ts.tv_nsec);
  out->mono = Nanos(CLOCK_MONOTONIC);
}

// func runtimeNano() int64
void RuntimeNano(rt::G*, void*, void* results) {
  *static_cast<int64_t*>(results) = Nanos(CLOCK_MONOTONIC);
}

// func runtimeIsBubbled() bool
void RuntimeIsBubbled(rt::G*, void*, void* results) { *static_cast<bool*>(results) = false; }

constexpr NativeSymbol kTimeNatives[] = {
    {"time.now", Now},
    {"time.runtimeNow", Now},
    {"time.runtimeNano", RuntimeNano},
    {"time.runtimeIsBubbled", RuntimeIsBubbled},
};

}  // namespace

std::span<const NativeSymbol> TimeNatives() { return kTimeNatives; }

}  // namespace gojit::stdlib
