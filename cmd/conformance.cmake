# cmd/conformance.cmake: gojit-conformance, the runner over Go's own test suite
# ($GOROOT/test), its unit tests, and the ctest no-regression check against
# testdata/conformance/passing.txt. Included from cmd/CMakeLists.txt.
#
# The runner links no gojit library: it tests the gojit binary through its command
# line, with testdata/harness.cc for processes and regexps.
add_library(gojit_conformance STATIC
  ${CMAKE_CURRENT_LIST_DIR}/conformance_parse.cc
  ${CMAKE_CURRENT_LIST_DIR}/conformance_run.cc
  ${CMAKE_SOURCE_DIR}/testdata/harness.cc)
target_link_libraries(gojit_conformance PUBLIC absl::strings absl::str_format)
# The cache the golden tests share (harness.cc says why).
target_compile_definitions(gojit_conformance PRIVATE
  GOJIT_TEST_CACHE_DIR="${CMAKE_BINARY_DIR}/test-cache")

add_executable(gojit-conformance ${CMAKE_CURRENT_LIST_DIR}/conformance.cc)
target_link_libraries(gojit-conformance PRIVATE gojit_conformance absl::flags absl::flags_parse)
target_compile_definitions(gojit-conformance PRIVATE
  GOJIT_BINARY="$<TARGET_FILE:gojit>"
  GOJIT_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
  GOJIT_STDLIB_DIR="${GOJIT_STDLIB_DIR}")
add_dependencies(gojit-conformance gojit)

add_executable(conformance_test ${CMAKE_CURRENT_LIST_DIR}/conformance_test.cc)
target_link_libraries(conformance_test PRIVATE gojit_conformance GTest::gtest GTest::gmock GTest::gtest_main)
gtest_discover_tests(conformance_test TEST_PREFIX "conformance." DISCOVERY_TIMEOUT 60)

# The tests of passing.txt must keep passing. Exit 77: no Go test suite installed.
add_test(NAME conformance_no_regressions
  # A generous per-test timeout: CI runs other tests beside it on 2 cores, and
  # bigmap.go's one huge function takes LLVM's codegen 15 s on a quiet machine.
  # The whole check takes 4-5 minutes there with warm caches; on a fresh machine
  # the tests that run the Go toolchain themselves (`go build`, `go list -export
  # std` for $STDLIB_IMPORTCFG) first fill Go's build cache, a few minutes more.
  COMMAND gojit-conformance --check --jobs=2 --timeout=60)
set_tests_properties(conformance_no_regressions PROPERTIES
  TIMEOUT 1800 SKIP_RETURN_CODE 77)
