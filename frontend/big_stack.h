// Runs a function on a thread with a large stack.
//
// The parser, the checker, the AST dumper and ir/ recurse over the program's
// syntax, and Go programs nest as deeply as they like (gc's own limit is its 1 GB
// goroutine stack). Rather than cap nesting depth (which would have to be low
// enough for sanitizer builds and would reject valid programs), compilation runs on
// a thread whose stack is as large as gc's; the memory is only reserved, and pages
// are committed as the recursion touches them.
#pragma once

#include <functional>

namespace gojit::frontend {

inline constexpr size_t kCompileStackBytes = size_t{1} << 30;

// Runs fn on a fresh thread with a stack of `bytes` and waits for it.
void RunWithBigStack(const std::function<void()>& fn, size_t bytes = kCompileStackBytes);

}  // namespace gojit::frontend
