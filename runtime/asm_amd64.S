// The context switch: gogo, mcall, systemstack, mstart0, goexit, the sigpanic
// trampoline and the stack-guard slot writer. Mirrors runtime/asm_amd64.s.
//
// Differences from gc, and why:
//  - g travels in %rdi (the hidden first parameter of every Go function and runtime
//    entry) instead of R14/TLS, so mcall and systemstack take it as an argument.
//  - gc has no callee-saved registers; JIT'd code and the C++ runtime follow the
//    SysV ABI, where %rbx, %rbp, %r12-%r15 survive calls. mcall pushes them on the
//    goroutine stack before saving sp into g->sched, and gojit_resume pops them, so
//    a parked G resumes with them intact. gogo itself stays gc's: load sp/bp, jump.
//  - A G starts in fn(g, ctxt): gogo passes sched.g in %rdi and sched.ctxt in %rsi.
//    newproc lays out the new stack as [sp] = goexit+1 (fake return address),
//    [sp+8] = g, so that when fn returns, goexit finds g at (%rsp).
//  - No ucontext/swapcontext: a system call per switch (docs/design.md,
//    "Context switching").
// __morestack resumes the function in place (on a grown stack if need be).
#include "runtime/asm_offsets.h"

        .text

// void gojit_gogo(Gobuf* buf)  -- mirrors gogo: restore the context in buf.
// Never returns.
        .globl  gojit_gogo
        .type   gojit_gogo, @function
        .p2align 4
gojit_gogo:
        .cfi_startproc
        movq    GOBUF_PC(%rdi), %rax
        movq    GOBUF_SP(%rdi), %rsp
        movq    GOBUF_BP(%rdi), %rbp
        movq    GOBUF_CTXT(%rdi), %rsi
        movq    GOBUF_G(%rdi), %rdx
        // Clear what the collector should not see as live (as gc does).
        movq    $0, GOBUF_SP(%rdi)
        movq    $0, GOBUF_RET(%rdi)
        movq    $0, GOBUF_CTXT(%rdi)
        movq    $0, GOBUF_BP(%rdi)
        movq    %rdx, %rdi
        jmp     *%rax
        .cfi_endproc
        .size   gojit_gogo, .-gojit_gogo

// void gojit_mcall(G* gp, void (*fn)(G*))  -- mirrors mcall: save gp's context in
// gp->sched (callee-saved registers pushed on gp's stack), switch to m->g0's stack
// and call fn(gp). fn must not return; gp resumes at gojit_resume when some M
// gogo's gp->sched, and mcall then returns to its caller.
        .globl  gojit_mcall
        .type   gojit_mcall, @function
        .p2align 4
gojit_mcall:
        .cfi_startproc
        pushq   %rbp
        .cfi_def_cfa_offset 16
        .cfi_offset %rbp, -16
        movq    %rsp, %rbp
        .cfi_def_cfa_register %rbp
        pushq   %rbx
        pushq   %r12
        pushq   %r13
        pushq   %r14
        pushq   %r15
        subq    $8, %rsp                // keep %rsp 16-byte aligned
        leaq    gojit_resume(%rip), %rax
        movq    %rax, G_SCHED_PC(%rdi)
        movq    %rsp, G_SCHED_SP(%rdi)
        movq    %rbp, G_SCHED_BP(%rdi)
        movq    %rdi, G_SCHED_G(%rdi)
        movq    G_M(%rdi), %rax
        movq    M_G0(%rax), %rax        // g0
        movq    G_SCHED_SP(%rax), %rsp  // the top of the scheduling stack
        call    *%rsi                   // fn(gp)
        ud2                             // gc: "runtime: mcall function returned"
        .cfi_endproc
        .size   gojit_mcall, .-gojit_mcall

// Where a context saved by gojit_mcall or gojit_mstart0 resumes: pop the
// callee-saved registers and return to the saver's caller.
        .globl  gojit_resume
        .type   gojit_resume, @function
        .p2align 4
