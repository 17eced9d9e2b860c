// Typed C++ declarations of the runtime entry points listed in runtime/abi.def.
// symbols.cc checks each against abi.def's vocabulary with a static_assert, so a
// parameter added here but not there (or the reverse) fails the build. Every entry
// takes the current G* first; it may be null when called from tests or natives
// running outside a goroutine.
#pragma once

#include <cstdint>

#include "runtime/type.h"

namespace gojit::rt {
struct G;
struct HMap;        // map.h
struct MapIter;     // map.h
struct HChan;       // chan.h
struct SelectCase;  // chan.h
// RuneK: (rune, next index), returned in EAX:RDX.
struct RuneK {
  int32_t r;
  int64_t k;
};
}  // namespace gojit::rt

extern "C" {
using gojit::rt::G;
using gojit::rt::GoSlice;
using gojit::rt::HMap;
using gojit::rt::HChan;
using gojit::rt::SelectCase;
using gojit::rt::MapIter;
using gojit::rt::GoEface;
using gojit::rt::GoString;
using gojit::rt::TypeDescriptor;

// print.cc
void gojit_rt_printlock(G* g);
void gojit_rt_printunlock(G* g);
void gojit_rt_printbool(G* g, int8_t v);
void gojit_rt_printint(G* g, int64_t v);
void gojit_rt_printuint(G* g, uint64_t v);
void gojit_rt_printhex(G* g, uint64_t v);
void gojit_rt_printfloat(G* g, double v, int64_t bits);
void gojit_rt_printcomplex(G* g, double re, double im, int64_t bits);
void gojit_rt_printstring(G* g, const uint8_t* p, int64_t n);
void gojit_rt_printpointer(G* g, const void* p);
void gojit_rt_printeface(G* g, const TypeDescriptor* t, const void* data);
void gojit_rt_printslice(G* g, const void* p, int64_t len, int64_t cap);
void gojit_rt_printsp(G* g);
void gojit_rt_printnl(G* g);

// string.cc
GoString gojit_rt_concatstring2(G* g, const uint8_t* a, int64_t alen, const uint8_t* b,
                                int64_t blen);
int64_t gojit_rt_cmpstring(G* g, const uint8_t* a, int64_t alen, const uint8_t* b,
                           int64_t blen);
GoString gojit_rt_intstring(G* g, int64_t v);
GoString gojit_rt_slicebytetostring(G* g, const uint8_t* p, int64_t n);
GoString gojit_rt_slicerunetostring(G* g, const int32_t* p, int64_t n);
void gojit_rt_stringtoslicebyte(G* g, GoSlice* dst, const uint8_t* p, int64_t n);
void gojit_rt_stringtoslicerune(G* g, GoSlice* dst, const uint8_t* p, int64_t n);
gojit::rt::RuneK gojit_rt_decoderune(G* g, const uint8_t* p, int64_t n, int64_t k);

// malloc.cc
void* gojit_rt_mallocgc(G* g, int64_t size, const TypeDescriptor* type);
void gojit_rt_wbshade(G* g, void* old);
void gojit_rt_wbmove(G* g, void* dst, const void* src, int64_t n);
void gojit_rt_wbmemset(G* g, void* dst, int8_t value, int64_t n);
extern uint8_t gojit_rt_writebarrier;
void gojit_rt_growslice(G* g, GoSlice* dst, const TypeDescriptor* et, void* oldptr,
                        int64_t oldlen, int64_t oldcap, int64_t newlen);
void* gojit_rt_makeslice(G* g, const TypeDescriptor* et, int64_t len, int64_t cap);

// panic.cc
[[noreturn]] void gojit_rt_panicindex(G* g, int64_t x, int64_t y);
[[noreturn]] void gojit_rt_panicbounds(G* g, int64_t code, int64_t x, int64_t y);
[[noreturn]] void gojit_rt_panicdivide(G* g);
[[noreturn]] void gojit_rt_panicshift(G* g);
[[noreturn]] void gojit_rt_panicnilmem(G* g);
[[noreturn]] void gojit_rt_gopanic(G* g, const TypeDescriptor* t, void* data);
[[noreturn]] void gojit_rt_throw(G* g, const uint8_t* p, int64_t n);

// iface.cc
// defer.cc, panic.cc, jump_amd64.S
__attribute__((returns_twice)) int32_t gojit_rt_setjmp(void* buf);
void gojit_rt_deferpush(G* g, void* d);
void gojit_rt_deferproc(G* g, void* d, void* closure);
int64_t gojit_rt_deferdepth(G* g);
void gojit_rt_deferprocat(G* g, int64_t depth, void* closure);
[[noreturn]] void gojit_rt_panicrangestate(G* g, int64_t state);
void gojit_rt_deferreturn(G* g, void* d);
GoEface gojit_rt_gorecover(G* g, const uintptr_t* fp);
void gojit_rt_newproc(G* g, void* closure);
void gojit_rt_gosched(G* g);
void gojit_rt_looppoll();
[[noreturn]] void gojit_rt_goexit(G* g);
[[noreturn]] void gojit_longjmp(void* buf);

int8_t gojit_rt_efaceeq(G* g, const TypeDescriptor* t, void* x, void* y);
void* gojit_rt_getitab(G* g, const TypeDescriptor* inter, const TypeDescriptor* type,
                       int8_t canfail);
[[noreturn]] void gojit_rt_panicdottype(G* g, const TypeDescriptor* have,
                                        const TypeDescriptor* want, const TypeDescriptor* iface);

// map.cc (t: the map type's descriptor; h: the map, null for a nil map)
HMap* gojit_rt_makemap(G* g, const TypeDescriptor* t, int64_t hint);
void* gojit_rt_mapaccessk(G* g, const TypeDescriptor* t, HMap* h, const void* key);
void* gojit_rt_mapassign(G* g, const TypeDescriptor* t, HMap* h, const void* key);
void gojit_rt_mapdelete(G* g, const TypeDescriptor* t, HMap* h, const void* key);
void gojit_rt_mapclear(G* g, const TypeDescriptor* t, HMap* h);
void gojit_rt_mapiterinit(G* g, const TypeDescriptor* t, HMap* h, MapIter* it);
void gojit_rt_mapiternext(G* g, MapIter* it);

// chan.cc, select.cc (c: the channel, null for a nil channel)
HChan* gojit_rt_makechan(G* g, const TypeDescriptor* t, int64_t size);
void gojit_rt_chansend1(G* g, HChan* c, const void* elem);
int8_t gojit_rt_chanrecv(G* g, HChan* c, void* elem);
void gojit_rt_closechan(G* g, HChan* c);
int64_t gojit_rt_chanlen(G* g, HChan* c);
int64_t gojit_rt_chancap(G* g, HChan* c);
int8_t gojit_rt_selectnbsend(G* g, HChan* c, const void* elem);
int8_t gojit_rt_selectnbrecv(G* g, void* elem, HChan* c, int8_t* received);
int64_t gojit_rt_selectgo(G* g, SelectCase* cases, int64_t ncases, int64_t nsends,
                          int8_t block, int8_t* recvok);
void gojit_rt_block(G* g);
}
