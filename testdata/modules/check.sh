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
cd "$here/$dir" || exit 1
out=$("$tool" "$@" 2>&1)
code=$?
mask() {
  sed -e "s|$here|\$MODULES|g" -e "s|$repo|\$REPO|g" -e 's/pc=0x[0-9a-f]*/pc=PC/' -e 's/ +0x[0-9a-f]*$//' \
      -e '/^go: downloading /d'
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
