#!/bin/bash
# Prints the stack frame size (bytes; the prologue's `subq $N, %rsp`, plus the
# pushes) of one function of a Go program as gojit compiles it.
#
#   tools/frame_size.sh GOJIT FUNC PROGRAM.go [gojit flags...]
# e.g. tools/frame_size.sh build/cmd/gojit main.deep testdata/cli/recursive_loop_kernel.go --safepoints=loops
set -eu
gojit=$1 func=$2 program=$3
shift 3
"$gojit" run --emit=asm "$@" "$program" | awk -v f="$func" '
  $0 == f ":" { inside = 1; pushes = 0; next }
  inside && /^[^ \t.]/ { exit }
  inside && /^\t(pushq|push)\t/ { pushes++ }
  inside && /^\tsubq\t\$[0-9]+, %rsp/ { n = $2; sub(/^\$/, "", n); sub(/,$/, "", n); print n + 8 * pushes; found = 1; exit }
  END { if (!found) print 8 * pushes }'
