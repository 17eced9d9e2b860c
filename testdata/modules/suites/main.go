// Real third-party modules whose own test suites gojit test runs (cases.txt:
// suite_*), compared with go test: the imports keep them in go.mod.
package main

import (
	_ "github.com/kr/text"
	_ "github.com/mattn/go-runewidth"
	_ "github.com/rivo/uniseg"
	_ "golang.org/x/exp/maps"
)

func main() {}
