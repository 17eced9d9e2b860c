#!/usr/bin/env bash
# std_table.sh GOJIT > table.md: whether gojit compiles each package of the
# reference Go's standard library, as a Markdown table (the standard library
# issue's table; docs/std-packages.md holds the last run, README.md its summary).
#
# The packages are `go list std` without cmd/ and vendor/ and without those that
# need cgo (no Go files once cgo is off, as gojit builds). "Compiles" is `gojit
# build PKG` exiting 0: the package and everything it imports type-checked, and
# every function of the package (not only what a program reaches) lowered to LLVM
# IR that LLVM's verifier accepts. For a package that does not, the table shows
# the first line gojit printed, with GOROOT shortened to $GOROOT.
#
# JOBS (default 2) packages are built at once; each gets TIMEOUT seconds (300).
# PACKAGES="a b ..." builds only those (ctest's std_build_subset). The exit
# status is 1 when any package does not compile.
set -u
gojit=$(realpath "${1:?usage: std_table.sh GOJIT > table.md}") || exit 1
jobs=${JOBS:-2}
limit=${TIMEOUT:-300}
goroot=$(go env GOROOT) || exit 1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bash "$(dirname "$0")/std_packages.sh" > "$work/packages"

# One package: writes "rc<TAB>first line of output" to $work/<n>.
build_one() {
  local pkg=$1 out
  out=$(cd "$work" && timeout "$limit" "$gojit" build "$pkg" 2>&1)
  local rc=$?
  # The first line that says something: not go build's "# pkg" header.
  local first
  first=$(printf '%s\n' "$out" | grep -v -m1 '^# ')
  [ $rc -eq 124 ] && first="timed out after ${limit}s"
  printf '%s\t%s\n' "$rc" "${first//$goroot/\$GOROOT}" > "$work/$(echo "$pkg" | tr / _).result"
}
export -f build_one
export gojit work limit goroot
xargs -P "$jobs" -I{} bash -c 'build_one {}' < "$work/packages"

total=0
ok=0
rows=""
while read -r pkg; do
  total=$((total + 1))
  IFS=$'\t' read -r rc first < "$work/$(echo "$pkg" | tr / _).result"
  if [ "$rc" = 0 ]; then
    ok=$((ok + 1))
    rows+="| \`$pkg\` | yes | |"$'\n'
  else
    first=${first//|/\\|}
    rows+="| \`$pkg\` | **no** | ${first:0:160} |"$'\n'
  fi
done < "$work/packages"

echo "gojit compiles $ok of $total packages ($((ok * 1000 / total / 10)).$((ok * 1000 / total % 10))%) of $(go version | cut -d' ' -f3)'s standard library (\`tools/std_table.sh\`, $(date -u +%Y-%m-%d))."
echo
echo "| package | compiles | first error |"
echo "|---|---|---|"
printf '%s' "$rows"
[ "$ok" = "$total" ]
