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
// gojit_rt_looppoll, the runtime's yield (runtime/preempt.cc). ir/ asks for polls
// with the module flag kLoopSafepointsFlag; only functions with the "split-stack"
// attribute (compiled Go code) get them.
#pragma once

namespace llvm {
class Module;
}

namespace gojit::jit {

inline constexpr const char* kLoopSafepointsFlag = "gojit.loop-safepoints";

// Inserts the polls into every Go function of module if its kLoopSafepointsFlag
// module flag is set; returns how many it inserted.
int InsertLoopSafepoints(llvm::Module& module);

}  // namespace gojit::jit
