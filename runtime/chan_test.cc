// Channels and select on the scheduler: unbuffered handoff, buffered FIFO with
// wrap-around, FIFO wait queues, close waking every waiter, the panics with gc's
// texts (and recover of one), select with default, blocking select woken by each
// kind of case, the selectDone race, fairness among ready cases, deadlock wait
// reasons, and 10,000 goroutines parked on one channel. Goroutines are C++
// functions started with NewProc and run by RunUntilDone, calling the abi.def
// entry points as JIT'd code does.
#include "runtime/chan.h"

#include <algorithm>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "runtime/defer.h"
#include "runtime/entrypoints.h"
#include "runtime/proc.h"

// setjmp returns twice; the declaration in entrypoints.h does not say so.
extern "C" __attribute__((returns_twice)) int32_t gojit_rt_setjmp(void* buf);

namespace gojit::rt {
namespace {

using ::testing::ExitedWithCode;
using ::testing::HasSubstr;

GoString Str(const char* s) {
  return GoString{reinterpret_cast<const uint8_t*>(s),
                  static_cast<int64_t>(std::char_traits<char>::length(s))};
}

TypeDescriptor Type(Kind kind, int64_t size, int64_t ptrdata, const char* name,
                    const TypeDescriptor* elem = nullptr) {
  return TypeDescriptor{
      .size = size,
      .ptrdata = ptrdata,
      .hash = 0,
      .kind = kind,
      .align = static_cast<uint8_t>(size >= 8 ? 8 : (size > 0 ? size : 1)),
      .flags = kTypeFlagComparable,
      .pad = 0,
      .name = Str(name),
      .elem = elem,
      .key = nullptr,
      .len = 0,
      .fields = nullptr,
      .nfields = 0,
      .methods = nullptr,
      .nmethods = 0, .gcdata = nullptr, .ptr_to_this = nullptr};
}

const TypeDescriptor kInt = Type(Kind::kInt, 8, 0, "int");
const TypeDescriptor kChanInt = Type(Kind::kChan, 8, 8, "chan int", &kInt);
const TypeDescriptor kEmpty = Type(Kind::kStruct, 0, 0, "struct {}");
const TypeDescriptor kChanEmpty = Type(Kind::kChan, 8, 8, "chan struct {}", &kEmpty);
const TypeDescriptor kPtr = Type(Kind::kPointer, 8, 8, "*int", &kInt);
const TypeDescriptor kChanPtr = Type(Kind::kChan, 8, 8, "chan *int", &kPtr);

HChan* MakeInt(G* g, int64_t size) { return gojit_rt_makechan(g, &kChanInt, size); }
void Send(G* g, HChan* c, int64_t v) { gojit_rt_chansend1(g, c, &v); }
int64_t Recv(G* g, HChan* c, bool* ok = nullptr) {
  int64_t v = -1;
  int8_t r = gojit_rt_chanrecv(g, c, &v);
  if (ok != nullptr) *ok = r != 0;
  return v;
}
int QueueLen(const WaitQ& q) {
  int n = 0;
  for (Sudog* s = q.first; s != nullptr; s = s->next) n++;
  return n;
}
// Gosched until pred() holds. One Gosched is not always enough for a new
// goroutine to run: every 61st schedule takes the global queue first, which is
// where Gosched put the caller (as in gc).
template <typename Pred>
void YieldUntil(G* g, Pred pred) {
  for (int i = 0; i < 1000 && !pred(); i++) Gosched(g);
  ASSERT_TRUE(pred());
}

// --- unbuffered ------------------------------------------------------------------

struct PingPong {
  HChan* ping;
  HChan* pong;
  int served;
};
PingPong pp;

void Ponger(G* g, void*) {
  for (;;) {
    bool ok;
    int64_t v = Recv(g, pp.ping, &ok);
    if (!ok) return;
    pp.served++;
    Send(g, pp.pong, v * 31 + 7);
  }
}

uint64_t pingpong_sum = 0;
bool pingpong_in_order = true;

TEST(ChanTest, UnbufferedPingPong) {
  pp = PingPong{};
  pingpong_sum = 0;
  pingpong_in_order = true;
  int ran = RunUntilDone(+[](G* g) {
    pp.ping = MakeInt(g, 0);
    pp.pong = MakeInt(g, 0);
    EXPECT_EQ(gojit_rt_chancap(g, pp.ping), 0);
    NewProc(g, &Ponger, nullptr);
    for (int64_t i = 0; i < 1000; i++) {
      Send(g, pp.ping, i);
      int64_t r = Recv(g, pp.pong);
      if (r != i * 31 + 7) pingpong_in_order = false;
      pingpong_sum += static_cast<uint64_t>(r);
    }
    gojit_rt_closechan(g, pp.ping);
  });
  EXPECT_EQ(ran, 2);
  EXPECT_TRUE(pingpong_in_order);
  EXPECT_EQ(pp.served, 1000);
  uint64_t want = 0;
  for (uint64_t i = 0; i < 1000; i++) want += i * 31 + 7;
  EXPECT_EQ(pingpong_sum, want);
}

// --- buffered ---------------------------------------------------------------------

std::vector<int64_t> got;

TEST(ChanTest, BufferedFifoWrapsAround) {
  got.clear();
  RunUntilDone(+[](G* g) {
    HChan* c = MakeInt(g, 4);
    EXPECT_EQ(gojit_rt_chancap(g, c), 4);
    EXPECT_EQ(gojit_rt_chanlen(g, c), 0);
    int64_t next = 0;
    // 3 in, 2 out, repeatedly: the ring's indices wrap many times.
    for (int round = 0; round < 10; round++) {
      while (gojit_rt_chanlen(g, c) < 4) Send(g, c, next++);
      EXPECT_EQ(gojit_rt_chanlen(g, c), 4);
      EXPECT_EQ(gojit_rt_selectnbsend(g, c, &next), 0);  // full: would block
      got.push_back(Recv(g, c));
      got.push_back(Recv(g, c));
      got.push_back(Recv(g, c));
    }
    while (gojit_rt_chanlen(g, c) > 0) got.push_back(Recv(g, c));
    int64_t v = 99;
    int8_t received = 1;
    EXPECT_EQ(gojit_rt_selectnbrecv(g, &v, c, &received), 0);  // empty: would block
    EXPECT_EQ(gojit_rt_chanlen(g, nullptr), 0);
    EXPECT_EQ(gojit_rt_chancap(g, nullptr), 0);
  });
  // 4 + 9 * 3 values sent, all received in order.
  ASSERT_EQ(got.size(), 31u);
  for (size_t i = 0; i < got.size(); i++) EXPECT_EQ(got[i], static_cast<int64_t>(i));
}

TEST(ChanTest, ZeroSizeElementsAndPointerElements) {
  RunUntilDone(+[](G* g) {
    HChan* c = gojit_rt_makechan(g, &kChanEmpty, 3);
    char dummy = 0;
    gojit_rt_chansend1(g, c, &dummy);
    gojit_rt_chansend1(g, c, &dummy);
    EXPECT_EQ(gojit_rt_chanlen(g, c), 2);
    EXPECT_EQ(gojit_rt_chanrecv(g, c, nullptr), 1);
    HChan* p = gojit_rt_makechan(g, &kChanPtr, 2);
    EXPECT_NE(p->buf, nullptr);
    int64_t target = 5;
    int64_t* ptr = &target;
    gojit_rt_chansend1(g, p, &ptr);
    int64_t* out = nullptr;
    EXPECT_EQ(gojit_rt_chanrecv(g, p, &out), 1);
    EXPECT_EQ(out, &target);
    // The slot was cleared after the receive (no stale pointer for a collector).
    EXPECT_EQ(*static_cast<int64_t**>(p->buf), nullptr);
  });
}

// A receive with a full buffer and a blocked sender takes the head and moves the
// sender's value to the tail (recv's buffered branch).
TEST(ChanTest, BufferedReceiveRefillsFromBlockedSender) {
  got.clear();
  RunUntilDone(+[](G* g) {
    HChan* c = MakeInt(g, 2);
    Send(g, c, 0);
    Send(g, c, 1);
    NewProc(
        g, +[](G* g, void* c) { Send(g, static_cast<HChan*>(c), 2); }, c);
    YieldUntil(g, [c] { return QueueLen(c->sendq) == 1; });  // the buffer is full
    for (int i = 0; i < 3; i++) got.push_back(Recv(g, c));
  });
  EXPECT_EQ(got, (std::vector<int64_t>{0, 1, 2}));
}

// --- wait queues are FIFO -------------------------------------------------------

HChan* shared_c = nullptr;
std::vector<G*> waiters;
std::vector<std::string> events;

TEST(ChanTest, BlockedSendersAndReceiversAreServedInOrder) {
  got.clear();
  events.clear();
  waiters.clear();
  RunUntilDone(+[](G* g) {
    shared_c = MakeInt(g, 0);
    for (int64_t i = 0; i < 3; i++) {
      waiters.push_back(NewProc(
          g, +[](G* g, void* arg) { Send(g, shared_c, reinterpret_cast<int64_t>(arg)); },
          reinterpret_cast<void*>(i * 10)));
      // Sender i runs and parks before i+1 starts.
      YieldUntil(g, [i] { return QueueLen(shared_c->sendq) == i + 1; });
      EXPECT_EQ(ReadGStatus(waiters.back()), static_cast<uint32_t>(Gstatus::kWaiting));
      EXPECT_EQ(waiters.back()->waitreason, WaitReason::kChanSend);
      EXPECT_NE(waiters.back()->waiting, nullptr);
    }
    EXPECT_EQ(QueueLen(shared_c->sendq), 3);
    for (int i = 0; i < 3; i++) got.push_back(Recv(g, shared_c));
    // Now three receivers, each recording what it got.
    for (int64_t i = 0; i < 3; i++) {
      NewProc(
          g,
          +[](G* g, void* arg) {
            int64_t v = Recv(g, shared_c);
            events.push_back("r" + std::to_string(reinterpret_cast<int64_t>(arg)) + "=" +
                             std::to_string(v));
          },
          reinterpret_cast<void*>(i));
      YieldUntil(g, [i] { return QueueLen(shared_c->recvq) == i + 1; });
    }
    for (int64_t v = 100; v < 103; v++) Send(g, shared_c, v);
  });
  EXPECT_EQ(got, (std::vector<int64_t>{0, 10, 20}));
  std::sort(events.begin(), events.end());
  EXPECT_EQ(events, (std::vector<std::string>{"r0=100", "r1=101", "r2=102"}));
}

// --- close --------------------------------------------------------------------------

TEST(ChanTest, CloseWakesEveryReceiverWithZeroAndNotOk) {
  events.clear();
  RunUntilDone(+[](G* g) {
    shared_c = MakeInt(g, 0);
    for (int i = 0; i < 3; i++) {
      NewProc(
          g,
          +[](G* g, void*) {
            bool ok = true;
            int64_t v = Recv(g, shared_c, &ok);  // Recv presets v to -1
            events.push_back("v=" + std::to_string(v) + ",ok=" + std::to_string(ok));
          },
          nullptr);
    }
    YieldUntil(g, [] { return QueueLen(shared_c->recvq) == 3; });
    gojit_rt_closechan(g, shared_c);
    EXPECT_EQ(QueueLen(shared_c->recvq), 0);
    // A closed, drained channel answers at once, also without blocking.
    bool ok = true;
    EXPECT_EQ(Recv(g, shared_c, &ok), 0);
    EXPECT_FALSE(ok);
    int64_t v = 5;
    int8_t received = 1;
    EXPECT_EQ(gojit_rt_selectnbrecv(g, &v, shared_c, &received), 1);
    EXPECT_EQ(received, 0);
    EXPECT_EQ(v, 0);
  });
  EXPECT_EQ(events, (std::vector<std::string>(3, "v=0,ok=0")));
}

TEST(ChanTest, ClosedBufferedChannelDrainsFirst) {
  got.clear();
  events.clear();
  RunUntilDone(+[](G* g) {
    HChan* c = MakeInt(g, 3);
    Send(g, c, 1);
    Send(g, c, 2);
    gojit_rt_closechan(g, c);
    for (int i = 0; i < 4; i++) {
      bool ok;
      int64_t v = Recv(g, c, &ok);
      events.push_back(std::to_string(v) + (ok ? "+" : "-"));
    }
    EXPECT_EQ(gojit_rt_chanrecv(g, c, nullptr), 0);  // elem may be null
  });
  EXPECT_EQ(events, (std::vector<std::string>{"1+", "2+", "0-", "0-"}));
}

// --- panics ---------------------------------------------------------------------------

void SendOnClosedMain(G* g) {
  HChan* c = MakeInt(g, 1);
  gojit_rt_closechan(g, c);
  Send(g, c, 1);
}

TEST(ChanDeathTest, SendOnClosedChannelPanics) {
  EXPECT_EXIT(RunUntilDone(&SendOnClosedMain), ExitedWithCode(2),
              HasSubstr("panic: send on closed channel\n\ngoroutine 1 [running]:\n"));
}

TEST(ChanDeathTest, CloseWakesBlockedSenderToPanic) {
  EXPECT_EXIT(RunUntilDone(+[](G* g) {
                shared_c = MakeInt(g, 0);
                NewProc(
                    g, +[](G* g, void*) { Send(g, shared_c, 1); }, nullptr);
                YieldUntil(g, [] { return QueueLen(shared_c->sendq) == 1; });
                gojit_rt_closechan(g, shared_c);
                for (;;) Gosched(g);  // the sender panics when it runs
              }),
              ExitedWithCode(2),
              HasSubstr("panic: send on closed channel\n\ngoroutine 2 [running]:\n"));
}

TEST(ChanDeathTest, CloseOfNilAndClosedChannelPanic) {
  EXPECT_EXIT(RunUntilDone(+[](G* g) { gojit_rt_closechan(g, nullptr); }),
              ExitedWithCode(2), HasSubstr("panic: close of nil channel\n"));
  EXPECT_EXIT(RunUntilDone(+[](G* g) {
                HChan* c = MakeInt(g, 0);
                gojit_rt_closechan(g, c);
                gojit_rt_closechan(g, c);
              }),
              ExitedWithCode(2), HasSubstr("panic: close of closed channel\n"));
}

TEST(ChanDeathTest, MakechanSizeOutOfRange) {
  EXPECT_EXIT(RunUntilDone(+[](G* g) { MakeInt(g, -1); }), ExitedWithCode(2),
              HasSubstr("panic: makechan: size out of range\n"));
  EXPECT_EXIT(RunUntilDone(+[](G* g) { MakeInt(g, int64_t{1} << 62); }),
              ExitedWithCode(2), HasSubstr("panic: makechan: size out of range\n"));
}

// The panic is an ordinary Go panic: a deferred recover() stops it and sees a
// runtime.plainError. The frame below is laid out as ir/defer.cc lays out one.
GoEface recovered{};
void RecoverCall(G* g, void*) {
  recovered = gojit_rt_gorecover(g, static_cast<const uintptr_t*>(__builtin_frame_address(0)));
}
struct {
  void* code = reinterpret_cast<void*>(&RecoverCall);
} recover_closure;

__attribute__((noinline)) bool SendRecovering(G* g, HChan* c) {
  Defer rec;
  if (gojit_rt_setjmp(&rec.resume) != 0) {
    gojit_rt_deferreturn(g, &rec);
    return true;  // recovered
  }
  gojit_rt_deferpush(g, &rec);
  gojit_rt_deferproc(g, &rec, &recover_closure);
  Send(g, c, 1);
  gojit_rt_deferreturn(g, &rec);
  return false;
}

bool did_recover = false;

TEST(ChanTest, SendOnClosedChannelIsRecoverable) {
  recovered = GoEface{};
  did_recover = false;
  RunUntilDone(+[](G* g) {
    HChan* c = MakeInt(g, 0);
    gojit_rt_closechan(g, c);
    did_recover = SendRecovering(g, c);
  });
  EXPECT_TRUE(did_recover);
  ASSERT_NE(recovered.type, nullptr);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(recovered.type->name.ptr),
                        recovered.type->name.len),
            "runtime.plainError");
  auto* s = static_cast<GoString*>(recovered.data);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(s->ptr), s->len),
            "send on closed channel");
}

