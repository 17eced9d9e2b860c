// A recursive kernel whose frames hold a loop (the safepoint lab's finding: a
// loop poll's slow path, an ordinary call, made LLVM spill the loop's vector
// registers around it, and main.deep's frame grew about 8x). The loop poll must
// leave the frame as it is without polls (cli_loop_polls_keep_frames compares).
package main

import (
	"fmt"
	"os"
)

//go:noinline
func deep(n int, xs []float64) float64 {
	if n == 0 {
		return 0
	}
	s := 0.0
	for i, x := range xs {
		s += x * float64(n+i)
	}
	return s + deep(n-1, xs)
}

func main() {
	xs := make([]float64, 60+len(os.Args)) // a length the compiler cannot see
	for i := range xs {
		xs[i] = float64(i) / 8
	}
	fmt.Println(deep(1000, xs))
}
