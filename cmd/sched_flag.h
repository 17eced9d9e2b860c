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
//   pct:D                  (with seed, record or explore) PCT picks of depth D
//                          instead of uniform ones; steps:K sets PCT's horizon
//                          (default 1000; explore measures it, from the longest
//                          run so far)
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
  std::string text;                 // the flag's value, for messages
};

// Parses --sched's value ("" leaves everything off). Errors say what is wanted.
absl::StatusOr<SchedFlag> ParseSchedFlag(std::string_view value);

// Runs `run_child(options)` for seeds 1..flag.explore_runs (PCT as flag says),
// each in a forked child with stdout and stderr captured (and stdin, when it is
// not a terminal, read once and given to each run whole); run_child must not
// return (it ends in the runtime's Exit). Prints the output of the first failing
// run, or of seed 1 when none fails, and a report line on stderr; returns the
// exit code: the failing run's (1 if it exited 0 with different output), else 0.
// `reproduce(value)` is the command line that runs one --sched=value, for the
// report.
int ExploreSchedules(const SchedFlag& flag,
                     const std::function<void(const gojit::rt::SchedOptions&)>& run_child,
                     const std::function<std::string(const std::string&)>& reproduce);

}  // namespace gojit
