// See perf_map.h.
#include "jit/perf_map.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace gojit::jit {

std::string PerfMapPath() { return absl::StrCat("/tmp/perf-", getpid(), ".map"); }

absl::Status WritePerfMap(const FunctionTable& functions, const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (f == nullptr) {
    return absl::UnavailableError(absl::StrCat(path, ": ", std::strerror(errno)));
  }
  for (const rt::FuncInfo& fn : functions.Snapshot()) {
    absl::FPrintF(f, "%x %x %s\n", fn.start, fn.end - fn.start, fn.name);
  }
  if (std::fclose(f) != 0) {
    return absl::UnavailableError(absl::StrCat(path, ": ", std::strerror(errno)));
  }
  return absl::OkStatus();
}

}  // namespace gojit::jit
