#!/usr/bin/env bash
# check_runtime_readme.sh RUNTIME_DIR: fails when a source file of runtime/ (not a
# unit test) is missing from the file table of RUNTIME_DIR/README.md, or the table
# names a file that does not exist. A file counts as listed when it appears in
# backquotes in the first column of a table row.
set -u
dir=${1:?usage: check_runtime_readme.sh RUNTIME_DIR}
readme="$dir/README.md"
listed=$(grep '^| `' "$readme" | cut -d'|' -f2 | grep -o '`[^`]*`' | tr -d '`' | sort -u)
status=0
for path in "$dir"/*.cc "$dir"/*.h "$dir"/*.S "$dir"/*.def; do
  f=$(basename "$path")
  case "$f" in *_test.cc) continue ;; esac
  if ! grep -qxF "$f" <<<"$listed"; then
    echo "runtime/$f is not in runtime/README.md's file table"
    status=1
  fi
done
for f in $listed; do
  if [ ! -e "$dir/$f" ]; then
    echo "runtime/README.md's file table names $f, which does not exist"
    status=1
  fi
done
exit $status
