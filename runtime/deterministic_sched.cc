// Deterministic schedules: see deterministic_sched.h.
#include "runtime/deterministic_sched.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <deque>
#include <ctime>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "runtime/alg.h"
#include "runtime/netpoll.h"
#include "runtime/preempt.h"
#include "runtime/proc_internal.h"
#include "runtime/time.h"

namespace gojit::rt {

namespace det {
bool on = false;
bool inputs = false;
std::atomic<int64_t> clock{0};
}  // namespace det

namespace {

// The most safepoints a slice lasts. Small enough that a race window of a few
// calls is hit in a few percent of the runs, large enough that a slice is not
// mostly switching.
constexpr uint32_t kMaxSlice = 64;
// Under PCT, a slice is this many safepoints (not drawn): long enough not to
// switch where priorities say not to, short enough to end a spin.
constexpr int64_t kPctSlice = 1 << 16;
// Virtual time a goroutine spends per safepoint it passes.
constexpr int64_t kNsPerSafepoint = 10;
// The virtual clocks' start: monotonic 1 s (never 0, which timers treat as
// unset); wall 2009-11-10 23:00:00 UTC, as the Go playground's fake time.
constexpr int64_t kVirtualMonoStart = 1000000000;
constexpr int64_t kVirtualEpoch = 1257894000;
// How long a poll for I/O waits, in real time, before virtual time jumps to a
// pending timer (a loopback peer's answer is usually there by then).
constexpr int64_t kIOGraceNs = 1000000;

// splitmix64: the decisions' PRNG and the program's random stream are two
// independent sequences of it, from the seed. Its state steps by kGamma; each
// output is the state, mixed.
constexpr uint64_t kGamma = 0x9e3779b97f4a7c15u;
uint64_t SplitMixOutput(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
  return z ^ (z >> 31);
}

struct RecordedDecision {
  Decision kind;
  uint32_t n;
  uint64_t choice;  // pick: the goroutine id; otherwise the index
};

// A recorded read: its result (bytes, 0 at EOF, or -errno) and the bytes.
struct InputChunk {
  long result;
  std::string data;
};
// Per descriptor (-1: getrandom), the reads still to replay, oldest first.
using InputQueues = absl::flat_hash_map<int, std::deque<InputChunk>>;

std::string Hex(const void* p, size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s;
  s.reserve(2 * n);
  for (size_t i = 0; i < n; i++) {
    uint8_t b = static_cast<const uint8_t*>(p)[i];
    s += kDigits[b >> 4];
    s += kDigits[b & 15];
  }
  return s;
}

bool Unhex(std::string_view hex, std::string* out) {
  if (hex.size() % 2 != 0) return false;
  auto digit = [](char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  };
  for (size_t i = 0; i < hex.size(); i += 2) {
    int hi = digit(hex[i]), lo = digit(hex[i + 1]);
    if (hi < 0 || lo < 0) return false;
    *out += static_cast<char>(hi << 4 | lo);
  }
  return true;
}

Mutex det_lock;
uint64_t decision_state ABSL_GUARDED_BY(det_lock) = 0;
std::atomic<uint64_t> program_rand_state{0};
uint64_t seed = 0;
// The decisions made so far (the next one's number is decisions + 1).
uint64_t decisions ABSL_GUARDED_BY(det_lock) = 0;
// Recording: the file's descriptor and the lines not yet written.
int record_fd = -1;
std::string record_buffer ABSL_GUARDED_BY(det_lock);
// Replaying: the file's decisions, in order.
bool replaying = false;
std::string replay_path;
std::vector<RecordedDecision> replay;
InputQueues replay_inputs ABSL_GUARDED_BY(det_lock);
// The running G's slice: safepoints left before it yields.
int64_t slice_left = 0;
// Scheduling steps (picks) so far, for PCT's change points and explore's estimate.
uint64_t steps = 0;
// PCT: depth (0: off), the change points (steps, ascending; the next is
// change_points[next_change]), the priorities by goid, the next priority below
// every other, the goroutine picked last, and whether its slice ran out.
int pct_depth = 0;
std::vector<uint64_t> change_points;
size_t next_change = 0;
absl::flat_hash_map<int64_t, int64_t> priority;
int64_t lowest_priority = 0;
int64_t last_picked = 0;
bool slice_spent = false;
int64_t slice_owner = 0;
uint64_t pct_state = 0;
int stats_fd = -1;
// The runnable Gs a pick chooses from (guarded by sched.lock): the global queue
// is moved here at each pick, and sched.runqsize counts the Gs of both.
// runnable_index finds a replayed pick's goroutine.
std::vector<G*> runnable;
absl::flat_hash_map<int64_t, size_t> runnable_index;

std::string_view KindName(Decision kind) {
  switch (kind) {
    case Decision::kPick:
      return "pick";
    case Decision::kSlice:
      return "slice";
    case Decision::kSelect:
      return "select";
  }
  return "?";
}

// A decision as the recording writes it: "pick 3 g5", "slice 64 17".
std::string DecisionLine(Decision kind, uint32_t n, uint64_t choice) {
  std::string s(KindName(kind));
  s += ' ';
  s += std::to_string(n);
  s += ' ';
  if (kind == Decision::kPick) s += 'g';
  s += std::to_string(choice);
  return s;
}

std::string DescribeDecision(Decision kind, uint32_t n, uint64_t choice) {
  return "\"" + DecisionLine(kind, n, choice) + "\"";
}

[[noreturn]] void ExitWith(int code, const std::string& message) {
  WriteFd(2, message.data(), message.size());
  Exit(code);
}

[[noreturn]] void Diverged(uint64_t number, const std::string& recorded, const std::string& now) {
  ExitWith(3, "gojit: --sched=replay:" + replay_path + ": the run diverged at decision " +
                  std::to_string(number) + ": recorded " + recorded + ", this run " + now + "\n");
}

void FlushRecordLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(det_lock) {
  if (record_fd < 0) return;
  WriteFd(record_fd, record_buffer.data(), record_buffer.size());
  record_buffer.clear();
}

void Record(Decision kind, uint32_t n, uint64_t choice) ABSL_EXCLUSIVE_LOCKS_REQUIRED(det_lock) {
  if (record_fd < 0) return;
  record_buffer += DecisionLine(kind, n, choice);
  record_buffer += '\n';
  if (record_buffer.size() >= (1 << 20)) FlushRecordLocked();
}

// What this run is deciding, for a divergence report: the kind and n, and for a
// pick the runnable goroutines.
std::string DescribeNow(Decision kind, uint32_t n) ABSL_NO_THREAD_SAFETY_ANALYSIS {
  std::string s = "decides \"" + std::string(KindName(kind)) + " " + std::to_string(n) + "\"";
  if (kind == Decision::kPick) {
    s += " among";
    for (size_t i = 0; i < runnable.size() && i < 20; i++) s += " g" + std::to_string(runnable[i]->goid);
    if (runnable.size() > 20) s += " ...";
  }
  if (G* gp = CurrentG(); gp != nullptr) s += " (goroutine " + std::to_string(gp->goid) + " running)";
  return s;
}

// The next recorded decision, checked against this one's kind and n.
const RecordedDecision& NextReplayed(Decision kind, uint32_t n)
    ABSL_EXCLUSIVE_LOCKS_REQUIRED(det_lock) {
  uint64_t number = ++decisions;
  if (number > replay.size())
    Diverged(number, "nothing (it ends at " + std::to_string(replay.size()) + ")", DescribeNow(kind, n));
  const RecordedDecision& r = replay[number - 1];
  if (r.kind != kind || r.n != n)
    Diverged(number, DescribeDecision(r.kind, r.n, r.choice), DescribeNow(kind, n));
  return r;
}

// Parses a recording into *out and its header's seed; "" or what is wrong.
std::string ParseRecording(std::string_view text, uint64_t* seed_out, int* pct_out,
                           std::vector<RecordedDecision>* out, InputQueues* inputs) {
  size_t pos = 0, line = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string l(text.substr(pos, end - pos));
    pos = end + 1;
    line++;
    if (line == 1) {
      constexpr std::string_view kHeader = "gojit-sched 1 seed=";
      if (l.compare(0, kHeader.size(), kHeader) != 0)
        return "1: not a gojit schedule recording (no \"gojit-sched 1 seed=N\" header)";
      // "gojit-sched 1 seed=N", and " pct=D" for a PCT run (its slices differ).
      char* rest = nullptr;
      *seed_out = std::strtoull(l.c_str() + kHeader.size(), &rest, 10);
      *pct_out = 0;
      if (std::sscanf(rest, " pct=%d", pct_out) != 1 && *rest != '\0')
        return "1: unexpected \"" + std::string(rest) + "\" after the seed";
      continue;
    }
    if (l.compare(0, 6, "input ") == 0) {
      // input FD RESULT HEX ("-" for no bytes)
      int fd = 0;
      long result = 0;
      char hex_start = 0;
      int used = 0;
      if (std::sscanf(l.c_str(), "input %d %ld %c%n", &fd, &result, &hex_start, &used) != 3)
        return std::to_string(line) + ": not an input (want input FD RESULT HEX)";
      InputChunk chunk{result, {}};
      std::string_view hex = std::string_view(l).substr(static_cast<size_t>(used) - 1);
      if (hex != "-" && !Unhex(hex, &chunk.data))
        return std::to_string(line) + ": bad input bytes";
      if (result > 0 && chunk.data.size() != static_cast<size_t>(result))
        return std::to_string(line) + ": input has " + std::to_string(chunk.data.size()) +
               " bytes, not " + std::to_string(result);
      (*inputs)[fd].push_back(std::move(chunk));
      continue;
    }
    char kind[16];
    unsigned n = 0;
    unsigned long long choice = 0;
    bool goroutine = std::sscanf(l.c_str(), "%15s %u g%llu", kind, &n, &choice) == 3;
    if (!goroutine && std::sscanf(l.c_str(), "%15s %u %llu", kind, &n, &choice) != 3)
      return std::to_string(line) + ": not a decision (want KIND N CHOICE)";
    std::string_view k = kind;
    RecordedDecision d{};
    if ((k == "pick") != goroutine && (k == "pick" || k == "slice" || k == "select"))
      return std::to_string(line) + ": " +
             (goroutine ? "only a pick chooses a goroutine" : "a pick chooses a goroutine (want pick N gID)");
    if (k == "pick") {
      d.kind = Decision::kPick;
    } else if (k == "slice") {
      d.kind = Decision::kSlice;
    } else if (k == "select") {
      d.kind = Decision::kSelect;
    } else {
      return std::to_string(line) + ": unknown decision \"" + std::string(k) + "\"";
    }
    d.n = n;
    d.choice = choice;
    out->push_back(d);
  }
  if (line == 0) return "1: empty recording";
  return "";
}

uint32_t DrawLocked(uint32_t n) ABSL_EXCLUSIVE_LOCKS_REQUIRED(det_lock) {
  decision_state += kGamma;
  return static_cast<uint32_t>((static_cast<unsigned __int128>(SplitMixOutput(decision_state)) * n) >> 64);
}

}  // namespace

