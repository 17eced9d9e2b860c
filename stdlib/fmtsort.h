// Sorted map entries for printing, as Go's internal/fmtsort gives them to fmt: keys
// ordered by kind (numbers numerically with NaN first, strings bytewise, false
// before true, pointers and chans by address, structs and arrays element-wise,
// interfaces by dynamic type then value). Dynamic types order by descriptor
// address, as gc's do by *rtype address: a program mixing key types in one
// interface-keyed map may see another order than gc prints.
#pragma once

#include <utility>
#include <vector>

#include "stdlib/format_fmt.h"

namespace gojit::stdlib::fmt_internal {

// fmtsort.compare: -1, 0 or 1.
int Compare(const Value& a, const Value& b);

// The entries (key, elem) of the map value m (kind kMap), sorted by key.
std::vector<std::pair<Value, Value>> SortedMap(rt::G* g, const Value& m);

}  // namespace gojit::stdlib::fmt_internal
