// The `go` statement's entry point: newproc(g, closure) starts a goroutine that
// calls the closure's code with the closure (ir/defer.cc packs the call and its
// evaluated arguments into such a closure). Mirrors runtime.newproc.
#include "runtime/entrypoints.h"
#include "runtime/proc.h"

using namespace gojit::rt;

extern "C" void gojit_rt_newproc(G* g, void* closure) {
  auto code = reinterpret_cast<GoFunc>(*static_cast<void**>(closure));
  NewProc(g, code, closure, reinterpret_cast<uintptr_t>(__builtin_return_address(0)));
}

// runtime.Gosched.
extern "C" void gojit_rt_gosched(G* g) { Gosched(g); }