// --- deadlocks and wait reasons ------------------------------------------------------

TEST(ChanDeathTest, SelectWithNoCasesDeadlocks) {
  EXPECT_EXIT(RunUntilDone(+[](G* g) { gojit_rt_block(g); }), ExitedWithCode(2),
              HasSubstr("fatal error: all goroutines are asleep - deadlock!\n\n"
                        "goroutine 1 [select (no cases)]:\n"));
}

TEST(ChanDeathTest, NilChannelsBlockForever) {
  EXPECT_EXIT(RunUntilDone(+[](G* g) { Recv(g, nullptr); }), ExitedWithCode(2),
              HasSubstr("fatal error: all goroutines are asleep - deadlock!\n\n"
                        "goroutine 1 [chan receive (nil chan)]:\n"));
  EXPECT_EXIT(RunUntilDone(+[](G* g) { Send(g, nullptr, 1); }), ExitedWithCode(2),
              HasSubstr("goroutine 1 [chan send (nil chan)]:\n"));
  // A select whose channels are all nil (and no default) also blocks forever.
  EXPECT_EXIT(RunUntilDone(+[](G* g) {
                int64_t v;
                SelectCase cases[2] = {{nullptr, &v}, {nullptr, &v}};
                int8_t ok;
                gojit_rt_selectgo(g, cases, 2, 1, 1, &ok);
              }),
              ExitedWithCode(2), HasSubstr("goroutine 1 [select]:\n"));
}

