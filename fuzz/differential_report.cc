// fuzz/differential_report.cc: verdicts to findings, the known list, the tally (see
// differential_report.h). A finding's one-line summary names the seed, the edits,
// which side accepted, and the rejecting side's first diagnostic; its files in --out
// hold the rest.

#include "fuzz/differential_report.h"

#include <cstdio>
#include <fstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "fuzz/go_mutator.h"
#include "testdata/harness.h"

namespace gojit::difffuzz {

const char* VerdictName(Verdict v) {
  switch (v) {
    case Verdict::kAccept: return "accept";
    case Verdict::kReject: return "reject";
    case Verdict::kCrash: return "crash";
    case Verdict::kTimeout: return "timeout";
  }
  return "?";
}

const char* FindingName(FindingKind k) {
  switch (k) {
#define GOJIT_X(name, word) \
  case FindingKind::name:   \
    return word;
    GOJIT_DIFFFUZZ_FINDINGS(GOJIT_X)
#undef GOJIT_X
  }
  return "?";
}

std::optional<FindingKind> Classify(const Verdicts& v) {
  if (v.gojit.verdict == Verdict::kCrash) return FindingKind::kCrash;
  if (v.gojit.verdict == Verdict::kTimeout) return FindingKind::kHang;
  if (v.gc.verdict == Verdict::kAccept && v.gojit.verdict == Verdict::kReject) {
    return FindingKind::kRejectsValid;
  }
  if (v.gc.verdict == Verdict::kReject && v.gojit.verdict == Verdict::kAccept) {
    return FindingKind::kAcceptsInvalid;
  }
  return std::nullopt;
}

// --- the known list ----------------------------------------------------------------

namespace {

// Reads a double-quoted string at the start of `s` ( \" and \\ are the escapes) and
// consumes it; nullopt when `s` does not start with a complete one.
std::optional<std::string> ConsumeQuoted(absl::string_view& s) {
  if (!absl::ConsumePrefix(&s, "\"")) return std::nullopt;
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      out += s[++i];
    } else if (s[i] == '"') {
      s.remove_prefix(i + 1);
      return out;
    } else {
      out += s[i];
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<KnownList> KnownList::Load(const std::string& path, std::string& error) {
  KnownList list;
  if (path.empty()) return list;
  std::optional<std::string> text = testdata::ReadFile(path);
  if (!text) {
    error = "cannot read " + path;
    return std::nullopt;
  }
  int n = 0;
  for (absl::string_view line : absl::StrSplit(*text, '\n')) {
    ++n;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    Entry e;
    e.line = n;
    std::pair<absl::string_view, absl::string_view> kind_rest =
        absl::StrSplit(line, absl::MaxSplits(' ', 1));
    e.kind = std::string(kind_rest.first);
    absl::string_view rest = absl::StripLeadingAsciiWhitespace(kind_rest.second);
    if (e.kind == "hash" || e.kind == "seed") {
      std::pair<absl::string_view, absl::string_view> key_reason =
          absl::StrSplit(rest, absl::MaxSplits(' ', 1));
      e.key = std::string(key_reason.first);
      rest = key_reason.second;
    } else if (e.kind == "gc" || e.kind == "gojit" || e.kind == "crash") {
      std::optional<std::string> key = ConsumeQuoted(rest);
      if (!key || key->empty()) {
        error = absl::StrFormat("%s:%d: %s wants a non-empty \"quoted\" message", path, n,
                                e.kind);
        return std::nullopt;
      }
      e.key = *key;
    } else {
      error = absl::StrFormat("%s:%d: unknown kind %s (hash, seed, gc, gojit, crash)", path,
                              n, e.kind);
      return std::nullopt;
    }
    e.reason = std::string(absl::StripAsciiWhitespace(rest));
    if (e.key.empty() || e.reason.empty()) {
      error = absl::StrFormat("%s:%d: want KIND KEY REASON", path, n);
      return std::nullopt;
    }
    list.entries_.push_back(std::move(e));
  }
  return list;
}

const KnownList::Entry* KnownList::Match(const Finding& f) const {
  for (const Entry& e : entries_) {
    bool hit = false;
    if (e.kind == "hash") {
      hit = f.hash == e.key;
    } else if (e.kind == "seed") {
      hit = f.baseline && f.seed == e.key;
    } else if (e.kind == "gc") {
      hit = f.kind == FindingKind::kAcceptsInvalid &&
            absl::StrContains(f.verdicts.gc.output, e.key);
    } else if (e.kind == "gojit") {
      hit = f.kind == FindingKind::kRejectsValid &&
            absl::StrContains(f.verdicts.gojit.output, e.key);
    } else if (e.kind == "crash") {
      hit = (f.kind == FindingKind::kCrash || f.kind == FindingKind::kHang) &&
            absl::StrContains(f.verdicts.gojit.output, e.key);
    }
    if (hit) return &e;
  }
  return nullptr;
}

// --- the report --------------------------------------------------------------------

Report::Report(KnownList known, std::string out_dir, bool verbose)
    : known_(std::move(known)), out_dir_(std::move(out_dir)), verbose_(verbose) {}

namespace {

// What to quote from the side that is to blame: the rejecting side's first
// diagnostic, or gojit's first line of output when it crashed or hung.
std::string Evidence(const Finding& f) {
  const Verdicts& v = f.verdicts;
  switch (f.kind) {
    case FindingKind::kAcceptsInvalid:
      return "gc: " + testdata::FirstDiagnosticLine(v.gc.output);
    case FindingKind::kRejectsValid:
      return "gojit: " + testdata::FirstDiagnosticLine(v.gojit.output);
    case FindingKind::kCrash:
      return absl::StrFormat("gojit exit %d: %s", v.gojit.exit_code,
                             testdata::FirstDiagnosticLine(v.gojit.output));
    case FindingKind::kHang:
      return "gojit timed out";
  }
  return "";
}

std::string Summary(const Finding& f) {
  std::string where = f.baseline ? "(unmutated seed)" : absl::StrJoin(f.edits, "; ");
  return absl::StrFormat("%s %s %s [%s] %s", FindingName(f.kind), f.hash, f.seed, where,
                         Evidence(f));
}

}  // namespace

std::optional<FindingKind> Report::Add(const std::string& seed, bool baseline,
                                       const std::vector<std::string>& edits,
                                       const std::string& source, const Verdicts& v) {
  std::optional<FindingKind> kind = Classify(v);
  absl::MutexLock lock(&mu_);
  if (baseline) {
    ++tally_.seeds;
    if (kind) ++tally_.seed_findings;
  } else {
    ++tally_.mutants;
    if (kind) {
      ++tally_.findings[*kind];
    } else if (v.gc.verdict == Verdict::kTimeout) {
      ++tally_.gc_timeouts;
    } else if (v.gc.verdict == Verdict::kCrash) {
      ++tally_.gc_crashes;
    } else if (v.gojit.verdict == Verdict::kAccept) {
      ++tally_.agreed_accept;
    } else {
      ++tally_.agreed_reject;
      if (absl::StrContains(v.gc.output, "syntax error")) ++tally_.agreed_syntax;
    }
  }
  if (verbose_) {
    std::printf("%s %s [%s] gojit=%s (%.2fs) gc=%s %s\n", seed.c_str(),
                TextHash(source).c_str(), baseline ? "seed" : absl::StrJoin(edits, "; ").c_str(),
                VerdictName(v.gojit.verdict), v.gojit_seconds, VerdictName(v.gc.verdict),
                testdata::FirstDiagnosticLine(v.gc.output).c_str());
  }
  if (!kind) return kind;
  Finding f{*kind, TextHash(source), seed, baseline, edits, source, v};
  const KnownList::Entry* known = known_.Match(f);
  Keep(f, known);
  return kind;
}

void Report::Keep(const Finding& f, const KnownList::Entry* known) {
  if (known) {
    ++tally_.known_findings;
    ++known_hits_[known->line];
    if (verbose_) std::printf("known(line %d) %s\n", known->line, Summary(f).c_str());
  } else {
    ++tally_.new_findings;
    std::printf("NEW %s\n", Summary(f).c_str());
  }
  std::fflush(stdout);
  if (out_dir_.empty()) return;
  std::ofstream(out_dir_ + "/" + f.hash + ".go") << f.source;
  std::ofstream txt(out_dir_ + "/" + f.hash + ".txt");
  txt << "finding: " << FindingName(f.kind) << (known ? " (known)" : " (new)") << "\n"
      << "seed: " << f.seed << (f.baseline ? " (unmutated)" : "") << "\n";
  for (const std::string& e : f.edits) txt << "edit: " << e << "\n";
  if (known) txt << "known: line " << known->line << ": " << known->reason << "\n";
  txt << "\n--- gc: " << VerdictName(f.verdicts.gc.verdict) << " (exit "
      << f.verdicts.gc.exit_code << ")\n"
      << f.verdicts.gc.output << "\n--- gojit: " << VerdictName(f.verdicts.gojit.verdict)
      << " (exit " << f.verdicts.gojit.exit_code << ", "
      << absl::StrFormat("%.2f", f.verdicts.gojit_seconds) << "s)\n"
      << f.verdicts.gojit.output;
}

void Report::AddSlowSeed(const std::string& seed, double seconds) {
  absl::MutexLock lock(&mu_);
  ++tally_.seeds_slow;  // already counted in tally_.seeds by Add
  if (verbose_) std::printf("%s: slow seed (gojit %.1fs), skipped\n", seed.c_str(), seconds);
}

void Report::AddDuplicate() {
  absl::MutexLock lock(&mu_);
  ++tally_.duplicates;
}

void Report::AddUnmutatable() {
  absl::MutexLock lock(&mu_);
  ++tally_.unmutatable;
}

void Report::AddSeedSkipped() {
  absl::MutexLock lock(&mu_);
  ++tally_.seed_skipped;
}

bool Report::HasNewFindings() {
  absl::MutexLock lock(&mu_);
  return tally_.new_findings > 0;
}

std::string Report::TallyText(double seconds) {
  absl::MutexLock lock(&mu_);
  const Tally& t = tally_;
  auto count = [&](FindingKind k) {
    auto it = t.findings.find(k);
    return it == t.findings.end() ? 0 : it->second;
  };
  std::string s = absl::StrFormat(
      "mutants %d (%.1f/s): agreed accept %d, agreed reject %d (syntax %d), "
      "gojit accepts invalid %d, gojit rejects valid %d, gojit crashes %d, gojit hangs %d, "
      "gc timeouts %d, gc crashes %d\n",
      t.mutants, seconds > 0 ? t.mutants / seconds : 0.0, t.agreed_accept, t.agreed_reject,
      t.agreed_syntax, count(FindingKind::kAcceptsInvalid), count(FindingKind::kRejectsValid),
      count(FindingKind::kCrash), count(FindingKind::kHang), t.gc_timeouts, t.gc_crashes);
  absl::StrAppendFormat(&s,
                        "seeds %d: disagreeing unmutated %d, too slow %d; mutants not made: "
                        "%d of unusable seeds, %d duplicates, %d unmutatable\n",
                        t.seeds, t.seed_findings, t.seeds_slow, t.seed_skipped,
                        t.duplicates, t.unmutatable);
  absl::StrAppendFormat(&s, "findings: %d new, %d known; %.0fs\n", t.new_findings,
                        t.known_findings, seconds);
  for (const auto& [line, hits] : known_hits_) {
    for (const KnownList::Entry& e : known_.entries()) {
      if (e.line != line) continue;
      absl::StrAppendFormat(&s, "  known line %d (%s): %d: %s\n", line, e.kind, hits,
                            e.reason);
    }
  }
  return s;
}

}  // namespace gojit::difffuzz