void InitDeterministic(const SchedOptions& options) {
  if (!options.deterministic) return;
  seed = options.seed;
  int replayed_pct = 0;
  if (!options.replay_text.empty()) {
    replaying = true;
    replay_path = options.replay_file;
    // cmd/ checked it (CheckSchedRecording).
    MutexLock l(&det_lock);
    if (std::string error =
            ParseRecording(options.replay_text, &seed, &replayed_pct, &replay, &replay_inputs);
        !error.empty())
      ExitWith(2, "gojit: --sched=replay:" + replay_path + ":" + error + "\n");
  }
  if (!options.record_file.empty()) {
    record_fd = open(options.record_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (record_fd < 0)
      ExitWith(2, "gojit: --sched=record:" + options.record_file + ": cannot create the file\n");
    MutexLock l(&det_lock);
    record_buffer = "gojit-sched 1 seed=" + std::to_string(seed);
    if (options.pct_depth > 0) record_buffer += " pct=" + std::to_string(options.pct_depth);
    record_buffer += '\n';
  }
  {
    MutexLock l(&det_lock);
    decision_state = seed;
  }
  // A second, independent stream for the program's randomness, and a third for
  // PCT's priorities and change points.
  program_rand_state.store(seed ^ 0x6a09e667f3bcc909u);
  pct_state = seed ^ 0xbb67ae8584caa73bu;
  stats_fd = options.stats_fd;
  // A replay of a PCT run takes its picks from the file but keeps PCT's slices.
  pct_depth = replaying ? replayed_pct : options.pct_depth;
  if (pct_depth > 0 && !replaying) {
    uint64_t horizon = options.pct_steps > 0 ? static_cast<uint64_t>(options.pct_steps) : 1000;
    for (int i = 1; i < pct_depth; i++) {
      pct_state += kGamma;
      change_points.push_back(1 + SplitMixOutput(pct_state) % horizon);
    }
    std::sort(change_points.begin(), change_points.end());
  }
  det::clock.store(kVirtualMonoStart);
  det::inputs = replaying || record_fd >= 0;
  det::on = true;
  SeedHashKey();
}

std::string CheckSchedRecording(std::string_view text) {
  uint64_t header_seed = 0;
  int pct = 0;
  std::vector<RecordedDecision> parsed;
  InputQueues inputs;
  return ParseRecording(text, &header_seed, &pct, &parsed, &inputs);
}

void ProgramWalltime(int64_t* sec, int32_t* nsec) {
  if (Deterministic()) {
    int64_t since = det::clock.load(std::memory_order_relaxed) - kVirtualMonoStart;
    *sec = kVirtualEpoch + since / 1000000000;
    *nsec = static_cast<int32_t>(since % 1000000000);
    return;
  }
  timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  *sec = ts.tv_sec;
  *nsec = static_cast<int32_t>(ts.tv_nsec);
}

uint32_t DetChoose(Decision kind, uint32_t n) {
  if (n <= 1) return 0;
  MutexLock l(&det_lock);
  uint32_t choice;
  if (replaying) {
    const RecordedDecision& r = NextReplayed(kind, n);
    if (r.choice >= n) Diverged(decisions, DescribeDecision(r.kind, r.n, r.choice), "has no such choice");
    choice = static_cast<uint32_t>(r.choice);
  } else {
    decisions++;
    choice = DrawLocked(n);
  }
  Record(kind, n, choice);
  return choice;
}

uint64_t DetRand64() {
  return SplitMixOutput(program_rand_state.fetch_add(kGamma) + kGamma);
}

// PCT's pick (caller holds sched.lock): demotes the goroutine picked last at a
// change point or when its slice ran out, gives goroutines seen for the first
// time their priority, and returns the index of the highest in `runnable`.
size_t PctPick() ABSL_NO_THREAD_SAFETY_ANALYSIS {
  bool change = next_change < change_points.size() && change_points[next_change] <= steps;
  while (next_change < change_points.size() && change_points[next_change] <= steps) next_change++;
  if ((change || slice_spent) && last_picked != 0) priority[last_picked] = lowest_priority--;
  slice_spent = false;
  size_t best = 0;
  int64_t best_priority = INT64_MIN;
  for (size_t i = 0; i < runnable.size(); i++) {
    auto [it, fresh] = priority.try_emplace(runnable[i]->goid, 0);
    if (fresh) {
      pct_state += kGamma;
      // Above every demoted priority (those are <= 0).
      it->second = 1 + static_cast<int64_t>(SplitMixOutput(pct_state) >> 2);
    }
    if (it->second > best_priority) {
      best_priority = it->second;
      best = i;
    }
  }
  last_picked = runnable[best]->goid;
  return best;
}

G* DetPickRunnable() ABSL_NO_THREAD_SAFETY_ANALYSIS {  // caller holds sched.lock
  // The global queue's Gs join the set in queue order (sched.runqsize counts
  // both, so every "is there work" test of the scheduler sees them).
  while (G* gp = sched.runq.Pop()) {
    if (replaying) runnable_index[gp->goid] = runnable.size();
    runnable.push_back(gp);
  }
  auto n = static_cast<uint32_t>(runnable.size());
  if (n == 0) return nullptr;
  steps++;
  size_t index = 0;
  if (pct_depth > 0 && !replaying) {
    index = PctPick();
    if (n > 1) {
      MutexLock l(&det_lock);
      decisions++;
      Record(Decision::kPick, n, static_cast<uint64_t>(runnable[index]->goid));
    }
  } else if (n > 1) {
    MutexLock l(&det_lock);
    if (replaying) {
      const RecordedDecision& r = NextReplayed(Decision::kPick, n);
      auto it = runnable_index.find(static_cast<int64_t>(r.choice));
      if (it == runnable_index.end())
        Diverged(decisions, DescribeDecision(r.kind, r.n, r.choice), DescribeNow(Decision::kPick, n));
      index = it->second;
    } else {
      decisions++;
      index = DrawLocked(n);
    }
    Record(Decision::kPick, n, static_cast<uint64_t>(runnable[index]->goid));
  }
  // Swap-remove: O(1), and as deterministic as the draws.
  G* gp = runnable[index];
  runnable[index] = runnable.back();
  runnable.pop_back();
  sched.runqsize--;
  if (replaying) {
    runnable_index.erase(gp->goid);
    if (index < runnable.size()) runnable_index[runnable[index]->goid] = index;
  }
  return gp;
}

void DetStartSlice(G* gp) {
  if (pct_depth == 0) {
    slice_left = 1 + DetChoose(Decision::kSlice, kMaxSlice);
  } else if (gp->goid != slice_owner || slice_left <= 0) {
    // A PCT slice spans the G's runs until another G runs: switch points that
    // pick it again do not renew it, so a spin through them ends too.
    slice_owner = gp->goid;
    slice_left = kPctSlice;
  }
  gp->stackguard0 = kStackPreempt;
}

bool DetSafepoint(G* gp) {
  det::clock.fetch_add(kNsPerSafepoint, std::memory_order_relaxed);
  gp->stackguard0 = kStackPreempt;
  if (slice_left > 0) slice_left--;
  if (slice_left == 0 && pct_depth > 0) slice_spent = true;
  return slice_left == 0;
}

void DetYield(G* g) {
  M* mp = g->m;
  det::clock.fetch_add(kNsPerSafepoint, std::memory_order_relaxed);
  if (pct_depth > 0 && slice_left > 0 && --slice_left == 0) slice_spent = true;
  if (mp == nullptr || mp->curg != g || mp->locks != 0 || mp->p == nullptr) return;
  Gosched(g);
}

bool DetAdvanceClock() {
  int64_t next = TimeSleepUntil();
  if (next == kMaxWhen) return false;
  if (next > det::clock.load(std::memory_order_relaxed)) det::clock.store(next);
  return true;
}

G* DetFindRunnable(M* mp) {
  for (;;) {
    if (sched.gcwaiting.load() != 0) return nullptr;  // the caller stops for the GC
    int64_t poll_until = 0;
    bool ran = false;
    CheckTimers(mp->g0, mp->p, 0, &poll_until, &ran);
    {
      MutexLock l(&sched.lock);
      if (G* gp = DetPickRunnable()) return gp;
    }
    bool io = NetpollInited() && NetpollAnyWaiters();
    if (io) {
      // Ready descriptors first; with timers pending too, wait a little in real
      // time before virtual time jumps past them.
      GQueue list = Netpoll(poll_until != 0 ? kIOGraceNs : 0);
      if (!list.Empty()) {
        InjectGList(list);
        continue;
      }
    }
    if (DetAdvanceClock()) continue;
    return nullptr;
  }
}

bool DetIsInput(int fd) {
  if (fd == -1) return true;
  int flags = fcntl(fd, F_GETFL);
  return flags >= 0 && (flags & O_NONBLOCK) == 0;
}

bool DetReplayInput(int fd, void* buf, size_t n, long* result) {
  if (!replaying) return false;
  MutexLock l(&det_lock);
  auto it = replay_inputs.find(fd);
  if (it == replay_inputs.end() || it->second.empty()) return false;
  InputChunk& chunk = it->second.front();
  if (chunk.result <= 0) {
    *result = chunk.result;
    it->second.pop_front();
    return true;
  }
  // A shorter read than recorded takes the chunk's head; the rest stays first.
  size_t take = chunk.data.size() < n ? chunk.data.size() : n;
  std::memcpy(buf, chunk.data.data(), take);
  *result = static_cast<long>(take);
  if (take == chunk.data.size()) {
    it->second.pop_front();
  } else {
    chunk.data.erase(0, take);
    chunk.result -= static_cast<long>(take);
  }
  return true;
}

void DetRecordInput(int fd, const void* buf, long result) {
  if (record_fd < 0) return;
  MutexLock l(&det_lock);
  record_buffer += "input " + std::to_string(fd) + " " + std::to_string(result) + " ";
  record_buffer += result > 0 ? Hex(buf, static_cast<size_t>(result)) : "-";
  record_buffer += '\n';
  if (record_buffer.size() >= (1 << 20)) FlushRecordLocked();
}

void DetFinish() {
  if (!Deterministic()) return;
  if (stats_fd >= 0) {
    std::string line = "steps " + std::to_string(steps) + "\n";
    WriteFd(stats_fd, line.data(), line.size());
  }
  if (record_fd < 0) return;
  // Exit may run while another M holds det_lock only if that M is stuck in the
  // middle of a decision; the record is then written as it stands.
  if (det_lock.TryLock()) {
    FlushRecordLocked();
    det_lock.Unlock();
  }
}

}  // namespace gojit::rt
