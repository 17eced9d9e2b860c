#!/bin/bash
# Checks of deterministic schedules (gojit run --sched; runtime/deterministic_sched.h).
#
#   check.sh GOJIT explore-finds PROGRAM REGEX [STRATEGY]
#       --sched=explore:1000[STRATEGY] (e.g. ",pct:1") stops at a failing run whose
#       output matches REGEX and names its seed; the --sched value it reports then
#       prints that same output, exit status included, 100 times out of 100.
#   check.sh GOJIT explore-passes PROGRAM
#       --sched=explore:50 of a correct program: every run alike, exit 0.
#   check.sh GOJIT record-replay PROGRAM EDIT [PREFIX]
#       a recorded run (--sched=PREFIXrecord:FILE, e.g. PREFIX "pct:2,") is
#       replayed 100 times with identical output; the program edited by the sed
#       expression EDIT replays into a reported divergence.
#   check.sh GOJIT replay-inputs PROGRAM
#       a run recorded with lines on stdin is replayed 20 times with stdin empty:
#       the recording's inputs (stdin, crypto/rand) give identical output.
#   check.sh GOJIT seeds PROGRAM
#       the same seed twice gives the same output; seeds 1..10 give more than one.
#   check.sh GOJIT golden PROGRAM SEED
#       --sched=seed:SEED prints PROGRAM's .out file.
set -u
gojit=$1 what=$2 program=$3
shift 3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

run_seed() {  # seed or --sched value -> $tmp/seed.out (stdout and stderr), status in $?
  local value=$1
  case $value in *:*) ;; *) value=seed:$value ;; esac
  "$gojit" run --sched="$value" "$program" > "$tmp/seed.out" 2>&1 < /dev/null
}

case $what in
explore-finds)
  regex=$1 strategy=${2:-}
  "$gojit" run --sched=explore:1000$strategy "$program" > "$tmp/explore.out" 2>&1 < /dev/null
  status=$?
  [ $status -ne 0 ] || fail "explore:1000$strategy found nothing (status 0)"
  grep -Eq "$regex" "$tmp/explore.out" || { cat "$tmp/explore.out"; fail "no line matches $regex"; }
  grep -Eq "^gojit: --sched=explore:1000$strategy: seed [0-9]+ " "$tmp/explore.out" ||
    { cat "$tmp/explore.out"; fail "no seed reported"; }
  # The reproduction command's --sched value (seed:N, with pct:D,steps:K under PCT).
  seed=$(tail -1 "$tmp/explore.out" | sed -nE 's/.* --sched=([^ ]+) .*/\1/p')
  [ -n "$seed" ] || { cat "$tmp/explore.out"; fail "no reproduction command"; }
  # The failing run's own output: what precedes explore's two report lines.
  head -n -2 "$tmp/explore.out" > "$tmp/want"
  for i in $(seq 1 100); do
    run_seed "$seed"
    got=$?
    [ $got -eq $status ] || fail "seed $seed run $i: status $got, explore's run $status"
    cmp -s "$tmp/want" "$tmp/seed.out" || { diff "$tmp/want" "$tmp/seed.out"; fail "seed $seed run $i differs"; }
  done
  echo "seed $seed reproduced 100 of 100 times"
  ;;
explore-passes)
  "$gojit" run --sched=explore:50 "$program" > "$tmp/explore.out" 2>&1 < /dev/null ||
    { cat "$tmp/explore.out"; fail "explore:50 failed"; }
  grep -q "every run (seeds 1 to 50) exited 0 with the same output" "$tmp/explore.out" ||
    { cat "$tmp/explore.out"; fail "no summary line"; }
  ;;
record-replay)
  edit=$1 prefix=${2:-}
  "$gojit" run --sched="${prefix}record:$tmp/rec" "$program" > "$tmp/want" 2>&1 < /dev/null ||
    fail "the recorded run failed"
  head -1 "$tmp/rec" | grep -Eq '^gojit-sched 1 seed=[0-9]+( pct=[0-9]+)?$' || fail "no recording header"
  [ "$(wc -l < "$tmp/rec")" -gt 10 ] || fail "fewer than 10 decisions recorded"
  for i in $(seq 1 100); do
    "$gojit" run --sched=replay:"$tmp/rec" "$program" > "$tmp/got" 2>&1 < /dev/null ||
      fail "replay $i failed"
    cmp -s "$tmp/want" "$tmp/got" || { diff "$tmp/want" "$tmp/got"; fail "replay $i differs"; }
  done
  sed -e "$edit" "$program" > "$tmp/edited.go"
  cmp -s "$program" "$tmp/edited.go" && fail "the edit changed nothing"
  "$gojit" run --sched=replay:"$tmp/rec" "$tmp/edited.go" > "$tmp/got" 2>&1 < /dev/null
  status=$?
  [ $status -eq 3 ] || { cat "$tmp/got"; fail "replay of the edited program: status $status, want 3"; }
  grep -Eq "^gojit: --sched=replay:.*: the run diverged at decision [0-9]+: recorded \"[a-z]+ [0-9]+ g?[0-9]+\", this run decides \"[a-z]+ [0-9]+\"" "$tmp/got" ||
    { cat "$tmp/got"; fail "no divergence report"; }
  echo "100 replays identical; the edit diverges"
  ;;
replay-inputs)
  printf 'alpha\nbeta\ngamma\ndelta\n' |
    "$gojit" run --sched=record:"$tmp/rec" "$program" > "$tmp/want" 2>&1 || fail "the recorded run failed"
  grep -q '^input 0 ' "$tmp/rec" || fail "stdin's reads not recorded"
  grep -q '^input -1 ' "$tmp/rec" || fail "getrandom's results not recorded"
  [ "$(wc -l < "$tmp/want")" -eq 4 ] || { cat "$tmp/want"; fail "want 4 lines of output"; }
  for i in $(seq 1 20); do
    "$gojit" run --sched=replay:"$tmp/rec" "$program" > "$tmp/got" 2>&1 < /dev/null || fail "replay $i failed"
    cmp -s "$tmp/want" "$tmp/got" || { diff "$tmp/want" "$tmp/got"; fail "replay $i differs"; }
  done
  # Without the recording the tokens are the kernel's: another output.
  printf 'alpha\nbeta\ngamma\ndelta\n' | "$gojit" run --sched=seed:1 "$program" > "$tmp/got" 2>&1
  cmp -s "$tmp/want" "$tmp/got" && fail "a fresh run printed the recorded tokens"
  echo "20 replays identical without the input"
  ;;
seeds)
  run_seed 7; cp "$tmp/seed.out" "$tmp/first"
  run_seed 7; cmp -s "$tmp/first" "$tmp/seed.out" || fail "seed 7 twice: outputs differ"
  for s in $(seq 1 10); do run_seed "$s"; md5sum < "$tmp/seed.out"; done | sort -u > "$tmp/sums"
  [ "$(wc -l < "$tmp/sums")" -gt 1 ] || fail "seeds 1..10 all gave the same output"
  ;;
golden)
  seed=$1
  run_seed "$seed"
  diff "${program%.go}.out" "$tmp/seed.out" || fail "output differs from ${program%.go}.out"
  ;;
*)
  fail "unknown check $what"
  ;;
esac
