// Natives of Go's package os/signal: what gc's runtime provides it by linkname
// (sigqueue.go), over runtime/sigqueue.h.
#include <cstdint>
#include <span>

#include "runtime/sigqueue.h"
#include "stdlib/natives.h"

namespace gojit::stdlib {
namespace {

uint32_t Sig(void* args) { return *static_cast<uint32_t*>(args); }

// func signal_enable(uint32), signal_disable(uint32), signal_ignore(uint32)
void Enable(rt::G*, void* args, void*) { rt::SignalEnable(Sig(args)); }
void Disable(rt::G*, void* args, void*) { rt::SignalDisable(Sig(args)); }
void Ignore(rt::G*, void* args, void*) { rt::SignalIgnore(Sig(args)); }

// func signal_ignored(uint32) bool
void Ignored(rt::G*, void* args, void* results) {
  *static_cast<bool*>(results) = rt::SignalIgnored(Sig(args));
}

// func signal_recv() uint32
void Recv(rt::G* g, void*, void* results) { *static_cast<uint32_t*>(results) = rt::SignalRecv(g); }

// func signalWaitUntilIdle()
void WaitUntilIdle(rt::G* g, void*, void*) { rt::SignalWaitUntilIdle(g); }

const NativeSymbol kSignalNatives[] = {
    {"os/signal.signal_enable", &Enable},   {"os/signal.signal_disable", &Disable},
    {"os/signal.signal_ignore", &Ignore},   {"os/signal.signal_ignored", &Ignored},
    {"os/signal.signal_recv", &Recv},       {"os/signal.signalWaitUntilIdle", &WaitUntilIdle},
};

}  // namespace

std::span<const NativeSymbol> SignalNatives() { return kSignalNatives; }

}  // namespace gojit::stdlib
