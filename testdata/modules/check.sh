#!/bin/bash
# One module case of cases.txt: check.sh TOOL NAME DIR EXIT ARGS...
# Runs TOOL ARGS in DIR (relative to this directory) and compares its output,
# masked, with expected/NAME.out, and its exit status with EXIT. With
# REGEN=1 it writes expected/NAME.out instead (regen.sh runs it so with go).
set -u
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
tool=$1 name=$2 dir=$3 want=$4
shift 4
testing=$([ "${1:-}" = test ] && echo 1)
cd "$here/$dir" || exit 1
out=$("$tool" "$@" 2>&1)
code=$?
# Masks: paths, program counters and frame offsets; for tests, durations
# ("ok  \tp\t0.012s", "(0.00s)", JSON times), benchmark results, the CPU's name,
# and the frames of a panicking test's trace (gc prints argument words and
# testing's internals frame by frame: only the panic and the verdict are compared).
mask() {
  sed -E -e "s|$here|\$MODULES|g" -e "s|$repo|\$REPO|g" -e 's/pc=0x[0-9a-f]*/pc=PC/' -e 's/ \+0x[0-9a-f]*$//' \
      -e '/^go: downloading /d' \
      -e 's/\t[0-9]+\.[0-9]+s$/\tTIME/' -e 's/\\t[0-9]+\.[0-9]+s\\n"/\\tTIME\\n"/' \
      -e 's/\([0-9]+\.[0-9]+s\)/(TIME)/g' \
      -e 's/"Time":"[^"]*"/"Time":"T"/' -e 's/"Elapsed":[0-9.e+-]+/"Elapsed":E/' \
      -e 's/^(Benchmark[^ \t]*)[ \t].*$/\1 RESULT/' -e 's/^cpu: .*/cpu: CPU/' |
    awk -v tests="$testing" '
         tests && /^goroutine [0-9]+ \[/ { skipping = 1; print "goroutine N [...]:"; next }
         skipping && /^(FAIL|ok|exit status)/ { skipping = 0 }
         !skipping { print }'
}
if [ "${REGEN:-}" = 1 ]; then
  printf '%s\n' "$out" | mask > "$here/expected/$name.out"
  # go run exits 1 when the program failed, after "exit status N"; gojit exits N.
  last=$(printf '%s\n' "$out" | tail -n 1)
  [[ "$last" =~ ^exit\ status\ ([0-9]+)$ ]] && code=${BASH_REMATCH[1]}
  [ "$code" = "$want" ] || { echo "$name: go exited $code, cases.txt says $want"; exit 1; }
  exit 0
fi
if ! diff -u "$here/expected/$name.out" <(printf '%s\n' "$out" | mask); then
  echo "$name: output differs from go's (expected/$name.out)"
  exit 1
fi
[ "$code" = "$want" ] || { echo "$name: exit status $code, want $want"; exit 1; }
