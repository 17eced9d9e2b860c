// run

// math/rand's top-level functions on the shared source after rand.Seed: the same
// seed gives gc's sequence exactly (Int63, Intn, Int31n, Int63n, Uint32, Uint64,
// Float64, Float32, Perm, Shuffle, Read), and reseeding restarts it.

package main

import (
	"fmt"
	"math/rand"
)

func draw() {
	fmt.Println("Int63", rand.Int63(), rand.Int63())
	fmt.Println("Int", rand.Int())
	fmt.Println("Int31", rand.Int31())
	fmt.Println("Intn", rand.Intn(10), rand.Intn(1000), rand.Intn(1<<40), rand.Intn(1))
	fmt.Println("Int31n", rand.Int31n(7), rand.Int31n(1<<20))
	fmt.Println("Int63n", rand.Int63n(1e18), rand.Int63n(64))
	fmt.Println("Uint32", rand.Uint32())
	fmt.Println("Uint64", rand.Uint64())
	fmt.Println("Float64", rand.Float64())
	fmt.Println("Float32", rand.Float32())
	fmt.Println("Perm", rand.Perm(10), rand.Perm(0))
	words := []string{"a", "b", "c", "d", "e", "f", "g", "h"}
	rand.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	fmt.Println("Shuffle", words)
	buf := make([]byte, 11)
	n, err := rand.Read(buf)
	fmt.Println("Read", n, err, buf)
	fmt.Printf("NormFloat64 %.12f ExpFloat64 %.12f\n", rand.NormFloat64(), rand.ExpFloat64())
}

func main() {
	rand.Seed(7)
	draw()
	rand.Seed(7)
	a := rand.Int63()
	rand.Seed(7)
	fmt.Println("reseeded", a == rand.Int63())
	// Seeds equal modulo 2^31-1 give the same sequence; 0 is a seed of its own.
	rand.Seed(5)
	b := rand.Int63()
	rand.Seed(5 + (1<<31 - 1))
	fmt.Println("mod 2^31-1", b == rand.Int63())
	rand.Seed(0)
	fmt.Println("seed 0", rand.Intn(1000000))
	rand.Seed(-3)
	fmt.Println("seed -3", rand.Intn(1000000))
	rand.Seed(1)
	draw()
}