gojit_resume:
        .cfi_startproc
        addq    $8, %rsp
        popq    %r15
        popq    %r14
        popq    %r13
        popq    %r12
        popq    %rbx
        popq    %rbp
        ret
        .cfi_endproc
        .size   gojit_resume, .-gojit_resume

// void gojit_mstart0(G* g0, void (*fn)(G*))  -- mirrors the tail of mstart0/mstart1:
// record the current thread stack position as g0->sched (every later mcall and
// systemstack restarts from this sp), then call fn(g0) (schedule), which never
// returns. gogo(&g0->sched) resumes here and returns to the caller of mstart0
// (RunUntilDone uses that to hand the thread back).
        .globl  gojit_mstart0
        .type   gojit_mstart0, @function
        .p2align 4
gojit_mstart0:
        .cfi_startproc
        pushq   %rbp
        .cfi_def_cfa_offset 16
        .cfi_offset %rbp, -16
        movq    %rsp, %rbp
        .cfi_def_cfa_register %rbp
        pushq   %rbx
        pushq   %r12
        pushq   %r13
        pushq   %r14
        pushq   %r15
        subq    $8, %rsp
        leaq    gojit_resume(%rip), %rax
        movq    %rax, G_SCHED_PC(%rdi)
        movq    %rsp, G_SCHED_SP(%rdi)
        movq    %rbp, G_SCHED_BP(%rdi)
        movq    %rdi, G_SCHED_G(%rdi)
        call    *%rsi
        ud2
        .cfi_endproc
        .size   gojit_mstart0, .-gojit_mstart0

// void gojit_systemstack(G* gp, void (*fn)(void*), void* arg)  -- mirrors
// systemstack: run fn(arg) on gp->m->g0's stack and come back. If the current
// stack already is g0's (or gp/m/g0 is missing), fn runs where it is. fn's
// frame-pointer chain still leads back into gp's frames (a traceback from fn
// sees them). REQUIRES: g0->sched.sp was set by gojit_mstart0.
        .globl  gojit_systemstack
        .type   gojit_systemstack, @function
        .p2align 4
gojit_systemstack:
        .cfi_startproc
        pushq   %rbp
        .cfi_def_cfa_offset 16
        .cfi_offset %rbp, -16
        movq    %rsp, %rbp
        .cfi_def_cfa_register %rbp
        pushq   %rbx
        subq    $8, %rsp
        movq    %rsp, %rbx              // the stack to come back to
        testq   %rdi, %rdi
        jz      1f
        movq    G_M(%rdi), %rax
        testq   %rax, %rax
        jz      1f
        movq    M_G0(%rax), %rax
        testq   %rax, %rax
        jz      1f
        movq    G_SCHED_SP(%rax), %rcx
        testq   %rcx, %rcx
        jz      1f
        cmpq    G_STACK_LO(%rax), %rsp  // already on g0's stack?
        jb      2f
        cmpq    G_STACK_HI(%rax), %rsp
        jb      1f
2:
        movq    %rcx, %rsp              // switch to g0
1:
        movq    %rdx, %rdi
        call    *%rsi
        movq    %rbx, %rsp              // switch back
        addq    $8, %rsp
        popq    %rbx
        popq    %rbp
        .cfi_def_cfa %rsp, 8
        ret
        .cfi_endproc
        .size   gojit_systemstack, .-gojit_systemstack

// The fake return address of every goroutine's first function points at
// gojit_goexit+1 (mirrors goexit: "the top-most function running on a goroutine
// returns to goexit+PCQuantum"). newproc stored g just above it, at (%rsp) once
// the function has returned. goexit1 never returns.
        .globl  gojit_goexit
        .type   gojit_goexit, @function
        .p2align 4
gojit_goexit:
        .cfi_startproc
        .cfi_undefined %rip
        nop
        movq    (%rsp), %rdi            // g
        call    gojit_goexit1
        ud2
        .cfi_endproc
        .size   gojit_goexit, .-gojit_goexit

// Entered from the SIGSEGV/SIGBUS handler instead of the faulting instruction
// (mirrors sigctxt.preparePanic + sigpanic): the handler pushed the faulting pc as
// a return address and put g in %rdi. The frame built here links to the faulting
// frame, so the traceback continues through it. gojit_sigpanic never returns.
        .globl  gojit_sigpanic_tramp
        .type   gojit_sigpanic_tramp, @function
        .p2align 4
