// Loop safepoints (--safepoints=loops, gc's old GOEXPERIMENT=preemptibleloops): a
// poll of the preemption request on every back edge of the compiled code, so that
// a loop without calls yields without a signal.
//
// The polls go in after LLVM's optimisation pipeline, not while lowering: a poll
// written into the IR ir/ hands over (a volatile load and a call on a cold path)
// would stop LLVM from vectorising, unrolling or hoisting through every loop,
// which is what made gc's loop polls cost 7.8%; placed on the back edges of the
// optimised code, a vectorised or unrolled loop polls once per trip through its
// body, not per source iteration. Back edges are found as retreating edges of a
// depth-first walk (llvm::FindFunctionBackedges), so the irreducible loops gotos
// can make are covered as well as natural ones.
//
// A poll: the thread's stack-guard slot (%fs:0x70, address space 257) compared
// with gc's stackPreempt, and on a match (branch weight 1:1000) a call of
// gojit_rt_looppoll, the runtime's yield (runtime/preempt.cc), from inline asm
// that clobbers no register. ir/ asks for polls with the module flag
// kLoopSafepointsFlag: 1 on every back edge (--safepoints=loops), 2 only on those
// of loops that call no Go code (--safepoints=callfree: a call's prologue check
// is a safepoint already); only functions with the "split-stack" attribute
// (compiled Go code) get them.
#pragma once

#include <string>
#include <vector>

namespace llvm {
class Module;
}

namespace gojit::jit {

inline constexpr const char* kLoopSafepointsFlag = "gojit.loop-safepoints";

// Inserts the polls into every Go function of module as its kLoopSafepointsFlag
// module flag asks; returns how many it inserted.
int InsertLoopSafepoints(llvm::Module& module);

// A safepoint site of compiled Go code (gojit run --emit=safepoints): a
// function's prologue check, or a loop back edge, polled or not.
struct SafepointSite {
  std::string function;
  std::string file;  // absolute path; the function's when the edge has no location
  int line = 0;
  enum Kind { kPrologue, kLoop } kind = kPrologue;
  bool loop_calls = false;  // kLoop: the loop calls Go code
  bool polled = false;      // kLoop: a poll is on the edge
};

// Every site of module's Go functions after optimisation (and poll insertion),
// sorted by file and line.
std::vector<SafepointSite> ListSafepoints(llvm::Module& module);

}  // namespace gojit::jit
