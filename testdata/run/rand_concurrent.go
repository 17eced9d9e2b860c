// run

// Goroutines drawing from math/rand's top-level functions at once: every draw is in
// range, no two of 16,000 Int63 draws are equal (the source is safe for concurrent
// use and not one sequence handed out twice), and Seed racing with the draws (a
// no-op since Go 1.24) does not break them.

package main

import (
	"fmt"
	"math/rand"
	"sort"
	"sync"
)

const (
	workers = 8
	each    = 2000
)

func main() {
	rand.Seed(2024)
	var mu sync.Mutex
	var all []int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mine := make([]int64, 0, each)
			for i := 0; i < each; i++ {
				mine = append(mine, rand.Int63())
			}
			mu.Lock()
			all = append(all, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()

	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	distinct := true
	for i := 1; i < len(all); i++ {
		if all[i] == all[i-1] || all[i] < 0 {
			distinct = false
		}
	}
	fmt.Println("draws", len(all), "all distinct and non-negative:", distinct)

	// Intn from many goroutines, with a Seed in the middle: counts per bucket add up
	// and every value is in range.
	var counts [10]int
	bad := 0
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			var local [10]int
			localBad := 0
			for i := 0; i < each; i++ {
				if w == 0 && i == each/2 {
					rand.Seed(7)
				}
				v := rand.Intn(10)
				if v < 0 || v >= 10 {
					localBad++
					continue
				}
				local[v]++
			}
			mu.Lock()
			for i, c := range local {
				counts[i] += c
			}
			bad += localBad
			mu.Unlock()
		}(w)
	}
	wg.Wait()
	total, empty := 0, 0
	for _, c := range counts {
		total += c
		if c == 0 {
			empty++
		}
	}
	fmt.Println("Intn total", total, "out of range", bad, "empty buckets", empty)

	// Float64 and Read concurrently.
	floats, reads := 0, 0
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			okF, okR := 0, 0
			buf := make([]byte, 5)
			for i := 0; i < each/4; i++ {
				if f := rand.Float64(); f >= 0 && f < 1 {
					okF++
				}
				if n, err := rand.Read(buf); n == len(buf) && err == nil {
					okR++
				}
			}
			mu.Lock()
			floats += okF
			reads += okR
			mu.Unlock()
		}(w)
	}
	wg.Wait()
	fmt.Println("Float64 in [0,1)", floats, "Read full", reads)
}
