// Natives of package sort (stdlib/sort/slice.go): the length of, and an element
// swap within, a slice held in an `any`, standing in for reflect.Swapper.
#include <cstring>
#include <span>

#include "runtime/runtime.h"
#include "stdlib/natives.h"

namespace gojit::stdlib {
namespace {

using rt::GoEface;
using rt::GoSlice;

// func sliceLen(x any) int: len(x), or -1 - kind when x is not a slice.
void SliceLen(rt::G*, void* args, void* results) {
  auto* x = static_cast<GoEface*>(args);
  int64_t r;
  if (x->type == nullptr) {
    r = -1;
  } else if (x->type->kind != rt::Kind::kSlice) {
    r = -1 - static_cast<int64_t>(x->type->kind);
  } else {
    r = static_cast<GoSlice*>(x->data)->len;
  }
  *static_cast<int64_t*>(results) = r;
}

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

constexpr NativeSymbol kSortNatives[] = {
    {"sort.sliceLen", SliceLen},
    {"sort.swapElems", SwapElems},
};

}  // namespace

std::span<const NativeSymbol> SortNatives() { return kSortNatives; }

}  // namespace gojit::stdlib
