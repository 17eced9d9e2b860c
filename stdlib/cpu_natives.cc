// Natives of Go's internal/cpu (GOROOT/src/internal/cpu/cpu_x86.go declares them;
// gc writes them in cpu_x86.s), of internal/abi's FuncPC intrinsics, and of
// crypto/internal/boring/sig's markers (empty assembly functions that only label a
// binary as BoringCrypto, FIPS-only or standard crypto: empty here too).
//
// internal/cpu asks the processor itself (CPUID, XGETBV), so Go's packages see the
// features the machine has, as under gc. getGOAMD64level answers 1: gojit compiles
// Go's packages for the baseline x86-64 (the amd64.v1 build tag), whatever the JIT
// then does for the host.
#include <cpuid.h>

#include <cstdint>
#include <span>

#include "runtime/type.h"
#include "stdlib/natives.h"

namespace gojit::stdlib {
namespace {

// func cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)
void Cpuid(rt::G*, void* args, void* results) {
  auto* in = static_cast<uint32_t*>(args);
  auto* out = static_cast<uint32_t*>(results);
  __cpuid_count(in[0], in[1], out[0], out[1], out[2], out[3]);
}

// func xgetbv() (eax, edx uint32): XCR0, which says which register states the OS
// saves. Only called after CPUID reported OSXSAVE.
void Xgetbv(rt::G*, void*, void* results) {
  uint32_t eax, edx;
  __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
  auto* out = static_cast<uint32_t*>(results);
  out[0] = eax;
  out[1] = edx;
}

// func getGOAMD64level() int32
void GetGOAMD64Level(rt::G*, void*, void* results) { *static_cast<int32_t*>(results) = 1; }

// func FuncPCABI0(f any) uintptr and FuncPCABIInternal(f any) uintptr: the entry
// of the function a func value calls. A func value is a pointer to its closure,
// whose first word is the code pointer (ir/closure.cc); gojit has one ABI.
void FuncPC(rt::G*, void* args, void* results) {
  auto* f = static_cast<rt::GoEface*>(args);
  uintptr_t pc = 0;
  if (f->data != nullptr) pc = *static_cast<const uintptr_t*>(f->data);
  *static_cast<uintptr_t*>(results) = pc;
}

void Marker(rt::G*, void*, void*) {}

const NativeSymbol kCpuNatives[] = {
    {"crypto/internal/boring/sig.BoringCrypto", &Marker},
    {"crypto/internal/boring/sig.FIPSOnly", &Marker},
    {"crypto/internal/boring/sig.StandardCrypto", &Marker},
    {"internal/cpu.cpuid", &Cpuid},
    {"internal/cpu.xgetbv", &Xgetbv},
    {"internal/cpu.getGOAMD64level", &GetGOAMD64Level},
    {"internal/abi.FuncPCABI0", &FuncPC},
    {"internal/abi.FuncPCABIInternal", &FuncPC},
};

}  // namespace

std::span<const NativeSymbol> CpuNatives() { return kCpuNatives; }

}  // namespace gojit::stdlib
