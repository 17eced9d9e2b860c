// Marking: from the roots, every reachable heap object gets its mark bit. Mirrors
// mgcmark.go (markroot, scanstack, scanobject, greyobject) and mgcwork.go (gcWork,
// work buffers shared through a global list), in parallel. A stop-the-world cycle
// does it all in one pause (GcMarkRoots); a concurrent one (mgc.cc) scans the
// roots in its first pause (GcMarkStart), marks the heap while the program runs
// (GcMarkDrain, plus what the write barrier shades: GcShade, mbarrier.cc), and
// finishes in its second pause.
//
// Roots, and how each is scanned:
//  - Goroutine stacks, conservatively (LLVM gives no stack maps): every word from
//    the G's saved sp (sched.sp; for the collecting G, the sp it passed, below its
//    spilled registers) to stack.hi. A switched-out G's callee-saved registers are
//    on its stack (gojit_mcall pushes them; the async-preemption trampoline saves
//    every register there). A G in a system call is scanned over its whole stack,
//    since the native around the call may have spilled below syscallsp.
//  - The G, M and P structures themselves, conservatively (closure arguments of
//    new goroutines, param, parked values), each waiting sudog of a G, and each
//    semaphore waiter's sudog (its elem, the semaphore's address, keeps the object
//    holding the semaphore alive so its address is not reused under a waiter).
//  - Timers on the Ps' heaps: a timer may be reachable only from there
//    (time.AfterFunc, a time.After channel).
//  - Package variables (the tables ir/ emits, mgc.h), precisely: the words their
//    type's pointer mask marks (every word up to ptrdata for the huge arrays whose
//    type has no mask).
//  - Finalizers (mfinal.cc): their functions, their queue, and the contents of
//    each object that has one.
//  - Weak pointers' handles (mweak.cc), not the objects they refer to.
// Heap objects are scanned precisely: only the words whose heap bit is set.
//
// A candidate pointer marks an object when it points into an allocated object of
// an in-use span, interior pointers included (gc's findObject). Conservative words
// that happen to look like pointers only keep garbage alive; they never free
// anything live.
//
// Parallelism (gc's mark workers, all of them during a stop-the-world): GOMAXPROCS
// workers, the collecting thread and helper threads that sleep between cycles,
// claim root jobs from a shared index, then drain their own grey stacks. A worker
// with plenty of grey objects hands a batch to the shared list when it is empty,
// and half of what it has when another worker is idle (a deep structure, such as a
// tree, never piles up grey objects); a worker that runs dry takes a batch. Marking is done when every worker
// is idle and the list is empty: an idle worker holds no grey objects, and only a
// worker that is not idle adds batches.
//
// Invariants: a mark bit is set with an atomic or, and only the worker (or the
// barrier) whose or flipped it pushes the object, so each object is scanned once.
// While marking concurrently, allocation is the only other writer of heap
// metadata: it advances freeindex and sets the mark bits of new objects (black
// allocation), so a slot the marker sees as free is either free or born marked;
// spans are created (published in the span table after they are initialised)
// but never freed.
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>

#include "runtime/mgc.h"
#include "runtime/mheap.h"
#include "runtime/proc.h"
#include "runtime/runtime2.h"
#include "runtime/sudog.h"
#include "runtime/time.h"
#include "runtime/type.h"