TEST(ChanDeathTest, BlockedChannelOperationsDeadlock) {
  EXPECT_EXIT(RunUntilDone(+[](G* g) { Recv(g, MakeInt(g, 0)); }), ExitedWithCode(2),
              HasSubstr("goroutine 1 [chan receive]:\n"));
  EXPECT_EXIT(RunUntilDone(+[](G* g) {
                HChan* c = MakeInt(g, 1);
                Send(g, c, 1);
                Send(g, c, 2);
              }),
              ExitedWithCode(2), HasSubstr("goroutine 1 [chan send]:\n"));
}

// --- select ---------------------------------------------------------------------------

TEST(SelectTest, DefaultWhenNothingIsReady) {
  RunUntilDone(+[](G* g) {
    HChan* a = MakeInt(g, 1);
    HChan* b = MakeInt(g, 1);
    int64_t va = -1, vb = -1;
    int8_t ok = 7;
    SelectCase recvs[2] = {{a, &va}, {b, &vb}};
    EXPECT_EQ(gojit_rt_selectgo(g, recvs, 2, 0, 0, &ok), -1);
    EXPECT_EQ(ok, 0);
    // One ready receive is chosen.
    Send(g, b, 42);
    EXPECT_EQ(gojit_rt_selectgo(g, recvs, 2, 0, 0, &ok), 1);
    EXPECT_EQ(vb, 42);
    EXPECT_EQ(ok, 1);
    // A send case with buffer space; the full channel's case is not ready.
    Send(g, b, 1);
    int64_t s1 = 11, s2 = 22;
    SelectCase sends[2] = {{a, &s1}, {b, &s2}};
    EXPECT_EQ(gojit_rt_selectgo(g, sends, 2, 2, 0, &ok), 0);
    EXPECT_EQ(Recv(g, a), 11);
    EXPECT_EQ(Recv(g, b), 1);
    // Nil channels are never ready.
    SelectCase nils[2] = {{nullptr, &s1}, {nullptr, &va}};
    EXPECT_EQ(gojit_rt_selectgo(g, nils, 2, 1, 0, &ok), -1);
    // A closed channel's receive case is ready: zero value, ok false.
    gojit_rt_closechan(g, a);
    va = 5;
    SelectCase closed[2] = {{nullptr, &va}, {a, &va}};
    EXPECT_EQ(gojit_rt_selectgo(g, closed, 2, 0, 0, &ok), 1);
    EXPECT_EQ(ok, 0);
    EXPECT_EQ(va, 0);
  });
}

