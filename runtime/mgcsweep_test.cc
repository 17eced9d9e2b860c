// Sweeping while the program runs (mgcsweep.cc): spans handed to the sweeper
// are swept once each, on demand (a cache refill) or in proportion to the
// heap's growth, and free exactly their unmarked objects. Each test runs in a
// process of its own (gtest_discover_tests), so the heap is the test's alone.
#include <cstdint>
#include <set>
#include <vector>

#include "gtest/gtest.h"
#include "runtime/entrypoints.h"
#include "runtime/mgc.h"
#include "runtime/mheap.h"

namespace gojit::rt {
namespace {

// n objects of `size` bytes, allocated outside the scheduler (no P: nothing
// sweeps), then every cache handed back so that the spans are on no list.
std::vector<uintptr_t> AllocateUncached(int n, int64_t size) {
  std::vector<uintptr_t> objs;
  for (int i = 0; i < n; ++i) objs.push_back(reinterpret_cast<uintptr_t>(gojit_rt_mallocgc(nullptr, size, nullptr)));
  uint64_t nmalloc = 0, bytes = 0, black = 0;
  FlushMCaches(&nmalloc, &bytes, &black);
  return objs;
}

void Mark(uintptr_t p) {
  MSpan* s = MHeap::Get().SpanOf(p);
  s->SetMarked(s->ObjIndex(p));
}

TEST(SweepTest, RefillSweepsAndReusesOnlyUnmarkedObjects) {
  constexpr int64_t kSize = 64;
  std::vector<uintptr_t> objs = AllocateUncached(1000, kSize);
  std::set<uintptr_t> dead;
  for (size_t i = 0; i < objs.size(); ++i) {
    if (i % 2 == 0) {
      Mark(objs[i]);
    } else {
      dead.insert(objs[i]);
    }
  }
  uint64_t frees_before = GcSweptFrees();
  GcSweepStart();
  // A refill finds no swept span of the class and sweeps until one turns up: its
  // free objects are exactly the unmarked ones.
  uint8_t spanclass = static_cast<uint8_t>(SizeToClass(kSize) << 1 | 1);
  MSpan* s = MHeap::Get().CacheSpan(spanclass, /*may_sweep=*/true);
  ASSERT_NE(s, nullptr);
  EXPECT_TRUE(s->needzero);
  int free_slots = 0;
  for (uint32_t i = 0; i < s->nelems; ++i) {
    uintptr_t p = s->base + i * s->elemsize;
    if (!s->Allocated(i)) {
      ++free_slots;
      EXPECT_TRUE(dead.contains(p) || p > objs.back()) << "a marked object was freed";
    } else {
      EXPECT_FALSE(dead.contains(p)) << "an unmarked object survived";
    }
    EXPECT_FALSE(s->Marked(i)) << "sweeping clears the mark bits";
  }
  EXPECT_GT(free_slots, 0);
  MHeap::Get().UncacheSpan(s);
  GcSweepFinish();
  EXPECT_EQ(GcSweptFrees() - frees_before, dead.size());
  EXPECT_FALSE(GcSweepOne()) << "a span swept twice";
}

TEST(SweepTest, CreditSweepsInProportionToGrowth) {
  // 64 KiB objects are large: one span each, all garbage (nothing marked).
  constexpr int kSpans = 200;
  constexpr int64_t kSize = 64 << 10;
  AllocateUncached(kSpans, kSize);
  MHeap& heap = MHeap::Get();
  uintptr_t pages = heap.inuse() >> kPageShift;
  GcSweepStart();
  // The heap may grow by `distance` bytes before the next trigger: every page
  // must be swept by then, half of them once it grew by half of that.
  constexpr int64_t kDistance = 64 << 20;
  int64_t live = GcHeapLive();
  GcSweepPace(live, static_cast<uint64_t>(live + (1 << 20) + kDistance));
  GcSweepCredit(kDistance / 2);
  uintptr_t freed = pages - (heap.inuse() >> kPageShift);
  uintptr_t span_pages = kSize >> kPageShift;
  EXPECT_GE(freed, pages / 2);
  EXPECT_LT(freed, pages / 2 + span_pages);
  GcSweepCredit(kDistance);
  EXPECT_FALSE(GcSweepOne()) << "the whole credit sweeps everything";
  EXPECT_EQ(heap.inuse(), 0u);
}

}  // namespace
}  // namespace gojit::rt
