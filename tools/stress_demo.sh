#!/usr/bin/env bash
# stress_demo.sh GOJIT PROGRAM RUNS: runs the tight-loop demo RUNS times on each of
# GOMAXPROCS=1 and 2 (async preemption on); every run must finish (10 s each) with
# the expected last line.
set -u
gojit=$1
prog=$2
runs=$3
for procs in 1 2; do
  for ((i = 1; i <= runs; i++)); do
    out=$(GOMAXPROCS=$procs timeout 10 "$gojit" run "$prog" 2>&1)
    rc=$?
    if [ $rc -ne 0 ] || [ "$(tail -1 <<<"$out")" != "runtime.GC returned" ]; then
      echo "run $i with GOMAXPROCS=$procs failed (exit $rc):" >&2
      echo "$out" >&2
      exit 1
    fi
  done
done
echo "$((2 * runs)) runs passed"
