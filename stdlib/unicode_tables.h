// The Unicode data behind package unicode's natives (unicode_natives.cc), generated
// into unicode_tables.cc by stdlib/gen/unicodetables from the reference Go's unicode
// package: category ranges, gc's CaseRanges, and SimpleFold's non-identity answers.
#pragma once

#include <cstdint>

namespace gojit::stdlib::unicode_tables {

struct Range {
  uint32_t lo, hi;  // inclusive
};
struct RangeTable {
  const Range* ranges;
  int64_t n;
};
// unicode.CaseRange: Delta indexed by UpperCase, LowerCase, TitleCase; a delta of
// kUpperLower (MaxRune + 1) means alternating upper/lower pairs.
struct CaseRange {
  uint32_t lo, hi;
  int32_t delta[3];
};
struct FoldPair {
  uint32_t from, to;
};

// Index into kTables; the order of the generator's class list and of
// stdlib/unicode/unicode.go's cat* constants.
enum Class {
  kUpper, kLower, kTitle, kLetter, kMark, kDigit, kNumber, kPunct, kSymbol, kSpace, kZs,
  kControl, kNumClasses,
};

extern const RangeTable kTables[kNumClasses];
extern const CaseRange kCaseRanges[];
extern const int64_t kNumCaseRanges;
extern const FoldPair kFolds[];
extern const int64_t kNumFolds;

}  // namespace gojit::stdlib::unicode_tables
