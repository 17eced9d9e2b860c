// Field offsets of G, Gobuf and M that runtime/asm_amd64.S uses. This header is
// plain preprocessor text so the assembler can include it; runtime2.h pins every
// value with a static_assert, so a layout change that forgets this file fails the
// build instead of corrupting a context switch.
#pragma once

// G (runtime2.h), mirroring the first fields of runtime2.go's g.
#define G_STACK_LO 0
#define G_STACK_HI 8
#define G_STACKGUARD0 16
#define G_M 48
#define G_SCHED 56

// Gobuf, mirroring runtime2.go's gobuf (sp, pc, g, ctxt, ret, lr, bp).
#define GOBUF_SP 0
#define GOBUF_PC 8
#define GOBUF_G 16
#define GOBUF_CTXT 24
#define GOBUF_RET 32
#define GOBUF_LR 40
#define GOBUF_BP 48

#define G_SCHED_SP (G_SCHED + GOBUF_SP)
#define G_SCHED_PC (G_SCHED + GOBUF_PC)
#define G_SCHED_G (G_SCHED + GOBUF_G)
#define G_SCHED_BP (G_SCHED + GOBUF_BP)

// M: g0 and curg come first (gc's m starts with g0 too).
#define M_G0 0
#define M_CURG 8

// The thread's split-stack slot (glibc's tcbhead_t.__private_ss): reserved for the
// running G's stackguard0 (docs/design.md, "The prologue check and __morestack").
// Nothing else may use it.
#define TLS_STACKGUARD 0x70

// gc's stackPreempt (stack.go): the stackguard0 that asks a G to yield (a value no
// SP is above, so every prologue check fails). rt::kStackPreempt (preempt.h) and
// the loop polls jit/ inserts both read it from here.
#define STACK_PREEMPT 0xfffffffffffffade
