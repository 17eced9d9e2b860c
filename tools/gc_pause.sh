#!/usr/bin/env bash
# gc_pause.sh GOJIT [MB]: the stop-the-world pause of a forced collection with MB
# (default 1024) of live heap, under gojit and under gc, from GODEBUG=gctrace=1:
# both collectors' pause is their two stop-the-world phases (the first and third
# clock times); gojit under GODEBUG=gcstoptheworld=1 (pass it in the environment)
# stops the world for the whole cycle (the sum of all three).
set -euo pipefail
gojit=$1
mb=${2:-1024}
prog=$(dirname "$0")/../testdata/bench/gcpause.go
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/gcpause" "$prog"
report() {  # NAME WHOLE_CYCLE: prints the forced cycles' pauses
  awk -v name="$1" -v whole="$2" '/\(forced\)$/ {
    split($5, t, "+"); p = whole ? t[1] + t[2] + t[3] : t[1] + t[3];
    printf "%s: forced gc %s pause %.2f ms (clock %s ms), heap %s MB\n", name, $2, p, $5, $11 }'
}
whole=0
case ",${GODEBUG:-}," in *,gcstoptheworld=1,*) whole=1 ;; esac
GODEBUG=gctrace=1${GODEBUG:+,$GODEBUG} "$gojit" run "$prog" "$mb" 2>&1 >/dev/null | report gojit $whole
GODEBUG=gctrace=1 "$tmp/gcpause" "$mb" 2>&1 >/dev/null | report gc 0
