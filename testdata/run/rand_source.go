// run

// A private generator, rand.New(rand.NewSource(42)), and its methods: gc's value
// streams for the integers, NormFloat64, ExpFloat64, Read (which keeps unused bytes
// of a draw for the next call), Zipf, and a Source written by the program.

package main

import (
	"fmt"
	"math/rand"
)

// counter is a Source that is not a Source64: Uint64 is made of two Int63 calls.
type counter struct{ n int64 }

func (c *counter) Int63() int64    { c.n += 0x123456789; return c.n & (1<<63 - 1) }
func (c *counter) Seed(seed int64) { c.n = seed }

func main() {
	r := rand.New(rand.NewSource(42))
	fmt.Println("Int63", r.Int63(), r.Int63())
	fmt.Println("Int31", r.Int31(), "Int", r.Int())
	fmt.Println("Int31n", r.Int31n(10), r.Int31n(1000), r.Int31n(1<<30), r.Int31n(1))
	fmt.Println("Int63n", r.Int63n(10), r.Int63n(1<<62+3))
	fmt.Println("Intn", r.Intn(6), r.Intn(6), r.Intn(6))
	fmt.Println("Uint32", r.Uint32(), r.Uint32())
	fmt.Println("Uint64", r.Uint64())
	for i := 0; i < 4; i++ {
		fmt.Printf("NormFloat64 %.15f ExpFloat64 %.15f\n", r.NormFloat64(), r.ExpFloat64())
	}
	fmt.Printf("Float64 %.17g Float32 %.9g\n", r.Float64(), r.Float32())
	fmt.Println("Perm", r.Perm(8))
	xs := []int{1, 2, 3, 4, 5, 6, 7, 8, 9}
	r.Shuffle(len(xs), func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
	fmt.Println("Shuffle", xs)

	// Read: 3 bytes then 9 use one draw and a half of the next, as one read of 12.
	a, b := make([]byte, 3), make([]byte, 9)
	r.Read(a)
	r.Read(b)
	r2 := rand.New(rand.NewSource(99))
	r3 := rand.New(rand.NewSource(99))
	c := make([]byte, 12)
	r2.Read(c[:3])
	r2.Read(c[3:])
	d := make([]byte, 12)
	n, err := r3.Read(d)
	fmt.Println("Read", a, b, n, err, fmt.Sprint(c) == fmt.Sprint(d))

	// Reseeding restarts the stream.
	r.Seed(42)
	fmt.Println("reseeded", r.Int63())

	// A Source of the program's own.
	cr := rand.New(&counter{})
	fmt.Println("counter", cr.Int63(), cr.Uint64(), cr.Intn(100), cr.Float64())
	cr.Seed(5)
	fmt.Println("counter seeded", cr.Int63())

	// Zipf, s=1.5 v=2 imax=100.
	z := rand.NewZipf(rand.New(rand.NewSource(1)), 1.5, 2, 100)
	var zs []uint64
	for i := 0; i < 10; i++ {
		zs = append(zs, z.Uint64())
	}
	fmt.Println("Zipf", zs, rand.NewZipf(r, 0.5, 1, 10) == nil)

	// Sources with different seeds differ; the same seed agrees.
	s1, s2, s3 := rand.NewSource(1), rand.NewSource(2), rand.NewSource(1)
	x1, x2, x3 := s1.Int63(), s2.Int63(), s3.Int63()
	fmt.Println("sources", x1 == x2, x1 == x3)
	if s64, ok := rand.NewSource(3).(rand.Source64); ok {
		fmt.Println("Source64", s64.Uint64())
	}
}
