// run

// A package is named by its package clause, not its path: "math/rand/v2" is
// rand. Seeded generators give gc's sequences.

package main

import (
	"fmt"
	"math/rand/v2"
)

func main() {
	r := rand.New(rand.NewPCG(1, 2))
	fmt.Println(r.IntN(100), r.IntN(100), r.Uint64(), r.Float64())
	c := rand.New(rand.NewChaCha8([32]byte{7}))
	fmt.Println(c.IntN(1000), c.Perm(5))
	fmt.Println(rand.IntN(10) < 10, rand.N(int64(5)) < 5)
	s := []int{1, 2, 3, 4, 5}
	r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	fmt.Println(s)
}
