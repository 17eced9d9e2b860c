#!/usr/bin/env bash
# check_output.sh REGEX CMD ARGS...: runs CMD and passes when it exits 0 and some line
# of its stdout matches the extended regular expression REGEX.
set -u
regex=$1
shift
out=$("$@")
rc=$?
if [ $rc -ne 0 ]; then
  echo "exit code $rc from: $*" >&2
  exit 1
fi
if ! grep -Eq -- "$regex" <<<"$out"; then
  echo "no line of the output matches /$regex/; output was:" >&2
  head -40 <<<"$out" >&2
  exit 1
fi
