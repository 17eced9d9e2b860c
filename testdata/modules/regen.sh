#!/bin/bash
# Writes expected/*.out for every case of cases.txt from the reference go command.
# `build` becomes `build -o /dev/null`, which is what gojit's build is: nothing written;
# `test` runs with -count=1, as gojit test does not cache results.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$here/expected"
grep -v '^#' "$here/cases.txt" | while read -r name dir code cmd args; do
  [ "$cmd" = build ] && cmd="build -o /dev/null"
  # go test's results must not come from its cache ("(cached)").
  goflags=$(go env GOFLAGS)
  [ "$cmd" = test ] && goflags="$goflags -count=1"
  # shellcheck disable=SC2086
  GOFLAGS="$goflags" REGEN=1 bash "$here/check.sh" go "$name" "$dir" "$code" $cmd $args
done