gojit_sigpanic_tramp:
        .cfi_startproc
        pushq   %rbp
        .cfi_def_cfa_offset 16
        .cfi_offset %rbp, -16
        movq    %rsp, %rbp
        .cfi_def_cfa_register %rbp
        andq    $-16, %rsp              // the fault may have come at any alignment
        call    gojit_sigpanic
        ud2
        .cfi_endproc
        .size   gojit_sigpanic_tramp, .-gojit_sigpanic_tramp

// CALL_PRESERVING_ALL fn: a frame that calls fn (no arguments) with every
// register saved around it: general purpose, flags, and the whole extended state
// with XSAVE (XMM/YMM/ZMM, whatever the JIT used), all on the current (goroutine)
// stack, then returns to its caller as if nothing had run. gojit_xsave_size
// (preempt.cc) is the XSAVE area size of this CPU's enabled features.
.macro CALL_PRESERVING_ALL fn
        .cfi_startproc
        pushq   %rbp
        .cfi_def_cfa_offset 16
        .cfi_offset %rbp, -16
        movq    %rsp, %rbp
        .cfi_def_cfa_register %rbp
        pushfq
        pushq   %rax
        pushq   %rcx
        pushq   %rdx
        pushq   %rbx
        pushq   %rsi
        pushq   %rdi
        pushq   %r8
        pushq   %r9
        pushq   %r10
        pushq   %r11
        pushq   %r12
        pushq   %r13
        pushq   %r14
        pushq   %r15
        movq    %rsp, %rbx              // the GPR save area; rbx survives the call
        subq    gojit_xsave_size(%rip), %rsp
        andq    $-64, %rsp              // XSAVE needs 64-byte alignment
        // XRSTOR checks the header's reserved bytes: start from a zeroed header.
        xorl    %eax, %eax
        movq    %rax, 512(%rsp)
        movq    %rax, 520(%rsp)
        movq    %rax, 528(%rsp)
        movq    %rax, 536(%rsp)
        movq    %rax, 544(%rsp)
        movq    %rax, 552(%rsp)
        movq    %rax, 560(%rsp)
        movq    %rax, 568(%rsp)
        movl    $-1, %eax
        movl    $-1, %edx
        xsave64 (%rsp)
        call    \fn
        movl    $-1, %eax
        movl    $-1, %edx
        xrstor64 (%rsp)
        movq    %rbx, %rsp
        popq    %r15
        popq    %r14
        popq    %r13
        popq    %r12
        popq    %r11
        popq    %r10
        popq    %r9
        popq    %r8
        popq    %rdi
        popq    %rsi
        popq    %rbx
        popq    %rdx
        popq    %rcx
        popq    %rax
        popfq
        popq    %rbp
        .cfi_def_cfa %rsp, 8
        ret
        .cfi_endproc
.endm

// Entered from the SIGURG handler instead of the interrupted instruction (mirrors
// asyncPreempt, preempt_amd64.s): the handler pushed the interrupted pc as a
// return address, so this frame links to the interrupted one and tracebacks go
// through it. Calls gojit_async_preempt2 (which yields) with every register saved,
// and returns to the interrupted pc.
        .globl  gojit_async_preempt
        .type   gojit_async_preempt, @function
        .p2align 4
gojit_async_preempt:
        CALL_PRESERVING_ALL gojit_async_preempt2
        .size   gojit_async_preempt, .-gojit_async_preempt

// The loop poll's slow path (abi.def's looppoll): JIT'd code calls it from inline
// asm that clobbers no register (jit/loop_safepoints.cc), so the loop keeps its
// values, vectors included, in registers across the call instead of spilling
// them into a bigger frame. Calls gojit_looppoll2 (preempt.cc) with every
// register saved.
        .globl  gojit_rt_looppoll
        .type   gojit_rt_looppoll, @function
        .p2align 4
