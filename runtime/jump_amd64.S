// setjmp/longjmp for recovered panics (runtime/defer.h): only callee-saved registers,
// the stack pointer and the return address, as the SysV ABI requires of a call
// boundary. No signal mask and no pointer mangling (glibc's versions add both; a
// panic never crosses threads, and the buffer lives in the frame it resumes).

        .text

// int gojit_rt_setjmp(JmpBuf* buf): returns 0; returns again with 1 via gojit_longjmp.
        .globl  gojit_rt_setjmp
        .type   gojit_rt_setjmp, @function
gojit_rt_setjmp:
        movq    (%rsp), %rax            // return address
        movq    %rax, 0(%rdi)
        leaq    8(%rsp), %rax           // the caller's SP after the return
        movq    %rax, 8(%rdi)
        movq    %rbp, 16(%rdi)
        movq    %rbx, 24(%rdi)
        movq    %r12, 32(%rdi)
        movq    %r13, 40(%rdi)
        movq    %r14, 48(%rdi)
        movq    %r15, 56(%rdi)
        xorl    %eax, %eax
        ret
        .size   gojit_rt_setjmp, .-gojit_rt_setjmp

// void gojit_longjmp(JmpBuf* buf): resumes after gojit_rt_setjmp with result 1.
        .globl  gojit_longjmp
        .type   gojit_longjmp, @function
gojit_longjmp:
        movq    8(%rdi), %rsp
        movq    16(%rdi), %rbp
        movq    24(%rdi), %rbx
        movq    32(%rdi), %r12
        movq    40(%rdi), %r13
        movq    48(%rdi), %r14
        movq    56(%rdi), %r15
        movl    $1, %eax
        jmpq    *0(%rdi)
        .size   gojit_longjmp, .-gojit_longjmp

        .section .note.GNU-stack,"",@progbits
