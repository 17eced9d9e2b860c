// Deterministic schedules: `gojit run --sched=seed:N`, `record:FILE`,
// `replay:FILE` (and cmd/'s `explore:K`, which runs seeds 1..K in child
// processes). The same program, input and seed give the same run, byte for byte.
//
// What is made deterministic, and how:
//
//   - One goroutine at a time: the runtime keeps one P (GOMAXPROCS 1, whatever
//     the environment or runtime.GOMAXPROCS asks), and sysmon is not started, so
//     nothing preempts, retakes or polls on a timer.
//   - Which runnable G runs next: every runnable G goes to the global run queue
//     (RunqPut, Goready, newproc and Gosched alike), and FindRunnable draws one
//     from it (decision "pick"; DetPickRunnable).
//   - Synchronisation points: before each channel operation, select, close, and
//     sync's Mutex and RWMutex operations (sync/runtime.go's schedPoint), the
//     running G yields (DetSyncPoint), and a pick decides who goes on. Races
//     between such operations are what a check-then-act or a lost wakeup needs;
//     sync/atomic operations are not points.
//   - When the running G is preempted: Execute arms the G's guard with
//     stackPreempt and draws a budget of safepoints (decision "slice", 1 to
//     kMaxSlice). Every prologue check and loop poll then enters the runtime
//     (DetSafepoint), which re-arms the guard, counts one safepoint and, when the
//     budget is spent, yields (the G goes back to the queue and a pick follows).
//     Without loop polls a loop with no calls is never preempted, so `--sched`
//     compiles with --safepoints=loops unless told otherwise (cmd/gojit.cc).
//   - PCT instead of uniform picks (`pct:D`; Burckhardt, Kothari, Musuvathi and
//     Nagarakatte, "A randomized scheduler with probabilistic guarantees of
//     finding bugs", ASPLOS 2010, as Rust's shuttle uses it): every goroutine gets
//     a random priority when it first becomes runnable, a pick takes the highest,
//     and at D-1 change points, steps drawn from 1..pct_steps (a step is a pick),
//     the goroutine that ran last drops below all others. A goroutine that spends
//     a whole slice (kPctSlice safepoints) also drops, so a spinning loop cannot
//     starve the goroutine it waits for. Priorities and change points come from
//     a third stream of the seed; a recording holds the resulting picks.
//   - select's choice among ready cases: its poll order is shuffled with
//     decisions ("select").
//   - Map iteration order, map hash seeds and runtime.rand (math/rand's seeds):
//     FastRand draws from a stream seeded by the seed (alg.cc), not recorded (it
//     follows from the seed and the decisions).
//   - Time: the program's clocks (time.Now, the monotonic clock, timers, poll
//     deadlines) read a virtual clock (ProgramNanotime). It starts at
//     kVirtualEpoch (the Go playground's 2009-11-10 23:00:00 UTC), advances
//     kNsPerSafepoint for each safepoint a goroutine passes, and jumps to the
//     earliest timer when no goroutine can run, so time.Sleep takes no real time.
//
// Inputs: a recording also holds what reads of blocking descriptors (stdin, files)
// and getrandom returned ("input FD RESULT HEX"; FD -1 for getrandom); a replay
// serves those reads from it, chunk by chunk, while it has them for that
// descriptor (DetReplayInput), and from the kernel after. Non-blocking
// descriptors (the poller's: sockets, pipes the program makes) stay live.
//
// What stays outside (README, "Deterministic schedules"): real I/O is taken when
// the kernel reports it ready (a goroutine waiting for a descriptor is polled
// for, without blocking, whenever nothing else can run; when timers are pending
// as well, the poll waits up to 1 ms of real time before virtual time jumps); a
// system call that blocks blocks the whole program; crypto/rand and addresses
// (%p, pointer-keyed maps) are the kernel's.
//
// The record (--sched=record:FILE) is text: a header line "gojit-sched 1 seed=N"
// (" pct=D" after it for a PCT run, whose replay keeps PCT's slices),
// then one decision per line, "KIND N CHOICE": pick's CHOICE is the goroutine id
// ("g7") among N runnable, slice's and select's an index below N. Only real
// choices (N > 1) are drawn and written. Input lines come between them. A replay takes each decision from the
// file in turn; the first one that does not fit (another kind, another N, a
// goroutine that is not runnable, or the file ends) is reported with its number
// and both versions, and the run exits with status 3.
//
// Threads: decisions are made by the M holding the one P (under sched.lock for
// pick, a channel's lock for select), one at a time; det_lock orders the record.
// Every entry point below is cheap to call when the mode is off except where
// noted, and callers test Deterministic() first on hot paths.
#pragma once

