// bench: regexp: the regex-redux pattern set (Benchmarks Game) over a generated
// 2.5 MB DNA sequence: variant counts and IUB code replacements (Go's regexp).
// quick: 50000

package main

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
)

const defaultN = 250000 // size: tens of bases in the sequence (os.Args[1] overrides)

// A deterministic FASTA-like sequence of n*10 bases, lines of 60, with a header.
func sequence(n int) string {
	var b strings.Builder
	b.WriteString(">THREE Homo sapiens frequency\n")
	seed := uint32(42)
	col := 0
	for i := 0; i < n*10; i++ {
		seed = seed*1103515245 + 12345
		b.WriteByte("acgtacgtnacgt"[(seed>>16)%13])
		if col++; col == 60 {
			b.WriteByte('\n')
			col = 0
		}
	}
	b.WriteByte('\n')
	return b.String()
}

func main() {
	n := defaultN
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	in := sequence(n)
	clean := regexp.MustCompile(">.*\n|\n").ReplaceAllString(in, "")
	variants := []string{
		"agggtaaa|tttaccct",
		"[cgt]gggtaaa|tttaccc[acg]",
		"a[act]ggtaaa|tttacc[agt]t",
		"ag[act]gtaaa|tttac[agt]ct",
		"agg[act]taaa|ttta[agt]cct",
		"aggg[acg]aaa|ttt[cgt]ccct",
		"agggt[cgt]aa|tt[acg]accct",
		"agggta[cgt]a|t[acg]taccct",
		"agggtaa[cgt]|[acg]ttaccct",
	}
	for _, v := range variants {
		fmt.Println(v, len(regexp.MustCompile(v).FindAllStringIndex(clean, -1)))
	}
	replacements := []struct{ re, with string }{
		{"tHa[Nt]", "<4>"},
		{"aND|caN|Ha[DS]|WaS", "<3>"},
		{"a[NSt]|BY", "<2>"},
		{"<[^>]*>", "|"},
		{"\\|[^|][^|]*\\|", "-"},
		{"n", "<N>"},
	}
	out := clean
	for _, r := range replacements {
		out = regexp.MustCompile(r.re).ReplaceAllString(out, r.with)
	}
	fmt.Println(len(in), len(clean), len(out))
}
