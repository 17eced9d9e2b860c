#!/usr/bin/env bash
# std_test_table.sh GOJIT > table.md: the standard library's own tests under
# `gojit test -short`, one row per package, as a Markdown table (the packages
# issue's yardstick; docs/std-tests.md holds the last run, README.md its summary).
#
# The packages are `go list std` without cmd/, vendor/ and what needs cgo, as in
# tools/std_table.sh; PACKAGES="a b ..." runs only those. Each package is run as
# `gojit test -short -v PKG` (TIMEOUT seconds each, 900 by default; JOBS at once,
# default 1, since each compile uses every core). A row gives the result as go test
# states it (ok, FAIL, build failed, setup failed, no test files, or timed out),
# the top-level tests that passed, failed and were skipped, and the first failing
# test or the first error line, with GOROOT shortened to $GOROOT.
# The exit status is 0 whatever the results: the table is the output.
set -u
gojit=$(realpath "${1:?usage: std_test_table.sh GOJIT > table.md}") || exit 1
jobs=${JOBS:-1}
limit=${TIMEOUT:-900}
goroot=$(go env GOROOT) || exit 1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bash "$(dirname "$0")/std_packages.sh" > "$work/packages"

# One package: writes "result<TAB>passed<TAB>failed<TAB>skipped<TAB>note" to
# $work/<pkg>.result.
test_one() {
  local pkg=$1 file
  file="$work/$(echo "$pkg" | tr / _)"
  (cd "$work" && timeout "$limit" "$gojit" test -short -v -timeout="${limit}s" "$pkg") > "$file.out" 2>&1
  local rc=$?
  local passed failed skipped result note
  passed=$(grep -c '^--- PASS' "$file.out")
  failed=$(grep -c '^--- FAIL' "$file.out")
  skipped=$(grep -c '^--- SKIP' "$file.out")
  note=$(grep -m1 '^--- FAIL' "$file.out" | sed 's/^--- FAIL: //; s/ (.*//')
  if [ $rc -eq 124 ]; then
    result="timed out"
  elif grep -q '\[build failed\]' "$file.out"; then
    result="build failed"
  elif grep -q '\[setup failed\]' "$file.out"; then
    result="setup failed"
  elif grep -q '\[no test files\]' "$file.out"; then
    result="no test files"
  elif [ $rc -eq 0 ]; then
    result="ok"
  else
    result="FAIL"
  fi
  if [ -z "$note" ] && [ "$result" != ok ] && [ "$result" != "no test files" ]; then
    # The first line that says something: not a "# pkg" header, not a test line.
    note=$(grep -v -E -m1 '^(# |=== |--- |FAIL|ok|\s*$)' "$file.out")
  fi
  note=${note//$goroot/\$GOROOT}
  printf '%s\t%s\t%s\t%s\t%s\n' "$result" "$passed" "$failed" "$skipped" "${note:0:160}" > "$file.result"
}
export -f test_one
export gojit work limit goroot
xargs -P "$jobs" -I{} bash -c 'test_one {}' < "$work/packages"

total=0
ok=0
rows=""
while read -r pkg; do
  IFS=$'\t' read -r result passed failed skipped note < "$work/$(echo "$pkg" | tr / _).result"
  [ "$result" = "no test files" ] || total=$((total + 1))
  [ "$result" = ok ] && ok=$((ok + 1))
  note=${note//|/\\|}
  shown=$result
  [ "$result" = ok ] || [ "$result" = "no test files" ] || shown="**$result**"
  rows+="| \`$pkg\` | $shown | $passed | $failed | $skipped | $note |"$'\n'
done < "$work/packages"

echo "$ok of $total packages with tests pass all their tests under \`gojit test -short\` ($(go version | cut -d' ' -f3)'s standard library, \`tools/std_test_table.sh\`, $(date -u +%Y-%m-%d))."
echo
echo "| package | result | passed | failed | skipped | first failure or error |"
echo "|---|---|---|---|---|---|"
printf '%s' "$rows"
