#!/usr/bin/env bash
# with_stdin.sh TEXT CMD ARGS...: runs CMD ARGS with TEXT (printf %b escapes such as
# \n expanded) on its standard input, and exits with CMD's status. For CLI tests of
# programs that read os.Stdin (testdata/cli/CMakeLists.txt).
set -u
text=$1
shift
printf '%b' "$text" | "$@"
