// Natives of package unicode (stdlib/unicode/unicode.go): class membership, case
// mapping (unicode.to over CaseRanges) and SimpleFold, by binary search over the
// generated tables of unicode_tables.cc.
#include <span>

#include "runtime/runtime.h"
#include "stdlib/natives.h"
#include "stdlib/unicode_tables.h"

namespace gojit::stdlib {
namespace {

namespace ut = unicode_tables;

constexpr int32_t kMaxRune = 0x10FFFF;

struct ClassRune {
  int64_t cls;
  int32_t r;
};

bool InTable(const ut::RangeTable& t, int32_t r) {
  if (r < 0) return false;
  auto u = static_cast<uint32_t>(r);
  int64_t lo = 0, hi = t.n;
  while (lo < hi) {
    int64_t m = lo + (hi - lo) / 2;
    if (u < t.ranges[m].lo) {
      hi = m;
    } else if (u > t.ranges[m].hi) {
      lo = m + 1;
    } else {
      return true;
    }
  }
  return false;
}

// func isClass(cls int, r rune) bool
void IsClass(rt::G*, void* args, void* results) {
  auto* in = static_cast<ClassRune*>(args);
  bool ok = in->cls >= 0 && in->cls < ut::kNumClasses && InTable(ut::kTables[in->cls], in->r);
  *static_cast<uint8_t*>(results) = ok;
}

// func toCase(c int, r rune) rune: unicode.to.
void ToCase(rt::G*, void* args, void* results) {
  auto* in = static_cast<ClassRune*>(args);
  int32_t r = in->r;
  int32_t out = r;
  int64_t lo = 0, hi = ut::kNumCaseRanges;
  while (lo < hi) {
    int64_t m = lo + (hi - lo) / 2;
    const ut::CaseRange& cr = ut::kCaseRanges[m];
    auto crlo = static_cast<int32_t>(cr.lo), crhi = static_cast<int32_t>(cr.hi);
    if (crlo <= r && r <= crhi) {
      int32_t delta = cr.delta[in->cls];
      if (delta > kMaxRune) {
        // An Upper-Lower sequence starts with an upper case letter: even offsets
        // are upper, odd lower.
        out = crlo + (((r - crlo) & ~1) | static_cast<int32_t>(in->cls & 1));
      } else {
        out = r + delta;
      }
      break;
    }
    if (r < crlo) {
      hi = m;
    } else {
      lo = m + 1;
    }
  }
  *static_cast<int32_t*>(results) = out;
}

// func simpleFold(r rune) rune
void SimpleFold(rt::G*, void* args, void* results) {
  int32_t r = *static_cast<int32_t*>(args);
  int32_t out = r;
  int64_t lo = 0, hi = ut::kNumFolds;
  auto u = static_cast<uint32_t>(r);
  while (lo < hi) {
    int64_t m = lo + (hi - lo) / 2;
    if (u < ut::kFolds[m].from) {
      hi = m;
    } else if (u > ut::kFolds[m].from) {
      lo = m + 1;
    } else {
      out = static_cast<int32_t>(ut::kFolds[m].to);
      break;
    }
  }
  *static_cast<int32_t*>(results) = out;
}

constexpr NativeSymbol kUnicodeNatives[] = {
    {"unicode.isClass", IsClass},
    {"unicode.toCase", ToCase},
    {"unicode.simpleFold", SimpleFold},
};

}  // namespace

std::span<const NativeSymbol> UnicodeNatives() { return kUnicodeNatives; }

}  // namespace gojit::stdlib