namespace gojit::rt {

void ForEachSemaWaiter(void (*fn)(Sudog*, void*), void* arg);  // sema.cc
void FinalizerRoots(void (*visit)(void*, uintptr_t, uintptr_t), void (*scan)(void*, uintptr_t),
                    void* arg);                                 // mfinal.cc
void WeakHandleRoots(void (*visit)(void*, uintptr_t, uintptr_t), void* arg);  // mweak.cc
M* AllMHead();                                                 // proc.cc

namespace {

Mutex global_roots_lock;
std::vector<const GlobalRootTable*>* global_roots ABSL_GUARDED_BY(global_roots_lock) = nullptr;

constexpr size_t kBatch = 256;  // grey objects handed over at a time
constexpr int kMaxWorkers = 16;

// A root: a range scanned conservatively, a package variable, a goroutine, or a
// P's timers.
struct Root {
  enum Kind { kRange, kGlobal, kG, kTimers, kSema, kFinalizers, kWeakHandles } kind;
  uintptr_t lo = 0, hi = 0;  // kRange; kGlobal: lo is the variable's address
  G* gp = nullptr;           // kG
  P* pp = nullptr;           // kTimers
  const TypeDescriptor* type = nullptr;  // kGlobal
};

// One cycle's shared state.
struct MarkJob {
  MHeap* heap;
  G* self;
  uintptr_t self_sp;
  std::vector<Root> roots;
  std::atomic<size_t> next_root{0};
  int nworkers = 1;
  bool roots_only = false;  // the concurrent cycle's pause: scan roots, drain later
  std::mutex lock;  // guards batches
  std::vector<std::vector<uintptr_t>> batches;
  std::atomic<int> nbatches{0};
  std::atomic<int> idle{0};
  std::atomic<uint64_t> marked_bytes{0};  // the workers' and the barrier's, added up
};

// A worker's grey objects: marked, not yet scanned (gc's gcWork).
struct Worker {
  MarkJob* job;
  std::vector<uintptr_t> grey;
  uint64_t marked_bytes = 0;  // since this worker's drain began
};

// The objects a worker is about to scan, in the order they left its grey stack,
// each prefetched as it entered: scanning the oldest while the others load keeps
// kWindow cache misses in flight. Marking is pointer chasing; taken one at a
// time, each object's first word is a miss the worker waits for (a linked list's
// next node is unknown until its predecessor is scanned, but a window holds
// nodes of as many independent lists or subtrees).
class ScanWindow {
 public:
  static constexpr int kWindow = 16;
  // Fills the window from the top of grey.
  void Fill(std::vector<uintptr_t>* grey) {
    while (count_ < kWindow && !grey->empty()) {
      uintptr_t p = grey->back();
      grey->pop_back();
      __builtin_prefetch(reinterpret_cast<const void*>(p));
      ring_[(head_ + count_) % kWindow] = p;
      ++count_;
    }
  }
  bool Empty() const { return count_ == 0; }
  uintptr_t Take() {
    uintptr_t p = ring_[head_];
    head_ = (head_ + 1) % kWindow;
    --count_;
    return p;
  }

