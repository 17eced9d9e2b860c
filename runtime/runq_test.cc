// The run queues directly (runq.cc), on P and G structures of their own, outside
// any running scheduler: runnext before the ring, FIFO order, the spill of half a
// full ring to the global queue, stealing half a victim's ring (runnext spared
// unless asked for), and thieves racing the owner without losing or doubling a G.
#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "runtime/proc_internal.h"

namespace gojit::rt {
namespace {

// Takes everything off the global queue (the tests leave it as they found it).
std::vector<G*> DrainGlobal() {
  std::vector<G*> out;
  MutexLock l(&sched.lock);
  while (G* gp = sched.runq.Pop()) out.push_back(gp);
  sched.runqsize = 0;
  return out;
}

std::vector<G*> DrainLocal(P* pp) {
  std::vector<G*> out;
  bool inherit = false;
  while (G* gp = RunqGet(pp, &inherit)) out.push_back(gp);
  return out;
}

TEST(RunqTest, RunnextFirstThenFifo) {
  auto p = std::make_unique<P>();
  std::unique_ptr<G[]> gs(new G[5]);
  RunqPut(p.get(), &gs[0], false);
  RunqPut(p.get(), &gs[1], false);
  RunqPut(p.get(), &gs[2], true);
  // A second runnext kicks the first to the tail of the ring.
  RunqPut(p.get(), &gs[3], true);
  EXPECT_FALSE(RunqEmpty(p.get()));
  bool inherit = false;
  EXPECT_EQ(RunqGet(p.get(), &inherit), &gs[3]);
  EXPECT_TRUE(inherit);  // runnext inherits the time slice
  EXPECT_EQ(RunqGet(p.get(), &inherit), &gs[0]);
  EXPECT_FALSE(inherit);
  EXPECT_EQ(RunqGet(p.get(), &inherit), &gs[1]);
  EXPECT_EQ(RunqGet(p.get(), &inherit), &gs[2]);
  EXPECT_EQ(RunqGet(p.get(), &inherit), nullptr);
  EXPECT_TRUE(RunqEmpty(p.get()));
}

TEST(RunqTest, FullRingSpillsHalfToTheGlobalQueue) {
  DrainGlobal();
  auto p = std::make_unique<P>();
  const int n = kLocalRunQueueSize + 1;
  std::unique_ptr<G[]> gs(new G[n]);
  for (int i = 0; i < n; i++) RunqPut(p.get(), &gs[i], false);
  {
    MutexLock l(&sched.lock);
    EXPECT_EQ(sched.runqsize, static_cast<int32_t>(kLocalRunQueueSize / 2 + 1));
  }
  // The oldest half and the newcomer went global, in order; the rest stayed.
  std::vector<G*> global = DrainGlobal();
  ASSERT_EQ(global.size(), kLocalRunQueueSize / 2 + 1);
  for (size_t i = 0; i < kLocalRunQueueSize / 2; i++) EXPECT_EQ(global[i], &gs[i]);
  EXPECT_EQ(global.back(), &gs[n - 1]);
  std::vector<G*> local = DrainLocal(p.get());
  ASSERT_EQ(local.size(), kLocalRunQueueSize / 2);
  for (size_t i = 0; i < local.size(); i++) EXPECT_EQ(local[i], &gs[kLocalRunQueueSize / 2 + i]);
}

TEST(RunqTest, StealTakesHalfAndSparesRunnext) {
  auto victim = std::make_unique<P>();
  auto thief = std::make_unique<P>();
  std::unique_ptr<G[]> gs(new G[11]);
  for (int i = 0; i < 10; i++) RunqPut(victim.get(), &gs[i], false);
  RunqPut(victim.get(), &gs[10], true);
  // Half of 10, rounded up: the thief runs the last of the five and queues four.
  G* got = RunqSteal(thief.get(), victim.get(), false);
  EXPECT_EQ(got, &gs[4]);
  std::vector<G*> thief_queue = DrainLocal(thief.get());
  EXPECT_EQ(thief_queue, (std::vector<G*>{&gs[0], &gs[1], &gs[2], &gs[3]}));
  // The victim keeps the newer half and its runnext.
  std::vector<G*> victim_queue = DrainLocal(victim.get());
  EXPECT_EQ(victim_queue, (std::vector<G*>{&gs[10], &gs[5], &gs[6], &gs[7], &gs[8], &gs[9]}));
  // An empty ring: runnext is taken only when the thief asks for it.
  RunqPut(victim.get(), &gs[0], true);
  EXPECT_EQ(RunqSteal(thief.get(), victim.get(), false), nullptr);
  EXPECT_EQ(RunqSteal(thief.get(), victim.get(), true), &gs[0]);
  EXPECT_TRUE(RunqEmpty(victim.get()));
}

// The owner puts and gets while two thieves steal into their own Ps and run what
// they steal: every G is taken exactly once.
TEST(RunqTest, ConcurrentStealsLoseAndDuplicateNothing) {
  DrainGlobal();
  constexpr int kGs = 200000;
  std::unique_ptr<G[]> gs(new G[kGs]);
  std::unique_ptr<std::atomic<int>[]> taken(new std::atomic<int>[kGs]);
  for (int i = 0; i < kGs; i++) taken[i].store(0);
  auto take = [&](G* gp) { taken[gp - gs.get()].fetch_add(1); };
  auto owner = std::make_unique<P>();
  std::atomic<bool> done{false};
  std::vector<std::thread> thieves;
  for (int t = 0; t < 2; t++) {
    thieves.emplace_back([&] {
      auto mine = std::make_unique<P>();
      bool inherit = false;
      for (;;) {
        bool finished = done.load();
        if (G* gp = RunqSteal(mine.get(), owner.get(), true)) take(gp);
        while (G* gp = RunqGet(mine.get(), &inherit)) take(gp);
        if (finished) break;
      }
    });
  }
  bool inherit = false;
  for (int i = 0; i < kGs; i++) {
    RunqPut(owner.get(), &gs[i], i % 7 == 0);  // some through runnext
    if (i % 3 == 0) {
      if (G* gp = RunqGet(owner.get(), &inherit)) take(gp);
    }
  }
  while (G* gp = RunqGet(owner.get(), &inherit)) take(gp);
  done.store(true);
  for (std::thread& t : thieves) t.join();
  for (G* gp : DrainGlobal()) take(gp);
  int missing = 0, doubled = 0;
  for (int i = 0; i < kGs; i++) {
    missing += taken[i].load() == 0;
    doubled += taken[i].load() > 1;
  }
  EXPECT_EQ(missing, 0);
  EXPECT_EQ(doubled, 0);
}

}  // namespace
}  // namespace gojit::rt
