// The semaphore table (sema.cc) directly, with goroutines of C++ test functions on
// the real scheduler (RunUntilDone, one P): waiters on one address are woken in
// FIFO order, a lifo waiter goes first, two addresses sharing a table root do not
// wake each other's waiters, a release with handoff gives the count to the waiter,
// and a count released with nobody waiting is taken without blocking.
#include "runtime/sema.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "runtime/proc.h"

namespace gojit::rt {
namespace {

std::vector<std::string> events;
// 251 roots keyed by address >> 3: sems[0] and sems[502] (2,008 bytes apart) share one.
uint32_t sems[503];

struct Waiter {
  uint32_t* addr;
  bool lifo;
  std::string name;
};

void Wait(G* g, void* arg) {
  auto* w = static_cast<Waiter*>(arg);
  Semacquire(g, w->addr, w->lifo, WaitReason::kSemacquire);
  events.push_back(w->name);
}

// Lets every runnable goroutine run until it blocks (one P: they run in turn).
void LetOthersRun(G* g) {
  for (int i = 0; i < 10; i++) Gosched(g);
}

// Starts the three waiters one after another (each queued before the next starts),
// then releases the semaphore three times.
Waiter* queue_order_waiters = nullptr;
void QueueOrderMain(G* g) {
  for (int i = 0; i < 3; i++) {
    NewProc(g, &Wait, &queue_order_waiters[i]);
    LetOthersRun(g);
  }
  // One at a time: a woken waiter goes to runnext, where the next one would replace
  // it (and send it to the back of the run queue).
  for (int i = 0; i < 3; i++) {
    Semrelease(g, &sems[0], false);
    LetOthersRun(g);
  }
}

Waiter fifo_waiters[] = {{&sems[0], false, "a"}, {&sems[0], false, "b"},
                         {&sems[0], false, "c"}};
TEST(SemaTest, WaitersWakeInFifoOrder) {
  events.clear();
  queue_order_waiters = fifo_waiters;
  EXPECT_EQ(RunUntilDone(&QueueOrderMain), 4);
  EXPECT_EQ(events, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(sems[0], 0u);
}

Waiter lifo_waiters[] = {{&sems[0], false, "a"}, {&sems[0], false, "b"},
                         {&sems[0], true, "lifo"}};
TEST(SemaTest, LifoWaiterGoesToTheHead) {
  events.clear();
  queue_order_waiters = lifo_waiters;
  EXPECT_EQ(RunUntilDone(&QueueOrderMain), 4);
  EXPECT_EQ(events, (std::vector<std::string>{"lifo", "a", "b"}));
}

Waiter shared_root_waiter = {&sems[0], false, "waiter on sems[0]"};
void SharedRootMain(G* g) {
  NewProc(g, &Wait, &shared_root_waiter);
  LetOthersRun(g);
  // Same root, other address: the count stays there and wakes nobody.
  Semrelease(g, &sems[502], false);
  LetOthersRun(g);
  events.push_back("released sems[502]");
  EXPECT_EQ(sems[502], 1u);
  Semacquire(g, &sems[502], false, WaitReason::kSemacquire);  // takes it at once
  Semrelease(g, &sems[0], false);
  LetOthersRun(g);
}

TEST(SemaTest, AddressesSharingARootAreIndependent) {
  events.clear();
  EXPECT_EQ(RunUntilDone(&SharedRootMain), 2);
  EXPECT_EQ(events, (std::vector<std::string>{"released sems[502]", "waiter on sems[0]"}));
  EXPECT_EQ(sems[0], 0u);
  EXPECT_EQ(sems[502], 0u);
}

Waiter handoff_waiter = {&sems[0], false, "waiter"};
uint32_t count_after_handoff = 99;
void HandoffMain(G* g) {
  NewProc(g, &Wait, &handoff_waiter);
  LetOthersRun(g);
  // With handoff the releaser yields to the waiter, which already owns the count.
  Semrelease(g, &sems[0], true);
  count_after_handoff = sems[0];
  events.push_back("releaser");
}

TEST(SemaTest, HandoffGivesTheCountToTheWaiter) {
  events.clear();
  EXPECT_EQ(RunUntilDone(&HandoffMain), 2);
  EXPECT_EQ(events, (std::vector<std::string>{"waiter", "releaser"}));
  EXPECT_EQ(count_after_handoff, 0u);
}

}  // namespace
}  // namespace gojit::rt
