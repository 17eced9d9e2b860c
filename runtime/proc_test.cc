// The scheduler skeleton: G1 runs on its own mmap'd stack through schedule/
// execute/gogo, returns into goexit, and the thread comes back; goroutines
// interleave through Gosched with their callee-saved registers intact; gopark/
// goready; systemstack; deadlock detection; RunMain/Exit codes.
#include "runtime/proc.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace gojit::rt {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

uintptr_t ReadTlsGuard() {
  uintptr_t v;
  asm volatile("movq %%fs:0x70, %0" : "=r"(v));
  return v;
}

struct Probe {
  uintptr_t local = 0;
  Stack stack;
  int64_t goid = 0;
  uint32_t status = 0;
  uintptr_t tls_guard = 0;
  uintptr_t stackguard0 = 0;
  bool has_m = false;
};
Probe probe;

void RecordStack(G* g) {
  int local = 0;
  probe.local = reinterpret_cast<uintptr_t>(&local);
  probe.stack = g->stack;
  probe.goid = g->goid;
  probe.status = ReadGStatus(g);
  probe.tls_guard = ReadTlsGuard();
  probe.stackguard0 = g->stackguard0;
  probe.has_m = g->m != nullptr && g->m->curg == g && CurrentG() == g;
}

TEST(ProcTest, G1RunsOnItsOwnStackAndReturnsThroughGoexit) {
  probe = Probe{};
  int here = 0;
  EXPECT_EQ(RunUntilDone(&RecordStack), 1);
  EXPECT_GE(probe.local, probe.stack.lo);
  EXPECT_LT(probe.local, probe.stack.hi);
  EXPECT_EQ(probe.stack.hi - probe.stack.lo, kTestStackSize);
  auto h = reinterpret_cast<uintptr_t>(&here);
  EXPECT_TRUE(h < probe.stack.lo || h >= probe.stack.hi) << "G1 ran on the thread stack";
  EXPECT_EQ(probe.goid, 1);
  EXPECT_EQ(probe.status, static_cast<uint32_t>(Gstatus::kRunning));
  EXPECT_EQ(probe.stackguard0, probe.stack.lo + kStackGuard);
  EXPECT_EQ(probe.tls_guard, probe.stackguard0);
  EXPECT_TRUE(probe.has_m);
  EXPECT_EQ(CurrentG(), nullptr);  // the thread is handed back
  // A second run starts from a clean scheduler.
  probe = Probe{};
  EXPECT_EQ(RunUntilDone(&RecordStack), 1);
  EXPECT_EQ(probe.goid, 1);
}

std::vector<std::string> events;

// Six values live across Gosched: they sit in callee-saved registers (or the
// stack), and another goroutine runs the same code with other values meanwhile.
__attribute__((noinline)) uint64_t Mix(G* g, uint64_t seed) {
  uint64_t a = seed * 3, b = seed * 5 + 1, c = seed ^ 0x55, d = seed + 7, e = seed * 11,
           f = ~seed;
  Gosched(g);
  return a + 2 * b + 3 * c + 5 * d + 7 * e + 11 * f;
}
uint64_t MixWant(uint64_t seed) {
  return seed * 3 + 2 * (seed * 5 + 1) + 3 * (seed ^ 0x55) + 5 * (seed + 7) +
         7 * (seed * 11) + 11 * ~seed;
}

void Worker(G* g, void* arg) {
  std::string name = static_cast<const char*>(arg);
  for (uint64_t i = 0; i < 3; i++) {
    int local = 0;
    auto a = reinterpret_cast<uintptr_t>(&local);
    EXPECT_TRUE(a >= g->stack.lo && a < g->stack.hi);
    uint64_t seed = (name[0] << 8) + i;
    uint64_t got = Mix(g, seed);
    EXPECT_EQ(got, MixWant(seed)) << name << i;
    events.push_back(name + std::to_string(i));
  }
}

void InterleaveMain(G* g) {
  NewProc(g, &Worker, const_cast<char*>("a"));
  NewProc(g, &Worker, const_cast<char*>("b"));
  events.push_back("main");
  Gosched(g);
  events.push_back("main-end");
}

