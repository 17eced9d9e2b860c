#!/usr/bin/env bash
# check_stack_usage.sh LIMIT DIR...: the C++ code that runs on goroutine stacks
# (runtime entry points, stdlib natives) has no prologue check, so its frames must
# stay well inside the kStackGuard (16 KiB) headroom below the last Go frame
# (runtime/README.md, "Stacks"). Reads the .su files gcc writes with -fstack-usage
# under each DIR and fails if any function's frame exceeds LIMIT bytes or is
# unboundedly dynamic (alloca/VLA); prints the largest frames either way.
set -u
limit=$1
shift
files=$(find "$@" -name '*.su' 2>/dev/null)
if [ -z "$files" ]; then
  echo "no .su files under $* (built without -fstack-usage?)" >&2
  exit 1
fi
# Each line: file:line:col:function<TAB>bytes<TAB>static|dynamic|dynamic,bounded
cat $files | sort -t$'\t' -k2,2 -n -r | head -5
bad=$(cat $files | awk -F'\t' -v lim="$limit" '$2 > lim || $3 == "dynamic"')
if [ -n "$bad" ]; then
  echo "frames over $limit bytes or unbounded:" >&2
  echo "$bad" >&2
  exit 1
fi
