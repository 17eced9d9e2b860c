#!/usr/bin/env bash
# signal_wait_test.sh GOJIT PROG: runs PROG, which prints "ready" once it waits for
# SIGINT through os/signal; sends SIGINT then and expects "got interrupt" and exit 0.
set -u
gojit=$1 prog=$2
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$gojit" run "$prog" >"$out" 2>&1 &
pid=$!
for _ in $(seq 600); do
  grep -q '^ready$' "$out" && break
  sleep 0.1
done
sleep 0.2  # the receiving goroutine is asleep by now (not needed for correctness)
kill -INT "$pid"
wait "$pid"
rc=$?
if [[ $rc -ne 0 ]] || ! grep -q '^got interrupt$' "$out"; then
  echo "exit $rc, output:" >&2
  cat "$out" >&2
  exit 1
fi
