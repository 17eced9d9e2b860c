#!/usr/bin/env bash
# tools/demo.sh: the Go 1.13 vs 1.14 tight-loop example (testdata/run/tightloop_demo.go)
# run both ways, one after the other: with async preemption it prints 1 2 3 and
# finishes; with GODEBUG=asyncpreemptoff=1 it hangs in runtime.GC as Go 1.13 did,
# the watchdog explains the hang after a second, and the demo stops it after 3 s.
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/.."
gojit=${GOJIT:-build/cmd/gojit}
prog=testdata/run/tightloop_demo.go
echo "== async preemption on (Go 1.14 and later; gojit's default) =="
"$gojit" run "$prog"
echo
echo "== GODEBUG=asyncpreemptoff=1 (Go 1.13): hangs; the demo stops it after 3 s =="
GODEBUG=asyncpreemptoff=1 timeout 3 "$gojit" run "$prog"
if [ $? -eq 124 ]; then echo "(still hung after 3 s: stopped by timeout)"; fi
