#!/usr/bin/env bash
# sigquit_test.sh GOJIT PROGRAM: runs PROGRAM (which prints "ready" and then blocks),
# sends it SIGQUIT, and passes when it exits 2 with gc's dump: "SIGQUIT: quit",
# a "PC=... m=N sigcode=0" line, main asleep, the goroutine blocked in a channel
# receive with its "created by" line, and the register dump.
set -u
gojit=$1
prog=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkfifo "$dir/out"
"$gojit" run "$prog" >"$dir/out" 2>"$dir/err" &
pid=$!
exec 3<"$dir/out"
if ! read -r -t 60 line <&3 || [ "$line" != ready ]; then
  echo "program did not print ready (got '${line:-}')" >&2
  kill -9 $pid 2>/dev/null
  exit 1
fi
kill -QUIT $pid
wait $pid
rc=$?
fail=0
[ $rc -eq 2 ] || { echo "exit code $rc, want 2" >&2; fail=1; }
for re in '^SIGQUIT: quit$' '^PC=0x[0-9a-f]+ m=[0-9]+ sigcode=0$' \
          '^goroutine [0-9]+ \[chan receive\]:$' '^created by main\.main$' \
          '^goroutine 1 \[sleep\]:$' '^rip    0x[0-9a-f]+$'; do
  grep -Eq -- "$re" "$dir/err" || { echo "stderr has no line matching /$re/" >&2; fail=1; }
done
[ $fail -eq 0 ] || { echo "stderr was:" >&2; cat "$dir/err" >&2; }
exit $fail
