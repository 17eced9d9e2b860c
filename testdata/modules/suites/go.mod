module example.com/suites

go 1.26.0

require (
	github.com/kr/text v0.2.0
	github.com/mattn/go-runewidth v0.0.31
	github.com/rivo/uniseg v0.4.7
	golang.org/x/exp v0.0.0-20261121134650-e1094eeca1b5
)

require github.com/clipperhouse/uax29/v2 v2.2.0 // indirect
