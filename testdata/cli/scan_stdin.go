// Reads os.Stdin with bufio.Scanner: counts lines and words and echoes the last line;
// testdata/cli/CMakeLists.txt pipes text into it (the golden harness feeds no stdin).

package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	lines, words, last := 0, 0, ""
	for sc.Scan() {
		lines++
		words += len(strings.Fields(sc.Text()))
		last = sc.Text()
	}
	if err := sc.Err(); err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Printf("%d lines, %d words, last %q\n", lines, words, last)
}