TEST(SelectDeathTest, SendCaseOnClosedChannelPanics) {
  EXPECT_EXIT(RunUntilDone(+[](G* g) {
                HChan* c = MakeInt(g, 1);
                gojit_rt_closechan(g, c);
                int64_t v = 1;
                SelectCase cases[1] = {{c, &v}};
                int8_t ok;
                gojit_rt_selectgo(g, cases, 1, 1, 0, &ok);
              }),
              ExitedWithCode(2), HasSubstr("panic: send on closed channel\n"));
}

struct SelectProbe {
  HChan* a;
  HChan* b;
  G* selector;
  uint32_t status;
  WaitReason reason;
  int8_t nb_result;
  int64_t got;
};
SelectProbe sp;

// A blocked select is woken by a send on one of its channels; its sudogs on the
// other channels are removed (pass 3).
TEST(SelectTest, BlockingSelectWokenBySender) {
  sp = SelectProbe{};
  RunUntilDone(+[](G* g) {
    sp.a = MakeInt(g, 0);
    sp.b = MakeInt(g, 0);
    sp.selector = g;
    NewProc(
        g,
        +[](G* g, void*) {
          sp.status = ReadGStatus(sp.selector);
          sp.reason = sp.selector->waitreason;
          Send(g, sp.b, 77);
        },
        nullptr);
    int64_t va = -1, vb = -1;
    int8_t ok = 0;
    SelectCase cases[2] = {{sp.a, &va}, {sp.b, &vb}};
    EXPECT_EQ(gojit_rt_selectgo(g, cases, 2, 0, 1, &ok), 1);
    EXPECT_EQ(ok, 1);
    EXPECT_EQ(vb, 77);
    EXPECT_EQ(va, -1);
    EXPECT_EQ(QueueLen(sp.a->recvq), 0);
    EXPECT_EQ(QueueLen(sp.b->recvq), 0);
    EXPECT_EQ(g->waiting, nullptr);
    EXPECT_EQ(g->param, nullptr);
    EXPECT_EQ(g->selectDone.load(), 0u);
  });
  EXPECT_EQ(sp.status, static_cast<uint32_t>(Gstatus::kWaiting));
  EXPECT_EQ(sp.reason, WaitReason::kSelect);
}

