// fuzz/differential_report.h: the judging half of gojit-difffuzz (differential.cc):
// what a pair of compiler verdicts means (agreement, or which kind of finding), the
// list of known disagreements (its format is in differential.cc's header), and the
// thread-safe report that prints findings, keeps them on disk and counts everything
// for the final tally. It runs no process.
#ifndef GOJIT_FUZZ_DIFFERENTIAL_REPORT_H_
#define GOJIT_FUZZ_DIFFERENTIAL_REPORT_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace gojit::difffuzz {

// One compiler's answer on one program.
enum class Verdict {
  kAccept,   // exit 0: a valid package
  kReject,   // diagnostics (gojit: exit 1; gc: any other non-crash exit)
  kCrash,    // gojit: a signal or an exit code above 1; gc: an internal compiler error
  kTimeout,  // killed after --timeout
};
const char* VerdictName(Verdict v);

struct CheckerResult {
  Verdict verdict = Verdict::kCrash;
  int exit_code = -1;
  std::string output;  // stdout then stderr
};

struct Verdicts {
  CheckerResult gojit;
  CheckerResult gc;
  double gojit_seconds = 0;
};

// The kinds of finding, listed once; FindingName gives the printed word.
#define GOJIT_DIFFFUZZ_FINDINGS(X)                                           \
  X(kAcceptsInvalid, "gojit-accepts-invalid") /* gc rejects, gojit does not */ \
  X(kRejectsValid, "gojit-rejects-valid")     /* gc accepts, gojit rejects  */ \
  X(kCrash, "gojit-crash")                    /* signal, exit >= 2           */ \
  X(kHang, "gojit-hang")                      /* gojit ran past --timeout    */

enum class FindingKind {
#define GOJIT_X(name, word) name,
  GOJIT_DIFFFUZZ_FINDINGS(GOJIT_X)
#undef GOJIT_X
};
const char* FindingName(FindingKind k);

// The finding a pair of verdicts makes; nullopt when the two agree, or when gc alone
// failed (timed out or crashed) and gojit gave an answer: gc is then no reference.
std::optional<FindingKind> Classify(const Verdicts& v);

struct Finding {
  FindingKind kind;
  std::string hash;  // TextHash(source)
  std::string seed;  // the seed file, relative to $GOROOT/test
  bool baseline = false;  // the unmutated seed itself
  std::vector<std::string> edits;
  std::string source;
  Verdicts verdicts;
};

// The known-disagreements file.
class KnownList {
 public:
  struct Entry {
    std::string kind;  // hash, seed, gc, gojit, crash
    std::string key;   // the hash, the seed path, or the message text
    std::string reason;
    int line = 0;
  };

  // Parses the file; nullopt with `error` set when a line is malformed. An empty path
  // is an empty list.
  static std::optional<KnownList> Load(const std::string& path, std::string& error);

  // The first entry that covers `f`, or nullptr.
  const Entry* Match(const Finding& f) const;

  const std::vector<Entry>& entries() const { return entries_; }

 private:
  std::vector<Entry> entries_;
};

// Everything a run counts. Mutants and baselines are counted apart: the tally's
// "mutants" are mutated programs only.
struct Tally {
  int mutants = 0;  // checked mutants
  int agreed_accept = 0;
  int agreed_reject = 0;
  int agreed_syntax = 0;  // ... of which gc's reason was a syntax error
  std::map<FindingKind, int> findings;  // per kind, mutants only
  int gc_timeouts = 0;
  int gc_crashes = 0;
  int duplicates = 0;     // a mutant text already checked in this run
  int unmutatable = 0;    // the mutator found nothing to edit
  int seed_skipped = 0;   // mutants not made: their seed was unusable
  int seeds = 0;          // seed baselines checked
  int seed_findings = 0;  // ... on which the compilers already disagree
  int seeds_slow = 0;     // ... too slow for gojit (--slow_seed)
  int new_findings = 0;   // findings no known entry covers, baselines included
  int known_findings = 0;
};

class Report {
 public:
  // `out_dir`: where findings are written; empty: nowhere.
  Report(KnownList known, std::string out_dir, bool verbose);

  // A mutant's (or, with `baseline`, an unmutated seed's) verdicts: counts them, and
  // prints and keeps the finding they make, if any. Returns that finding's kind.
  std::optional<FindingKind> Add(const std::string& seed, bool baseline, const std::vector<std::string>& edits,
           const std::string& source, const Verdicts& v);
  // A seed already Add()ed whose mutants are skipped (--slow_seed).
  void AddSlowSeed(const std::string& seed, double seconds);
  void AddDuplicate();
  void AddUnmutatable();
  void AddSeedSkipped();

  // The tally so far, as lines of text; `seconds` is the run's wall time.
  std::string TallyText(double seconds);
  bool HasNewFindings();

 private:
  void Keep(const Finding& f, const KnownList::Entry* known) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const KnownList known_;
  const std::string out_dir_;
  const bool verbose_;
  absl::Mutex mu_;
  Tally tally_ ABSL_GUARDED_BY(mu_);
  std::map<int, int> known_hits_ ABSL_GUARDED_BY(mu_);  // entry line -> findings
};

}  // namespace gojit::difffuzz

#endif  // GOJIT_FUZZ_DIFFERENTIAL_REPORT_H_
