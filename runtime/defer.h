// Defer records and the resume point of recovered panics, shared with ir/.
//
// gc finds a frame's deferred calls through _defer records that name the frame's SP;
// a recovered panic resumes the deferring function at its deferreturn call. gojit's
// JIT'd code has no such metadata, so a function that contains `defer` keeps one
// Defer record in its own stack frame (ir/defer.cc):
//
//   1. at entry: setjmp(&rec.resume); a second return from it means a panic was
//      recovered by one of this function's deferred calls: run the rest of them
//      (deferreturn) and return the current results;
//   2. deferpush(g, &rec) links rec into g->defer_ (newest first);
//   3. each `defer f(args)` allocates a closure that makes the call, and
//      deferproc(g, &rec, closure) pushes it on rec.calls;
//   4. every return runs deferreturn(g, &rec): the pending calls, newest first, then
//      unlinks rec.
//
// Invariants:
//  1. g->defer_ lists exactly the records of active frames that have defers,
//     innermost first; a record is unlinked before its frame returns or is
//     abandoned by a recovery that resumes an outer frame.
//  2. A DeferCall is run at most once: it is unlinked before it is called.
#pragma once

#include <cstddef>
#include <cstdint>

namespace gojit::rt {

struct G;

// Callee-saved state for resuming a frame: written by gojit_rt_setjmp (returns
// twice), restored by JumpTo. Offsets are fixed for runtime/jump_amd64.S.
struct JmpBuf {
  uintptr_t pc, sp, bp, rbx, r12, r13, r14, r15;
};

// A deferred call: code(g, closure) where the closure's first word is code.
struct DeferCall {
  DeferCall* link;
  void* closure;
};

// gc's _defer, one per frame with defers (see the file comment).
struct Defer {
  Defer* link;       // older record on the same G
  DeferCall* calls;  // pending deferred calls, newest first
  JmpBuf resume;     // where a recovered panic resumes the function
};

inline constexpr size_t kDeferRecordWords = 10;
inline constexpr size_t kDeferResumeOffset = 16;
static_assert(sizeof(Defer) == kDeferRecordWords * 8);
static_assert(offsetof(Defer, resume) == kDeferResumeOffset);

}  // namespace gojit::rt