// A blocked select with send cases is woken by a receiver on one of them.
TEST(SelectTest, BlockingSelectWokenByReceiver) {
  sp = SelectProbe{};
  RunUntilDone(+[](G* g) {
    sp.a = MakeInt(g, 0);
    sp.b = MakeInt(g, 0);
    NewProc(
        g, +[](G* g, void*) { sp.got = Recv(g, sp.a); }, nullptr);
    int64_t sa = 5, sb = 6;
    int8_t ok = 1;
    SelectCase cases[2] = {{sp.a, &sa}, {sp.b, &sb}};
    EXPECT_EQ(gojit_rt_selectgo(g, cases, 2, 2, 1, &ok), 0);
    EXPECT_EQ(ok, 0);
    EXPECT_EQ(QueueLen(sp.b->sendq), 0);
  });
  EXPECT_EQ(sp.got, 5);
}

// Close wakes a blocked select: the receive case fires with ok false.
TEST(SelectTest, BlockingSelectWokenByClose) {
  sp = SelectProbe{};
  RunUntilDone(+[](G* g) {
    sp.a = MakeInt(g, 0);
    sp.b = MakeInt(g, 0);
    NewProc(
        g, +[](G* g, void*) { gojit_rt_closechan(g, sp.a); }, nullptr);
    int64_t va = 9, vb = 9;
    int8_t ok = 1;
    SelectCase cases[2] = {{sp.b, &vb}, {sp.a, &va}};
    EXPECT_EQ(gojit_rt_selectgo(g, cases, 2, 0, 1, &ok), 1);
    EXPECT_EQ(ok, 0);
    EXPECT_EQ(va, 0);
    EXPECT_EQ(QueueLen(sp.b->recvq), 0);
  });
}

