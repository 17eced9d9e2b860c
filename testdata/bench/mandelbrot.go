// bench: mandelbrot: float64 escape-time loop; prints a checksum of the bitmap
// (Benchmarks Game, without the PBM output).
// quick: 200
// variant: polled --safepoints=loops

package main

import (
	"fmt"
	"os"
	"strconv"
)

const defaultN = 4000 // size: image width and height (os.Args[1] overrides)

const iterations = 50

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
	rowBytes := (n + 7) / 8
	row := make([]byte, rowBytes)
	var sum uint32 = 0
	set := 0
	for y := 0; y < n; y++ {
		ci := 2*float64(y)/float64(n) - 1
		for i := range row {
			row[i] = 0
		}
		for x := 0; x < n; x++ {
			cr := 2*float64(x)/float64(n) - 1.5
			zr, zi, tr, ti := 0.0, 0.0, 0.0, 0.0
			k := 0
			for ; k < iterations && tr+ti <= 4; k++ {
				zi = 2*zr*zi + ci
				zr = tr - ti + cr
				tr = zr * zr
				ti = zi * zi
			}
			if tr+ti <= 4 {
				row[x/8] |= 0x80 >> uint(x%8)
				set++
			}
		}
		for _, b := range row {
			sum = sum*31 + uint32(b)
		}
	}
	fmt.Printf("mandelbrot %dx%d: %d points in the set, checksum %08x\n", n, n, set, sum)
}
