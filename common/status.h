// Error propagation for pipeline and I/O failures (never for user diagnostics, which
// are collected in frontend::Diagnostics). abseil 20220623 has no RETURN_IF_ERROR or
// ASSIGN_OR_RETURN, so they live here. CHECK is for internal bugs: it prints the
// condition and aborts, since continuing would only hide the bug.
#pragma once

#include <cstdio>
#include <cstdlib>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define GOJIT_CONCAT_INNER(a, b) a##b
#define GOJIT_CONCAT(a, b) GOJIT_CONCAT_INNER(a, b)

#define RETURN_IF_ERROR(expr)                    \
  do {                                           \
    ::absl::Status _gojit_status = (expr);       \
    if (!_gojit_status.ok()) return _gojit_status; \
  } while (0)

#define ASSIGN_OR_RETURN(lhs, expr) \
  ASSIGN_OR_RETURN_IMPL(GOJIT_CONCAT(_gojit_statusor_, __LINE__), lhs, expr)
#define ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                          \
  if (!tmp.ok()) return tmp.status();         \
  lhs = std::move(tmp).value()

#define CHECK(cond)                                                                 \
  do {                                                                              \
    if (!(cond)) {                                                                  \
      std::fprintf(stderr, "gojit: internal error: %s:%d: CHECK(%s) failed\n",      \
                   __FILE__, __LINE__, #cond);                                      \
      std::abort();                                                                 \
    }                                                                               \
  } while (0)