TEST(SelectDeathTest, BlockedSendCaseWokenByClosePanics) {
  EXPECT_EXIT(RunUntilDone(+[](G* g) {
                sp.a = MakeInt(g, 0);
                NewProc(
                    g, +[](G* g, void*) { gojit_rt_closechan(g, sp.a); }, nullptr);
                int64_t v = 1;
                SelectCase cases[1] = {{sp.a, &v}};
                int8_t ok;
                gojit_rt_selectgo(g, cases, 1, 1, 1, &ok);
              }),
              ExitedWithCode(2), HasSubstr("panic: send on closed channel\n"));
}

// The wake-up race: once one case has won (selectDone = 1) the selector's other
// sudogs stay queued until it runs again; a second sender must skip them.
TEST(SelectTest, SecondWakerSkipsASelectAlreadyWon) {
  sp = SelectProbe{};
  RunUntilDone(+[](G* g) {
    sp.a = MakeInt(g, 0);
    sp.b = MakeInt(g, 0);
    NewProc(
        g,
        +[](G* g, void*) {
          Send(g, sp.a, 1);  // wins the select; the selector is runnable, not running
          int64_t v = 2;
          sp.nb_result = gojit_rt_selectnbsend(g, sp.b, &v);
        },
        nullptr);
    int64_t va = 0, vb = 0;
    int8_t ok = 0;
    SelectCase cases[2] = {{sp.a, &va}, {sp.b, &vb}};
    EXPECT_EQ(gojit_rt_selectgo(g, cases, 2, 0, 1, &ok), 0);
    EXPECT_EQ(va, 1);
    EXPECT_EQ(vb, 0);
    EXPECT_EQ(QueueLen(sp.b->recvq), 0);
  });
  EXPECT_EQ(sp.nb_result, 0);
}

