// perf's map of JIT'd code (`gojit run --perfmap`): perf record/report name a
// sample's address from /tmp/perf-PID.map when the address lies in no mapped file,
// which is where all JIT'd code lies. Each line is "START SIZE NAME" (hex, hex,
// the Go name as tracebacks print it: main.main, sync.(*Mutex).lockSlow). Without
// the map, perf shows JIT'd code as bare addresses.
//
// The map is written once, after the program is linked and before it runs: gojit
// links the whole program as one object, so no function appears later.
#pragma once

#include <string>

#include "absl/status/status.h"
#include "jit/jit.h"

namespace gojit::jit {

// "/tmp/perf-PID.map" for this process.
std::string PerfMapPath();

// Writes every function of `functions` to `path`, replacing the file.
absl::Status WritePerfMap(const FunctionTable& functions, const std::string& path);

}  // namespace gojit::jit
