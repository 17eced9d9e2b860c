#!/usr/bin/env bash
# stress_gc.sh GOJIT RUNS PROGRAM...: runs each program RUNS times in a row; every
# run must exit 0 within 20 s with exactly the stdout of its golden PROGRAM.out
# (the collector's stress tests: a wrongly freed object shows as a crash, a
# corrupted value or a different checksum).
set -u
gojit=$1
runs=$2
shift 2
for prog in "$@"; do
  want="${prog%.go}.out"
  for ((i = 1; i <= runs; i++)); do
    out=$(timeout 20 "$gojit" run "$prog" 2>/tmp/stress_gc_err.$$)
    rc=$?
    if [ $rc -ne 0 ] || [ "$out" != "$(cat "$want")" ]; then
      echo "$(basename "$prog"): run $i failed (exit $rc):" >&2
      echo "$out" >&2
      cat /tmp/stress_gc_err.$$ >&2
      rm -f /tmp/stress_gc_err.$$
      exit 1
    fi
  done
  echo "$(basename "$prog"): $runs runs passed"
done
rm -f /tmp/stress_gc_err.$$