// Two cases on the same channel: it is locked once, and both sudogs go.
TEST(SelectTest, SameChannelTwice) {
  RunUntilDone(+[](G* g) {
    sp.a = MakeInt(g, 0);
    NewProc(
        g, +[](G* g, void*) { Send(g, sp.a, 3); }, nullptr);
    int64_t v1 = 0, v2 = 0;
    int8_t ok = 0;
    SelectCase cases[2] = {{sp.a, &v1}, {sp.a, &v2}};
    int64_t i = gojit_rt_selectgo(g, cases, 2, 0, 1, &ok);
    EXPECT_TRUE(i == 0 || i == 1);
    EXPECT_EQ(v1 + v2, 3);
    EXPECT_EQ(QueueLen(sp.a->recvq), 0);
  });
}

// Many cases: the order arrays go to the heap past kSmallSelect.
TEST(SelectTest, ManyCases) {
  RunUntilDone(+[](G* g) {
    constexpr int kN = 100;
    HChan* chans[kN];
    int64_t vals[kN] = {};
    SelectCase cases[kN];
    for (int i = 0; i < kN; i++) {
      chans[i] = MakeInt(g, 1);
      cases[i] = {chans[i], &vals[i]};
    }
    Send(g, chans[73], 730);
    int8_t ok = 0;
    EXPECT_EQ(gojit_rt_selectgo(g, cases, kN, 0, 1, &ok), 73);
    EXPECT_EQ(vals[73], 730);
  });
}

int counts[2];

TEST(SelectTest, ReadyCasesAreChosenFairly) {
  counts[0] = counts[1] = 0;
  RunUntilDone(+[](G* g) {
    HChan* a = MakeInt(g, 1);
    HChan* b = MakeInt(g, 1);
    int64_t v = 0;
    SelectCase cases[2] = {{a, &v}, {b, &v}};
    for (int i = 0; i < 10000; i++) {
      if (gojit_rt_chanlen(g, a) == 0) Send(g, a, 1);
      if (gojit_rt_chanlen(g, b) == 0) Send(g, b, 2);
      int8_t ok = 0;
      int64_t k = gojit_rt_selectgo(g, cases, 2, 0, 1, &ok);
      ASSERT_TRUE(k == 0 || k == 1);
      counts[k]++;
    }
  });
  EXPECT_EQ(counts[0] + counts[1], 10000);
  EXPECT_GE(counts[0], 4000);
  EXPECT_LE(counts[0], 6000);
  EXPECT_GE(counts[1], 4000);
  EXPECT_LE(counts[1], 6000);
}

