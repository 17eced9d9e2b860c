// internal/fmtsort over TypeDescriptors; see fmtsort.h.
#include "stdlib/fmtsort.h"

#include <algorithm>
#include <cmath>

#include "runtime/entrypoints.h"
#include "runtime/map.h"

namespace gojit::stdlib::fmt_internal {
namespace {

template <typename T>
int Cmp(T a, T b) {
  return a < b ? -1 : (a > b ? 1 : 0);
}

int FloatCompare(double a, double b) {
  if (std::isnan(a)) return -1;  // no good answer if b is a NaN too
  if (std::isnan(b)) return 1;
  return Cmp(a, b);
}

}  // namespace

int Compare(const Value& a, const Value& b) {
  if (a.t != b.t) return -1;
  switch (a.kind()) {
    case Kind::kInt:
    case Kind::kInt8:
    case Kind::kInt16:
    case Kind::kInt32:
    case Kind::kInt64:
      return Cmp(a.Int(), b.Int());
    case Kind::kUint:
    case Kind::kUint8:
    case Kind::kUint16:
    case Kind::kUint32:
    case Kind::kUint64:
    case Kind::kUintptr:
      return Cmp(a.Uint(), b.Uint());
    case Kind::kString:
      return Cmp(a.String().compare(b.String()), 0);
    case Kind::kFloat32:
      return FloatCompare(a.Load<float>(), b.Load<float>());
    case Kind::kFloat64:
      return FloatCompare(a.Load<double>(), b.Load<double>());
    case Kind::kComplex64: {
      float x[2], y[2];
      std::memcpy(x, a.p, sizeof x);
      std::memcpy(y, b.p, sizeof y);
      if (int c = FloatCompare(x[0], y[0]); c != 0) return c;
      return FloatCompare(x[1], y[1]);
    }
    case Kind::kComplex128: {
      double x[2], y[2];
      std::memcpy(x, a.p, sizeof x);
      std::memcpy(y, b.p, sizeof y);
      if (int c = FloatCompare(x[0], y[0]); c != 0) return c;
      return FloatCompare(x[1], y[1]);
    }
    case Kind::kBool:
      return Cmp(a.Load<uint8_t>() != 0, b.Load<uint8_t>() != 0);
    case Kind::kPointer:
    case Kind::kUnsafePointer:
    case Kind::kChan:
      return Cmp(a.Pointer(), b.Pointer());
    case Kind::kStruct:
      for (int64_t i = 0; i < a.t->nfields; ++i) {
        if (int c = Compare(a.Field(i), b.Field(i)); c != 0) return c;
      }
      return 0;
    case Kind::kArray:
      for (int64_t i = 0; i < a.Len(); ++i) {
        if (int c = Compare(a.Index(i), b.Index(i)); c != 0) return c;
      }
      return 0;
    case Kind::kInterface: {
      Value x = a.Elem(), y = b.Elem();
      if (!x.valid()) return y.valid() ? -1 : 0;
      if (!y.valid()) return 1;
      if (int c = Cmp(reinterpret_cast<uintptr_t>(x.t), reinterpret_cast<uintptr_t>(y.t));
          c != 0)
        return c;
      return Compare(x, y);
    }
    default:
      return 0;  // gc panics "bad type in compare"; map keys never get here
  }
}

std::vector<std::pair<Value, Value>> SortedMap(rt::G* g, const Value& m) {
  std::vector<std::pair<Value, Value>> entries;
  auto* h = m.Load<rt::HMap*>();
  if (h == nullptr) return entries;
  uint64_t words[rt::kMapIterWords] = {};
  auto* it = reinterpret_cast<rt::MapIter*>(words);
  // mapiterinit positions the iterator on the first entry, as in gc.
  for (gojit_rt_mapiterinit(g, m.t, h, it); words[0] != 0; gojit_rt_mapiternext(g, it)) {
    auto* key = reinterpret_cast<const void*>(words[0]);
    auto* elem = reinterpret_cast<const void*>(words[1]);
    entries.push_back({Value{m.t->key, key, m.ro}, Value{m.t->elem, elem, m.ro}});
  }
  std::stable_sort(entries.begin(), entries.end(), [](const auto& x, const auto& y) {
    return Compare(x.first, y.first) < 0;
  });
  return entries;
}

}  // namespace gojit::stdlib::fmt_internal
