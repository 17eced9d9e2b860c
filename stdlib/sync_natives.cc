// Natives of package sync (stdlib/sync/runtime.go): semaphores and notify lists
// (runtime/sema.h), spinning support and throw. Mirrors the sync_runtime_* and
// notifyList* functions that gc's runtime links into package sync.
#include <cstdint>

#include "runtime/deterministic_sched.h"
#include "runtime/proc.h"
#include "runtime/sema.h"
#include "stdlib/natives.h"

namespace gojit::stdlib {
namespace {

// func runtime_Semacquire(s *uint32)
void Semacquire(rt::G* g, void* args, void*) {
  rt::Semacquire(g, *static_cast<uint32_t**>(args), false, rt::WaitReason::kSemacquire);
}

// func runtime_SemacquireMutex(s *uint32, lifo bool, skipframes int)
void SemacquireMutex(rt::G* g, void* args, void*) {
  struct Args {
    uint32_t* s;
    bool lifo;
    int64_t skipframes;
  };
  auto* in = static_cast<Args*>(args);
  rt::Semacquire(g, in->s, in->lifo, rt::WaitReason::kSemacquire);
}

// func runtime_Semrelease(s *uint32, handoff bool, skipframes int)
void Semrelease(rt::G* g, void* args, void*) {
  struct Args {
    uint32_t* s;
    bool handoff;
    int64_t skipframes;
  };
  auto* in = static_cast<Args*>(args);
  rt::Semrelease(g, in->s, in->handoff);
}

rt::NotifyList* ListArg(void* args) { return *static_cast<rt::NotifyList**>(args); }

// func runtime_notifyListAdd(l *notifyList) uint32
void NotifyListAdd(rt::G*, void* args, void* results) {
  *static_cast<uint32_t*>(results) = rt::NotifyListAdd(ListArg(args));
}

// func runtime_notifyListWait(l *notifyList, t uint32)
void NotifyListWait(rt::G* g, void* args, void*) {
  struct Args {
    rt::NotifyList* l;
    uint32_t t;
  };
  auto* in = static_cast<Args*>(args);
  rt::NotifyListWait(g, in->l, in->t);
}

void NotifyListNotifyAll(rt::G* g, void* args, void*) {
  rt::NotifyListNotifyAll(g, ListArg(args));
}

void NotifyListNotifyOne(rt::G* g, void* args, void*) {
  rt::NotifyListNotifyOne(g, ListArg(args));
}

// func runtime_canSpin(i int) bool
void CanSpin(rt::G* g, void* args, void* results) {
  *static_cast<bool*>(results) = rt::CanSpin(g, *static_cast<int64_t*>(args));
}

// func runtime_doSpin(): procyield(active_spin_cnt)
void DoSpin(rt::G*, void*, void*) {
  for (int i = 0; i < 30; i++) __builtin_ia32_pause();
}

// func runtime_deterministic() bool: gojit run --sched is on.
void Deterministic(rt::G*, void*, void* results) {
  *static_cast<bool*>(results) = rt::Deterministic();
}

// func runtime_schedPoint(): a lock operation, where --sched may switch goroutines.
void SchedPoint(rt::G* g, void*, void*) { rt::DetSyncPoint(g); }

void Nanotime(rt::G*, void*, void* results) {
  *static_cast<int64_t*>(results) = rt::ProgramNanotime();
}

// func throw(string), func fatal(string): "fatal error: <s>", exit 2.
void Throw(rt::G*, void* args, void*) {
  auto* s = static_cast<rt::GoString*>(args);
  rt::Throw(std::string_view(reinterpret_cast<const char*>(s->ptr), static_cast<size_t>(s->len)));
}

// func runtime_procPin() int (sync/atomic's Value.Store/Swap/CompareAndSwap keep
// their first store from being preempted midway, as gc's procPin): the M may not be
// preempted until procUnpin; the answer is the P's id.
void ProcPin(rt::G* g, void*, void* results) {
  rt::M* mp = g->m;
  mp->locks++;
  *static_cast<int64_t*>(results) = mp->p != nullptr ? mp->p->id : 0;
}

// func runtime_procUnpin()
void ProcUnpin(rt::G* g, void*, void*) { g->m->locks--; }

const NativeSymbol kSyncNatives[] = {
    {"sync/atomic.runtime_procPin", &ProcPin},
    {"sync/atomic.runtime_procUnpin", &ProcUnpin},
    {"sync.runtime_Semacquire", &Semacquire},
    {"sync.runtime_SemacquireMutex", &SemacquireMutex},
    {"sync.runtime_Semrelease", &Semrelease},
    {"sync.runtime_notifyListAdd", &NotifyListAdd},
    {"sync.runtime_notifyListWait", &NotifyListWait},
    {"sync.runtime_notifyListNotifyAll", &NotifyListNotifyAll},
    {"sync.runtime_notifyListNotifyOne", &NotifyListNotifyOne},
    {"sync.runtime_canSpin", &CanSpin},
    {"sync.runtime_doSpin", &DoSpin},
    {"sync.runtime_nanotime", &Nanotime},
    {"sync.runtime_deterministic", &Deterministic},
    {"sync.runtime_schedPoint", &SchedPoint},
    {"sync.throw", &Throw},
    {"sync.fatal", &Throw},
};

}  // namespace

std::span<const NativeSymbol> SyncNatives() { return kSyncNatives; }

}  // namespace gojit::stdlib
