// cmd/conformance_run.h: finds the tests of Go's test/ directory, decides what each
// one is (run, errorcheck, skipped, ineligible), runs gojit on it under a timeout and
// classifies the outcome. The policy is conformance_parse.h's; this file adds the
// processes, the files and the thread pool. Reporting lives in conformance.cc.
#ifndef GOJIT_CMD_CONFORMANCE_RUN_H_
#define GOJIT_CMD_CONFORMANCE_RUN_H_

#include <functional>
#include <string>
#include <vector>

#include "cmd/conformance_parse.h"

namespace gojit::conformance {

// The directories of $GOROOT/test that are scored, "." being test/ itself.
inline const std::vector<std::string> kTestDirs = {".",         "ken",       "chan",
                                                   "interface", "typeparam", "fixedbugs"};

// What became of one test. Listed once here; ClassName gives the results-file word.
#define GOJIT_CONFORMANCE_CLASSES(X)                                            \
  X(kPass, "pass")                     /* run test: exit 0, output as .out   */ \
  X(kWrongOutput, "wrong-output")      /* run test: exit 0, output differs   */ \
  X(kCompileError, "compile-error")    /* gojit rejected the program         */ \
  X(kCrash, "crash")                   /* panic, signal, internal error      */ \
  X(kTimeout, "timeout")               /* killed after the deadline          */ \
  X(kErrorcheckExact, "errorcheck-exact")     /* every ERROR regexp matched  */ \
  X(kErrorcheckLocated, "errorcheck-located") /* an error on each ERROR line */ \
  X(kErrorcheckFail, "errorcheck-fail")       /* a line missed, or spurious  */ \
  X(kSkipped, "skipped")               /* action, constraint or flags        */ \
  X(kIneligible, "ineligible")         /* imports a package gojit lacks      */

enum class Class {
#define GOJIT_X(name, word) name,
  GOJIT_CONFORMANCE_CLASSES(GOJIT_X)
#undef GOJIT_X
};
const char* ClassName(Class c);
inline bool IsRunClass(Class c) { return c <= Class::kTimeout; }
inline bool IsErrorcheckClass(Class c) {
  return c >= Class::kErrorcheckExact && c <= Class::kErrorcheckFail;
}

struct Result {
  std::string path;  // relative to $GOROOT/test: "helloworld.go", "ken/chan.go"
  std::string dir;   // "." or the subdirectory
  Class cls = Class::kSkipped;
  std::string detail;  // one line: why, or the first difference / message
  // The distinct "X" of every "gojit: unsupported: X" message (compile errors).
  std::vector<std::string> unsupported;
  ErrorcheckScore score;  // errorcheck tests only
  double seconds = 0;     // wall time of the gojit process, 0 if none ran
  bool goroutines = false;  // the source has a go statement (StartsGoroutines)
};

struct RunConfig {
  std::string test_root;  // $GOROOT/test
  std::string gojit;      // the gojit binary
  std::string stdlib;     // gojit's stdlib/ directory: with goroot, decides eligibility
  int timeout_s = 10;
  // Extra gojit flags for errorcheck runs. gc's errorcheck passes -e (no limit on the
  // number of errors); gojit stops at 10 like plain gc, so until it has such a flag
  // the later ERROR lines of a long test cannot be located (see "truncated").
  std::vector<std::string> errorcheck_flags;
};

// The *.go files of kTestDirs, as paths relative to test_root, sorted per directory.
std::vector<std::string> Discover(const std::string& test_root);

// Whether gojit ships package `path`: its own stdlib/<path>/ or Go's
// <test_root>/../src/<path> holds a .go file (the loader's two places).
bool Ships(const std::string& stdlib, const std::string& test_root, const std::string& path);

// Reads, classifies and (when eligible) runs one test.
Result RunTest(const RunConfig& config, const std::string& path);

// RunTest over `paths` on `jobs` threads; results in the order of `paths`.
// `progress(done, total)` is called (serialised) after each test.
std::vector<Result> RunAll(const RunConfig& config, const std::vector<std::string>& paths,
                           int jobs, const std::function<void(size_t, size_t)>& progress);

}  // namespace gojit::conformance

#endif  // GOJIT_CMD_CONFORMANCE_RUN_H_
