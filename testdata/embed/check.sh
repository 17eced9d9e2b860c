#!/usr/bin/env bash
# testdata/embed/check.sh GOJIT: //go:embed beside the reference go command.
#   1. Each case of cases.txt (the format is at its top) runs as main.go in a
#      scratch directory under `go run` and `gojit run`: both must exit with the
#      same status and print the same stdout and stderr.
#   2. A module whose library package embeds a directory runs as `gojit run .`
#      and `go run .` with the same output; after an embedded file is edited, the
#      next run (from gojit's program cache otherwise) prints the new contents.
set -u
gojit=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
cases="$here/cases.txt"
command -v go >/dev/null || export PATH="/usr/local/go/bin:$PATH"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0

compare() {  # NAME DIR ARGS...: runs go and gojit with ARGS in DIR, compares
  local name=$1 dir=$2
  shift 2
  (cd "$dir" && go run "$@") > "$tmp/go.out" 2> "$tmp/go.err"
  local go_rc=$?
  (cd "$dir" && "$gojit" run "$@") > "$tmp/gojit.out" 2> "$tmp/gojit.err"
  local gojit_rc=$?
  if [ $go_rc != $gojit_rc ] || ! cmp -s "$tmp/go.err" "$tmp/gojit.err" || ! cmp -s "$tmp/go.out" "$tmp/gojit.out"; then
    echo "case $name: go exited $go_rc, gojit $gojit_rc"
    diff "$tmp/go.err" "$tmp/gojit.err" | head -10
    diff "$tmp/go.out" "$tmp/gojit.out" | head -10
    failed=1
  fi
}

names=$(sed -n 's/^== //p' "$cases")
[ -n "$names" ] || { echo "no cases in $cases"; exit 1; }
for name in $names; do
  dir="$tmp/$name"
  mkdir -p "$dir/dir" "$dir/empty/.hidden_only"
  echo a > "$dir/a.txt"
  echo b > "$dir/b.txt"
  echo c > "$dir/dir/c.txt"
  echo h > "$dir/empty/.hidden_only/h.txt"
  awk -v n="$name" '/^== /{on = ($2 == n); next} on' "$cases" > "$dir/main.go"
  compare "$name" "$dir" main.go
done

mod="$tmp/module"
mkdir -p "$mod/assets/static/css"
printf 'module example.com/site\n\ngo 1.26\n' > "$mod/go.mod"
echo "body { color: red }" > "$mod/assets/static/css/site.css"
echo "<h1>v1</h1>" > "$mod/assets/static/index.html"
cat > "$mod/assets/assets.go" <<'GO'
package assets

import "embed"

//go:embed static
var Files embed.FS

//go:embed static/index.html
var Index string
GO
cat > "$mod/main.go" <<'GO'
package main

import (
	"fmt"
	"io/fs"

	"example.com/site/assets"
)

func main() {
	fs.WalkDir(assets.Files, ".", func(p string, d fs.DirEntry, err error) error {
		fmt.Println(p, d.IsDir())
		return err
	})
	fmt.Print(assets.Index)
}
GO
compare module "$mod" .
echo "<h1>v2</h1>" > "$mod/assets/static/index.html"
if ! (cd "$mod" && "$gojit" run .) | grep -q '^<h1>v2</h1>$'; then
  echo "case module_edit: the edited embedded file was not seen"
  failed=1
fi
exit $failed
