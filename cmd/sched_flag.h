// `gojit run --sched=...`: deterministic schedules (runtime/deterministic_sched.h).
//
//   --sched=seed:N         one run whose every scheduling decision comes from seed N
//   --sched=record:FILE    a seeded run (seed:N before it, else a random seed) whose
//                          decisions are written to FILE
//   --sched=replay:FILE    a run that takes its decisions from FILE
//   --sched=explore:K      up to K runs, seeds 1..K, each in a child process of the
//                          compiled program; stops at the first that panics,
//                          deadlocks, exits non-zero, does not finish, or prints
//                          other output than seed 1's, and names its seed
//
// Items combine with commas: `seed:7,record:run.txt`. A FILE is the rest of the
// flag, commas included.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "runtime/runtime.h"

namespace gojit {

struct SchedFlag {
  gojit::rt::SchedOptions options;  // deterministic: seed, record or replay given
  int explore_runs = 0;             // explore:K
};

// Parses --sched's value ("" leaves everything off). Errors say what is wanted.
absl::StatusOr<SchedFlag> ParseSchedFlag(std::string_view value);

// Runs `run_child(seed)` for seeds 1..runs, each in a forked child with stdout
// and stderr captured (and stdin, when it is not a terminal, read once and given
// to each run whole); run_child must not return (it ends in the runtime's Exit).
// Prints the output of the first failing run, or of seed 1 when none fails, and a
// report line on stderr; returns the exit code: the failing run's (1 if it exited
// 0 with different output), else 0. `reproduce(seed)` is the command line that
// runs one seed, for the report.
int ExploreSchedules(int runs, const std::function<void(uint64_t seed)>& run_child,
                     const std::function<std::string(uint64_t seed)>& reproduce);

}  // namespace gojit
