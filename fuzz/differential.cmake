# fuzz/differential.cmake: gojit-difffuzz, the differential accept/reject fuzzer of
# gojit's checker against gc (fuzz/differential.cc says how it works), its unit tests,
# and the ctest `frontend_differential_smoke`. Included from fuzz/CMakeLists.txt in
# its first role, before the clang++-19 check: this is built by the main g++ build.
#
# Like gojit-conformance it links no gojit library: gojit is run as a binary, so the
# fuzzer builds while the frontend is being edited. It reuses gojit_conformance
# (cmd/conformance.cmake) for the test-file headers and for running processes.
add_library(gojit_difffuzz STATIC
  ${CMAKE_CURRENT_LIST_DIR}/go_mutator.cc
  ${CMAKE_CURRENT_LIST_DIR}/differential_report.cc)
target_link_libraries(gojit_difffuzz PUBLIC
  gojit_conformance absl::strings absl::str_format absl::synchronization)

add_executable(gojit-difffuzz ${CMAKE_CURRENT_LIST_DIR}/differential.cc)
target_link_libraries(gojit-difffuzz PRIVATE gojit_difffuzz absl::flags absl::flags_parse)
target_compile_definitions(gojit-difffuzz PRIVATE
  GOJIT_BINARY="$<TARGET_FILE:gojit>"
  GOJIT_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
  GOJIT_DIFFFUZZ_WORKDIR="${CMAKE_BINARY_DIR}/fuzz/difffuzz")
# No add_dependencies(gojit): the fuzzer tests whatever gojit binary was last built,
# and `ninja gojit-difffuzz` does not wait for (or fail on) a frontend being edited.

add_executable(go_mutator_test ${CMAKE_CURRENT_LIST_DIR}/go_mutator_test.cc)
target_link_libraries(go_mutator_test PRIVATE gojit_difffuzz GTest::gtest GTest::gtest_main)
gtest_discover_tests(go_mutator_test TEST_PREFIX "difffuzz." DISCOVERY_TIMEOUT 60)

# A fixed seed over 300 mutants: fails on any finding, gojit crashes and hangs
# included, that differential_known.txt does not list. --slow_seed=0 mutates every
# seed file, so which mutants are checked does not depend on timing. 70-90 s on two
# quiet cores; 220-260 s measured beside a second fuzzing run and a build. Exit 77
# (skipped): no `go` on PATH or no $GOROOT/test.
add_test(NAME frontend_differential_smoke
  COMMAND gojit-difffuzz --seed=1 --mutants=300 --jobs=2 --slow_seed=0
          --out=${CMAKE_BINARY_DIR}/fuzz/difffuzz/smoke-findings)
# The goldens' cache: `gojit build` takes the library's syntax trees from it.
set_tests_properties(frontend_differential_smoke PROPERTIES
  TIMEOUT 480 LABELS fuzz SKIP_RETURN_CODE 77
  ENVIRONMENT "GOJITCACHE=${CMAKE_BINARY_DIR}/test-cache")
