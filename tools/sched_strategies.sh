#!/bin/bash
# Compares --sched's pick strategies on testdata/sched's buggy programs: for each
# program, how many of seeds 1..N fail (uniform picks, and PCT of depth 1 to 3
# with the default horizon), and which run `--sched=explore:1000` stops at
# (uniform, and PCT of depth 2 with explore's measured horizon). Prints a
# Markdown table (the README's, "Deterministic schedules").
#
#   tools/sched_strategies.sh build/cmd/gojit [N]
set -u
gojit=$1 seeds=${2:-100}
dir=$(dirname "$0")/../testdata/sched
failing() {  # program strategy -> failing seeds of 1..N
  local f=0
  for s in $(seq 1 "$seeds"); do
    "$gojit" run --sched=seed:"$s$2" "$1" > /dev/null 2>&1 < /dev/null || f=$((f + 1))
  done
  echo "$f"
}
first_run() {  # program strategy -> the run explore:1000 stops at, or "none"
  local line
  line=$("$gojit" run --sched=explore:1000"$2" "$1" 2>&1 < /dev/null | grep -E '^gojit: --sched=explore' | head -1)
  echo "$line" | sed -nE 's/.*\(run ([0-9]+) of 1000\).*/\1/p' | grep . || echo none
}
echo "| program | uniform | pct:1 | pct:2 | pct:3 | explore, uniform | explore, pct:2 |"
echo "|---|---|---|---|---|---|---|"
for p in check_then_act lock_order bounded_queue; do
  f=$dir/$p.go
  echo "| $p | $(failing "$f" "")/$seeds | $(failing "$f" ,pct:1)/$seeds | $(failing "$f" ,pct:2)/$seeds | $(failing "$f" ,pct:3)/$seeds | run $(first_run "$f" "") | run $(first_run "$f" ,pct:2) |"
done
