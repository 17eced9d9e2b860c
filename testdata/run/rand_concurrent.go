// run

// Goroutines drawing from math/rand's shared source at once: the source is locked,
// so every draw is in range, the draws of all goroutines together are exactly the
// seeded sequence (checked as a sorted multiset against a private generator), and
// Seed racing with the draws does not break them.

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

	want := make([]int64, 0, workers*each)
	r := rand.New(rand.NewSource(2024))
	for i := 0; i < workers*each; i++ {
		want = append(want, r.Int63())
	}
	less := func(s []int64) func(i, j int) bool { return func(i, j int) bool { return s[i] < s[j] } }
	sort.Slice(all, less(all))
	sort.Slice(want, less(want))
	same := len(all) == len(want)
	for i := range all {
		if !same || all[i] != want[i] {
			same = false
			break
		}
	}
	fmt.Println("draws", len(all), "same multiset as the seeded sequence:", same)

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