// --- scale
// ------------------------------------------------------------------------------

constexpr int kMany = 10000;
int entered = 0, finished = 0, with_value = 0, closed_seen = 0;
int64_t value_sum = 0;

void ManyReceiver(G* g, void*) {
  entered++;
  bool ok;
  int64_t v = Recv(g, shared_c, &ok);
  if (ok) {
    with_value++;
    value_sum += v;
  } else {
    closed_seen++;
  }
  finished++;
}

TEST(ChanTest, TenThousandGoroutinesBlockedOnOneChannel) {
  entered = finished = with_value = closed_seen = 0;
  value_sum = 0;
  int ran = RunUntilDone(+[](G* g) {
    shared_c = MakeInt(g, 0);
    for (int i = 0; i < kMany; i++) NewProc(g, &ManyReceiver, nullptr);
    while (entered < kMany) Gosched(g);
    EXPECT_EQ(QueueLen(shared_c->recvq), kMany);
    EXPECT_EQ(finished, 0);
    for (int64_t v = 1; v <= kMany / 2; v++) Send(g, shared_c, v);
    gojit_rt_closechan(g, shared_c);
  });
  EXPECT_EQ(ran, kMany + 1);
  EXPECT_EQ(finished, kMany);
  EXPECT_EQ(with_value, kMany / 2);
  EXPECT_EQ(closed_seen, kMany / 2);
  EXPECT_EQ(value_sum, int64_t{kMany / 2} * (kMany / 2 + 1) / 2);
}

// Producers, consumers selecting between data and quit, a done channel: the
// values all arrive exactly once.
struct Pipeline {
  HChan* data;
  HChan* quit;
  HChan* done;
  HChan* results;
};
Pipeline pl;
int64_t pipeline_total = 0;

TEST(ChanTest, ProducersAndSelectingConsumers) {
  pl = Pipeline{};
  pipeline_total = 0;
  constexpr int kProducers = 8, kConsumers = 4, kPer = 1000;
  RunUntilDone(+[](G* g) {
    pl.data = MakeInt(g, 3);
    pl.quit = MakeInt(g, 0);
    pl.done = MakeInt(g, 0);
    pl.results = MakeInt(g, kConsumers);
    for (int64_t p = 0; p < kProducers; p++) {
      NewProc(
          g,
          +[](G* g, void* arg) {
            auto base = reinterpret_cast<int64_t>(arg) * kPer;
            for (int64_t i = 1; i <= kPer; i++) {
              Send(g, pl.data, base + i);
              if (i % 97 == 0) Gosched(g);
            }
            Send(g, pl.done, 1);
          },
          reinterpret_cast<void*>(p));
    }
    for (int c = 0; c < kConsumers; c++) {
      NewProc(
          g,
          +[](G* g, void*) {
            int64_t sum = 0;
            for (;;) {
              int64_t v = 0, q = 0;
              int8_t ok = 0;
              SelectCase cases[2] = {{pl.data, &v}, {pl.quit, &q}};
              int64_t k = gojit_rt_selectgo(g, cases, 2, 0, 1, &ok);
              if (k == 1) break;  // quit closed
              sum += v;
            }
            Send(g, pl.results, sum);
          },
          nullptr);
    }
    for (int p = 0; p < kProducers; p++) Recv(g, pl.done);
    // Everything sent is buffered or taken; drain what is left, then stop.
    while (gojit_rt_chanlen(g, pl.data) > 0) pipeline_total += Recv(g, pl.data);
    gojit_rt_closechan(g, pl.quit);
    for (int c = 0; c < kConsumers; c++) pipeline_total += Recv(g, pl.results);
  });
  int64_t n = kProducers * kPer;
  EXPECT_EQ(pipeline_total, n * (n + 1) / 2);
}

}  // namespace
}  // namespace gojit::rt
