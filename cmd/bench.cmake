# cmd/bench.cmake: gojit-bench, the benchmark driver over testdata/bench/ (gojit
# against gc and gccgo), and its two ctest checks. Included from cmd/CMakeLists.txt.
#
# The driver links no gojit library: it measures the gojit binary through its command
# line. Benchmarks are measured, not asserted: ctest only checks that the suite is
# readable (--list) and that gojit's output agrees with gc's on one tiny benchmark.
add_executable(gojit-bench
  ${CMAKE_CURRENT_LIST_DIR}/bench.cc
  ${CMAKE_CURRENT_LIST_DIR}/bench_proc.cc
  ${CMAKE_CURRENT_LIST_DIR}/bench_report.cc
  ${CMAKE_CURRENT_LIST_DIR}/bench_suite.cc)
target_link_libraries(gojit-bench PRIVATE
  absl::flags absl::flags_parse absl::strings absl::str_format)
target_compile_definitions(gojit-bench PRIVATE
  GOJIT_BINARY="$<TARGET_FILE:gojit>"
  GOJIT_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
add_dependencies(gojit-bench gojit)

add_test(NAME bench_list COMMAND gojit-bench --list)
set_tests_properties(bench_list PROPERTIES TIMEOUT 10 PASS_REGULAR_EXPRESSION "fib")

# Correctness only: gojit and gc agree on fib's quick size. Exit 77: no go installed.
add_test(NAME bench_quick_fib COMMAND gojit-bench --reps=1 --only=fib --quick --timeout=20)
# Three compilers (gojit cold, go build, gccgo) beside CI's other tests on 2 cores.
set_tests_properties(bench_quick_fib PROPERTIES TIMEOUT 120 SKIP_RETURN_CODE 77)
# The edit-run mode: gojit runs an edited copy (a new editStamp before every run)
# and must print what gc's binary prints.
add_test(NAME bench_quick_edit COMMAND gojit-bench --reps=2 --only=edit_fmt_time --quick --timeout=60)
set_tests_properties(bench_quick_edit PROPERTIES TIMEOUT 240 SKIP_RETURN_CODE 77)
