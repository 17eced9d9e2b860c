// run

// math/rand's generator: a Rand on a seeded source gives gc's sequence exactly
// (Int63, Intn, Int31n, Int63n, Uint32, Uint64, Float64, Float32, Perm, Shuffle,
// Read), and reseeding restarts it. The top-level functions draw from a randomly
// seeded source that rand.Seed no longer changes (Go 1.24: Seed is a no-op).

package main

import (
	"fmt"
	"math/rand"
)

func draw(r *rand.Rand) {
	fmt.Println("Int63", r.Int63(), r.Int63())
	fmt.Println("Int", r.Int())
	fmt.Println("Int31", r.Int31())
	fmt.Println("Intn", r.Intn(10), r.Intn(1000), r.Intn(1<<40), r.Intn(1))
	fmt.Println("Int31n", r.Int31n(7), r.Int31n(1<<20))
	fmt.Println("Int63n", r.Int63n(1e18), r.Int63n(64))
	fmt.Println("Uint32", r.Uint32())
	fmt.Println("Uint64", r.Uint64())
	fmt.Println("Float64", r.Float64())
	fmt.Println("Float32", r.Float32())
	fmt.Println("Perm", r.Perm(10), r.Perm(0))
	words := []string{"a", "b", "c", "d", "e", "f", "g", "h"}
	r.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	fmt.Println("Shuffle", words)
	buf := make([]byte, 11)
	n, err := r.Read(buf)
	fmt.Println("Read", n, err, buf)
	fmt.Printf("NormFloat64 %.12f ExpFloat64 %.12f\n", r.NormFloat64(), r.ExpFloat64())
}

func main() {
	r := rand.New(rand.NewSource(7))
	draw(r)
	r.Seed(7)
	a := r.Int63()
	r.Seed(7)
	fmt.Println("reseeded", a == r.Int63())
	// Seeds equal modulo 2^31-1 give the same sequence; 0 is a seed of its own.
	r.Seed(5)
	b := r.Int63()
	r.Seed(5 + (1<<31 - 1))
	fmt.Println("mod 2^31-1", b == r.Int63())
	r.Seed(0)
	fmt.Println("seed 0", r.Intn(1000000))
	r.Seed(-3)
	fmt.Println("seed -3", r.Intn(1000000))
	draw(rand.New(rand.NewSource(1)))

	// The top-level functions: rand.Seed is a no-op, so two draws after the same
	// Seed differ (one chance in 2^63 that they do not), and values stay in range.
	rand.Seed(7)
	x := rand.Int63()
	rand.Seed(7)
	fmt.Println("Seed is a no-op:", x != rand.Int63())
	inRange := true
	for i := 0; i < 1000; i++ {
		if n := rand.Intn(10); n < 0 || n >= 10 {
			inRange = false
		}
		if f := rand.Float64(); f < 0 || f >= 1 {
			inRange = false
		}
	}
	fmt.Println("in range:", inRange, len(rand.Perm(5)))
}
