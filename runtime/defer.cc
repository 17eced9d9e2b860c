// deferpush, deferproc and deferreturn: the life of a frame's Defer record
// (runtime/defer.h). Mirrors the record keeping of panic.go's deferproc and
// deferreturn; running deferred calls during a panic is GoPanic's (panic.cc).
// CallRecovering gives C++ code (fmt's engine, the panic printer) a Go frame's
// defer-recover around a call of Go code, with the same record.
#include "runtime/defer.h"

#include "runtime/entrypoints.h"
#include "runtime/runtime.h"
#include "runtime/runtime2.h"

using namespace gojit::rt;

namespace gojit::rt {
namespace {

// The deferred call of CallRecovering: a closure {code, value} on the heap (the
// DeferCall that holds it is on the heap, and only a goroutine's own stack words are
// relocated when it grows, so it must not point into the stack).
struct Catcher {
  void* code;
  GoEface value;
};

void Catch(G* g, void* closure) {
  // Called by GoPanic itself, so recover()'s frame check passes (gorecover).
  static_cast<Catcher*>(closure)->value =
      gojit_rt_gorecover(g, static_cast<const uintptr_t*>(__builtin_frame_address(0)));
}

}  // namespace

__attribute__((noinline)) bool CallRecovering(G* g, void (*fn)(G*, void*), void* arg, GoEface* recovered) {
  if (g == nullptr) {  // no goroutine (unit tests of C++ code): nothing to recover with
    fn(g, arg);
    return false;
  }
  Defer rec;
  auto* const catcher = static_cast<Catcher*>(Malloc(g, sizeof(Catcher), &kPointerWordsType));
  catcher->code = reinterpret_cast<void*>(&Catch);
  if (gojit_rt_setjmp(&rec.resume) != 0) {
    // GoPanic resumed here with g->defer_ == &rec; nothing of rec is left to run.
    gojit_rt_deferreturn(g, &rec);
    *recovered = catcher->value;
    return true;
  }
  gojit_rt_deferpush(g, &rec);
  gojit_rt_deferproc(g, &rec, catcher);
  fn(g, arg);
  rec.calls = nullptr;  // fn returned: the catcher is not run
  gojit_rt_deferreturn(g, &rec);
  return false;
}

}  // namespace gojit::rt

extern "C" {

void gojit_rt_deferpush(G* g, void* rec) {
  auto* d = static_cast<Defer*>(rec);
  d->calls = nullptr;
  d->link = g->defer_;
  g->defer_ = d;
}

void gojit_rt_deferproc(G* g, void* rec, void* closure) {
  auto* d = static_cast<Defer*>(rec);
  auto* c = static_cast<DeferCall*>(Malloc(g, sizeof(DeferCall), &kPointerWordsType));
  c->closure = closure;
  c->link = d->calls;
  d->calls = c;
}

int64_t gojit_rt_deferdepth(G* g) {
  int64_t depth = 0;
  for (Defer* d = g->defer_; d; d = d->link) ++depth;
  return depth;
}

// The record at `depth` is still linked: its frame is running the loop whose body
// defers (records are unlinked only when their frames return or are abandoned, and
// the loop's frame does neither while its body runs). A body called after its loop
// ended (an iterator that kept yield) fails its state check before it can defer.
void gojit_rt_deferprocat(G* g, int64_t depth, void* closure) {
  int64_t newer = gojit_rt_deferdepth(g) - depth;  // records above the loop's frame's
  if (depth <= 0 || newer < 0) Throw("defer in a range-over-func loop body run outside its loop");
  Defer* d = g->defer_;
  for (; newer > 0; --newer) d = d->link;
  gojit_rt_deferproc(g, d, closure);
}

void gojit_rt_deferreturn(G* g, void* rec) {
  auto* d = static_cast<Defer*>(rec);
  using Code = void (*)(G*, void*);
  while (DeferCall* c = d->calls) {
    d->calls = c->link;  // unlinked first: a panic inside continues with the rest
    reinterpret_cast<Code>(*static_cast<void**>(c->closure))(g, c->closure);
  }
  // Records above d (of frames a recovery abandoned) go with it.
  g->defer_ = d->link;
}

}  // extern "C"