gojit_rt_looppoll:
        CALL_PRESERVING_ALL gojit_looppoll2
        .size   gojit_rt_looppoll, .-gojit_rt_looppoll

// __morestack: called by LLVM's split-stack prologue when SP (minus the frame) is
// below the thread's %fs:0x70 slot, with r10 = the frame size and r11 = the bytes
// of stack arguments; (%rsp) is the return address into the function F, which
// points at the `ret` that follows its `call __morestack`. gcc's protocol would
// run F's body on a new segment; gojit's resumes F in place instead (docs/design.md,
// "The prologue check and __morestack"):
// save F's argument and callee-saved registers, call
// gojit_newstack(framesize, F's entry SP, saved registers, 13) (it finds the G in
// TLS: %rdi need not hold g, LLVM drops unused G* parameters), which yields for a preemption request or copies the stack
// to a larger one (relocating the saved registers that point into it), then
// restore the registers, move %rsp to F's entry SP on the (possibly new) stack and
// jump to the return address + 1, skipping the `ret`. r10 and r11 are scratch
// here, as in gcc's protocol. The old stack is still read after the call (the
// saved registers); stack.cc frees it later.
        .globl  __morestack
        .type   __morestack, @function
        .p2align 4
__morestack:
        .cfi_startproc
        pushq   %rbp
        .cfi_def_cfa_offset 16
        .cfi_offset %rbp, -16
        movq    %rsp, %rbp
        .cfi_def_cfa_register %rbp
        pushq   %rdi                    // -8(%rbp)
        pushq   %rsi
        pushq   %rdx
        pushq   %rcx
        pushq   %r8
        pushq   %r9
        pushq   %rax
        pushq   %rbx
        pushq   %r12
        pushq   %r13
        pushq   %r14
        pushq   %r15                    // -96(%rbp)
        subq    $136, %rsp              // xmm0-7, and %rsp 16-byte aligned
        movdqu  %xmm0, 0(%rsp)
        movdqu  %xmm1, 16(%rsp)
        movdqu  %xmm2, 32(%rsp)
        movdqu  %xmm3, 48(%rsp)
        movdqu  %xmm4, 64(%rsp)
        movdqu  %xmm5, 80(%rsp)
        movdqu  %xmm6, 96(%rsp)
        movdqu  %xmm7, 112(%rsp)
        movq    %r10, %rdi              // framesize
        leaq    16(%rbp), %rsi          // F's SP at its entry
        leaq    -96(%rbp), %rdx         // the 12 saved registers and saved %rbp
        movl    $13, %ecx
        call    gojit_newstack
        movq    %rax, %r10              // F's entry SP, moved if the stack grew
        movq    8(%rbp), %r11           // the return address into F
        movdqu  0(%rsp), %xmm0
        movdqu  16(%rsp), %xmm1
        movdqu  32(%rsp), %xmm2
        movdqu  48(%rsp), %xmm3
        movdqu  64(%rsp), %xmm4
        movdqu  80(%rsp), %xmm5
        movdqu  96(%rsp), %xmm6
        movdqu  112(%rsp), %xmm7
        addq    $136, %rsp
        popq    %r15
        popq    %r14
        popq    %r13
        popq    %r12
        popq    %rbx
        popq    %rax
        popq    %r9
        popq    %r8
        popq    %rcx
        popq    %rdx
        popq    %rsi
        popq    %rdi
        popq    %rbp
        .cfi_def_cfa %rsp, 8
        movq    %r10, %rsp
        leaq    1(%r11), %r11           // past F's `ret` (lea keeps the flags)
        jmp     *%r11
        .cfi_endproc
        .size   __morestack, .-__morestack

// void gojit_setstackguard(uintptr_t guard): the running G's stackguard0 into the
// thread's %fs:0x70 slot, which the split-stack prologue compares SP against.
        .globl  gojit_setstackguard
        .type   gojit_setstackguard, @function
        .p2align 4
gojit_setstackguard:
        movq    %rdi, %fs:TLS_STACKGUARD
        ret
        .size   gojit_setstackguard, .-gojit_setstackguard

        .section .note.GNU-stack,"",@progbits
