#!/usr/bin/env bash
# Regenerates the goldens of testdata/ from the reference Go toolchain (`go` on PATH,
# Go 1.26, the Go project's install). Goldens are never written by hand: edit a program, run this,
# review the diff.
#
#   testdata/regen.sh            # every run/ and fail/ program
#   testdata/regen.sh run/fib.go # just these
#
# run/NAME.go  -> run/NAME.out (stdout), run/NAME.stderr (stderr, only if non-empty);
#                 the program must exit 0.
# fail/NAME.go -> fail/NAME.out (stdout, only if non-empty) and fail/NAME.err (the
#                 first line `go run` prints on stderr); the exit status of the built
#                 program must equal the `// exitcode: N` header of NAME.go.
# errors/ and bad/ expectations are written by hand and checked against `go build` by
# the differential tests in golden_test.cc.
set -euo pipefail
cd "$(dirname "$0")"
command -v go >/dev/null || { echo "regen.sh: no go on PATH" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

shopt -s nullglob
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  files=(run/*.go fail/*.go)
fi

for f in "${files[@]}"; do
  dir=$(dirname "$f")
  name=$(basename "$f" .go)
  ( cd "$dir" && go build -o "$tmp/$name" "$name.go" )
  set +e
  ( cd "$dir" && timeout 60 "$tmp/$name" >"$tmp/stdout" 2>"$tmp/stderr" )
  rc=$?
  set -e
  case "$dir" in
    run)
      if [ $rc -ne 0 ]; then echo "$f: exit status $rc, want 0" >&2; exit 1; fi
      cp "$tmp/stdout" "run/$name.out"
      if [ -s "$tmp/stderr" ]; then cp "$tmp/stderr" "run/$name.stderr"; else rm -f "run/$name.stderr"; fi
      ;;
    fail)
      want=$(sed -n 's|^// exitcode: \([0-9]*\)$|\1|p' "$f" | head -n1)
      if [ -z "$want" ]; then echo "$f: no '// exitcode: N' line" >&2; exit 1; fi
      if [ "$rc" != "$want" ]; then echo "$f: exit status $rc, header says $want" >&2; exit 1; fi
      # `go run` prints the program's stderr, then "exit status N" for N != 0.
      echo "exit status $rc" >>"$tmp/stderr"
      head -n1 "$tmp/stderr" >"fail/$name.err"
      if [ -s "$tmp/stdout" ]; then cp "$tmp/stdout" "fail/$name.out"; else rm -f "fail/$name.out"; fi
      ;;
    *) echo "$f: not under run/ or fail/" >&2; exit 1 ;;
  esac
  echo "regenerated $f"
done
