// Natives of package reflect (stdlib/reflect/*.go): what reflect cannot do in Go
// over the type descriptors alone: allocate a value of a run-time type, copy one,
// and reach the runtime's maps and channels. They mirror the runtime hooks gc's
// reflect links to (unsafe_New, typedmemmove, makemap, mapaccess, mapassign, mapdelete,
// mapclear, mapiterinit/mapiternext, maplen, makechan, chansend, chanrecv,
// closechan, chanlen, chancap), and getitab.
//
// Copies into memory that may be a heap object go behind the write barrier
// (rt::WbBulkPreWrite, runtime/mbarrier.cc), as gc's typedmemmove does.
#include <cstring>
#include <span>
#include <string>

#include "runtime/entrypoints.h"
#include "runtime/mgc.h"
#include "runtime/runtime.h"
#include "runtime/type.h"
#include "stdlib/natives.h"

namespace gojit::stdlib {
namespace {

using rt::TypeDescriptor;

// func unsafe_New(t *rtype) unsafe.Pointer: zeroed memory for one value of t.
void UnsafeNew(rt::G* g, void* args, void* results) {
  auto* t = *static_cast<const TypeDescriptor**>(args);
  *static_cast<void**>(results) = rt::Malloc(g, t->size, t);
}

// func unsafe_NewArray(elem *rtype, n int) unsafe.Pointer: zeroed memory for n
// values of elem (n >= 0, from MakeSlice's checks).
void UnsafeNewArray(rt::G* g, void* args, void* results) {
  struct Args {
    const TypeDescriptor* elem;
    int64_t n;
  };
  auto* in = static_cast<Args*>(args);
  *static_cast<void**>(results) = rt::Malloc(g, in->elem->size * in->n, in->elem);
}

// func typedmemmove(t *rtype, dst, src unsafe.Pointer)
void TypedMemmove(rt::G*, void* args, void*) {
  struct Args {
    const TypeDescriptor* t;
    void* dst;
    const void* src;
  };
  auto* in = static_cast<Args*>(args);
  if (in->dst != in->src && in->t->size > 0) {
    rt::WbBulkPreWrite(in->dst, static_cast<size_t>(in->t->size));
    std::memmove(in->dst, in->src, static_cast<size_t>(in->t->size));
  }
}

// func makemap(t *rtype, n int) unsafe.Pointer: a new map of type t with room for
// about n entries (n >= 0 taken as a hint, as make's).
void MakeMap(rt::G* g, void* args, void* results) {
  struct Args {
    const TypeDescriptor* t;
    int64_t n;
  };
  auto* in = static_cast<Args*>(args);
  *static_cast<void**>(results) = gojit_rt_makemap(g, in->t, in->n < 0 ? 0 : in->n);
}

// func mapaccess(t *rtype, m, key unsafe.Pointer) unsafe.Pointer: the element
// slot for *key, or nil (m may be nil).
void MapAccess(rt::G* g, void* args, void* results) {
  struct Args {
    const TypeDescriptor* t;
    void* m;
    void* key;
  };
  auto* in = static_cast<Args*>(args);
  *static_cast<void**>(results) =
      in->m == nullptr ? nullptr : gojit_rt_mapaccessk(g, in->t, static_cast<rt::HMap*>(in->m), in->key);
}

// func mapassign(t *rtype, m, key, elem unsafe.Pointer): m[*key] = *elem.
void MapAssign(rt::G* g, void* args, void*) {
  struct Args {
    const TypeDescriptor* t;
    void* m;
    void* key;
    const void* elem;
  };
  auto* in = static_cast<Args*>(args);
  void* slot = gojit_rt_mapassign(g, in->t, static_cast<rt::HMap*>(in->m), in->key);
  if (in->t->elem->size > 0) {
    rt::WbBulkPreWrite(slot, static_cast<size_t>(in->t->elem->size));
    std::memmove(slot, in->elem, static_cast<size_t>(in->t->elem->size));
  }
}

// func mapdelete(t *rtype, m, key unsafe.Pointer)
void MapDelete(rt::G* g, void* args, void*) {
  struct Args {
    const TypeDescriptor* t;
    void* m;
    void* key;
  };
  auto* in = static_cast<Args*>(args);
  gojit_rt_mapdelete(g, in->t, static_cast<rt::HMap*>(in->m), in->key);
}

// func mapclear(t *rtype, m unsafe.Pointer): deletes every entry of m (not nil).
void MapClear(rt::G* g, void* args, void*) {
  struct Args {
    const TypeDescriptor* t;
    void* m;
  };
  auto* in = static_cast<Args*>(args);
  gojit_rt_mapclear(g, in->t, static_cast<rt::HMap*>(in->m));
}

// func mapiterinit(t *rtype, m unsafe.Pointer, it *hiter): it is a zeroed
// [12]unsafe.Pointer (rt::MapIter); its first word is the key slot, nil when done.
void MapIterInit(rt::G* g, void* args, void*) {
  struct Args {
    const TypeDescriptor* t;
    void* m;
    void* it;
  };
  auto* in = static_cast<Args*>(args);
  gojit_rt_mapiterinit(g, in->t, static_cast<rt::HMap*>(in->m), static_cast<rt::MapIter*>(in->it));
}

// func mapiternext(it *hiter)
void MapIterNext(rt::G* g, void* args, void*) {
  gojit_rt_mapiternext(g, *static_cast<rt::MapIter**>(args));
}

// func makechan(t *rtype, size int) unsafe.Pointer
void MakeChan(rt::G* g, void* args, void* results) {
  struct Args {
    const TypeDescriptor* t;
    int64_t size;
  };
  auto* in = static_cast<Args*>(args);
  *static_cast<void**>(results) = gojit_rt_makechan(g, in->t, in->size);
}

// func chansend(ch, elem unsafe.Pointer, nonblocking bool) bool: whether the value
// was sent (always, when blocking; a send on a closed channel panics).
void ChanSend(rt::G* g, void* args, void* results) {
  struct Args {
    rt::HChan* ch;
    const void* elem;
    bool nonblocking;
  };
  auto* in = static_cast<Args*>(args);
  bool sent = true;
  if (in->nonblocking) {
    sent = gojit_rt_selectnbsend(g, in->ch, in->elem) != 0;
  } else {
    gojit_rt_chansend1(g, in->ch, in->elem);
  }
  *static_cast<bool*>(results) = sent;
}

// func chanrecv(ch unsafe.Pointer, nonblocking bool, elem unsafe.Pointer)
// (selected, received bool): elem receives the value (the zero value from a
// closed channel, received false); selected is false when a nonblocking receive
// found nothing ready.
void ChanRecv(rt::G* g, void* args, void* results) {
  struct Args {
    rt::HChan* ch;
    bool nonblocking;
    void* elem;
  };
  struct Results {
    bool selected;
    bool received;
  };
  auto* in = static_cast<Args*>(args);
  auto* out = static_cast<Results*>(results);
  if (in->nonblocking) {
    int8_t received = 0;
    out->selected = gojit_rt_selectnbrecv(g, in->elem, in->ch, &received) != 0;
    out->received = received != 0;
  } else {
    out->selected = true;
    out->received = gojit_rt_chanrecv(g, in->ch, in->elem) != 0;
  }
}

// func chanclose(ch unsafe.Pointer)
void ChanClose(rt::G* g, void* args, void*) {
  gojit_rt_closechan(g, *static_cast<rt::HChan**>(args));
}

// func chanlen(c unsafe.Pointer) int, func chancap(c unsafe.Pointer) int
void ChanLen(rt::G* g, void* args, void* results) {
  *static_cast<int64_t*>(results) = gojit_rt_chanlen(g, *static_cast<rt::HChan**>(args));
}
void ChanCap(rt::G* g, void* args, void* results) {
  *static_cast<int64_t*>(results) = gojit_rt_chancap(g, *static_cast<rt::HChan**>(args));
}

// func getitab(inter, typ *rtype) unsafe.Pointer: the itab of typ for inter, or
// nil when typ lacks one of inter's methods.
void GetItab(rt::G* g, void* args, void* results) {
  auto* in = static_cast<const TypeDescriptor**>(args);
  *static_cast<void**>(results) = gojit_rt_getitab(g, in[0], in[1], /*canfail=*/1);
}

// func lookupType(name string) *rtype: the program's compiled descriptor of the
// type whose unique string is name ("type:" + name, ir/type_descriptors.cc), or
// nil when the program has none.
void LookupType(rt::G*, void* args, void* results) {
  auto* name = static_cast<const rt::GoString*>(args);
  std::string symbol = "type:";
  symbol.append(reinterpret_cast<const char*>(name->ptr), static_cast<size_t>(name->len));
  *static_cast<uintptr_t*>(results) = LookupProgramSymbol(symbol);
}

constexpr NativeSymbol kReflectNatives[] = {
    {"reflect.lookupType", LookupType},
    {"reflect.getitab", GetItab},
    {"reflect.unsafe_New", UnsafeNew},     {"reflect.unsafe_NewArray", UnsafeNewArray},
    {"reflect.typedmemmove", TypedMemmove},
    {"reflect.makemap", MakeMap},          {"reflect.mapaccess", MapAccess},      {"reflect.mapassign", MapAssign},
    {"reflect.mapdelete", MapDelete},      {"reflect.mapclear", MapClear},      {"reflect.mapiterinit", MapIterInit},
    {"reflect.mapiternext", MapIterNext},  {"reflect.chanlen", ChanLen},
    {"reflect.chancap", ChanCap},          {"reflect.makechan", MakeChan},
    {"reflect.chansend", ChanSend},        {"reflect.chanrecv", ChanRecv},
    {"reflect.chanclose", ChanClose},
};

}  // namespace

std::span<const NativeSymbol> ReflectNatives() { return kReflectNatives; }

}  // namespace gojit::stdlib