 private:
  uintptr_t ring_[kWindow];
  int head_ = 0, count_ = 0;
};

// Marks the object p points into, if p points into an allocated object of an
// in-use span and the object is unmarked, adding its size to *marked_bytes.
// Returns its base when it now needs scanning (this call marked it and it may
// hold pointers), else 0.
__attribute__((always_inline)) inline uintptr_t MarkObject(const MHeap& heap, uintptr_t p,
                                                           uint64_t* marked_bytes) {
  MSpan* s = heap.SpanOf(p);
  if (s == nullptr) return 0;
  uint32_t idx = s->ObjIndex(p);
  if (idx >= s->nelems || !s->Allocated(idx)) return 0;
  uint64_t bit = uint64_t{1} << (idx % 64);
  uint64_t* word = &s->mark_bits[idx / 64];
  if ((__atomic_load_n(word, __ATOMIC_RELAXED) & bit) != 0) return 0;
  if ((__atomic_fetch_or(word, bit, __ATOMIC_RELAXED) & bit) != 0) return 0;
  *marked_bytes += s->elemsize;
  return s->Noscan() ? 0 : s->base + idx * s->elemsize;
}

__attribute__((always_inline)) inline void GreyObject(Worker* w, uintptr_t p) {
  if (uintptr_t base = MarkObject(*w->job->heap, p, &w->marked_bytes); base != 0) w->grey.push_back(base);
}

void ScanConservative(Worker* w, uintptr_t lo, uintptr_t hi) {
  lo = (lo + 7) & ~uintptr_t{7};
  for (uintptr_t a = lo; a + 8 <= hi; a += 8) {
    uintptr_t v;
    std::memcpy(&v, reinterpret_cast<const void*>(a), 8);
    GreyObject(w, v);
  }
}

// Mirrors scanobject: the words of the object at base that its heap bits mark.
void ScanObject(Worker* w, uintptr_t base) {
  MSpan* s = w->job->heap->SpanOf(base);
  uintptr_t i = (base - s->base) / 8;
  uintptr_t end = i + s->elemsize / 8;
  const uint64_t* bits = s->heap_bits;
  while (i < end) {
    uint64_t b = bits[i / 64] >> (i % 64);
    if (b == 0) {
      i = (i / 64 + 1) * 64;
      continue;
    }
    i += static_cast<uintptr_t>(__builtin_ctzll(b));
    if (i >= end) break;
    GreyObject(w, *reinterpret_cast<const uintptr_t*>(s->base + i * 8));
    ++i;
  }
}

// A package variable of type t at addr: the words of t's pointer mask.
void ScanGlobal(Worker* w, uintptr_t addr, const TypeDescriptor* t) {
  auto words = static_cast<uintptr_t>(t->ptrdata) / 8;
  if (t->gcdata == nullptr) {
    ScanConservative(w, addr, addr + words * 8);
    return;
  }
  for (uintptr_t i = 0; i < words; ++i) {
    if ((t->gcdata[i / 8] >> (i % 8) & 1) != 0)
      GreyObject(w, *reinterpret_cast<const uintptr_t*>(addr + i * 8));
  }
}

void ScanSudog(Sudog* sg, void* arg) {
  auto a = reinterpret_cast<uintptr_t>(sg);
  ScanConservative(static_cast<Worker*>(arg), a, a + sizeof(Sudog));
}

void ScanG(Worker* w, G* gp) {
  auto a = reinterpret_cast<uintptr_t>(gp);
  ScanConservative(w, a, a + sizeof(G));
  for (Sudog* sg = gp->waiting; sg != nullptr; sg = sg->waitlink) ScanSudog(sg, w);
  uintptr_t lo = gp->stack.lo, hi = gp->stack.hi;
  if (hi == 0) return;
  uint32_t status = ReadGStatus(gp) & ~static_cast<uint32_t>(Gstatus::kScan);
  uintptr_t sp = gp->sched.sp;
  if (gp == w->job->self) {
    sp = w->job->self_sp;
  } else if (status == static_cast<uint32_t>(Gstatus::kSyscall) ||
             status == static_cast<uint32_t>(Gstatus::kRunning)) {
    sp = lo;  // see the file comment; kRunning: between states, be safe
  }
  if (sp < lo || sp >= hi) sp = lo;
  ScanConservative(w, sp, hi);
}

void ScanRoot(Worker* w, const Root& r) {
  switch (r.kind) {
    case Root::kRange:
      ScanConservative(w, r.lo, r.hi);
      return;
    case Root::kGlobal:
      ScanGlobal(w, r.lo, r.type);
      return;
    case Root::kG:
      ScanG(w, r.gp);
      return;
    case Root::kSema:
      ForEachSemaWaiter(&ScanSudog, w);
      return;
    case Root::kFinalizers:
      FinalizerRoots(
          [](void* a, uintptr_t lo, uintptr_t hi) { ScanConservative(static_cast<Worker*>(a), lo, hi); },
          [](void* a, uintptr_t obj) {
            auto* wk = static_cast<Worker*>(a);
            MSpan* sp = wk->job->heap->SpanOf(obj);
            if (sp != nullptr && !sp->Noscan()) ScanObject(wk, obj);
          },
          w);
      return;
    case Root::kWeakHandles:
      WeakHandleRoots(
          [](void* a, uintptr_t lo, uintptr_t hi) { ScanConservative(static_cast<Worker*>(a), lo, hi); }, w);
      return;
    case Root::kTimers: {
      MutexLock l(&r.pp->timersLock);
      for (Timer* t : r.pp->timers) {
        auto a = reinterpret_cast<uintptr_t>(t);
        GreyObject(w, a);
        ScanConservative(w, a, a + sizeof(Timer));
      }
      return;
    }
  }
}

bool TakeBatch(Worker* w) {
  MarkJob* job = w->job;
  if (job->nbatches.load(std::memory_order_acquire) == 0) return false;
  std::lock_guard<std::mutex> l(job->lock);
  if (job->batches.empty()) return false;
  w->grey = std::move(job->batches.back());
  job->batches.pop_back();
  job->nbatches.fetch_sub(1, std::memory_order_release);
  return true;
}

// Hands the oldest n grey objects (nearest the roots: in a deep structure, the
// biggest subgraphs) to the shared list.
void ShareBatch(Worker* w, size_t n) {
  MarkJob* job = w->job;
  std::vector<uintptr_t> batch(w->grey.begin(), w->grey.begin() + static_cast<ptrdiff_t>(n));
  w->grey.erase(w->grey.begin(), w->grey.begin() + static_cast<ptrdiff_t>(n));
  std::lock_guard<std::mutex> l(job->lock);
  job->batches.push_back(std::move(batch));
  job->nbatches.fetch_add(1, std::memory_order_release);
}

// One worker's part of the cycle (gcDrain), until marking is done.
void MarkWorker(MarkJob* job) {
  static thread_local Worker* worker = new Worker();
  Worker* w = worker;
  w->job = job;
  w->grey.clear();
  w->marked_bytes = 0;
  for (size_t i; (i = job->next_root.fetch_add(1)) < job->roots.size();) ScanRoot(w, job->roots[i]);
  if (job->roots_only) {
    if (!w->grey.empty()) ShareBatch(w, w->grey.size());
    job->marked_bytes.fetch_add(w->marked_bytes);
    return;
  }
  ScanWindow window;
  for (;;) {
    for (window.Fill(&w->grey); !window.Empty(); window.Fill(&w->grey)) {
      ScanObject(w, window.Take());
      // Share when the list runs short, or at once (half of what we have) when
      // another worker sits idle.
      if (job->nworkers > 1 && w->grey.size() >= 2 &&
          job->nbatches.load(std::memory_order_relaxed) == 0) {
        if (w->grey.size() >= 2 * kBatch) {
          ShareBatch(w, kBatch);
        } else if (job->idle.load(std::memory_order_relaxed) > 0) {
          ShareBatch(w, w->grey.size() / 2);
        }
      }
    }
    if (TakeBatch(w)) continue;
    // Idle: wait for a batch, or for everyone to be idle.
    job->idle.fetch_add(1);
    bool done = false;
    for (int spins = 0;; ++spins) {
      if (job->nbatches.load(std::memory_order_acquire) > 0) {
        job->idle.fetch_sub(1);
        if (TakeBatch(w)) break;
        job->idle.fetch_add(1);
      }
      if (job->idle.load() == job->nworkers && job->nbatches.load() == 0) {
        done = true;
        break;
      }
      if (spins > 64) std::this_thread::yield();
    }
    if (done) {
      job->marked_bytes.fetch_add(w->marked_bytes);
      return;
    }
  }
}

// The helper threads: workers 1..n-1 of each cycle. They block every signal (the
// runtime's handlers expect an M) and sleep between cycles.
class MarkHelpers {
 public:
  static MarkHelpers& Get() {
    static auto* h = new MarkHelpers();
    return *h;
  }

