#!/usr/bin/env bash
# std_packages.sh: the standard packages gojit's tables cover, one per line: the
# words of $PACKAGES when set, else `go list std` without cmd/ and vendor/ and
# without the packages that need cgo (no Go files once cgo is off, as gojit builds).
# Used by std_table.sh and std_test_table.sh.
set -u
if [ -n "${PACKAGES:-}" ]; then
  printf '%s\n' $PACKAGES
else
  CGO_ENABLED=0 go list -e -f '{{if .GoFiles}}{{.ImportPath}}{{end}}' std 2>/dev/null |
    grep -v -E '^(cmd|vendor)/'
fi
