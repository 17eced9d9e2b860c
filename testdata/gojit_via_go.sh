#!/usr/bin/env bash
# A stand-in for gojit built from the reference Go toolchain, to check the harness
# itself: GOJIT_BIN=testdata/gojit_via_go.sh build/testdata/golden_test
# It behaves as gojit is specified to: `gojit run [flags] file.go... [-- args]`; the
# program's own exit code, with go run's "exit status N" line on stderr; 2 for a
# panic; 1 for any compile error or bad input, with go run's messages.
set -uo pipefail
[ "${1:-}" = run ] || { echo "usage: gojit_via_go.sh run [flags] file.go... [-- args]" >&2; exit 2; }
shift
files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --) shift; break ;;
    -*) shift ;;
    *) files+=("$1"); shift ;;
  esac
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! go build -o "$tmp/prog" "${files[@]}" 2>/dev/null || [ ! -x "$tmp/prog" ]; then
  go run "${files[@]}" >/dev/null  # go run's own wording of the failure
  exit 1
fi
"$tmp/prog" "$@"
rc=$?
[ $rc -ne 0 ] && echo "exit status $rc" >&2
exit $rc