  // Starts helpers until there are n-1 (GcMarkPrepare: before a pause, so that
  // the pause does not wait for thread creation).
  void Ensure(int n) {
    std::unique_lock<std::mutex> l(mu_);
    EnsureLocked(n);
  }

  // Runs MarkWorker(job) on n-1 helpers and the calling thread.
  void Run(MarkJob* job, int n) {
    std::unique_lock<std::mutex> l(mu_);
    EnsureLocked(n);
    job_ = job;
    helpers_ = n - 1;
    running_ = n - 1;
    ++epoch_;
    start_.notify_all();
    l.unlock();
    MarkWorker(job);
    l.lock();
    finished_.wait(l, [this] { return running_ == 0; });
    job_ = nullptr;
  }

 private:
  void EnsureLocked(int n) {
    while (static_cast<int>(threads_.size()) < n - 1) {
      sigset_t all, old;
      sigfillset(&all);
      pthread_sigmask(SIG_SETMASK, &all, &old);
      threads_.emplace_back([this, id = static_cast<int>(threads_.size()) + 1] { Loop(id); });
      threads_.back().detach();
      pthread_sigmask(SIG_SETMASK, &old, nullptr);
    }
  }

  void Loop(int id) {
    uint64_t seen = 0;
    std::unique_lock<std::mutex> l(mu_);
    for (;;) {
      start_.wait(l, [&] { return epoch_ != seen; });
      seen = epoch_;
      if (id > helpers_) continue;
      MarkJob* job = job_;
      l.unlock();
      MarkWorker(job);
      l.lock();
      if (--running_ == 0) finished_.notify_all();
    }
  }

