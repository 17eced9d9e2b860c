// bench: pidigits: digits of pi by the unbounded spigot algorithm on math/big
// integers (Benchmarks Game), printed ten to a line.
// quick: 300

package main

import (
	"fmt"
	"math/big"
	"os"
	"strconv"
)

const defaultN = 5000 // size: digits (os.Args[1] overrides)

func main() {
	n := defaultN
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	numer, accum, denom := big.NewInt(1), big.NewInt(0), big.NewInt(1)
	tmp1, tmp2 := new(big.Int), new(big.Int)
	extract := func(nth int64) int64 {
		tmp1.Mul(numer, big.NewInt(nth))
		tmp2.Add(tmp1, accum)
		tmp1.Quo(tmp2, denom)
		return tmp1.Int64()
	}
	line := make([]byte, 0, 10)
	k := int64(0)
	for i := 0; i < n; {
		k++
		k2 := k*2 + 1
		accum.Add(accum, tmp1.Lsh(numer, 1))
		accum.Mul(accum, big.NewInt(k2))
		denom.Mul(denom, big.NewInt(k2))
		numer.Mul(numer, big.NewInt(k))
		if numer.Cmp(accum) > 0 {
			continue
		}
		d := extract(3)
		if d != extract(4) {
			continue
		}
		line = append(line, byte('0'+d))
		i++
		if len(line) == 10 || i == n {
			fmt.Printf("%-10s\t:%d\n", line, i)
			line = line[:0]
		}
		accum.Sub(accum, tmp1.Mul(denom, big.NewInt(d)))
		accum.Mul(accum, big.NewInt(10))
		numer.Mul(numer, big.NewInt(10))
	}
}
