// run

// Asynchronous preemption keeps every register: goroutines run float and integer
// loops without calls (so only the signal can stop them) on one P, are preempted
// many times over, and their results agree with gc's.
package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"time"
)

func floats(seed float64, n int) float64 {
	a, b, c, d := seed, seed*1.5, seed*2.25, seed*3.125
	for i := 0; i < n; i++ {
		a = a*0.999999 + b*1e-6
		b = b*0.999998 + c*2e-6
		c = c*0.999997 + d*3e-6
		d = d*0.999996 + a*4e-6
	}
	return a + b + c + d
}

func ints(seed uint64, n int) uint64 {
	x, y, z, w := seed, seed^0x9e3779b97f4a7c15, seed*3, seed+7
	for i := 0; i < n; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		y += x ^ z
		z = z*6364136223846793005 + 1442695040888963407
		w ^= y + z
	}
	return x ^ y ^ z ^ w
}

func main() {
	runtime.GOMAXPROCS(1)
	type result struct {
		i int
		f float64
		u uint64
	}
	results := make(chan result)
	var finished atomic.Int32
	const workers = 4
	for i := 0; i < workers; i++ {
		go func(i int) {
			f := floats(float64(i+1), 60000000)
			u := ints(uint64(i+1), 60000000)
			finished.Add(1)
			results <- result{i, f, u}
		}(i)
	}
	// main also needs the single P now and then: its timer only fires if the
	// workers are preempted.
	ticks := 0
	for ticks < 5 {
		time.Sleep(2 * time.Millisecond)
		ticks++
	}
	fmt.Println("main woke 5 times before any worker finished:", finished.Load() == 0)
	out := make([]result, workers)
	for i := 0; i < workers; i++ {
		r := <-results
		out[r.i] = r
	}
	for _, r := range out {
		fmt.Printf("worker %d: %.10e %d\n", r.i, r.f, r.u)
	}
}