  std::mutex mu_;
  std::condition_variable start_, finished_;
  std::vector<std::thread> threads_;
  MarkJob* job_ = nullptr;
  uint64_t epoch_ = 0;
  int helpers_ = 0;
  int running_ = 0;
};

}  // namespace

void RegisterGlobalRoots(const GlobalRootTable* table) {
  MutexLock l(&global_roots_lock);
  if (global_roots == nullptr) global_roots = new std::vector<const GlobalRootTable*>();
  global_roots->push_back(table);
}

namespace {

MarkJob* TheJob() {
  static MarkJob* job = new MarkJob();
  return job;
}

// The roots of a cycle, world stopped (the file comment lists them).
void BuildRoots(MarkJob* job, G* self, uintptr_t self_sp) {
  job->heap = &MHeap::Get();
  job->self = self;
  job->self_sp = self_sp;
  job->roots.clear();
  job->next_root.store(0);
  job->batches.clear();
  job->nbatches.store(0);
  job->idle.store(0);
  job->marked_bytes.store(0);
  {
    MutexLock l(&global_roots_lock);
    if (global_roots != nullptr) {
      for (const GlobalRootTable* table : *global_roots) {
        for (int64_t i = 0; i < table->n; ++i) {
          Root r{Root::kGlobal, table->roots()[i].addr};
          r.type = table->roots()[i].type;
          job->roots.push_back(r);
        }
      }
    }
  }
  {
    MutexLock l(&allglock);
    for (G* gp : allgs) {
      uint32_t status = ReadGStatus(gp) & ~static_cast<uint32_t>(Gstatus::kScan);
      if (status == static_cast<uint32_t>(Gstatus::kDead) ||
          status == static_cast<uint32_t>(Gstatus::kIdle)) {
        continue;
      }
      job->roots.push_back({Root::kG, 0, 0, gp});
    }
  }
  job->roots.push_back({Root::kSema});
  job->roots.push_back({Root::kFinalizers});
  job->roots.push_back({Root::kWeakHandles});
  for (M* mp = AllMHead(); mp != nullptr; mp = mp->alllink) {
    auto a = reinterpret_cast<uintptr_t>(mp);
    job->roots.push_back({Root::kRange, a, a + sizeof(M)});
  }
  for (P* pp : allp) {
    if (pp != nullptr) job->roots.push_back({Root::kTimers, 0, 0, nullptr, pp});
  }
}

// The number of threads that mark for n workers: at most ncpu and kMaxWorkers.
int WorkerThreads(int n) {
  if (n > ncpu) n = ncpu;
  if (n > kMaxWorkers) n = kMaxWorkers;
  return n < 1 ? 1 : n;
}

// Runs MarkWorker on n threads (WorkerThreads), this one included.
void RunWorkers(MarkJob* job, int n) {
  n = WorkerThreads(n);
  job->nworkers = n;
  job->idle.store(0);
  if (n == 1) {
    MarkWorker(job);
  } else {
    MarkHelpers::Get().Run(job, n);
  }
}

// Objects the write barrier shaded (GcShade), waiting to be scanned.
Mutex shaded_lock;
std::vector<uintptr_t>* shaded ABSL_GUARDED_BY(shaded_lock) = new std::vector<uintptr_t>();

}  // namespace

void GcMarkPrepare() {
  int n = WorkerThreads(gomaxprocs.load());
  if (n > 1) MarkHelpers::Get().Ensure(n);
}

void GcMarkRoots(G* self, uintptr_t self_sp) {
  MarkJob* job = TheJob();
  BuildRoots(job, self, self_sp);
  job->roots_only = false;
  RunWorkers(job, gomaxprocs.load());
}

void GcMarkStart(G* self, uintptr_t self_sp) {
  MarkJob* job = TheJob();
  BuildRoots(job, self, self_sp);
  job->roots_only = true;
  RunWorkers(job, gomaxprocs.load());
  job->roots_only = false;
}

bool GcMarkTakeShaded() {
  std::vector<uintptr_t> batch;
  {
    MutexLock l(&shaded_lock);
    batch.swap(*shaded);
  }
  if (batch.empty()) return false;
  MarkJob* job = TheJob();
  std::lock_guard<std::mutex> l(job->lock);
  job->batches.push_back(std::move(batch));
  job->nbatches.fetch_add(1, std::memory_order_release);
  return true;
}

void GcMarkDrain(int nworkers) {
  MarkJob* job = TheJob();
  GcMarkTakeShaded();
  // Nothing grey: waking helper threads only to find that out costs a
  // millisecond of the mark-termination pause.
  if (job->nbatches.load() == 0) return;
  RunWorkers(job, nworkers);
}

uint64_t GcMarkedBytes() { return TheJob()->marked_bytes.load(); }

void GcShade(uintptr_t p) {
  uint64_t bytes = 0;
  uintptr_t base = MarkObject(MHeap::Get(), p, &bytes);
  if (bytes != 0) TheJob()->marked_bytes.fetch_add(bytes, std::memory_order_relaxed);
  if (base == 0) return;
  MutexLock l(&shaded_lock);
  shaded->push_back(base);
}

}  // namespace gojit::rt
