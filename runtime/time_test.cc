// The per-P timer heap (time.cc) directly, from a goroutine of a C++ test function
// on the real scheduler (RunUntilDone, one P): timers added in a scrambled order
// keep the 4-ary heap ordered by when, deleting and re-arming timers keeps it so,
// and checkTimers runs exactly the due timers, earliest first, re-arming periodic
// ones.
#include "runtime/time.h"

#include <algorithm>
#include <vector>

#include "gtest/gtest.h"
#include "runtime/lock_futex.h"
#include "runtime/proc.h"

namespace gojit::rt {
namespace {

constexpr int kTimers = 100;
Timer timers[kTimers];
std::vector<uintptr_t> fired;  // the seq of each timer that ran, in order

void Record(G*, void*, const TypeDescriptor*, void*, uintptr_t seq, int64_t) { fired.push_back(seq); }
TimerFuncCode record_code = &Record;  // a func value: a closure whose first word is code

// Whether pp's heap is a 4-ary min-heap on when with every idx right.
bool HeapOrdered(P* pp) {
  MutexLock l(&pp->timersLock);
  const std::vector<Timer*>& h = pp->timers;
  for (size_t i = 0; i < h.size(); i++) {
    if (h[i]->idx != static_cast<int32_t>(i) || h[i]->pp.load() != pp) return false;
    if (i > 0 && h[(i - 1) / 4]->when > h[i]->when) return false;
  }
  if (pp->timer0When.load() != (h.empty() ? 0 : h[0]->when)) return false;
  return pp->numTimers.load() == h.size();
}

bool ordered_after_add = false, ordered_after_changes = false;
size_t heap_size_after_changes = 0;
int64_t base = 0;

void TimersMain(G* g) {
  P* pp = g->m->p;
  // An hour away, so nothing fires on its own; whens 0..99 in a scrambled order.
  base = Nanotime() + int64_t{3600} * 1000000000;
  for (int i = 0; i < kTimers; i++) {
    Timer& t = timers[i];
    int64_t offset = (i * 37) % kTimers;
    t.when = base + offset * 1000;
    t.f = &record_code;
    t.seq = static_cast<uintptr_t>(offset);
    AddTimer(g, &t);
  }
  ordered_after_add = HeapOrdered(pp);
  // Delete every timer whose offset is a multiple of 10, move those at 5 mod 10 to
  // the end (offset + 1000), and make the one at offset 1 periodic.
  for (Timer& t : timers) {
    if (t.seq % 10 == 0) {
      EXPECT_TRUE(DelTimer(&t));
      EXPECT_FALSE(DelTimer(&t));  // already gone
    } else if (t.seq % 10 == 5) {
      EXPECT_TRUE(ModTimer(g, &t, t.when + 1000 * 1000, 0, t.f, t.arg, t.seq + 1000));
    } else if (t.seq == 1) {
      EXPECT_TRUE(ModTimer(g, &t, t.when, 500 * 1000, t.f, t.arg, t.seq));
    }
  }
  ordered_after_changes = HeapOrdered(pp);
  {
    MutexLock l(&pp->timersLock);
    heap_size_after_changes = pp->timers.size();
  }
  // Run what is due by offset 99: the 80 one-shot timers left below it, and the
  // periodic one once (it is re-armed 500 us later, past 99 us).
  int64_t poll_until = 0;
  bool ran = false;
  CheckTimers(g, pp, base + 99 * 1000, &poll_until, &ran);
  EXPECT_TRUE(ran);
  EXPECT_EQ(poll_until, base + 501 * 1000);  // the periodic timer, re-armed
  EXPECT_TRUE(HeapOrdered(pp));
  // Up to offset 1100: the periodic timer once more (at 501, re-armed to 1501), then
  // the moved ones.
  CheckTimers(g, pp, base + 1100 * 1000, &poll_until, &ran);
  EXPECT_EQ(poll_until, base + 1501 * 1000);
  EXPECT_TRUE(HeapOrdered(pp));
  for (Timer& t : timers) {
    if (t.seq == 1) {
      EXPECT_TRUE(DelTimer(&t));  // the periodic one, the last left
    }
  }
  EXPECT_TRUE(HeapOrdered(pp));
  MutexLock l(&pp->timersLock);
  EXPECT_TRUE(pp->timers.empty());
}

TEST(TimerHeapTest, AddDeleteModifyAndRunInOrder) {
  fired.clear();
  EXPECT_EQ(RunUntilDone(&TimersMain), 1);
  EXPECT_TRUE(ordered_after_add);
  EXPECT_TRUE(ordered_after_changes);
  EXPECT_EQ(heap_size_after_changes, 90u);
  // First pass: offsets 0..99 in order without the deleted (0 mod 10) and moved
  // (5 mod 10) ones: 80 timers, the periodic one at its place.
  std::vector<uintptr_t> first(fired.begin(), fired.begin() + std::min<size_t>(fired.size(), 80));
  std::vector<uintptr_t> want_first;
  for (uintptr_t s = 0; s < 100; s++) {
    if (s % 10 != 0 && s % 10 != 5) want_first.push_back(s);
  }
  EXPECT_EQ(first, want_first);
  // Second pass, up to offset 1100: the periodic timer at 501, then the moved ones
  // at 1005, 1015, ..., 1095, in when order.
  std::vector<uintptr_t> second(fired.begin() + std::min<size_t>(fired.size(), 80), fired.end());
  std::vector<uintptr_t> want_second = {1};
  for (uintptr_t s = 5; s < 100; s += 10) want_second.push_back(s + 1000);
  EXPECT_EQ(second, want_second);
}

}  // namespace
}  // namespace gojit::rt
