// Natives of gojit's internal/reflectlite (stdlib/internal/reflectlite): what it
// cannot do over the type descriptors in Go alone: look up method tables (Implements,
// and the conversion Set makes into an interface), unpack an interface value, read
// a channel's length, and swap two elements of a slice of any element type
// (Swapper, used by sort.Slice).
//
// The collector stops the world for its whole cycle (runtime/mgc.h), so stores need
// no write barriers.
#include <cstring>
#include <span>

#include "runtime/entrypoints.h"
#include "runtime/mgc.h"
#include "runtime/runtime.h"
#include "stdlib/natives.h"

namespace gojit::stdlib {
namespace {

using rt::GoEface;
using rt::GoSlice;

// func swapElems(x any, i, j int). The indexes come from the sort algorithms and
// lie in [0, len).
void SwapElems(rt::G* g, void* args, void* results) {
  struct Args {
    GoEface x;
    int64_t i, j;
  };
  auto* in = static_cast<Args*>(args);
  auto* s = static_cast<GoSlice*>(in->x.data);
  if (in->i < 0 || in->j < 0 || in->i >= s->len || in->j >= s->len)
    rt::PanicRuntimeError(g, "index out of range");
  auto size = static_cast<size_t>(in->x.type->elem->size);
  if (in->i == in->j || size == 0) return;
  char* a = static_cast<char*>(s->ptr) + in->i * size;
  char* b = static_cast<char*>(s->ptr) + in->j * size;
  // Both elements are overwritten: behind the write barrier.
  rt::WbBulkPreWrite(a, size);
  rt::WbBulkPreWrite(b, size);
  char tmp[256];
  while (size > 0) {
    size_t n = size < sizeof tmp ? size : sizeof tmp;
    std::memcpy(tmp, a, n);
    std::memcpy(a, b, n);
    std::memcpy(b, tmp, n);
    a += n;
    b += n;
    size -= n;
  }
  (void)results;
}

using rt::TypeDescriptor;

// func implements(iface, t unsafe.Pointer) bool: t has iface's methods.
void Implements(rt::G* g, void* args, void* results) {
  auto* a = static_cast<const TypeDescriptor* const*>(args);
  const TypeDescriptor* iface = a[0];
  const TypeDescriptor* t = a[1];
  bool ok = iface->nmethods == 0 || (t->kind != rt::Kind::kInterface && gojit_rt_getitab(g, iface, t, 1) != nullptr);
  *static_cast<uint8_t*>(results) = ok;
}

// func assign(dstType, dst, srcType, src unsafe.Pointer): *dst = *src, converted
// to dstType when it is an interface type. REQUIRES: src's type is assignable.
void Assign(rt::G* g, void* args, void*) {
  struct Args {
    const TypeDescriptor* dst_type;
    void* dst;
    const TypeDescriptor* src_type;
    void* src;
  };
  auto* a = static_cast<Args*>(args);
  if (a->dst_type->kind == rt::Kind::kInterface && a->src_type->kind != rt::Kind::kInterface) {
    void* word = (a->src_type->flags & rt::kTypeFlagDirectIface) != 0 ? *static_cast<void**>(a->src) : a->src;
    auto* out = static_cast<void**>(a->dst);
    rt::WbBulkPreWrite(out, 2 * sizeof(void*));
    out[0] = a->dst_type->nmethods == 0 ? const_cast<TypeDescriptor*>(a->src_type)
                                         : gojit_rt_getitab(g, a->dst_type, a->src_type, 0);
    out[1] = word;
    return;
  }
  rt::WbBulkPreWrite(a->dst, static_cast<size_t>(a->dst_type->size));
  std::memmove(a->dst, a->src, static_cast<size_t>(a->dst_type->size));
}

// func ifaceToEface(t, p, dst unsafe.Pointer): *dst (an interface{}) = the value of
// interface type t at p.
void IfaceToEface(rt::G*, void* args, void*) {
  auto* a = static_cast<void* const*>(args);
  auto* t = static_cast<const TypeDescriptor*>(a[0]);
  auto* in = static_cast<void* const*>(a[1]);
  auto* out = static_cast<GoEface*>(a[2]);
  rt::WbBulkPreWrite(out, sizeof(GoEface));
  if (t->nmethods == 0 || in[0] == nullptr) {
    *out = GoEface{static_cast<const TypeDescriptor*>(in[0]), in[1]};
  } else {
    *out = GoEface{static_cast<const rt::Itab*>(in[0])->type, in[1]};
  }
}

// func chanlen(c unsafe.Pointer) int
void ChanLen(rt::G* g, void* args, void* results) {
  *static_cast<int64_t*>(results) = gojit_rt_chanlen(g, *static_cast<rt::HChan**>(args));
}

constexpr NativeSymbol kReflectliteNatives[] = {
    {"internal/reflectlite.swapElems", SwapElems},
    {"internal/reflectlite.implements", Implements},
    {"internal/reflectlite.assign", Assign},
    {"internal/reflectlite.ifaceToEface", IfaceToEface},
    {"internal/reflectlite.chanlen", ChanLen},
};

}  // namespace

std::span<const NativeSymbol> ReflectliteNatives() { return kReflectliteNatives; }

}  // namespace gojit::stdlib
