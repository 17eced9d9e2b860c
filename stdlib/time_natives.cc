// Natives of Go's package time (time.go): the clocks beneath Now and the monotonic
// readings, which gc's runtime provides (time_now, nanotime). They are the
// program's clocks (runtime/deterministic_sched.h): the real ones, or virtual
// time under --sched. gojit has no testing/synctest bubbles, so
// runtimeIsBubbled is always false.
#include <span>

#include "runtime/deterministic_sched.h"
#include "stdlib/natives.h"

namespace gojit::stdlib {
namespace {

// func now() (sec int64, nsec int32, mono int64), and runtimeNow likewise.
void Now(rt::G*, void*, void* results) {
  struct Results {
    int64_t sec;
    int32_t nsec;
    int64_t mono;
  };
  auto* out = static_cast<Results*>(results);
  rt::ProgramWalltime(&out->sec, &out->nsec);
  out->mono = rt::ProgramNanotime();
}

// func runtimeNano() int64
void RuntimeNano(rt::G*, void*, void* results) {
  *static_cast<int64_t*>(results) = rt::ProgramNanotime();
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
