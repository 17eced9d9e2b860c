// run

// Over 10,000 goroutines parked at once, in every way a goroutine parks: gojit
// moves a parked goroutine's stack to a compact one and back when it wakes
// (runtime/stack.cc, "Parked stacks"; from 10,000 goroutines alive, hence the
// start gate), so each checks that its locals, the channel elements in its stack,
// its defers and a deep stack survive the moves.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

const n = 12000

type pair struct{ a, b int }

func check(i int, local [3]int, p *pair) int {
	if local[0] != i || local[1] != 2*i || local[2] != 3*i || p.a != i || p.b != -i {
		return -1_000_000
	}
	return i
}

// deep parks under d frames, so its stack is too big to compact.
func deep(d, i int, gate chan int) int {
	var pad [16]int
	pad[d%16] = i
	if d == 0 {
		<-gate
		return pad[0]
	}
	return deep(d-1, i, gate) + pad[d%16] - i
}

func main() {
	start := make(chan struct{})
	gate := make(chan int)
	results := make(chan int, n)
	sendc := make(chan [4]int)
	sel1, sel2 := make(chan int), make(chan string)
	var mu sync.Mutex
	var hold sync.WaitGroup
	hold.Add(1)
	mu.Lock()
	for i := 0; i < n; i++ {
		go func(i int) {
			<-start // so that all n are alive when they park below
			local := [3]int{i, 2 * i, 3 * i}
			p := &pair{i, -i}
			switch i % 7 {
			case 0: // receive
				v := <-gate
				results <- check(i, local, p) + v - 7
			case 1: // send of a value in this stack
				sendc <- [4]int{i, i, i, i}
				results <- check(i, local, p)
			case 2: // select
				select {
				case v := <-sel1:
					results <- check(i, local, p) + v - 1
				case s := <-sel2:
					results <- check(i, local, p) + len(s) - 2
				}
			case 3: // mutex
				mu.Lock()
				mu.Unlock()
				results <- check(i, local, p)
			case 4: // WaitGroup
				hold.Wait()
				results <- check(i, local, p)
			case 5: // sleep, with a defer recorded before parking
				defer func() { results <- check(i, local, p) }()
				time.Sleep(100 * time.Millisecond)
			case 6: // deep stack
				results <- deep(40, i, gate) + check(i, local, p) - i
			}
		}(i)
	}
	for runtime.NumGoroutine() < n+1 {
		time.Sleep(time.Millisecond)
	}
	close(start)
	time.Sleep(50 * time.Millisecond)
	want := 0
	for i := 0; i < n; i++ {
		want += i
		switch i % 7 {
		case 0, 6:
			gate <- 7
		case 2:
			if i%2 == 0 {
				sel1 <- 1
			} else {
				sel2 <- "ab"
			}
		}
	}
	bad := 0
	for i := 0; i < n; i++ {
		if i%7 == 1 {
			a := <-sendc
			if a[0] != a[1] || a[1] != a[2] || a[2] != a[3] {
				bad++
			}
		}
	}
	mu.Unlock()
	hold.Done()
	got := 0
	for i := 0; i < n; i++ {
		got += <-results
	}
	fmt.Println("parked:", n, "sum ok:", got == want, "bad sends:", bad)
}