TEST(ProcTest, GoroutinesInterleaveThroughGosched) {
  events.clear();
  EXPECT_EQ(RunUntilDone(&InterleaveMain), 3);
  ASSERT_EQ(events.size(), 8u);
  EXPECT_EQ(events[0], "main");
  // Both workers made progress before either finished: they interleave.
  auto pos = [](const std::string& e) {
    return std::find(events.begin(), events.end(), e) - events.begin();
  };
  EXPECT_LT(pos("a0"), pos("b2"));
  EXPECT_LT(pos("b0"), pos("a2"));
  EXPECT_LT(pos("a0"), pos("a1"));
  EXPECT_LT(pos("a1"), pos("a2"));
}

int counter = 0;
void Count(G* g, void*) { counter++; }
void ManyMain(G* g) {
  // More than the 256-slot local queue: runqputslow spills to the global queue.
  for (int i = 0; i < 600; i++) NewProc(g, &Count, nullptr);
  Gosched(g);
}

TEST(ProcTest, ManyGoroutinesOverflowTheLocalQueue) {
  counter = 0;
  EXPECT_EQ(RunUntilDone(&ManyMain), 601);
  EXPECT_EQ(counter, 600);
}

G* parked = nullptr;
uint32_t status_seen = 0;
void Waker(G* g, void*) {
  status_seen = ReadGStatus(parked);
  events.push_back("waker");
  Goready(g, parked);
}
void ParkMain(G* g) {
  parked = g;
  NewProc(g, &Waker, nullptr);
  Gopark(g, nullptr, nullptr, WaitReason::kChanReceive);
  events.push_back("resumed");
  // unlockf returning false: the G is not parked at all.
  Gopark(
      g, [](G*, void*) { return false; }, nullptr, WaitReason::kSleep);
  events.push_back("not-parked");
}

TEST(ProcTest, GoparkAndGoready) {
  events.clear();
  EXPECT_EQ(RunUntilDone(&ParkMain), 2);
  EXPECT_EQ(events, (std::vector<std::string>{"waker", "resumed", "not-parked"}));
  EXPECT_EQ(status_seen, static_cast<uint32_t>(Gstatus::kWaiting));
}

uintptr_t sys_local = 0;
bool sys_on_g0 = false;
void OnSystemStack(void* arg) {
  int local = 0;
  sys_local = reinterpret_cast<uintptr_t>(&local);
  G* g = static_cast<G*>(arg);
  sys_on_g0 = sys_local >= g->m->g0->stack.lo && sys_local < g->m->g0->stack.hi &&
              !(sys_local >= g->stack.lo && sys_local < g->stack.hi);
}
void SystemStackMain(G* g) { gojit_systemstack(g, &OnSystemStack, g); }

TEST(ProcTest, SystemstackRunsOnG0) {
  sys_on_g0 = false;
  RunUntilDone(&SystemStackMain);
  EXPECT_TRUE(sys_on_g0);
}

void ParkForever(G* g) { Gopark(g, nullptr, nullptr, WaitReason::kChanReceive); }

TEST(ProcDeathTest, DeadlockIsFatal) {
  EXPECT_EXIT(RunUntilDone(&ParkForever), ::testing::ExitedWithCode(2),
              HasSubstr("fatal error: all goroutines are asleep - deadlock!\n\n"
                        "goroutine 1 [chan receive]:\n"));
}

void MainChecksArgs(G* g) {
  if (Args().size() != 2 || Args()[1] != "x") Exit(7);
}
void MainExits3(G* g) { Exit(3); }

TEST(ProcDeathTest, RunMainExitsZeroWhenMainReturns) {
  EXPECT_EXIT(RunMain(&MainChecksArgs, {"prog", "x"}, {}), ::testing::ExitedWithCode(0),
              Not(HasSubstr("exit status")));
}

TEST(ProcDeathTest, ExitPrintsStatusLikeGoRun) {
  EXPECT_EXIT(RunMain(&MainExits3, {"prog"}, {}), ::testing::ExitedWithCode(3),
              HasSubstr("exit status 3\n"));
  RunOptions quiet;
  quiet.print_exit_status = false;
  EXPECT_EXIT(RunMain(&MainExits3, {"prog"}, quiet), ::testing::ExitedWithCode(3),
              Not(HasSubstr("exit status")));
}

}  // namespace
}  // namespace gojit::rt