#include <atomic>
#include <cstdint>

#include "runtime/lock_futex.h"
#include "runtime/runtime.h"

namespace gojit::rt {

struct P;
struct M;

namespace det {
// Set once by InitDeterministic, before the scheduler starts; read-only after.
extern bool on;
extern bool inputs;  // recording or replaying: reads go through Det*Input
// The virtual clock (ns, monotonic) while on.
extern std::atomic<int64_t> clock;
}  // namespace det

inline bool Deterministic() { return det::on; }

// What a drawn decision chooses.
enum class Decision : uint8_t { kPick, kSlice, kSelect };

// Turns the mode on from options (RunMain, before Boot). Reads a replay file;
// a missing or malformed one is reported and exits with status 2.
void InitDeterministic(const SchedOptions& options);

// The monotonic clock the program sees: virtual while on, else Nanotime().
inline int64_t ProgramNanotime() {
  if (Deterministic()) return det::clock.load(std::memory_order_relaxed);
  return Nanotime();
}
// The wall clock the program sees (time.Now): virtual while on.
void ProgramWalltime(int64_t* sec, int32_t* nsec);

// A value in [0, n) for a decision of this kind (n > 0): drawn, recorded or
// replayed. n == 1 draws nothing.
uint32_t DetChoose(Decision kind, uint32_t n);

// The next word of the program's random stream (FastRand while on).
uint64_t DetRand64();

// Removes and returns one runnable G, chosen by a pick decision among the global
// queue and the Gs earlier picks left (sched.runqsize counts both); null when
// there is none. Caller holds sched.lock.
G* DetPickRunnable();

// Execute: gp starts a slice: a new safepoint budget, and the guard armed.
void DetStartSlice(G* gp);

// A prologue check or loop poll of the running G (its guard was armed): counts
// it, advances the virtual clock and re-arms gp's guard (the caller loads it into
// the thread's slot). True: the budget is spent and gp should yield now.
bool DetSafepoint(G* gp);

// A synchronisation point of the running G g (runtime entry points, natives):
// under --sched, g yields and a pick decides who runs next.
void DetYield(G* g);
inline void DetSyncPoint(G* g) {
  if (Deterministic()) DetYield(g);
}

// Nothing can run: moves the virtual clock to the earliest pending timer.
// False if no timer is pending.
bool DetAdvanceClock();

// Mirrors findRunnable's search while on: runs due timers, picks from the global
// queue, polls ready descriptors, advances the virtual clock; repeats until a G
// is found (returned) or nothing but I/O waits or nothing at all is left (null:
// the caller blocks in the poller or parks, and checkdead sees a deadlock).
G* DetFindRunnable(M* mp);

// Whether reads of fd are inputs (a blocking descriptor, or -1: getrandom).
bool DetIsInput(int fd);
// Replaying: serves a read of up to n bytes on fd from the recording; false when
// it holds no more for fd (the caller reads from the kernel). *result: the bytes
// copied, or -errno.
bool DetReplayInput(int fd, void* buf, size_t n, long* result);
// Recording: what a read on fd returned (bytes at buf, or -errno).
void DetRecordInput(int fd, const void* buf, long result);

// Exit: writes out the record, if recording. Safe to call when off.
void DetFinish();

}  // namespace gojit::rt
