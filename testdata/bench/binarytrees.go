// bench: binary-trees: allocation of many small heap nodes (Benchmarks Game);
// reports its longest collector pause on stderr.
// quick: 6
// size-variant: 21 21 3

package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
)

const defaultN = 16 // size: maximum tree depth (os.Args[1] overrides)

type Node struct {
	left, right *Node
}

func bottomUp(depth int) *Node {
	if depth <= 0 {
		return &Node{}
	}
	return &Node{bottomUp(depth - 1), bottomUp(depth - 1)}
}

func (n *Node) check() int {
	if n.left == nil {
		return 1
	}
	return 1 + n.left.check() + n.right.check()
}

func size(def int) int {
	if len(os.Args) > 1 {
		if n, err := strconv.Atoi(os.Args[1]); err == nil {
			return n
		}
	}
	return def
}

func main() {
	n := size(defaultN)
	minDepth := 4
	maxDepth := n
	if minDepth+2 > n {
		maxDepth = minDepth + 2
	}
	stretch := maxDepth + 1
	fmt.Printf("stretch tree of depth %d\t check: %d\n", stretch, bottomUp(stretch).check())
	longLived := bottomUp(maxDepth)
	for depth := minDepth; depth <= maxDepth; depth += 2 {
		iterations := 1 << uint(maxDepth-depth+minDepth)
		check := 0
		for i := 0; i < iterations; i++ {
			check += bottomUp(depth).check()
		}
		fmt.Printf("%d\t trees of depth %d\t check: %d\n", iterations, depth, check)
	}
	fmt.Printf("long lived tree of depth %d\t check: %d\n", maxDepth, longLived.check())
	reportLongestPause()
}

// reportLongestPause writes the longest collector pause of the run to stderr,
// for the benchmark driver: the largest of the last 256 cycles' PauseNs.
func reportLongestPause() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	cycles := int(ms.NumGC)
	if cycles > len(ms.PauseNs) {
		cycles = len(ms.PauseNs)
	}
	var longest uint64
	for _, ns := range ms.PauseNs[:cycles] {
		if ns > longest { // no max builtin: gccgo-12 speaks Go 1.18
			longest = ns
		}
	}
	fmt.Fprintln(os.Stderr, "bench: longest-gc-pause-ns", longest)
}
